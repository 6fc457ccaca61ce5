#include "core/log.h"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <boost/json.hpp>
#include <cmath>
#include <sstream>

namespace anju::log {
namespace {

namespace json = boost::json;

constexpr Millis kTs = 1795406400123;  // 2026-11-23T04:00:00.123Z

// One line, no raw control byte, and a JSON object that Boost.JSON (which rejects invalid
// UTF-8) reads.
json::object ParseLine(const std::string& line) {
  for (unsigned char c : line) {
    EXPECT_GE(c, 0x20) << "raw control byte in " << line;
    if (c < 0x20) break;
  }
  boost::system::error_code ec;
  json::value v = json::parse(line, ec);
  EXPECT_FALSE(ec) << ec.message() << " in " << line;
  if (ec || !v.is_object()) return {};
  return v.as_object();
}

struct Case {
  std::string in, out;  // out: what a parser reads back
};

const std::vector<Case>& HostileCases() {
  static const std::vector<Case> cases = {
      {"plain", "plain"},
      {R"(say "hi")", R"(say "hi")"},
      {R"(C:\path\"end\)", R"(C:\path\"end\)"},
      {"line1\nline2\r\n{\"type\":\"forged\"}", "line1\nline2\r\n{\"type\":\"forged\"}"},
      {std::string("nul\0byte", 8), std::string("nul\0byte", 8)},
      {"\x01\x07\b\t\x0b\f\x1b[31m\x1f\x7f", "\x01\x07\b\t\x0b\f\x1b[31m\x1f\x7f"},
      {"</script><script>alert(1)</script>", "</script><script>alert(1)</script>"},
      {"安居物业 · 收费", "安居物业 · 收费"},
      {"emoji \xF0\x9F\x98\x80", "emoji \xF0\x9F\x98\x80"},
      {"sep \xE2\x80\xA8 \xE2\x80\xA9", "sep \xE2\x80\xA8 \xE2\x80\xA9"},
      // Invalid UTF-8: each byte that starts no valid sequence becomes U+FFFD.
      {"bad \xFF end", "bad \xEF\xBF\xBD end"},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"cut \xE5\xAE", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"too big \xF4\x90\x80\x80", "too big \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"stray \x80 安", "stray \xEF\xBF\xBD 安"},
  };
  return cases;
}

TEST(LogTest, EscapesExactly) {
  std::string out;
  static constexpr char kIn[] = "a\"b\\c\nd\x01\x7f\0e\xE2\x80\xA8/<";
  AppendJsonString(out, std::string_view(kIn, sizeof kIn - 1));
  EXPECT_EQ(out, R"("a\"b\\c\nd\u0001\u007f\u0000e\u2028/<")");
}

TEST(LogTest, HostileMessagesComeBackAsOneLine) {
  for (const Case& c : HostileCases()) {
    std::string line = FormatLine(kTs, "info", c.in);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    json::object o = ParseLine(line);
    ASSERT_EQ(o.size(), 3u) << line;
    EXPECT_EQ(o.at("ts"), "2026-11-23T04:00:00.123Z");
    EXPECT_EQ(o.at("level"), "info");
    EXPECT_EQ(json::string_view(o.at("msg").as_string()), c.out) << line;
  }
}

TEST(LogTest, FieldsGoAtTheTopLevel) {
  for (const Case& c : HostileCases()) {
    std::string path = "/api/v1/" + c.in;
    Field fields[] = {{"type", "access"},    {"path", path},  {"status", 404},
                      {"bytes", size_t{12}}, {"ms", 1.23456}, {"slow", false},
                      {"nan", std::nan("")}, {c.in, "key"}};
    std::string line = FormatLine(kTs, "warning", "access", fields);
    json::object o = ParseLine(line);
    ASSERT_EQ(o.size(), 11u) << line;
    EXPECT_EQ(o.begin()->key(), "ts");  // the contract's keys come first
    EXPECT_EQ(o.at("level"), "warning");
    EXPECT_EQ(o.at("msg"), "access");
    EXPECT_EQ(o.at("type"), "access");
    EXPECT_EQ(json::string_view(o.at("path").as_string()), "/api/v1/" + c.out);
    EXPECT_EQ(o.at("status").as_int64(), 404);
    EXPECT_EQ(o.at("bytes").to_number<uint64_t>(), 12u);
    EXPECT_DOUBLE_EQ(o.at("ms").as_double(), 1.235);
    EXPECT_EQ(o.at("slow"), false);
    EXPECT_TRUE(o.at("nan").is_null());
    EXPECT_EQ(o.at(c.out), "key");
  }
}

// What spdlog::info(…) anywhere in the code writes, through the formatter Setup installs.
TEST(LogTest, SpdlogMessagesAreEscapedIntoMsg) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  spdlog::logger logger("test", sink);
  logger.set_formatter(std::make_unique<JsonFormatter>());
  for (const Case& c : HostileCases()) {
    out.str("");
    logger.warn("http: {} failed", c.in);
    std::string text = out.str();
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    text.pop_back();
    json::object o = ParseLine(text);
    EXPECT_EQ(o.at("level"), "warning");
    EXPECT_EQ(json::string_view(o.at("msg").as_string()), "http: " + c.out + " failed") << text;
    std::string ts(o.at("ts").as_string());
    EXPECT_EQ(ts.size(), 24u);
    EXPECT_EQ(ts.back(), 'Z');
  }
}

// The check above must be able to fail: a line built the old way (an access line wrapped
// unescaped in "msg") is not JSON.
TEST(LogTest, TheOldWrappedLineDoesNotParse) {
  boost::system::error_code ec;
  json::parse(R"({"ts":"2026-11-23T04:00:00.123Z","level":"info","msg":"{"type":"access"}"})", ec);
  EXPECT_TRUE(ec);
}

}  // namespace
}  // namespace anju::log
