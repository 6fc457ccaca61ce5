#include "core/clock.h"

namespace anju {

namespace {

struct Civil {
  int64_t y;
  unsigned m, d;
};

// Days since 1970-01-01 → proleptic Gregorian date (the "civil_from_days" algorithm of
// H. Hinnant's date paper): exact for every int64 day count we store.
Civil FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// The inverse of FromDays ("days_from_civil" of the same paper).
int64_t ToDays(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

void Put(char*& p, int64_t v, int width) {
  for (int i = width - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
  p += width;
}

void PutDate(char*& p, const Civil& c) {
  Put(p, c.y, 4);
  *p++ = '-';
  Put(p, c.m, 2);
  *p++ = '-';
  Put(p, c.d, 2);
}

}  // namespace

std::string FormatUtc(Millis t) {
  int64_t days = FloorDiv(t, kDay);
  int64_t ms = t - days * kDay;  // 0 ≤ ms < kDay
  char buf[32];
  char* p = buf;
  PutDate(p, FromDays(days));
  *p++ = 'T';
  Put(p, ms / kHour, 2);
  *p++ = ':';
  Put(p, ms / kMinute % 60, 2);
  *p++ = ':';
  Put(p, ms / kSecond % 60, 2);
  *p++ = '.';
  Put(p, ms % 1000, 3);
  *p++ = 'Z';
  return std::string(buf, p);
}

bool IsValidCivilMonth(std::string_view s) {
  return s.size() == 7 && s[4] == '-' && IsValidCivilDate(std::string(s) + "-01");
}

int64_t DaysFromCivil(std::string_view date) {
  auto num = [&](size_t at, size_t len) {
    int64_t v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (date[i] - '0');
    return v;
  };
  return ToDays(num(0, 4), static_cast<unsigned>(num(5, 2)), static_cast<unsigned>(num(8, 2)));
}

std::string AddDays(std::string_view date, int64_t days) {
  int64_t n = DaysFromCivil(date);
  char buf[16];
  char* p = buf;
  PutDate(p, FromDays(n + days));
  return std::string(buf, p);
}

std::string CivilDate(Millis t, int utc_offset_minutes) {
  char buf[16];
  char* p = buf;
  PutDate(p, FromDays(FloorDiv(t + utc_offset_minutes * kMinute, kDay)));
  return std::string(buf, p);
}

bool IsValidCivilDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < lens[k]; ++i) {
      char c = s[starts[k] + i];
      if (c < '0' || c > '9') return false;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  int y = v[0], m = v[1], d = v[2];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

}  // namespace anju
