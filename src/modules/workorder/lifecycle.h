// The work-order state machine (工单状态机).
//
//   submitted ──assign──▶ assigned ──accept──▶ accepted ──arrive──▶ on_site
//       │  └──accept (grab 抢单)──────────────────▲            │  ▲
//       │                                         │        pause  resume
//       │                         accepted/on_site ──pause──▶ paused ──resume──▶ (where it was)
//       │                         accepted/on_site ──complete──▶ completed ──confirm──▶ confirmed
//       │                                                                  ──rate──▶ closed
//   any open status ──cancel──▶ cancelled        (open = submitted … paused)
//   assigned/accepted/on_site/paused ──assign──▶ assigned (reassignment)
//   completed/confirmed/closed ──reopen (≤ 7 days after completion)──▶ assigned
//
// Contract: `Next(status, action, facts)` is the whole rule book. It answers the status
// the order moves to, or nullopt when the transition is not allowed (the API answers 409
// WO_BAD_TRANSITION). Who may act (the assignee, the owner, staff holding a code) is the
// service's business, not this file's; facts carry only what the rules depend on.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace anju::workorder {

inline constexpr std::string_view kStatuses[] = {
    "submitted", "assigned",  "accepted",  "on_site", "paused",
    "completed", "confirmed", "closed",    "cancelled"};
inline constexpr std::string_view kActions[] = {"assign", "accept",  "arrive",  "pause",
                                                "resume", "complete", "confirm", "rate",
                                                "cancel", "reopen"};
inline constexpr Millis kReopenWindow = 7 * kDay;

struct Facts {
  bool arrived = false;         // resume goes back to on_site if the engineer had arrived
  Millis completed_at = 0;      // for the reopen window
  Millis now = 0;
};

// The status after `action`, or nullopt when the rules refuse it.
std::optional<std::string_view> Next(std::string_view status, std::string_view action,
                                     const Facts& facts);

bool IsOpen(std::string_view status);  // submitted … paused: the SLA clocks may run
bool IsKnownAction(std::string_view action);

}  // namespace anju::workorder
