#include "modules/workorder/sla/calendar.h"

#include <algorithm>
#include <set>

namespace anju::workorder::sla {

namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// Day 0 (1970-01-01) was a Thursday; Monday = 0.
unsigned WeekdayBit(int64_t day) { return 1u << FloorMod(day + 3, 7); }

int64_t CountBefore(const std::vector<int64_t>& sorted, int64_t day) {
  return std::lower_bound(sorted.begin(), sorted.end(), day) - sorted.begin();
}

// Parses and checks a date list; reports "<name>[i]" for each invalid date.
std::vector<int64_t> Days(const std::vector<std::string>& dates, const char* name, Error& err) {
  std::vector<int64_t> out;
  for (size_t i = 0; i < dates.size(); ++i) {
    if (IsValidCivilDate(dates[i])) {
      out.push_back(DaysFromCivil(dates[i]));
    } else {
      err.WithField(std::string(name) + "[" + std::to_string(i) + "]", "invalid",
                    "Not a date YYYY-MM-DD");
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Result<Calendar> Calendar::Business(const BusinessHours& h) {
  Error err(errors::kValidation);
  if (h.utc_offset_minutes < -720 || h.utc_offset_minutes > 840)
    err.WithField("utc_offset_minutes", "out_of_range", "Must be between -720 and 840");
  if ((h.weekdays & 0x7f) == 0 || (h.weekdays & ~0x7fu) != 0)
    err.WithField("weekdays", "invalid", "At least one working weekday (bits Monday…Sunday)");
  if (h.open_minute < 0 || h.open_minute >= 1440)
    err.WithField("open_minute", "out_of_range", "Must be between 0 and 1439");
  else if (h.close_minute <= h.open_minute || h.close_minute > 1440)
    err.WithField("close_minute", "out_of_range", "Must be after open_minute and at most 1440");
  std::vector<int64_t> holidays = Days(h.holidays, "holidays", err);
  std::vector<int64_t> makeups = Days(h.workdays, "workdays", err);
  std::set<int64_t> off(holidays.begin(), holidays.end());
  for (size_t i = 0; i < h.workdays.size(); ++i) {
    if (IsValidCivilDate(h.workdays[i]) && off.count(DaysFromCivil(h.workdays[i])))
      err.WithField("workdays[" + std::to_string(i) + "]", "conflict",
                    "A date cannot be both a holiday and a make-up workday");
  }
  if (!err.fields.empty()) return err;

  Calendar c;
  c.always_ = false;
  c.offset_ = h.utc_offset_minutes * kMinute;
  c.open_ = h.open_minute * kMinute;
  c.close_ = h.close_minute * kMinute;
  c.weekdays_ = h.weekdays;
  for (int r = 0; r < 7; ++r)
    c.week_prefix_[r + 1] = c.week_prefix_[r] + ((h.weekdays & WeekdayBit(r)) ? 1 : 0);
  // Keep only the exceptions that change something, so counting is pure arithmetic.
  for (int64_t d : holidays)
    if (h.weekdays & WeekdayBit(d)) c.holidays_.push_back(d);
  for (int64_t d : makeups)
    if (!(h.weekdays & WeekdayBit(d))) c.makeups_.push_back(d);
  return c;
}

int64_t Calendar::WorkingDaysBefore(int64_t day) const {
  int64_t by_weekday = FloorDiv(day, 7) * week_prefix_[7] + week_prefix_[FloorMod(day, 7)];
  return by_weekday - CountBefore(holidays_, day) + CountBefore(makeups_, day);
}

bool Calendar::IsWorkingDay(int64_t day) const {
  if (weekdays_ & WeekdayBit(day)) return !std::binary_search(holidays_.begin(), holidays_.end(), day);
  return std::binary_search(makeups_.begin(), makeups_.end(), day);
}

Millis Calendar::Cum(Millis t) const {
  if (always_) return t;
  const Millis local = t + offset_;
  const int64_t day = FloorDiv(local, kDay);
  const Millis in_day = local - day * kDay;
  const Millis len = close_ - open_;
  const Millis part = IsWorkingDay(day) ? std::clamp(in_day - open_, Millis{0}, len) : 0;
  return WorkingDaysBefore(day) * len + part;
}

bool Calendar::IsWorking(Millis t) const {
  if (always_) return true;
  const Millis local = t + offset_;
  const int64_t day = FloorDiv(local, kDay);
  const Millis in_day = local - day * kDay;
  return in_day >= open_ && in_day < close_ && IsWorkingDay(day);
}

Millis Calendar::WorkingMillisBetween(Millis a, Millis b) const {
  return b <= a ? 0 : Cum(b) - Cum(a);
}

Millis Calendar::AddWorking(Millis start, Millis working) const {
  if (working <= 0) return start;
  working = std::min(working, kMaxWorkingMillis);
  if (always_) return start + working;
  // The target lies on the working day `day` with WorkingDaysBefore(day) = k, at
  // (target − k·len) ∈ (0, len] after its opening.
  const Millis len = close_ - open_;
  const Millis target = Cum(start) + working;
  const int64_t k = FloorDiv(target - 1, len);
  // Smallest day ≥ lo with WorkingDaysBefore(day + 1) > k. Each 7 days add ≥ 1 working
  // weekday and at most all holidays are lost, so `hi` satisfies it.
  int64_t lo = FloorDiv(start + offset_, kDay);
  const int64_t need = k + 1 - WorkingDaysBefore(lo) + static_cast<int64_t>(holidays_.size());
  int64_t hi = lo + 7 * std::max<int64_t>(need, 1);
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (WorkingDaysBefore(mid + 1) > k) hi = mid;
    else lo = mid + 1;
  }
  return lo * kDay + open_ + (target - k * len) - offset_;
}

}  // namespace anju::workorder::sla
