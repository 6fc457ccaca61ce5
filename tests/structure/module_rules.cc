#include "structure/module_rules.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

namespace anju::structure {

namespace fs = std::filesystem;

namespace {

bool IsIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The C++ lexer behind StringLiterals: just enough of the language to tell string literals
// from comments, character literals, numbers with digit separators and preprocessor lines.
class LiteralScanner {
 public:
  explicit LiteralScanner(std::string_view s) : s_(s) {}

  std::vector<Literal> Run() {
    bool line_start = true;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\n') {
        ++line_, ++i_, line_start = true;
        continue;
      }
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i_;
        continue;
      }
      if (s_.compare(i_, 2, "//") == 0) {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
        continue;
      }
      if (s_.compare(i_, 2, "/*") == 0) {
        size_t end = s_.find("*/", i_ + 2);
        end = end == std::string_view::npos ? s_.size() : end + 2;
        line_ += static_cast<int>(std::count(s_.begin() + i_, s_.begin() + end, '\n'));
        i_ = end;
        continue;
      }
      if (line_start && c == '#') {  // a preprocessor line, with its continuations
        Flush();
        while (i_ < s_.size() && s_[i_] != '\n') {
          if (s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++line_, ++i_;
          ++i_;
        }
        continue;
      }
      line_start = false;
      if (IsIdentStart(c)) {
        size_t j = i_;
        while (j < s_.size() && IsIdentChar(s_[j])) ++j;
        std::string_view word = s_.substr(i_, j - i_);
        bool prefix = word == "u8" || word == "u" || word == "U" || word == "L";
        bool raw_prefix =
            word == "R" || word == "u8R" || word == "uR" || word == "UR" || word == "LR";
        if (j < s_.size() && s_[j] == '"' && (prefix || raw_prefix)) {
          i_ = j;
          raw_prefix ? Raw() : Plain();
        } else {
          Flush();
          i_ = j;
        }
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(c))) {  // a number, 1'000'000 included
        Flush();
        while (i_ < s_.size() && (IsIdentChar(s_[i_]) || s_[i_] == '.' || s_[i_] == '\'')) ++i_;
        continue;
      }
      if (c == '"') {
        Plain();
        continue;
      }
      if (c == '\'') {  // a character literal
        Flush();
        for (++i_; i_ < s_.size() && s_[i_] != '\'' && s_[i_] != '\n'; ++i_)
          if (s_[i_] == '\\') ++i_;
        ++i_;
        continue;
      }
      Flush();  // any other token ends a run of adjacent literals
      ++i_;
    }
    Flush();
    return std::move(out_);
  }

 private:
  void Put(char c) {
    cur_.text += c;
    cur_.line_of.push_back(line_);
  }

  // "…" at i_: appended to the literal being joined.
  void Plain() {
    open_ = true;
    for (++i_; i_ < s_.size() && s_[i_] != '"'; ++i_) {
      char c = s_[i_];
      if (c == '\n') break;  // unterminated: stop at the line end
      if (c != '\\' || i_ + 1 >= s_.size()) {
        Put(c);
        continue;
      }
      char e = s_[++i_];
      if (e == '\n') {  // a line splice
        ++line_;
        continue;
      }
      static constexpr std::string_view kEscape = "ntr\\\"'?", kMeaning = "\n\t\r\\\"'?";
      if (size_t k = kEscape.find(e); k != std::string_view::npos) {
        Put(kMeaning[k]);
      } else {  // \x41, \101, \u…: kept as written
        Put('\\');
        Put(e);
      }
    }
    if (i_ < s_.size() && s_[i_] == '"') ++i_;
  }

  // R"delim( … )delim" at i_ (the R already read).
  void Raw() {
    open_ = true;
    size_t open = s_.find('(', i_);
    if (open == std::string_view::npos) {
      i_ = s_.size();
      return;
    }
    std::string close = ")" + std::string(s_.substr(i_ + 1, open - i_ - 1)) + "\"";
    size_t end = s_.find(close, open + 1);
    if (end == std::string_view::npos) end = s_.size();
    for (size_t k = open + 1; k < end; ++k) {
      Put(s_[k]);
      if (s_[k] == '\n') ++line_;
    }
    i_ = std::min(s_.size(), end + close.size());
  }

  void Flush() {
    if (open_) out_.push_back(std::move(cur_));
    cur_ = {};
    open_ = false;
  }

  std::string_view s_;
  size_t i_ = 0;
  int line_ = 1;
  bool open_ = false;
  Literal cur_;
  std::vector<Literal> out_;
};

struct Token {
  std::string word;  // lower case; one punctuation character for others
  bool ident = false;
  size_t at = 0;
};

std::vector<Token> SqlTokens(const std::string& s) {
  std::vector<Token> out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (IsIdentStart(c)) {
      size_t j = i;
      while (j < s.size() && IsIdentChar(s[j])) ++j;
      out.push_back({Lower(std::string_view(s).substr(i, j - i)), true, i});
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && IsIdentChar(s[j])) ++j;
      out.push_back({std::string(s.substr(i, j - i)), false, i});
      i = j;
    } else if (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '`') {
      ++i;  // quoted identifiers read as plain ones
    } else {
      out.push_back({std::string(1, c), false, i});
      ++i;
    }
  }
  return out;
}

// Words that end a table reference in a FROM list (so they are never taken for an alias).
const std::set<std::string>& Reserved() {
  static const std::set<std::string> k = {
      "where", "join",  "inner",  "left",   "right",     "full",   "cross",     "natural", "on",
      "using", "group", "order",  "limit",  "offset",    "set",    "values",    "select",  "union",
      "as",    "for",   "having", "window", "returning", "except", "intersect", "lateral"};
  return k;
}

std::vector<std::string> ParseList(std::string_view rest, std::string& problem) {
  std::string r = Trim(rest);
  if (!r.empty() && r.back() == '.') r.pop_back();
  if (r == "none") return {};
  std::vector<std::string> out;
  std::stringstream ss(r);
  std::string item;
  while (std::getline(ss, item, ',')) {
    std::string t = Trim(item);
    if (t.size() < 3 || t.front() != '`' || t.back() != '`' || t.find('`', 1) != t.size() - 1) {
      problem = "expected `name`, `name`, … or none, got \"" + r + "\"";
      return {};
    }
    out.push_back(t.substr(1, t.size() - 2));
  }
  if (out.empty()) problem = "an empty list (write none)";
  return out;
}

std::map<std::string, const Module*> ByName(const Tree& tree) {
  std::map<std::string, const Module*> out;
  for (const Module& m : tree.modules) out[m.name] = &m;
  return out;
}

std::map<std::string, ModuleDecl> Decls(const Tree& tree) {
  std::map<std::string, ModuleDecl> out;
  for (const Module& m : tree.modules) out[m.name] = ParseReadme(m.readme);
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

}  // namespace

std::vector<Literal> StringLiterals(std::string_view source) {
  return LiteralScanner(source).Run();
}

std::vector<TableMention> TablesNamed(const Literal& sql, const std::set<std::string>& tables) {
  static const std::set<std::string> kBefore = {"from",  "join",       "into",    "update",
                                                "table", "references", "truncate"};
  static const std::set<std::string> kSkip = {"if", "not", "exists", "only"};
  std::vector<Token> t = SqlTokens(sql.text);
  std::vector<TableMention> out;
  auto at = [&](size_t j) -> const Token* { return j < t.size() ? &t[j] : nullptr; };
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].ident || !kBefore.count(t[k].word)) continue;
    size_t j = k + 1;
    while (at(j) && at(j)->ident && kSkip.count(at(j)->word)) ++j;
    while (at(j) && at(j)->ident) {
      size_t name = j;
      // schema.table: the table is the last part
      while (at(name + 1) && at(name + 1)->word == "." && at(name + 2) && at(name + 2)->ident)
        name += 2;
      if (tables.count(t[name].word)) {
        size_t pos = t[name].at;
        out.push_back({t[name].word, pos < sql.line_of.size() ? sql.line_of[pos] : sql.line()});
      }
      if (t[k].word != "from") break;
      // FROM a x, b AS y: read on through the list
      j = name + 1;
      if (at(j) && at(j)->word == "as") ++j;
      if (at(j) && at(j)->ident && !Reserved().count(at(j)->word)) ++j;
      if (!at(j) || at(j)->word != ",") break;
      ++j;
    }
  }
  return out;
}

std::set<std::string> CreatedTables(std::string_view migration_sql) {
  static const std::regex kCreate(R"(create\s+table\s+(if\s+not\s+exists\s+)?"?([a-z_][a-z0-9_]*))",
                                  std::regex::icase);
  std::set<std::string> out;
  // Comments out first: "-- create table x later" is no table.
  std::string text;
  std::stringstream in{std::string(migration_sql)};
  for (std::string line; std::getline(in, line);) text += line.substr(0, line.find("--")) + "\n";
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kCreate);
       it != std::sregex_iterator(); ++it)
    out.insert(Lower((*it)[2].str()));
  return out;
}

ModuleDecl ParseReadme(std::string_view readme) {
  ModuleDecl d;
  int owns = 0, calls = 0;
  std::stringstream in{std::string(readme)};
  for (std::string line; std::getline(in, line);) {
    for (auto [key, count, list] : {std::tuple{"Owns tables:", &owns, &d.owns},
                                    std::tuple{"May call:", &calls, &d.may_call}}) {
      if (line.rfind(key, 0) != 0) continue;
      ++*count;
      std::string problem;
      *list = ParseList(std::string_view(line).substr(std::string_view(key).size()), problem);
      if (!problem.empty()) d.problems.push_back(std::string(key) + " " + problem);
    }
  }
  for (auto [key, count] : {std::pair{"Owns tables:", owns}, std::pair{"May call:", calls}}) {
    if (count == 0)
      d.problems.push_back(std::string("no line starting with \"") + key + "\"");
    else if (count > 1)
      d.problems.push_back(std::string("more than one line starting with \"") + key + "\"");
  }
  return d;
}

std::vector<IncludeRef> ModuleIncludes(std::string_view source) {
  static const std::regex kInclude(R"(^\s*#\s*include\s*"(modules|platform)/([A-Za-z0-9_]+)/)");
  std::vector<IncludeRef> out;
  std::stringstream in{std::string(source)};
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    std::smatch m;
    if (std::regex_search(line, m, kInclude)) out.push_back({m[2].str(), n});
  }
  return out;
}

std::optional<std::vector<std::string>> FindCycle(
    const std::map<std::string, std::vector<std::string>>& graph) {
  enum Color { kWhite, kGrey, kBlack };
  std::map<std::string, Color> color;
  std::vector<std::string> path;
  std::optional<std::vector<std::string>> found;
  std::function<void(const std::string&)> visit = [&](const std::string& v) {
    color[v] = kGrey;
    path.push_back(v);
    auto it = graph.find(v);
    if (it != graph.end()) {
      for (const std::string& w : it->second) {
        if (found) break;
        if (color[w] == kGrey) {
          auto from = std::find(path.begin(), path.end(), w);
          found = std::vector<std::string>(from, path.end());
          found->push_back(w);
        } else if (color[w] == kWhite) {
          visit(w);
        }
      }
    }
    path.pop_back();
    color[v] = kBlack;
  };
  for (const auto& [v, _] : graph)
    if (!found && color[v] == kWhite) visit(v);
  return found;
}

Tree LoadTree(const fs::path& root) {
  Tree tree;
  for (const char* dir : {"modules", "platform"}) {
    fs::path base = root / "src" / dir;
    if (!fs::is_directory(base)) continue;
    std::vector<fs::path> folders;
    for (const auto& e : fs::directory_iterator(base))
      if (e.is_directory()) folders.push_back(e.path());
    std::sort(folders.begin(), folders.end());
    for (const fs::path& folder : folders) {
      Module m;
      m.name = folder.filename().string();
      m.platform = std::string(dir) == "platform";
      m.has_readme = fs::exists(folder / "README.md");
      if (m.has_readme) m.readme = ReadFile(folder / "README.md");
      tree.modules.push_back(m);
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file() && (e.path().extension() == ".cc" || e.path().extension() == ".h"))
          files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files)
        tree.sources.push_back({m.name, fs::relative(f, root).generic_string(), ReadFile(f)});
    }
  }
  for (const char* dialect : {"sqlite", "postgres"}) {
    fs::path dir = root / "db" / "migrations" / dialect;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".sql") tree.tables.merge(CreatedTables(ReadFile(e.path())));
  }
  return tree;
}

std::vector<std::string> CheckDeclarations(const Tree& tree) {
  std::vector<std::string> out;
  auto modules = ByName(tree);
  for (const Module& m : tree.modules) {
    std::string readme =
        "src/" + std::string(m.platform ? "platform/" : "modules/") + m.name + "/README.md";
    if (!m.has_readme) {
      out.push_back(readme + ": missing (every module says what it owns and may call)");
      continue;
    }
    ModuleDecl d = ParseReadme(m.readme);
    for (const std::string& p : d.problems) out.push_back(readme + ": " + p);
    for (const std::string& t : d.owns)
      if (!tree.tables.count(t))
        out.push_back(readme + ": owns `" + t + "`, which no migration creates");
    for (const std::string& c : d.may_call) {
      if (c == m.name)
        out.push_back(readme + ": lists itself under May call");
      else if (!modules.count(c))
        out.push_back(readme + ": may call `" + c + "`, no such module");
    }
  }
  return out;
}

std::vector<std::string> CheckTableOwners(const Tree& tree) {
  std::map<std::string, std::vector<std::string>> owners;
  for (const auto& [name, d] : Decls(tree))
    for (const std::string& t : d.owns) owners[t].push_back(name);
  std::vector<std::string> out;
  for (const std::string& t : tree.tables) {
    const auto& o = owners[t];
    if (o.empty())
      out.push_back("table `" + t + "` has no owner: add it to one module's \"Owns tables:\"");
    else if (o.size() > 1)
      out.push_back("table `" + t + "` has " + std::to_string(o.size()) +
                    " owners: " + Join(o, ", "));
  }
  return out;
}

std::vector<std::string> CheckTableUse(const Tree& tree) {
  std::map<std::string, std::set<std::string>> owners;
  for (const auto& [name, d] : Decls(tree))
    for (const std::string& t : d.owns) owners[t].insert(name);
  std::vector<std::string> out;
  for (const SourceFile& f : tree.sources)
    for (const Literal& lit : StringLiterals(f.text))
      for (const TableMention& m : TablesNamed(lit, tree.tables)) {
        const auto& o = owners[m.table];
        if (o.count(f.module)) continue;
        out.push_back(f.path + ":" + std::to_string(m.line) + ": " + f.module + " names table `" +
                      m.table + "`, owned by " +
                      (o.empty() ? std::string("nobody") : Join({o.begin(), o.end()}, ", ")) +
                      ": call the owner's public function instead");
      }
  return out;
}

std::vector<std::string> CheckIncludes(const Tree& tree) {
  auto decls = Decls(tree);
  std::vector<std::string> out;
  for (const SourceFile& f : tree.sources) {
    const auto& may = decls[f.module].may_call;
    for (const IncludeRef& inc : ModuleIncludes(f.text)) {
      if (inc.module == f.module || std::count(may.begin(), may.end(), inc.module)) continue;
      out.push_back(f.path + ":" + std::to_string(inc.line) + ": " + f.module + " includes " +
                    inc.module + ", which is not on " + f.module + "'s \"May call:\" line");
    }
  }
  return out;
}

std::vector<std::string> CheckCallGraph(const Tree& tree) {
  std::map<std::string, std::vector<std::string>> graph;
  auto decls = Decls(tree);
  auto modules = ByName(tree);
  std::vector<std::string> out;
  for (const auto& [name, d] : decls) {
    graph[name] = d.may_call;
    bool platform = modules.count(name) && modules[name]->platform;
    for (const std::string& c : d.may_call)
      if (platform && modules.count(c) && !modules[c]->platform)
        out.push_back("platform module " + name + " may call " + c +
                      ", a business module: platform modules call platform modules only");
  }
  if (auto cycle = FindCycle(graph))
    out.push_back("the \"May call:\" lines form a cycle: " + Join(*cycle, " → "));
  return out;
}

}  // namespace anju::structure
