// The working-time calendar of an SLA timer: either "always" (24×7) or a project's business
// hours in local civil time (a fixed UTC offset, no DST). Pure C++: no database, no clock.
//
// Business hours: one daily window [open_minute, close_minute) on working days. A civil day
// is a working day when it is a make-up workday (调休), or when its weekday is a working
// weekday and it is not a holiday. A date may not be both. Make-up days on a working weekday
// and holidays on a non-working weekday change nothing and are accepted.
//
// Working time is measured in ms. Internally the calendar answers every question through one
// function, Cum(t) = the working ms between a fixed origin and t, which it computes in O(log n)
// (n = holidays + make-up days) from whole weeks, the week's prefix counts and binary searches
// of the sorted date lists — no day-by-day loop, so nothing depends on the span's length.
// AddWorking inverts Cum with a binary search over days whose upper bound is proven finite
// (≥ 1 working weekday a week, finitely many holidays), so it always ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace anju::workorder::sla {

// Weekday bits of BusinessHours::weekdays: bit 0 = Monday … bit 6 = Sunday.
inline constexpr unsigned kMonday = 1u << 0, kTuesday = 1u << 1, kWednesday = 1u << 2,
                          kThursday = 1u << 3, kFriday = 1u << 4, kSaturday = 1u << 5,
                          kSunday = 1u << 6;
inline constexpr unsigned kMonToFri = kMonday | kTuesday | kWednesday | kThursday | kFriday;

// The largest working span the calendar adds (AddWorking clamps to it): 100 years of 24×7.
inline constexpr Millis kMaxWorkingMillis = 36'525 * kDay;

struct BusinessHours {
  int utc_offset_minutes = 480;   // Asia/Shanghai; −720…+840
  unsigned weekdays = kMonToFri;  // working weekdays, bits as above; at least one
  int open_minute = 8 * 60 + 30;  // minutes since local midnight, 0…1439
  int close_minute = 17 * 60 + 30;  // open_minute < close_minute ≤ 1440 (1440 = midnight)
  std::vector<std::string> holidays;  // "YYYY-MM-DD", days off
  std::vector<std::string> workdays;  // "YYYY-MM-DD", make-up workdays (调休)
};

class Calendar {
 public:
  // 24×7: every instant is working time.
  Calendar() = default;
  static Calendar Always() { return Calendar(); }

  // VALIDATION_FAILED with one field error per bad field ("weekdays", "open_minute",
  // "close_minute", "utc_offset_minutes", "holidays[i]", "workdays[i]"). A calendar without a
  // working weekday is refused (it would have only finitely many working minutes).
  static Result<Calendar> Business(const BusinessHours& hours);

  bool always() const { return always_; }

  // Whether t is inside a working window (the window is [open, close): the closing instant
  // is not working time).
  bool IsWorking(Millis t) const;

  // The earliest instant t ≥ start at which `working` ms of working time have elapsed since
  // start. working ≤ 0 → start itself; a start outside hours begins at the next opening; a
  // span that ends exactly at a closing time ends there (not at the next opening).
  Millis AddWorking(Millis start, Millis working) const;
  Millis AddWorkingMinutes(Millis start, int64_t minutes) const {
    return AddWorking(start, minutes * kMinute);
  }

  // Working ms in [a, b); 0 when b ≤ a. Additive: Between(a,b) + Between(b,c) = Between(a,c).
  Millis WorkingMillisBetween(Millis a, Millis b) const;

 private:
  int64_t WorkingDaysBefore(int64_t day) const;  // working days in [0, day), may be < 0
  bool IsWorkingDay(int64_t day) const;
  Millis Cum(Millis t) const;

  bool always_ = true;
  Millis offset_ = 0;  // ms added to UTC to get local time
  Millis open_ = 0, close_ = kDay;  // ms since local midnight
  unsigned weekdays_ = 0x7f;
  int week_prefix_[8] = {0, 1, 2, 3, 4, 5, 6, 7};  // working weekdays among days 0…r-1
  std::vector<int64_t> holidays_;  // sorted day numbers, only those on working weekdays
  std::vector<int64_t> makeups_;   // sorted day numbers, only those on non-working weekdays
};

}  // namespace anju::workorder::sla
