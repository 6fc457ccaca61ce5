// The escalation ladder of one SLA timer (升级): warn the assignee at warn_percent of the
// allowance (default 80 %), tell the project manager at manager_percent (100 %), tell HQ at
// hq_percent (200 %). Percentages are of the *working time* the SlaClock measures, so pauses
// and closed hours hold escalation back exactly as they hold the due instant back.
//
// Contract.
//   - Steps fire in ladder order and each fires once, so the steps already sent are always the
//     first `sent` of the ladder; the caller stores that one integer (0…3, e.g. a column
//     escalation_level) and passes it back.
//   - Escalate returns every step whose threshold has been reached by `now` and that was not
//     sent, in order — several at once when time jumped (the scheduler was down) — and the
//     next instant at which another step becomes due (store it as next_escalation_at).
//   - A step at P % is due when used·100 ≥ allowance·P (exact integers). Its instant is the
//     earliest one at which that much working time is used (SlaClock::InstantUsing).
//   - next_at is nullopt when all steps were sent, while the timer is paused with the next
//     step not yet reached, and once the timer stopped. A stopped timer (accepted, completed)
//     escalates nothing, not even steps that were reached but never sent.
#pragma once

#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "modules/workorder/sla/sla_clock.h"

namespace anju::workorder::sla {

enum class Step { kWarn = 0, kManager = 1, kHq = 2 };
inline constexpr int kStepCount = 3;

// "warn", "manager", "hq" — stable codes for storage, notices and i18n keys.
const char* StepCode(Step step);

struct Ladder {
  int warn_percent = 80;      // → the assignee
  int manager_percent = 100;  // → the project manager
  int hq_percent = 200;       // → HQ

  // VALIDATION_FAILED ("warn_percent", "manager_percent", "hq_percent") unless each is
  // 1…1000 and warn ≤ manager ≤ hq (equal percentages fire together, in ladder order).
  Status Validate() const;
  int PercentOf(Step step) const;
};

struct Escalation {
  std::vector<Step> due;          // steps to send now, in ladder order
  int sent = 0;                   // the new number of steps sent (old sent + due.size())
  std::optional<Millis> next_at;  // when the next step becomes due; see the contract
};

// `sent`: steps already sent (clamped to 0…3). `stopped_at`: the instant the timer stopped
// (accepted_at for the accept timer, completed_at for the finish timer), if it did.
Escalation Escalate(const SlaClock& clock, const Ladder& ladder, int sent, Millis now,
                    std::optional<Millis> stopped_at = std::nullopt);

}  // namespace anju::workorder::sla
