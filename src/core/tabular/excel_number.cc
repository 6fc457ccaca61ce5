#include "core/tabular/excel_number.h"

#include <cctype>

namespace anju::tabular {

namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string ExpandExponent(std::string_view v) {
  std::string original(v);
  size_t i = 0;
  bool negative = false;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) negative = v[i++] == '-';
  std::string digits;  // the mantissa's digits without its point
  long point = 0;      // how many of them stand before the point
  while (i < v.size() && Digit(v[i])) digits += v[i++], ++point;
  if (i < v.size() && v[i] == '.')
    for (++i; i < v.size() && Digit(v[i]);) digits += v[i++];
  if (digits.empty() || i >= v.size() || (v[i] != 'E' && v[i] != 'e')) return original;
  ++i;
  bool exp_negative = false;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) exp_negative = v[i++] == '-';
  long exp = 0;
  size_t exp_start = i;
  while (i < v.size() && Digit(v[i]) && i - exp_start < 4) exp = exp * 10 + (v[i++] - '0');
  if (i == exp_start || i != v.size() || exp > 40) return original;
  point += exp_negative ? -exp : exp;
  // Drop leading zeros (each moves the point left) and trailing zeros after the point.
  size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  if (digits.empty()) return "0";
  while (static_cast<long>(digits.size()) > point && !digits.empty() && digits.back() == '0')
    digits.pop_back();
  std::string out = negative ? "-" : "";
  if (point <= 0) {
    out += "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (point >= static_cast<long>(digits.size())) {
    out += digits + std::string(static_cast<size_t>(point) - digits.size(), '0');
  } else {
    out += digits.substr(0, point) + "." + digits.substr(point);
  }
  return out;
}

bool ParseCellRef(std::string_view ref, size_t* col, size_t* row) {
  size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i])) && i < 3)
    c = c * 26 + static_cast<size_t>(ref[i++] - 'A' + 1);
  if (i == 0 || c > 16384) return false;
  size_t row_start = i;
  while (i < ref.size() && Digit(ref[i]) && i - row_start < 7) r = r * 10 + (ref[i++] - '0');
  if (i != ref.size() || r > 1048576 || (i > row_start && r == 0)) return false;
  *col = c - 1;
  *row = r;
  return true;
}

}  // namespace anju::tabular
