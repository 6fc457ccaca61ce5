#include "core/pii.h"

#include "core/clock.h"

namespace anju::pii {

std::optional<std::string> NormalizePhone(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c == ' ' || c == '-') continue;
    d.push_back(c);
  }
  if (d.rfind("+86", 0) == 0) d = d.substr(3);
  if (d.size() != 11 || d[0] != '1' || d[1] < '3' || d[1] > '9') return std::nullopt;
  for (char c : d)
    if (c < '0' || c > '9') return std::nullopt;
  return d;
}

std::optional<std::string> NormalizeIdNumber(std::string_view s) {
  if (s.size() != 18) return std::nullopt;
  std::string id(s);
  if (id[17] == 'x') id[17] = 'X';
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return std::nullopt;
    sum += (id[i] - '0') * kWeights[i];
  }
  if (kCheck[sum % 11] != id[17]) return std::nullopt;
  std::string birth = id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2);
  if (!IsValidCivilDate(birth)) return std::nullopt;
  return id;
}

std::string MaskPhone(std::string_view p) {
  if (p.size() != 11) return "****";
  return std::string(p.substr(0, 3)) + "****" + std::string(p.substr(7));
}

std::string IdNumberHint(std::string_view id) {
  if (id.size() < 8) return "";
  return std::string(id.substr(0, 4)) + std::string(id.substr(id.size() - 4));
}

std::string MaskIdNumber(std::string_view hint) {
  if (hint.size() != 8) return "";
  return std::string(hint.substr(0, 4)) + "**********" + std::string(hint.substr(4));
}

}  // namespace anju::pii
