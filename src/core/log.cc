// JSON lines for spdlog (the contract is in log.h).
//
// Two spdlog loggers write to the same stream through console sinks, which share one lock,
// so their lines never interleave within a line:
//   - the default logger ("anju"), whose JsonFormatter escapes a message that spdlog
//     formatted into "msg" — for spdlog::info(…) calls anywhere;
//   - a private logger, not in spdlog's registry, that writes lines FormatLine already built —
//     for log::Write and log::Access, whose fields go at the top level. Those ask the default
//     logger's level first, so one setting governs both.
#include "core/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cmath>
#include <memory>

namespace anju::log {

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7), 0 when there is none:
// a stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut short.
size_t Utf8SequenceAt(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  size_t len = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  // The second byte's range narrows after E0 and F0 (no overlong form), ED (no surrogate)
  // and F4 (nothing beyond U+10FFFF).
  unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (b(1) < lo || b(1) > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if ((b(k) & 0xC0) != 0x80) return 0;
  return len;
}

spdlog::level::level_enum SpdlogLevel(Level l) {
  switch (l) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      return spdlog::level::err;
  }
  return spdlog::level::err;
}

void AppendField(std::string& out, const Field& f) {
  out += ',';
  AppendJsonString(out, f.key);
  out += ':';
  if (auto* s = std::get_if<std::string_view>(&f.value)) {
    AppendJsonString(out, *s);
  } else if (auto* i = std::get_if<int64_t>(&f.value)) {
    out += std::to_string(*i);
  } else if (auto* u = std::get_if<uint64_t>(&f.value)) {
    out += std::to_string(*u);
  } else if (auto* d = std::get_if<double>(&f.value)) {
    out += std::isfinite(*d) ? fmt::format("{:.3f}", *d) : "null";
  } else {
    out += std::get<bool>(f.value) ? "true" : "false";
  }
}

// Writes lines built by FormatLine as they are.
class LineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    dest.append(msg.payload.data(), msg.payload.data() + msg.payload.size());
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<LineFormatter>();
  }
};

// Set by Setup before other threads run; read-only afterwards.
std::shared_ptr<spdlog::logger> g_lines;
std::atomic<bool> g_access{false};

// {"ts":…,"level":…,"msg":…,<head>,<fields>}: head holds the fields a kind of line always
// has (the access type), before the caller's.
std::string BuildLine(Millis ts, std::string_view level, std::string_view msg,
                      std::span<const Field> head, std::span<const Field> fields) {
  std::string out;
  out.reserve(96 + msg.size());
  out += "{\"ts\":\"";
  out += FormatUtc(ts);
  out += "\",\"level\":";
  AppendJsonString(out, level);
  out += ",\"msg\":";
  AppendJsonString(out, msg);
  for (const Field& f : head) AppendField(out, f);
  for (const Field& f : fields) AppendField(out, f);
  out += '}';
  return out;
}

std::string_view LevelName(spdlog::level::level_enum level) {
  auto name = spdlog::level::to_string_view(level);
  return {name.data(), name.size()};
}

void WriteLine(spdlog::level::level_enum level, std::string_view msg, std::span<const Field> head,
               std::span<const Field> fields) {
  spdlog::logger* main = spdlog::default_logger_raw();
  if (!main->should_log(level)) return;
  std::string line = BuildLine(SystemClock().Now(), LevelName(level), msg, head, fields);
  if (g_lines) {
    g_lines->log(level, spdlog::string_view_t(line.data(), line.size()));
  } else {
    main->log(level, "{}", line);  // before Setup (tests): the line inside spdlog's own
  }
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    size_t len = Utf8SequenceAt(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for each byte that starts no valid sequence
      ++i;
      continue;
    }
    // U+2028 and U+2029 are valid JSON but end a line for JavaScript and some viewers.
    if (len == 3 && c == 0xE2 && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  out += '"';
}

std::string FormatLine(Millis ts, std::string_view level, std::string_view msg,
                       std::span<const Field> fields) {
  return BuildLine(ts, level, msg, {}, fields);
}

void JsonFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  Millis ts =
      std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
  std::string line = FormatLine(ts, LevelName(msg.level),
                                std::string_view(msg.payload.data(), msg.payload.size()));
  dest.append(line.data(), line.data() + line.size());
  dest.push_back('\n');
}

std::unique_ptr<spdlog::formatter> JsonFormatter::clone() const {
  return std::make_unique<JsonFormatter>();
}

void Write(Level level, std::string_view msg, std::initializer_list<Field> fields) {
  WriteLine(SpdlogLevel(level), msg, {}, std::span<const Field>(fields.begin(), fields.size()));
}

void Access(std::initializer_list<Field> fields) {
  if (!g_access.load(std::memory_order_relaxed)) return;
  static const Field kHead[] = {{"type", "access"}};
  WriteLine(spdlog::level::info, "access", kHead,
            std::span<const Field>(fields.begin(), fields.size()));
}

void Setup(std::string_view level, Output out, bool access) {
  // A formatter belongs to a sink, so each logger has a sink of its own.
  auto sink = [out]() -> spdlog::sink_ptr {
    if (out == Output::kStdout) return std::make_shared<spdlog::sinks::stdout_sink_mt>();
    return std::make_shared<spdlog::sinks::stderr_sink_mt>();
  };
  auto lvl = spdlog::level::from_str(std::string(level));
  auto main = std::make_shared<spdlog::logger>("anju", sink());
  main->set_formatter(std::make_unique<JsonFormatter>());
  main->set_level(lvl);
  spdlog::set_default_logger(main);
  // Loggers that code makes later through spdlog's registry get JSON lines too.
  spdlog::set_formatter(std::make_unique<JsonFormatter>());
  spdlog::set_level(lvl);
  auto lines = std::make_shared<spdlog::logger>("anju.lines", sink());
  lines->set_formatter(std::make_unique<LineFormatter>());
  lines->set_level(spdlog::level::trace);  // the default logger's level decides (WriteLine)
  g_lines = std::move(lines);
  g_access = access;
}

}  // namespace anju::log
