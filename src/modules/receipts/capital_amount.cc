#include "modules/receipts/capital_amount.h"

namespace anju::receipts {

namespace {

constexpr const char* kDigit[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr const char* kPlace[] = {"", "拾", "佰", "仟"};

// 1..9999 without leading 零; zeros inside collapse into one 零, trailing zeros vanish.
std::string Section(uint64_t n) {
  std::string out;
  bool zero = false;
  uint64_t div = 1000;
  for (int place = 3; place >= 0; --place, div /= 10) {
    uint64_t d = n / div % 10;
    if (d == 0) {
      zero = !out.empty();
      continue;
    }
    if (zero) out += kDigit[0];
    zero = false;
    out += kDigit[d];
    out += kPlace[place];
  }
  return out;
}

// 1..99999999: 万 and the section below it, with 零 when the lower section lacks 仟.
std::string BelowYi(uint64_t n) {
  uint64_t high = n / 10000, low = n % 10000;
  std::string out = high ? Section(high) + "万" : "";
  if (low) out += (high && low < 1000 ? kDigit[0] : "") + Section(low);
  return out;
}

// n ≥ 1: groups of 亿 (recursively, so 1e12 is 壹万亿).
std::string Yuan(uint64_t n) {
  uint64_t high = n / 100000000, low = n % 100000000;
  std::string out = high ? Yuan(high) + "亿" : "";
  if (low) out += (high && low < 10000000 ? kDigit[0] : "") + BelowYi(low);
  return out;
}

}  // namespace

std::string CapitalAmount(int64_t fen) {
  // The magnitude as unsigned, so INT64_MIN is exact too.
  uint64_t n = fen < 0 ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string out = fen < 0 ? "负" : "";
  uint64_t yuan = n / 100, jiao = n / 10 % 10, cents = n % 10;
  if (yuan == 0 && jiao == 0 && cents == 0) return "零元整";
  if (yuan > 0) out += Yuan(yuan) + "元";
  if (jiao == 0 && cents == 0) return out + "整";
  if (jiao > 0)
    out += std::string(kDigit[jiao]) + "角";
  else if (yuan > 0)
    out += kDigit[0];  // 壹元零伍分
  if (cents > 0) out += std::string(kDigit[cents]) + "分";
  return out;
}

}  // namespace anju::receipts
