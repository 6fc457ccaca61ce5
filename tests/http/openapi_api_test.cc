// Keeps api/openapi.yaml true: the routes the server registers and the operations the spec
// describes are the same set, and each operation lists the responses its kind of route can
// give (401 behind a session, 403 for CSRF on unsafe methods, 400/413/415 with a body).
//
// The spec is read with a small line parser, not a YAML library. It relies on the layout
// rules written at the top of api/openapi.yaml: path keys indented 2 spaces, methods 4,
// operation keys 6, response codes 8 and quoted.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSpecPath = "api/openapi.yaml";

struct Operation {
  int line = 0;                  // where the method key is, for messages
  std::string operation_id;
  std::optional<std::string> security;  // the text after `security:`, if the op has one
  bool has_request_body = false;
  std::set<std::string> responses;  // "200", "401", …, "default"
};

// (METHOD, path) → operation.
using Spec = std::map<std::pair<std::string, std::string>, Operation>;

// The number of leading spaces, or -1 for a blank or comment-only line.
int Indent(const std::string& line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string::npos || line[i] == '#') return -1;
  return static_cast<int>(i);
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  size_t i = s.find_first_not_of(' ');
  return i == std::string::npos ? std::string() : s.substr(i);
}

// "key: value" → key; "" when the line is not a plain key.
std::string KeyOf(const std::string& trimmed) {
  size_t colon = trimmed.find(':');
  if (colon == std::string::npos) return "";
  return trimmed.substr(0, colon);
}

std::string ValueOf(const std::string& trimmed) {
  size_t colon = trimmed.find(':');
  return colon == std::string::npos ? "" : Trim(trimmed.substr(colon + 1));
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool IsMethod(const std::string& key) {
  static const std::set<std::string> kMethods = {"get",    "put",     "post", "delete",
                                                 "patch",  "head",    "options", "trace"};
  return kMethods.count(key) > 0;
}

bool IsUnsafe(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Parses the `paths:` section. Fails the test (and returns what it has) on a layout the
// parser does not understand, so that a reformatted spec cannot pass by being skipped.
Spec ParsePaths(std::istream& in) {
  Spec spec;
  std::string raw, path;
  Operation* op = nullptr;
  bool in_paths = false, in_responses = false;
  int n = 0;
  while (std::getline(in, raw)) {
    ++n;
    int indent = Indent(raw);
    if (indent < 0) continue;
    std::string line = Trim(raw);
    if (indent == 0) {
      if (in_paths) break;  // the next top-level key ends the section
      in_paths = line == "paths:";
      continue;
    }
    if (!in_paths) continue;
    if (indent == 2) {
      EXPECT_TRUE(line.size() > 2 && line[0] == '/' && line.back() == ':')
          << kSpecPath << ":" << n << ": expected a path key, got: " << line;
      path = line.substr(0, line.size() - 1);
      op = nullptr;
      in_responses = false;
    } else if (indent == 4) {
      std::string key = KeyOf(line);
      in_responses = false;
      op = nullptr;
      if (IsMethod(key)) {
        EXPECT_EQ(line, key + ":") << kSpecPath << ":" << n;
        auto [it, inserted] = spec.try_emplace({Upper(key), path});
        EXPECT_TRUE(inserted) << kSpecPath << ":" << n << ": " << key << " " << path
                              << " appears twice";
        op = &it->second;
        op->line = n;
      } else {
        EXPECT_TRUE(key == "parameters" || key == "summary" || key == "description")
            << kSpecPath << ":" << n << ": unexpected path-level key: " << line;
      }
    } else if (op && indent == 6) {
      std::string key = KeyOf(line);
      in_responses = key == "responses";
      if (key == "requestBody") op->has_request_body = true;
      if (key == "security") op->security = ValueOf(line);
      if (key == "operationId") op->operation_id = ValueOf(line);
    } else if (op && in_responses && indent == 8) {
      std::string key = KeyOf(line);
      if (key == "default") {
        op->responses.insert(key);
      } else {
        bool quoted_code = key.size() == 5 && key.front() == '"' && key.back() == '"' &&
                           std::isdigit(static_cast<unsigned char>(key[1])) &&
                           std::isdigit(static_cast<unsigned char>(key[2])) &&
                           std::isdigit(static_cast<unsigned char>(key[3]));
        EXPECT_TRUE(quoted_code) << kSpecPath << ":" << n
                                 << ": response codes must be quoted, got: " << line;
        if (quoted_code) op->responses.insert(key.substr(1, 3));
      }
    }
  }
  EXPECT_TRUE(in_paths || !spec.empty()) << kSpecPath << " has no `paths:` section";
  return spec;
}

// The source directory: ANJU_SOURCE_DIR if set, else the first directory holding
// api/openapi.yaml walking up from the working directory, from the test binary, from the
// source dir recorded in a CMakeCache.txt beside the binary, or from this file.
std::optional<fs::path> FindSpec() {
  auto walk_up = [](fs::path dir) -> std::optional<fs::path> {
    std::error_code ec;
    for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
      if (fs::exists(d / kSpecPath, ec)) return d / kSpecPath;
      if (d == d.parent_path()) break;
    }
    return std::nullopt;
  };
  std::vector<fs::path> starts;
  if (const char* env = std::getenv("ANJU_SOURCE_DIR")) starts.emplace_back(env);
  std::error_code ec;
  starts.push_back(fs::current_path(ec));
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    starts.push_back(exe.parent_path());
    // A build directory outside the source tree: CMakeCache.txt names the source.
    for (fs::path d = exe.parent_path(); !d.empty() && d != d.parent_path(); d = d.parent_path()) {
      std::ifstream cache(d / "CMakeCache.txt");
      std::string line;
      const std::string key = "CMAKE_HOME_DIRECTORY:INTERNAL=";
      while (cache && std::getline(cache, line))
        if (line.rfind(key, 0) == 0) starts.emplace_back(line.substr(key.size()));
      if (cache.is_open()) break;
    }
  }
  starts.push_back(fs::path(__FILE__).parent_path());
  for (const fs::path& s : starts)
    if (auto found = walk_up(s)) return found;
  return std::nullopt;
}

class OpenApiSpecTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    app_ = new TestApp();
    if (auto p = FindSpec()) {
      path_ = new fs::path(*p);
      std::ifstream in(*p);
      spec_ = new Spec(ParsePaths(in));
    }
  }
  static void TearDownTestSuite() {
    delete app_;
    delete spec_;
    delete path_;
    app_ = nullptr;
    spec_ = nullptr;
    path_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(spec_, nullptr) << "api/openapi.yaml not found; set ANJU_SOURCE_DIR";
    ASSERT_FALSE(spec_->empty()) << "no operations parsed from " << *path_;
  }

  // (METHOD, pattern) → needs_auth, for every registered route.
  static std::map<std::pair<std::string, std::string>, bool> Routes() {
    std::map<std::pair<std::string, std::string>, bool> out;
    for (const auto& r : app_->app().router().Routes())
      out[{r.method, r.pattern}] = r.needs_auth;
    return out;
  }

  static std::string Name(const std::pair<std::string, std::string>& k) {
    return k.first + " " + k.second;
  }

  static TestApp* app_;
  static Spec* spec_;
  static fs::path* path_;
};
TestApp* OpenApiSpecTest::app_ = nullptr;
Spec* OpenApiSpecTest::spec_ = nullptr;
fs::path* OpenApiSpecTest::path_ = nullptr;

TEST_F(OpenApiSpecTest, DescribesExactlyTheRegisteredRoutes) {
  auto routes = Routes();
  ASSERT_FALSE(routes.empty());
  std::vector<std::string> missing, extra;
  for (const auto& [k, auth] : routes)
    if (!spec_->count(k)) missing.push_back(Name(k));
  for (const auto& [k, op] : *spec_)
    if (!routes.count(k)) extra.push_back(Name(k) + " (line " + std::to_string(op.line) + ")");
  std::ostringstream msg;
  if (!missing.empty()) {
    msg << "Registered by the server but missing from " << *path_ << ":\n";
    for (auto& m : missing) msg << "  " << m << "\n";
  }
  if (!extra.empty()) {
    msg << "In " << *path_ << " but not registered by the server:\n";
    for (auto& e : extra) msg << "  " << e << "\n";
  }
  EXPECT_TRUE(missing.empty() && extra.empty()) << msg.str();
  EXPECT_EQ(routes.size(), spec_->size());
}

TEST_F(OpenApiSpecTest, SecurityMatchesWhetherTheRouteNeedsASession) {
  for (const auto& [k, auth] : Routes()) {
    auto it = spec_->find(k);
    if (it == spec_->end()) continue;  // reported by DescribesExactlyTheRegisteredRoutes
    const Operation& op = it->second;
    if (!auth) {
      EXPECT_EQ(op.security.value_or("(inherited)"), "[]")
          << Name(k) << " is public: the spec must say `security: []` (line " << op.line << ")";
      continue;
    }
    EXPECT_NE(op.security.value_or(""), "[]")
        << Name(k) << " needs a session but the spec marks it public (line " << op.line << ")";
    EXPECT_TRUE(op.responses.count("401"))
        << Name(k) << " needs a session: list \"401\" (line " << op.line << ")";
    if (IsUnsafe(k.first)) {
      EXPECT_TRUE(op.security.value_or("").find("csrfHeader") != std::string::npos)
          << Name(k) << " is unsafe: its security must include csrfHeader (line " << op.line
          << ")";
      EXPECT_TRUE(op.responses.count("403"))
          << Name(k) << " is unsafe: list \"403\" for a bad CSRF token (line " << op.line << ")";
    }
  }
}

TEST_F(OpenApiSpecTest, OperationsWithABodyListTheBodyErrors) {
  for (const auto& [k, op] : *spec_) {
    if (!op.has_request_body) continue;
    for (const char* code : {"400", "413", "415"})
      EXPECT_TRUE(op.responses.count(code))
          << Name(k) << " takes a body: list \"" << code << "\" (line " << op.line << ")";
  }
}

TEST_F(OpenApiSpecTest, EveryOperationHasAnIdAndASuccessResponse) {
  std::map<std::string, std::string> ids;
  for (const auto& [k, op] : *spec_) {
    EXPECT_FALSE(op.operation_id.empty()) << Name(k) << " has no operationId";
    if (!op.operation_id.empty()) {
      auto [it, inserted] = ids.emplace(op.operation_id, Name(k));
      EXPECT_TRUE(inserted) << "operationId " << op.operation_id << " is used by " << it->second
                            << " and " << Name(k);
    }
    bool success = false;
    for (const std::string& code : op.responses) success |= code[0] == '2';
    EXPECT_TRUE(success) << Name(k) << " lists no 2xx response (line " << op.line << ")";
  }
}

// The parser itself, on a small spec, so that a silent parsing mistake cannot make the
// checks above vacuous.
TEST(OpenApiSpecParserTest, ReadsPathsMethodsBodiesSecurityAndResponses) {
  std::istringstream in(
      "openapi: 3.0.3\n"
      "paths:\n"
      "  # a comment\n"
      "  /a/{id}:\n"
      "    parameters:\n"
      "      - $ref: x\n"
      "    get:\n"
      "      operationId: getA\n"
      "      security: []\n"
      "      responses:\n"
      "        \"200\":\n"
      "          description: ok\n"
      "    patch:\n"
      "      security: [{ bearerAuth: [] }, { sessionCookie: [], csrfHeader: [] }]\n"
      "      requestBody:\n"
      "        required: true\n"
      "      responses:\n"
      "        \"200\": { description: ok }\n"
      "        \"400\": { $ref: y }\n"
      "components:\n"
      "  /not/a/path:\n"
      "    get:\n");
  Spec s = ParsePaths(in);
  ASSERT_EQ(s.size(), 2u);
  const Operation& get = s.at({"GET", "/a/{id}"});
  EXPECT_EQ(get.operation_id, "getA");
  EXPECT_EQ(get.security.value_or(""), "[]");
  EXPECT_FALSE(get.has_request_body);
  EXPECT_EQ(get.responses, (std::set<std::string>{"200"}));
  const Operation& patch = s.at({"PATCH", "/a/{id}"});
  EXPECT_TRUE(patch.has_request_body);
  EXPECT_TRUE(patch.security.value_or("").find("csrfHeader") != std::string::npos);
  EXPECT_EQ(patch.responses, (std::set<std::string>{"200", "400"}));
}

}  // namespace
}  // namespace anju::testing
