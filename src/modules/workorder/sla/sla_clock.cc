#include "modules/workorder/sla/sla_clock.h"

#include <algorithm>

namespace anju::workorder::sla {

Result<SlaClock> SlaClock::Make(Calendar calendar, Millis start, int64_t allowed_minutes,
                                std::vector<Pause> pauses) {
  Error err(errors::kValidation);
  if (allowed_minutes < 1 || allowed_minutes > kMaxAllowedMinutes)
    err.WithField("allowed_minutes", "out_of_range",
                  "Must be between 1 and " + std::to_string(kMaxAllowedMinutes));
  for (size_t i = 0; i < pauses.size(); ++i) {
    if (pauses[i].to && *pauses[i].to < pauses[i].from)
      err.WithField("pauses[" + std::to_string(i) + "].to", "invalid",
                    "A pause cannot end before it begins");
  }
  if (!err.fields.empty()) return err;

  // Cut off what lies before start and drop what is left empty.
  std::vector<Pause> kept;
  for (Pause p : pauses) {
    p.from = std::max(p.from, start);
    if (p.to && *p.to <= p.from) continue;
    kept.push_back(p);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Pause& a, const Pause& b) { return a.from < b.from; });
  // Merge overlapping or touching pauses; an open pause swallows everything after it.
  std::vector<Pause> merged;
  for (const Pause& p : kept) {
    if (!merged.empty()) {
      Pause& last = merged.back();
      if (!last.to) break;
      if (p.from <= *last.to) {
        last.to = p.to ? std::optional<Millis>(std::max(*last.to, *p.to)) : std::nullopt;
        continue;
      }
    }
    merged.push_back(p);
  }

  SlaClock c;
  c.calendar_ = std::move(calendar);
  c.start_ = start;
  c.allowed_ = allowed_minutes * kMinute;
  c.pauses_ = std::move(merged);
  return c;
}

std::optional<Millis> SlaClock::InstantUsing(Millis working) const {
  // Walk the running stretches between pauses, spending `working` as the calendar allows.
  Millis cur = start_;
  Millis left = std::max<Millis>(working, 0);
  for (const Pause& p : pauses_) {
    const Millis run = calendar_.WorkingMillisBetween(cur, p.from);
    if (run >= left) return calendar_.AddWorking(cur, left);
    left -= run;
    if (!p.to) return std::nullopt;
    cur = *p.to;
  }
  return calendar_.AddWorking(cur, left);
}

Millis SlaClock::UsedAt(Millis now) const {
  if (now <= start_) return 0;
  Millis used = calendar_.WorkingMillisBetween(start_, now);
  for (const Pause& p : pauses_) {
    if (p.from >= now) break;
    const Millis to = p.to ? std::min(*p.to, now) : now;
    used -= calendar_.WorkingMillisBetween(p.from, to);
  }
  return used;
}

}  // namespace anju::workorder::sla
