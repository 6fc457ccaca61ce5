// The error catalogue's rules, checked on the real catalogue and the sources under src/.
//
// Two checks that cover for each other:
// - CatalogueProblems reads the compiled lists (app/error_catalogue.h): a code defined twice
//   (even with identical fields), an i18n key used by two codes, a code that is not
//   UPPER_SNAKE, a key that is not `area.snake_case`, an empty message.
// - SourceProblems reads the text of every .h/.cc under src/ (tests excluded: their fakes
//   are not the server's errors) and finds each ErrorDef definition by its code: one
//   outside a `*_errors.h`, one missing from its header's list, a code defined in two
//   places, or a listed code whose definition the scan cannot find. The last rule keeps the
//   scan honest: a definition in a layout it cannot read fails instead of passing unseen.
// Each rule is shown catching a violation on a small fixture before the real run.
#include "app/error_catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef ANJU_SOURCE_DIR
#error "CMakeLists.txt gives this file ANJU_SOURCE_DIR, the source tree's root"
#endif

namespace anju::app {
namespace {

namespace fs = std::filesystem;

// Words of [a-z0-9] (or [A-Z0-9]) joined by single '_', starting with a letter.
bool IsSnake(std::string_view s, bool upper) {
  if (s.empty()) return false;
  auto letter = [&](char c) { return upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!letter(s.front()) || s.back() == '_') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_' ? s[i - 1] == '_' : !(letter(c) || digit(c))) return false;
  }
  return true;
}

bool IsUpperSnake(std::string_view code) { return IsSnake(code, true); }

// "property.house_not_found": one area, one dot, one snake_case name.
bool IsI18nKey(std::string_view key) {
  size_t dot = key.find('.');
  if (dot == std::string_view::npos) return false;
  return IsSnake(key.substr(0, dot), false) && IsSnake(key.substr(dot + 1), false);
}

std::vector<std::string> CatalogueProblems(std::span<const ErrorList> lists) {
  std::vector<std::string> out;
  struct Seen {
    const ErrorDef* def;
    std::string header;
  };
  std::map<std::string, Seen> by_code;
  std::map<std::string, std::string> code_of_key;
  for (const ErrorList& list : lists) {
    for (const ErrorDef* d : list.defs) {
      std::string code = d->code, key = d->i18n, at = std::string(" (") + list.header + ")";
      if (!IsUpperSnake(code)) out.push_back(code + at + ": a code is UPPER_SNAKE");
      if (!IsI18nKey(key))
        out.push_back(code + at + ": i18n key '" + key + "' is not area.snake_case");
      if (std::string_view(d->message).empty()) out.push_back(code + at + ": no message");
      auto [it, fresh] = by_code.try_emplace(code, Seen{d, list.header});
      if (!fresh)
        out.push_back(code + (it->second.def == d ? " is listed twice" : " is defined twice") +
                      ": in " + it->second.header + " and " + list.header);
      auto [k, new_key] = code_of_key.try_emplace(key, code);
      if (!new_key && k->second != code)
        out.push_back("i18n key '" + key + "' is used by " + k->second + " and " + code);
    }
  }
  return out;
}

// The source with its comments and the contents of its string and character literals
// blanked out (the quotes stay): the same length and the same newlines, so an offset in it
// is an offset in the source and gives the line.
std::string Mask(std::string_view s) {
  std::string out(s);
  auto blank = [&](size_t from, size_t to) {
    for (size_t k = from; k < to && k < out.size(); ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    char prev = i > 0 ? s[i - 1] : ' ';
    if (c == '/' && i + 1 < s.size() && (s[i + 1] == '/' || s[i + 1] == '*')) {
      size_t end = s[i + 1] == '/' ? s.find('\n', i) : s.find("*/", i + 2);
      end = end == std::string_view::npos ? s.size() : s[i + 1] == '/' ? end : end + 2;
      blank(i, end);
      i = end;
    } else if (c == 'R' && i + 1 < s.size() && s[i + 1] == '"' &&
               (!alnum(prev) || std::string_view("8LuU").find(prev) != std::string_view::npos)) {
      // A raw string R"delim( … )delim".
      size_t open = s.find('(', i + 2);
      if (open == std::string_view::npos) break;
      std::string close = ")" + std::string(s.substr(i + 2, open - i - 2)) + "\"";
      size_t end = s.find(close, open);
      end = end == std::string_view::npos ? s.size() : end + close.size();
      blank(i + 2, end - 1);
      i = end;
    } else if (c == '"' || (c == '\'' && !(alnum(prev) && i + 2 < s.size() &&
                                           alnum(s[i + 1]) && s[i + 2] != '\''))) {
      // A string or character literal (a ' between digits, as in 100'000, is neither).
      size_t j = i + 1;
      while (j < s.size() && s[j] != c && s[j] != '\n') j += s[j] == '\\' ? 2 : 1;
      blank(i + 1, j);
      i = std::min(j + 1, s.size());
    } else {
      ++i;
    }
  }
  return out;
}

// One ErrorDef definition found in a source text.
struct FoundDef {
  std::string file;  // path under src/
  int line = 0;
  std::string code;  // empty: the initializer does not start with the code's literal
};

// Every definition of an ErrorDef in `text` (the contents of src/`file`): a variable with an
// initializer (`ErrorDef kX{…}`, `= {…}`, `("…", …)`) or a temporary `ErrorDef{…}`.
// References, pointers, members without initializer and `struct ErrorDef` are not.
std::vector<FoundDef> ScanDefs(const std::string& file, std::string_view text) {
  std::vector<FoundDef> out;
  std::string src = Mask(text);  // structure from here, literals from `text`
  auto space = [&](size_t p) {
    while (p < src.size() && std::isspace(static_cast<unsigned char>(src[p]))) ++p;
    return p;
  };
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  constexpr std::string_view kWord = "ErrorDef";
  for (size_t at = src.find(kWord); at != std::string::npos; at = src.find(kWord, at + 1)) {
    size_t after = at + kWord.size();
    if ((at > 0 && ident(src[at - 1])) || (after < src.size() && ident(src[after]))) continue;
    size_t before = src.find_last_not_of(" \t\n", at == 0 ? 0 : at - 1);
    if (before != std::string::npos && before >= 5 &&
        src.compare(before - 5, 6, "struct") == 0)
      continue;
    size_t p = space(after);
    if (p < src.size() && ident(src[p])) {  // a name: ErrorDef kX …
      while (p < src.size() && ident(src[p])) ++p;
      p = space(p);
      if (p >= src.size() || (src[p] != '{' && src[p] != '=' && src[p] != '(')) continue;
      if (src[p] == '(' && src[space(p + 1)] != '"') continue;  // a function returning one
    } else if (p >= src.size() || src[p] != '{') {
      continue;  // ErrorDef& d, ErrorDef* p, ErrorDef>, …
    }
    p = space(p + 1);
    if (p < src.size() && src[p] == '{') p = space(p + 1);  // = {…}
    FoundDef f{file, static_cast<int>(std::count(src.begin(), src.begin() + at, '\n')) + 1, ""};
    if (p < src.size() && src[p] == '"') {
      size_t end = src.find('"', p + 1);
      if (end != std::string::npos) f.code = std::string(text.substr(p + 1, end - p - 1));
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> SourceProblems(const std::vector<FoundDef>& found,
                                        std::span<const ErrorList> lists) {
  std::vector<std::string> out;
  std::map<std::string, std::string> listed_in;  // code → header
  for (const ErrorList& list : lists)
    for (const ErrorDef* d : list.defs) listed_in.try_emplace(d->code, list.header);
  std::map<std::string, std::vector<const FoundDef*>> by_code;
  auto where = [](const FoundDef& f) { return f.file + ":" + std::to_string(f.line); };
  for (const FoundDef& f : found) {
    if (f.code.empty()) {
      out.push_back(where(f) + ": cannot read this ErrorDef's code; declare it as "
                               "`inline constexpr ErrorDef kName{\"CODE\", ErrorKind::k…, "
                               "\"area.key\", \"Message\"};` in an `<area>_errors.h`");
      continue;
    }
    by_code[f.code].push_back(&f);
    if (!f.file.ends_with("_errors.h"))
      out.push_back(where(f) + ": " + f.code +
                    " is defined outside a *_errors.h; declare it in the `<area>_errors.h` of "
                    "the module that owns it, or include the owner's header");
    auto l = listed_in.find(f.code);
    if (l == listed_in.end())
      out.push_back(where(f) + ": " + f.code +
                    " is not in the catalogue; add it to the k…Errors array at the end of its "
                    "header (and a new header's array to app/error_catalogue.cc)");
    else if (l->second != f.file)
      out.push_back(where(f) + ": " + f.code + " is listed under " + l->second);
  }
  for (const auto& [code, defs] : by_code) {
    if (defs.size() < 2) continue;
    std::string at;
    for (const FoundDef* f : defs) at += " " + where(*f);
    out.push_back(code + " is defined " + std::to_string(defs.size()) + " times:" + at);
  }
  for (const auto& [code, header] : listed_in)
    if (!by_code.count(code))
      out.push_back(code + " is listed under " + header +
                    " but no definition of it was found there");
  return out;
}

// Passes when some problem contains `needle`; the message shows them all.
::testing::AssertionResult Mentions(const std::vector<std::string>& problems,
                                    std::string_view needle) {
  for (const std::string& p : problems)
    if (p.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  std::string all;
  for (const std::string& p : problems) all += "\n  " + p;
  return ::testing::AssertionFailure() << "no problem mentions '" << needle << "'; got:"
                                       << (all.empty() ? " none" : all);
}

std::string Joined(const std::vector<std::string>& problems) {
  std::string all;
  for (const std::string& p : problems) all += p + "\n";
  return all;
}

// ---- Fixtures: each rule catches its violation -------------------------------------

constexpr ErrorDef kFixHouse{"FIX_HOUSE_NOT_FOUND", ErrorKind::kNotFound,
                             "fix.house_not_found", "House not found"};
constexpr ErrorDef kFixHouseCopy{"FIX_HOUSE_NOT_FOUND", ErrorKind::kNotFound,
                                 "fix.house_not_found", "House not found"};
constexpr ErrorDef kFixHouseOtherKind{"FIX_HOUSE_NOT_FOUND", ErrorKind::kValidation,
                                      "fix.house_missing", "House not found"};
constexpr ErrorDef kFixProject{"FIX_PROJECT_NOT_FOUND", ErrorKind::kNotFound,
                               "fix.project_not_found", "Project not found"};
constexpr ErrorDef kFixSharedKey{"FIX_PROJECT_GONE", ErrorKind::kNotFound,
                                 "fix.project_not_found", "Project gone"};
constexpr ErrorDef kFixLowerCode{"Fix_house_taken", ErrorKind::kConflict, "fix.house_taken",
                                 "Taken"};
constexpr ErrorDef kFixDashCode{"FIX-HOUSE-TAKEN", ErrorKind::kConflict, "fix.house_taken2",
                                "Taken"};
constexpr ErrorDef kFixCamelKey{"FIX_ROOM_NOT_FOUND", ErrorKind::kNotFound,
                                "fix.roomNotFound", "Room not found"};
constexpr ErrorDef kFixNoArea{"FIX_FLOOR_NOT_FOUND", ErrorKind::kNotFound, "floor_not_found",
                              "Floor not found"};
constexpr ErrorDef kFixTwoDots{"FIX_GATE_NOT_FOUND", ErrorKind::kNotFound,
                               "fix.gate.not_found", "Gate not found"};

TEST(ErrorCatalogueTest, NameRules) {
  EXPECT_TRUE(IsUpperSnake("HOUSE_NOT_FOUND"));
  EXPECT_TRUE(IsUpperSnake("WO_2FA_REQUIRED"));
  EXPECT_FALSE(IsUpperSnake("House_not_found"));
  EXPECT_FALSE(IsUpperSnake("HOUSE__NOT_FOUND"));
  EXPECT_FALSE(IsUpperSnake("_HOUSE"));
  EXPECT_FALSE(IsUpperSnake("HOUSE_"));
  EXPECT_FALSE(IsUpperSnake("2FA"));
  EXPECT_FALSE(IsUpperSnake(""));
  EXPECT_TRUE(IsI18nKey("property.house_not_found"));
  EXPECT_TRUE(IsI18nKey("common.rate_limited"));
  EXPECT_FALSE(IsI18nKey("property"));
  EXPECT_FALSE(IsI18nKey("property.HouseNotFound"));
  EXPECT_FALSE(IsI18nKey("Property.house_not_found"));
  EXPECT_FALSE(IsI18nKey("property.house.not_found"));
  EXPECT_FALSE(IsI18nKey(".house_not_found"));
  EXPECT_FALSE(IsI18nKey("property."));
}

TEST(ErrorCatalogueTest, CatalogueRulesCatchEachViolation) {
  const ErrorDef* clean[] = {&kFixHouse, &kFixProject};
  ErrorList ok[] = {{"fix/a_errors.h", clean}};
  EXPECT_TRUE(CatalogueProblems(ok).empty()) << Joined(CatalogueProblems(ok));

  // The same code twice, even with identical fields, in two headers or one.
  const ErrorDef* a[] = {&kFixHouse};
  const ErrorDef* b[] = {&kFixHouseCopy};
  ErrorList twice[] = {{"fix/a_errors.h", a}, {"fix/b_errors.h", b}};
  EXPECT_TRUE(Mentions(CatalogueProblems(twice),
                       "FIX_HOUSE_NOT_FOUND is defined twice: in fix/a_errors.h and "
                       "fix/b_errors.h"));
  const ErrorDef* other_kind[] = {&kFixHouse, &kFixHouseOtherKind};
  ErrorList one_header[] = {{"fix/a_errors.h", other_kind}};
  EXPECT_TRUE(Mentions(CatalogueProblems(one_header), "FIX_HOUSE_NOT_FOUND is defined twice"));
  const ErrorDef* same_object[] = {&kFixHouse, &kFixHouse};
  ErrorList listed_twice[] = {{"fix/a_errors.h", same_object}};
  EXPECT_TRUE(Mentions(CatalogueProblems(listed_twice), "FIX_HOUSE_NOT_FOUND is listed twice"));

  // One i18n key for two codes.
  const ErrorDef* shared[] = {&kFixProject, &kFixSharedKey};
  ErrorList shared_key[] = {{"fix/a_errors.h", shared}};
  EXPECT_TRUE(Mentions(CatalogueProblems(shared_key),
                       "i18n key 'fix.project_not_found' is used by FIX_PROJECT_NOT_FOUND and "
                       "FIX_PROJECT_GONE"));

  // Spelling of codes and keys.
  const ErrorDef* badly_spelt[] = {&kFixLowerCode, &kFixDashCode, &kFixCamelKey, &kFixNoArea,
                                   &kFixTwoDots};
  ErrorList spelling[] = {{"fix/a_errors.h", badly_spelt}};
  auto problems = CatalogueProblems(spelling);
  EXPECT_TRUE(Mentions(problems, "Fix_house_taken (fix/a_errors.h): a code is UPPER_SNAKE"));
  EXPECT_TRUE(Mentions(problems, "FIX-HOUSE-TAKEN (fix/a_errors.h): a code is UPPER_SNAKE"));
  EXPECT_TRUE(Mentions(problems, "'fix.roomNotFound' is not area.snake_case"));
  EXPECT_TRUE(Mentions(problems, "'floor_not_found' is not area.snake_case"));
  EXPECT_TRUE(Mentions(problems, "'fix.gate.not_found' is not area.snake_case"));
  EXPECT_EQ(problems.size(), 5u) << Joined(problems);
}

// A source file in every layout the scan must read, and things it must leave alone.
constexpr std::string_view kFixtureSource = R"cc(
// inline constexpr ErrorDef kCommented{"IN_A_COMMENT", ErrorKind::kNotFound, "x.a", "A"};
/* constexpr ErrorDef kBlock{"IN_A_BLOCK_COMMENT", ErrorKind::kNotFound, "x.b", "B"}; */
inline constexpr ErrorDef kA{"A_ONE", ErrorKind::kNotFound, "x.a_one", "A"};
constexpr ErrorDef kB =
    {"B_TWO", ErrorKind::kConflict, "x.b_two", "B // not a comment"};
static const ErrorDef kC("C_THREE", ErrorKind::kConflict, "x.c_three", "C");
constexpr int64_t kRows = 100'000;
Status Check(const ErrorDef& d);
ErrorDef Lookup(std::string_view code);
inline constexpr const ErrorDef* kFixErrors[] = {&kA, &kB};
struct ErrorDef {
  const char* code;
};
struct Holder {
  ErrorDef def;
};
const char* kSql = R"sql(SELECT 1 /* ErrorDef kNo{"IN_RAW_STRING"} */)sql";
Status F() { return Error(ErrorDef{"D_FOUR", ErrorKind::kInternal, "x.d_four", "D"}); }
inline constexpr ErrorDef kE{kA};
)cc";

TEST(ErrorCatalogueTest, ScanFindsEveryDefinitionAndOnlyThose) {
  std::vector<FoundDef> found = ScanDefs("fix/x.cc", kFixtureSource);
  std::vector<std::string> got;
  for (const FoundDef& f : found) got.push_back(f.code + "@" + std::to_string(f.line));
  EXPECT_EQ(got, (std::vector<std::string>{"A_ONE@4", "B_TWO@5", "C_THREE@7", "D_FOUR@19",
                                           "@20"}));
}

constexpr ErrorDef kFixA{"A_ONE", ErrorKind::kNotFound, "x.a_one", "A"};
constexpr ErrorDef kFixB{"B_TWO", ErrorKind::kConflict, "x.b_two", "B"};

TEST(ErrorCatalogueTest, SourceRulesCatchEachViolation) {
  const ErrorDef* listed[] = {&kFixA, &kFixB};
  ErrorList lists[] = {{"fix/x_errors.h", listed}};
  constexpr std::string_view kHeader = R"cc(
inline constexpr ErrorDef kFixA{"A_ONE", ErrorKind::kNotFound, "x.a_one", "A"};
inline constexpr ErrorDef kFixB{"B_TWO", ErrorKind::kConflict, "x.b_two", "B"};
)cc";
  std::vector<FoundDef> found = ScanDefs("fix/x_errors.h", kHeader);
  EXPECT_TRUE(SourceProblems(found, lists).empty()) << Joined(SourceProblems(found, lists));

  // A definition in a .cc (or any file not named *_errors.h), here a second one of A_ONE.
  std::vector<FoundDef> with_cc = found;
  for (FoundDef& f : ScanDefs("fix/routes.cc", R"(constexpr ErrorDef kMine{"A_ONE", ErrorKind::kNotFound, "x.a_one", "A"};)"))
    with_cc.push_back(f);
  auto problems = SourceProblems(with_cc, lists);
  EXPECT_TRUE(Mentions(problems, "fix/routes.cc:1: A_ONE is defined outside a *_errors.h"));
  EXPECT_TRUE(Mentions(problems, "A_ONE is defined 2 times: fix/x_errors.h:2 fix/routes.cc:1"));
  EXPECT_TRUE(Mentions(problems, "fix/routes.cc:1: A_ONE is listed under fix/x_errors.h"));

  // A definition left out of its header's list.
  std::vector<FoundDef> unlisted = ScanDefs(
      "fix/x_errors.h", std::string(kHeader) +
                            "inline constexpr ErrorDef kC{\"C_THREE\", ErrorKind::kConflict, "
                            "\"x.c_three\", \"C\"};\n");
  EXPECT_TRUE(Mentions(SourceProblems(unlisted, lists),
                       "fix/x_errors.h:4: C_THREE is not in the catalogue"));

  // A listed code whose definition the scan did not find (an unreadable layout).
  std::vector<FoundDef> only_a(found.begin(), found.begin() + 1);
  only_a.push_back({"fix/x_errors.h", 9, ""});
  problems = SourceProblems(only_a, lists);
  EXPECT_TRUE(Mentions(problems, "B_TWO is listed under fix/x_errors.h but no definition"));
  EXPECT_TRUE(Mentions(problems, "fix/x_errors.h:9: cannot read this ErrorDef's code"));
}

// ---- The real catalogue and sources ---------------------------------------------------

TEST(ErrorCatalogueTest, EveryCodeOnceWithOneKindAndOneKey) {
  std::span<const ErrorList> lists = ErrorCatalogue();
  std::vector<std::string> problems = CatalogueProblems(lists);
  EXPECT_TRUE(problems.empty()) << Joined(problems);

  std::map<std::string, const ErrorDef*> by_code;
  for (const ErrorList& l : lists)
    for (const ErrorDef* d : l.defs) by_code[d->code] = d;
  EXPECT_GT(by_code.size(), 150u);
  // The codes that were once defined in several places, with the owner's fields.
  ASSERT_TRUE(by_code.count("PROJECT_NOT_FOUND"));
  EXPECT_STREQ(by_code["PROJECT_NOT_FOUND"]->i18n, "org.project_not_found");
  ASSERT_TRUE(by_code.count("HOUSE_NOT_FOUND"));
  EXPECT_STREQ(by_code["HOUSE_NOT_FOUND"]->i18n, "property.house_not_found");
  ASSERT_TRUE(by_code.count("WO_CATEGORY_NOT_FOUND"));
  EXPECT_EQ(by_code["WO_CATEGORY_NOT_FOUND"]->kind, ErrorKind::kNotFound);
}

TEST(ErrorCatalogueTest, EveryDefinitionUnderSrcIsInItsErrorsHeaderAndListed) {
  fs::path src = fs::path(ANJU_SOURCE_DIR) / "src";
  ASSERT_TRUE(fs::is_directory(src)) << src;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.ends_with("_test.cc")) continue;
    if (name.ends_with(".h") || name.ends_with(".cc")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<FoundDef> found;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    for (FoundDef& f : ScanDefs(fs::relative(p, src).generic_string(), text.str()))
      found.push_back(std::move(f));
  }
  EXPECT_GT(found.size(), 150u);
  std::vector<std::string> problems = SourceProblems(found, ErrorCatalogue());
  EXPECT_TRUE(problems.empty()) << Joined(problems);
}

}  // namespace
}  // namespace anju::app
