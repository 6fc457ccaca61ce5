#include "modules/importer/values.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "core/clock.h"

namespace anju::importer {

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // A full-width space (U+3000) at either end, as Chinese input methods type it.
  while (s.size() >= 3 && s.substr(0, 3) == "\u3000") s.remove_prefix(3);
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000") s.remove_suffix(3);
  return std::string(s);
}

std::optional<int64_t> ParseDecimal(std::string_view text, int decimals) {
  std::string s = Trim(text);
  std::erase(s, ',');
  if (s.empty() || s.size() > 18) return std::nullopt;
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || static_cast<int>(frac.size()) > decimals) return std::nullopt;
  if (!std::all_of(whole.begin(), whole.end(), ::isdigit) ||
      !std::all_of(frac.begin(), frac.end(), ::isdigit))
    return std::nullopt;
  frac.append(static_cast<size_t>(decimals) - frac.size(), '0');
  std::string digits = whole + frac;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  return v;
}

std::optional<std::string> ParseChoice(
    std::string_view text, const std::vector<std::pair<std::string_view, std::string_view>>& choices) {
  std::string s = Trim(text);
  std::string lower = s;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (auto& [code, label] : choices)
    if (lower == code || s == label) return std::string(code);
  return std::nullopt;
}

std::vector<std::string> Labels(
    const std::vector<std::pair<std::string_view, std::string_view>>& choices) {
  std::vector<std::string> out;
  for (auto& [code, label] : choices) out.emplace_back(label);
  return out;
}

std::optional<std::string> ParseDate(std::string_view text) {
  std::string s = Trim(text);
  if (!s.empty() && std::all_of(s.begin(), s.end(), ::isdigit) && s.size() <= 6) {
    // An Excel serial date: days since 1899-12-30.
    int64_t serial = std::stoll(s);
    if (serial < 1 || serial > 150000) return std::nullopt;
    return AddDays("1899-12-30", serial);
  }
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c%d", &y, &a, &m, &b, &d) != 5 || a != b ||
      (a != '-' && a != '/' && a != '.'))
    return std::nullopt;
  std::string out = fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
  if (!IsValidCivilDate(out)) return std::nullopt;
  return out;
}

}  // namespace anju::importer
