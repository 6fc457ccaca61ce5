// Logging: every line Anju writes is one JSON object, so a log shipper can parse all of it.
//
// The contract (docs/OPERATIONS.md, "Logs and metrics"):
//   - One line per event, ended by "\n", holding exactly one JSON object whose first keys are
//     "ts" (UTC, "2026-11-23T04:00:00.123Z"), "level" ("debug", "info", "warning", "error",
//     "critical") and "msg" (text); structured lines add their fields after these, at the top
//     level (an access line: "type":"access", "request_id", "method", "path", "status", …).
//   - Every string is escaped: quotes, backslashes, control characters (NUL, newline, …) and
//     U+2028/U+2029 become JSON escapes; bytes that are not valid UTF-8 become U+FFFD. So
//     hostile text (a request path, a header, an exception's message) can neither end a line
//     nor leave its string.
//   - No personal data: never a body, a password, a phone or ID number, a token or a cookie.
//     Log ids, codes and counts; the caller decides what it passes, nothing here filters.
//
// Two ways to write, both safe:
//   spdlog::warn("notify: {} messages failed", n);          // formatted text, escaped into msg
//   log::Warn("database busy", {{"request_id", id}, {"error", e.what()}});  // fields on top
// Prefer log:: when a value is worth filtering on (a request id, a job name).
//
// Setup() installs this on spdlog's default logger; whoever calls spdlog::set_pattern or
// set_formatter afterwards breaks the contract, so nothing else may.
#pragma once

#include <spdlog/formatter.h>

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/clock.h"

namespace anju::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// One top-level field of a structured line: a key (an identifier from the code; not "ts",
// "level" or "msg") and a text, integer, number or boolean. Text is viewed, not copied: a
// Field lives only as long as the call it is passed to.
struct Field {
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  template <std::integral I>
  requires(!std::same_as<I, bool>) Field(std::string_view k, I v) : key(k) {
    if constexpr (std::signed_integral<I>)
      value = static_cast<int64_t>(v);
    else
      value = static_cast<uint64_t>(v);
  }
  Field(std::string_view k, double v) : key(k), value(v) {}  // 3 decimals; NaN and ∞ → null
  Field(std::string_view k, bool v) : key(k), value(v) {}

  std::string_view key;
  std::variant<std::string_view, int64_t, uint64_t, double, bool> value;
};

// Writes a structured line at `level` when the level is enabled. Thread-safe.
void Write(Level level, std::string_view msg, std::initializer_list<Field> fields = {});
inline void Debug(std::string_view msg, std::initializer_list<Field> f = {}) {
  Write(Level::kDebug, msg, f);
}
inline void Info(std::string_view msg, std::initializer_list<Field> f = {}) {
  Write(Level::kInfo, msg, f);
}
inline void Warn(std::string_view msg, std::initializer_list<Field> f = {}) {
  Write(Level::kWarn, msg, f);
}
inline void Error(std::string_view msg, std::initializer_list<Field> f = {}) {
  Write(Level::kError, msg, f);
}

// The access line of one request: {"ts":…,"level":"info","msg":"access","type":"access",
// <fields>}. Written only after Setup(…, access=true), so tests that send thousands of
// requests stay quiet. Thread-safe.
void Access(std::initializer_list<Field> fields);

enum class Output { kStdout, kStderr };

// Makes spdlog's default logger write JSON lines (this contract) to `out` at `level` (a
// spdlog level name: "debug", "info", "warn", "error", …; an unknown name is "off"), and
// turns access lines on or off. Call before other threads log; calling it again replaces the
// earlier setup. Before any Setup (unit tests), log:: lines go to spdlog's default logger.
void Setup(std::string_view level, Output out, bool access);

// The whole line (without "\n") for an event at `ts`: {"ts":…,"level":…,"msg":…,<fields>}.
std::string FormatLine(Millis ts, std::string_view level, std::string_view msg,
                       std::span<const Field> fields = {});

// Appends s as a JSON string literal, quotes included, escaped as the contract says.
void AppendJsonString(std::string& out, std::string_view s);

// The spdlog formatter behind Setup: a message formatted by spdlog becomes "msg" of a line
// (FormatLine without fields). Public so that tests can put it on a logger of their own.
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace anju::log
