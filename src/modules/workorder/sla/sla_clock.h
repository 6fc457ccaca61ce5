// SlaClock: how much of an SLA allowance a work order has used, and when it runs out.
//
// What is counted. An SLA timer (one for "accept", one for "finish") starts at an instant
// (submitted_at / accepted_at) and allows a number of minutes of *working time*: the working
// time of its Calendar (24×7, or project business hours with holidays and 调休 make-up days).
// The time used at `now` is
//     used(now) = working time in [start, now)  −  working time covered by pauses in [start, now)
// Pauses (waiting for the owner, for parts) are half-open intervals [from, to); the last one
// may still be open (to = none), in which case it covers everything from `from` on. A pause
// only subtracts what was working time: a pause over a weekend subtracts nothing, a pause
// from Friday 16:30 to Monday 09:30 subtracts 2 hours (Mon–Fri 08:30–17:30). So calendars
// and pauses combine by intersection: the clock runs exactly when the calendar says "working"
// and no pause covers the instant, and used(now) is the measure of that set up to now.
//
// Contracts.
//   - used(t) is continuous and non-decreasing in t; it stands still outside working hours and
//     inside pauses. It never counts time before start.
//   - Due() = InstantUsing(allowance): the *earliest* instant at which used = allowance. A
//     span that runs out at a closing time is due at that closing time, not at the next
//     opening. While a pause is open the due instant is unknown (nullopt): a due instant is
//     only promised once the order runs again, and it then moves out by exactly the working
//     time the pause covered.
//   - MetBy(stop) ⇔ used(stop) ≤ allowance. Measured in working time, so a stop in the closed
//     hours right after the due instant (no working time spent beyond it) is still met; for a
//     24×7 calendar this is simply stop ≤ due.
//   - Percent used is an integer in basis points (10000 = 100 %), rounded down, so "≥ 100 %"
//     happens exactly when used ≥ allowance. No floating point anywhere.
//   - Pauses are normalised, not rejected, when they are merely untidy: they are sorted,
//     overlapping or touching pauses are merged, parts before start are cut off and empty
//     ones dropped; an open pause swallows every pause after its start. A pause whose `to` is
//     before its `from` is garbage and refused (VALIDATION_FAILED, field "pauses[i].to").
//   - allowed_minutes is 1 … kMaxAllowedMinutes (10 years), so every product stays in int64.
// Escalation (escalation.h) is built on InstantUsing: a step at P % is due when
// used ≥ allowance·P/100, and its instant is InstantUsing(allowance·P/100).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "modules/workorder/sla/calendar.h"

namespace anju::workorder::sla {

inline constexpr int64_t kMaxAllowedMinutes = 10 * 366 * 24 * 60;

// A pause [from, to); to = nullopt while it lasts.
struct Pause {
  Millis from = 0;
  std::optional<Millis> to;
};

class SlaClock {
 public:
  // VALIDATION_FAILED ("allowed_minutes", "pauses[i].to") on bad input; see the essay.
  static Result<SlaClock> Make(Calendar calendar, Millis start, int64_t allowed_minutes,
                               std::vector<Pause> pauses = {});

  Millis start() const { return start_; }
  Millis allowed() const { return allowed_; }  // ms of working time
  const Calendar& calendar() const { return calendar_; }
  const std::vector<Pause>& pauses() const { return pauses_; }  // normalised
  bool paused() const { return !pauses_.empty() && !pauses_.back().to; }

  // The earliest instant at which used = `working` ms (start for working ≤ 0); nullopt when an
  // open pause begins before that much is used.
  std::optional<Millis> InstantUsing(Millis working) const;
  std::optional<Millis> Due() const { return InstantUsing(allowed_); }

  // Working ms used in [start, now), pauses excluded (0 when now ≤ start).
  Millis UsedAt(Millis now) const;
  // allowed − used; negative once overdue.
  Millis RemainingAt(Millis now) const { return allowed_ - UsedAt(now); }
  // used / allowed in basis points, rounded down (10000 = 100 %; may exceed 10000).
  int64_t UsedBasisPoints(Millis now) const { return UsedAt(now) * 10'000 / allowed_; }
  // Whether the timer stopped at `stop` (accepted_at / completed_at) within the allowance.
  bool MetBy(Millis stop) const { return UsedAt(stop) <= allowed_; }

 private:
  SlaClock() = default;

  Calendar calendar_;
  Millis start_ = 0;
  Millis allowed_ = 0;
  std::vector<Pause> pauses_;  // sorted, disjoint, non-empty, from ≥ start; only the last open
};

}  // namespace anju::workorder::sla
