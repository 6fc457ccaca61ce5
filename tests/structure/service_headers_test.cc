// Services take typed commands and return typed values; routes adapt (http/README.md).
// So a module's headers — its services' public face — include nothing from http/: only a
// route header (`*_routes.h`) or a route adapter named below may, and a service header may
// not include those either (it would bring http/ in through them).
//
// The test reads every .h under src/modules/ and src/platform/ and fails
// naming the header and the line of each such include.
//
// Nor do service headers speak JSON: a service takes a command struct and returns a domain
// value; the route reads the body into the command and shapes the reply (`*_json.h` beside
// the routes). Headers whose JSON is a wire format or a stored document are named in
// kJsonIsTheirData with the reason; the test fails when any other header names `json::` or
// `JsonResult` outside a comment.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef ANJU_SOURCE_DIR
#error "anju_tests needs ANJU_SOURCE_DIR (CMakeLists.txt)"
#endif

namespace anju {
namespace {

namespace fs = std::filesystem;

// Headers that adapt a service to HTTP without registering routes, relative to src/.
const std::vector<std::string_view> kRouteAdapters = {
    "modules/billing/idempotent_route.h",  // Idempotency-Key around a money-moving route
};

// Headers whose JSON is the data itself, relative to src/.
const std::vector<std::string_view> kJsonIsTheirData = {
    "modules/pay/provider.h",      // the providers' order replies are JSON (WeChat Pay v3)
    "modules/pay/wechat_pay.h",    // WeChat Pay API v3 speaks JSON
    "modules/pay/alipay.h",        // Alipay's replies are JSON
    "modules/pay/pay_codec.h",     // the provider wire codecs
    "modules/pay/sim_util.h",      // the simulators' side of the same wire
    "platform/audit/audit_log.h",  // an audit row stores the before/after documents
    "platform/notify/channel.h",   // an SMS template's parameters go to the provider as JSON
    "modules/importer/kind.h",     // an import change stores the row's document before it
};

bool Listed(const std::vector<std::string_view>& list, std::string_view header) {
  return std::find(list.begin(), list.end(), header) != list.end();
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The lines of `source` (not comments) that name a boost::json type.
std::vector<int> JsonLines(const std::string& source) {
  static const std::regex kJson(R"(\bjson::|\bJsonResult\b)");
  std::vector<int> lines;
  std::istringstream in(source);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string code = line.substr(0, line.find("//"));
    if (std::regex_search(code, kJson)) lines.push_back(n);
  }
  return lines;
}

bool IsRouteSide(std::string_view header);

// What is wrong with `header` (relative to src/) speaking JSON: "" when nothing.
std::string JsonProblem(const std::string& header, const std::string& source) {
  if (IsRouteSide(header) || EndsWith(header, "_json.h") ||
      Listed(kJsonIsTheirData, header))
    return "";
  std::vector<int> lines = JsonLines(source);
  if (lines.empty()) return "";
  return header + ":" + std::to_string(lines.front()) +
         ": a service header names json:: (take a command struct, return a domain value; "
         "the route shapes the JSON in a *_json.h)";
}

bool IsRouteSide(std::string_view header) {
  constexpr std::string_view kSuffix = "_routes.h";
  if (header.size() >= kSuffix.size() && header.substr(header.size() - kSuffix.size()) == kSuffix)
    return true;
  return std::find(kRouteAdapters.begin(), kRouteAdapters.end(), header) != kRouteAdapters.end();
}

// "modules/billing/payments.h:12: includes http/reply.h" for each line of `source` (the text
// of `header`, a path relative to src/) that brings the HTTP layer into a service header.
std::vector<std::string> HttpIncludes(const std::string& header, const std::string& source) {
  std::vector<std::string> found;
  if (IsRouteSide(header)) return found;
  static const std::regex kInclude(R"(^\s*#\s*include\s*["<]([^">]+)[">])");
  std::istringstream in(source);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (!std::regex_search(line, m, kInclude)) continue;
    std::string target = m[1].str();
    if (target.rfind("http/", 0) == 0 || IsRouteSide(target))
      found.push_back(header + ":" + std::to_string(n) + ": includes " + target);
  }
  return found;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ServiceHeadersTest, CheckerCatchesAnHttpIncludeInAServiceHeader) {
  const std::string source =
      "// A service.\n"
      "#pragma once\n"
      "#include \"core/error.h\"\n"
      "#include \"http/reply.h\"\n"
      "  #  include <http/message.h>\n"
      "#include \"modules/billing/billing_routes.h\"\n"
      "#include \"modules/billing/idempotent_route.h\"\n"
      "// #include \"http/router.h\" (a comment, not an include)\n"
      "int f(const char* s = \"#include \\\"http/x.h\\\"\");\n";
  EXPECT_EQ(HttpIncludes("modules/billing/payments.h", source),
            (std::vector<std::string>{
                "modules/billing/payments.h:4: includes http/reply.h",
                "modules/billing/payments.h:5: includes http/message.h",
                "modules/billing/payments.h:6: includes modules/billing/billing_routes.h",
                "modules/billing/payments.h:7: includes modules/billing/idempotent_route.h"}));
  // The route side may include http/.
  EXPECT_TRUE(HttpIncludes("modules/billing/billing_routes.h", source).empty());
  EXPECT_TRUE(HttpIncludes("modules/billing/idempotent_route.h", source).empty());
  EXPECT_TRUE(HttpIncludes("modules/billing/payments.h", "#include \"core/page.h\"\n").empty());
}

TEST(ServiceHeadersTest, CheckerCatchesJsonInAServiceHeader) {
  const std::string typed = "// returns the json:: of nothing (a comment)\nResult<Bill> Get();\n";
  const std::string json = "#pragma once\n\nResult<boost::json::value> Get();\n";
  EXPECT_EQ(JsonProblem("modules/billing/bills.h", typed), "");
  EXPECT_EQ(JsonProblem("modules/billing/bills.h", json).rfind("modules/billing/bills.h:3: ", 0), 0u);
  EXPECT_EQ(JsonProblem("modules/billing/billing_json.h", json), "");
  EXPECT_EQ(JsonProblem("modules/billing/billing_routes.h", json), "");
  EXPECT_EQ(JsonProblem("modules/pay/wechat_pay.h", json), "");
  // A JsonResult alias counts as JSON too.
  EXPECT_NE(JsonProblem("platform/org/org_service.h", "JsonResult GetProject(int64_t id);\n"), "");
}

TEST(ServiceHeadersTest, NoServiceHeaderIncludesHttpOrSpeaksJson) {
  const fs::path src = fs::path(ANJU_SOURCE_DIR) / "src";
  ASSERT_TRUE(fs::is_directory(src / "modules")) << src;
  std::vector<std::string> found, json;
  int headers = 0;
  for (const char* root : {"modules", "platform"}) {
    if (!fs::is_directory(src / root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(src / root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".h") continue;
      ++headers;
      std::string rel = entry.path().lexically_relative(src).generic_string();
      std::string source = ReadFile(entry.path());
      for (std::string& f : HttpIncludes(rel, source)) found.push_back(f);
      if (std::string p = JsonProblem(rel, source); !p.empty()) json.push_back(p);
    }
  }
  EXPECT_GT(headers, 50);  // the walk found the modules
  std::sort(json.begin(), json.end());
  std::string json_list;
  for (const std::string& p : json) json_list += "\n  src/" + p;
  EXPECT_TRUE(json.empty()) << "Service headers speak typed values, not JSON:" << json_list;
  std::sort(found.begin(), found.end());
  std::string list;
  for (const std::string& f : found) list += "\n  src/" + f;
  EXPECT_TRUE(found.empty())
      << "Service headers must not include http/ (take a typed command, return a value; the "
         "route adapts — src/http/README.md):"
      << list;
}

}  // namespace
}  // namespace anju
