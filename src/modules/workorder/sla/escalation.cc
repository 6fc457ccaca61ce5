#include "modules/workorder/sla/escalation.h"

#include <algorithm>

namespace anju::workorder::sla {

const char* StepCode(Step step) {
  switch (step) {
    case Step::kWarn: return "warn";
    case Step::kManager: return "manager";
    case Step::kHq: return "hq";
  }
  return "";
}

int Ladder::PercentOf(Step step) const {
  switch (step) {
    case Step::kWarn: return warn_percent;
    case Step::kManager: return manager_percent;
    case Step::kHq: return hq_percent;
  }
  return 0;
}

Status Ladder::Validate() const {
  Error err(errors::kValidation);
  const char* names[] = {"warn_percent", "manager_percent", "hq_percent"};
  int prev = 1;
  for (int i = 0; i < kStepCount; ++i) {
    const int p = PercentOf(static_cast<Step>(i));
    if (p < 1 || p > 1000) {
      err.WithField(names[i], "out_of_range", "Must be between 1 and 1000");
    } else if (p < prev) {
      err.WithField(names[i], "invalid", "Must not be below the previous step's percentage");
    } else {
      prev = p;
    }
  }
  if (!err.fields.empty()) return err;
  return Status::Ok();
}

Escalation Escalate(const SlaClock& clock, const Ladder& ladder, int sent, Millis now,
                    std::optional<Millis> stopped_at) {
  Escalation out;
  out.sent = std::clamp(sent, 0, kStepCount);
  if (stopped_at) return out;
  const Millis used = clock.UsedAt(now);
  for (int i = out.sent; i < kStepCount; ++i) {
    const Step step = static_cast<Step>(i);
    // allowed is whole minutes (a multiple of 60 000 ms), so allowed·P/100 is exact.
    const Millis threshold = clock.allowed() / 100 * ladder.PercentOf(step);
    if (used >= threshold) {
      out.due.push_back(step);
      ++out.sent;
    } else {
      out.next_at = clock.InstantUsing(threshold);  // > now, or nullopt while paused
      break;
    }
  }
  return out;
}

}  // namespace anju::workorder::sla
