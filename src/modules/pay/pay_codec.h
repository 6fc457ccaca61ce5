// Text formats the payment protocols share: exact 元 ↔ 分 conversion, form url-encoding
// (Alipay's parameters and notifies), and the providers' time stamps. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.h"

namespace anju::pay {

// Parses a 元 amount as Alipay writes it: one or more digits, optionally '.' and one or two
// digits ("0.01", "12.3", "100"). Nothing else is accepted: no sign, no exponent, no spaces,
// no third decimal. Returns 分, or nullopt (also on overflow).
std::optional<int64_t> ParseYuanToFen(std::string_view text);
// 1234 → "12.34", 1230 → "12.30", 5 → "0.05". fen must be >= 0.
std::string FormatFenAsYuan(int64_t fen);

using FormParams = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes every byte but [A-Za-z0-9-_.~] (space as %20, UTF-8 byte by byte).
std::string UrlEncode(std::string_view s);
// Decodes application/x-www-form-urlencoded: '+' is a space, %XX a byte. nullopt when a
// '%' is not followed by two hex digits.
std::optional<std::string> FormDecode(std::string_view s);
// Splits "a=1&b=2" into decoded pairs in order. nullopt on a bad escape or a pair without
// '='; empty segments ("a=1&&b=2") are skipped.
std::optional<FormParams> ParseForm(std::string_view body);
// "k=UrlEncode(v)&…" in the given order.
std::string EncodeForm(const FormParams& params);

// Milliseconds of a UTC instant from a civil date and time; no validation of ranges.
Millis CivilToMillis(int y, int mo, int d, int h, int mi, int s);
// RFC 3339 with seconds and an offset: "2026-11-23T10:34:56+08:00" or "...Z".
std::optional<Millis> ParseRfc3339(std::string_view text);
// Formats t in China time: "2026-11-23T10:34:56+08:00".
std::string FormatRfc3339China(Millis t);
// "2026-11-23 10:34:56" read / written as China time (UTC+8), as Alipay does.
std::optional<Millis> ParseChinaDateTime(std::string_view text);
std::string FormatChinaDateTime(Millis t);

// A string member of a JSON object, or "" when it is missing or not a string.
std::string JsonStr(const boost::json::object& o, std::string_view key);

}  // namespace anju::pay
