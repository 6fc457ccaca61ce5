// Services take typed commands and return typed values; routes adapt (http/README.md).
// So a module's headers — its services' public face — include nothing from http/: only a
// route header (`*_routes.h`) or a route adapter named below may, and a service header may
// not include those either (it would bring http/ in through them).
//
// The test reads every .h under src/modules/ and src/platform/ and fails
// naming the header and the line of each such include.
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

TEST(ServiceHeadersTest, NoServiceHeaderIncludesHttp) {
  const fs::path src = fs::path(ANJU_SOURCE_DIR) / "src";
  ASSERT_TRUE(fs::is_directory(src / "modules")) << src;
  std::vector<std::string> found;
  int headers = 0;
  for (const char* root : {"modules", "platform"}) {
    if (!fs::is_directory(src / root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(src / root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".h") continue;
      ++headers;
      std::string rel = entry.path().lexically_relative(src).generic_string();
      for (std::string& f : HttpIncludes(rel, ReadFile(entry.path()))) found.push_back(f);
    }
  }
  EXPECT_GT(headers, 50);  // the walk found the modules
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
