// Random calendars and pauses checked against a minute-by-minute reference that shares no
// code with Calendar (it walks local civil dates as strings). Deterministic seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "modules/workorder/sla/sla_clock.h"

namespace anju::workorder::sla {
namespace {

constexpr int64_t kDays = 42;
constexpr int64_t kMinutes = kDays * 24 * 60;

struct Reference {
  Millis base = 0;                     // UTC instant of minute 0
  std::vector<int64_t> prefix;         // working minutes in [0, i)
  std::vector<char> working;           // minute i is working
};

Reference Build(const BusinessHours& h, Millis base) {
  std::set<std::string> off(h.holidays.begin(), h.holidays.end());
  std::set<std::string> on(h.workdays.begin(), h.workdays.end());
  Reference r;
  r.base = base;
  r.prefix.assign(kMinutes + 1, 0);
  r.working.assign(kMinutes, 0);
  std::string date;
  bool day = false;
  for (int64_t i = 0; i < kMinutes; ++i) {
    const Millis t = base + i * kMinute;
    const int64_t local = t + h.utc_offset_minutes * kMinute;
    const int64_t minute = ((local % kDay + kDay) % kDay) / kMinute;
    if (i == 0 || minute == 0) {  // a new local day: classify it once
      date = CivilDate(t, h.utc_offset_minutes);
      const int64_t weekday = ((DaysFromCivil(date) + 3) % 7 + 7) % 7;  // Monday = 0
      day = on.count(date) || ((h.weekdays >> weekday & 1) && !off.count(date));
    }
    r.working[i] = day && minute >= h.open_minute && minute < h.close_minute;
    r.prefix[i + 1] = r.prefix[i] + r.working[i];
  }
  return r;
}

BusinessHours RandomHours(std::mt19937& rng, Millis base) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  BusinessHours h;
  const int offsets[] = {480, 0, -300, 345, 840, -720};
  h.utc_offset_minutes = offsets[pick(0, 5)];
  h.weekdays = static_cast<unsigned>(pick(1, 127));
  h.open_minute = pick(0, 1380);
  h.close_minute = pick(h.open_minute + 1, 1440);
  std::set<std::string> used;
  for (int n = pick(0, 8); n > 0; --n) {
    std::string d = CivilDate(base + pick(0, kDays - 1) * kDay);
    if (used.insert(d).second) h.holidays.push_back(d);
  }
  for (int n = pick(0, 4); n > 0; --n) {
    std::string d = CivilDate(base + pick(0, kDays - 1) * kDay);
    if (used.insert(d).second) h.workdays.push_back(d);
  }
  return h;
}

TEST(SlaPropertyTest, CalendarAndClockMatchTheReference) {
  std::mt19937 rng(20260105);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  const Millis base = DaysFromCivil("2025-12-20") * kDay;
  for (int round = 0; round < 60; ++round) {
    const BusinessHours h = RandomHours(rng, base);
    const Calendar cal = Calendar::Business(h).value();
    const Reference ref = Build(h, base);
    SCOPED_TRACE("round " + std::to_string(round));
    for (int q = 0; q < 200; ++q) {
      int64_t a = pick(0, kMinutes), b = pick(0, kMinutes);
      if (a > b) std::swap(a, b);
      const Millis ta = base + a * kMinute, tb = base + b * kMinute;
      ASSERT_EQ(cal.WorkingMillisBetween(ta, tb), (ref.prefix[b] - ref.prefix[a]) * kMinute);
      if (a < kMinutes) {
        ASSERT_EQ(cal.IsWorking(ta), ref.working[a] != 0) << FormatUtc(ta);
      }
      // AddWorking: the earliest minute boundary j with prefix[j] − prefix[a] = m.
      const int64_t m = pick(0, 3 * 24 * 60);
      auto it = std::lower_bound(ref.prefix.begin() + a, ref.prefix.end(), ref.prefix[a] + m);
      if (it != ref.prefix.end()) {
        ASSERT_EQ(FormatUtc(cal.AddWorkingMinutes(ta, m)),
                  FormatUtc(base + (it - ref.prefix.begin()) * kMinute))
            << "from " << FormatUtc(ta) << " + " << m;
      }
    }
    // SlaClock: random untidy pauses against a minute mask.
    for (int q = 0; q < 20; ++q) {
      const int64_t s = pick(0, kMinutes / 2);
      const int64_t allowed = pick(1, 2000);
      std::vector<Pause> pauses;
      std::vector<char> paused(kMinutes, 0);
      bool open = false;
      for (int64_t n = pick(0, 4); n > 0; --n) {
        const int64_t from = pick(s - 100, kMinutes - 1);
        const bool last_open = pick(0, 5) == 0;
        const int64_t to = last_open ? kMinutes : std::min(kMinutes, from + pick(0, 3000));
        pauses.push_back({base + from * kMinute,
                          last_open ? std::nullopt : std::optional<Millis>(base + to * kMinute)});
        open |= last_open;
        for (int64_t i = std::max<int64_t>(from, 0); i < to; ++i) paused[i] = 1;
      }
      const SlaClock clock = SlaClock::Make(cal, base + s * kMinute, allowed, pauses).value();
      int64_t used = 0;
      std::optional<int64_t> due_minute;
      for (int64_t i = s; i <= kMinutes; ++i) {
        if (i % 97 == 0 || i == kMinutes) {
          ASSERT_EQ(clock.UsedAt(base + i * kMinute), used * kMinute);
        }
        if (used == allowed && !due_minute) due_minute = i;
        if (i < kMinutes) used += ref.working[i] && !paused[i];
      }
      const auto due = clock.Due();
      if (due_minute) {
        ASSERT_EQ(FormatUtc(due.value()), FormatUtc(base + *due_minute * kMinute));
      } else if (open) {
        ASSERT_FALSE(due.has_value());  // the open pause holds the rest until the end of time
      }
    }
  }
}

}  // namespace
}  // namespace anju::workorder::sla
