// Shared inside the work-order module: the order row, who may see it, timeline events,
// notifications. Not for other modules (they use workorder_service.h).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/workorder/dispatch/dispatcher.h"
#include "modules/workorder/workorder_types.h"

namespace anju::notify { class Notifier; }

namespace anju::workorder {

// Days in China time (UTC+8, no DST): the instant a civil date "YYYY-MM-DD" begins, and
// the start of the day an instant falls in (shifts, "today", report months).
inline constexpr Millis kChinaOffset = 8 * kHour;
inline Millis ChinaDayStart(std::string_view date) { return DaysFromCivil(date) * kDay - kChinaOffset; }
inline Millis ChinaMidnight(Millis t) { return (t + kChinaOffset) / kDay * kDay - kChinaOffset; }

struct Order {
  int64_t id = 0, company_id = 0, project_id = 0, category_id = 0, version = 0;
  int64_t reopen_count = 0;
  std::optional<int64_t> house_id, building_id, assignee_id, reporter_user_id, responsible_id;
  std::string number, kind, status, urgency, dispatch_mode, channel, sla_calendar;
  Millis created_at = 0, sla_started_at = 0;
  std::optional<Millis> accepted_at, arrived_at, completed_at;
  int64_t accept_minutes = 0, finish_minutes = 0;
  int64_t warn_percent = 80, manager_percent = 100, hq_percent = 200;
  std::optional<int64_t> rating;
};

// SELECT list matching ReadOrder (table alias o).
extern const char* const kOrderColumns;
Order ReadOrder(const db::Row& r);
std::optional<Order> LoadOrder(db::Tx& tx, int64_t company_id, int64_t id);

// The order as it may be shown: staff with workorder:read in its project, its assignee,
// staff who may grab it, a resident who reported it or lives in its house.
bool CanSee(const TenantContext& ctx, const Order& o, bool can_grab);
// Staff holding workorder:handle in the project, with the skill, may grab a submitted
// order in grab mode.
bool CanGrab(db::Tx& tx, const TenantContext& ctx, const Order& o);
bool SeesAsResident(const TenantContext& ctx, const Order& o);
// Whether `ctx` may take `action` on `o` (the state machine aside): the assignee for
// accept … complete, a grabber for a submitted grab-mode order, the owner for confirm and
// rate, workorder:dispatch / :write holders… 403 WO_CANNOT_GRAB or WO_NOT_ASSIGNEE otherwise.
Status MayAct(db::Tx& tx, const TenantContext& ctx, const Order& o, std::string_view action);

struct Actor {
  std::optional<int64_t> id;
  std::string name;  // "系统" for jobs and automatic dispatch
};
Actor ActorOf(const TenantContext& ctx);
inline Actor SystemActor() { return {std::nullopt, "系统"}; }

// Appends the next timeline event of the order and returns it (with status: to_status or
// the order's status) for the live stream. `data` is the step's JSON document as text.
TimelineEvent AppendEvent(db::Tx& tx, const Order& o, std::string_view action,
                          std::string_view from, std::string_view to, const Actor& a,
                          const std::string& note, std::string data, Millis now);
TimelineEvent ReadEvent(const db::Row& r);  // from kEventColumns; status ""
extern const char* const kEventColumns;

// In-app messages (outbox) to staff or a resident account about an order.
void NotifyUser(notify::Notifier& n, db::Tx& tx, const Order& o, int64_t user_id,
                const std::string& title, const std::string& text, Millis now);

// Loads the SLA inputs and rewrites the order's due times and next_escalation_at
// (sla_timers.cc). Call after every change of status, pause or round.
void UpdateTimers(db::Tx& tx, int64_t order_id, Millis now);

// The project's staff who may handle orders (workorder:handle granted for the project), as
// the dispatcher sees them at `now`: skills, on duty, open orders, buildings (one query each
// for the whole team).
std::vector<dispatch::Candidate> Candidates(db::Tx& tx, int64_t company_id, int64_t project_id,
                                            Millis now);

// Chooses the assignee for an order now and records the decision (dispatch_service.cc):
// the staff id and the reason, or nullopt (nobody eligible) with the reason.
struct Decision {
  std::optional<int64_t> staff_id;
  std::string staff_name, reason, reason_en;
};
Decision Dispatch(db::Tx& tx, const Order& o, Millis now);
// auto | grab | manual for a project and category.
std::string DispatchMode(db::Tx& tx, int64_t project_id, int64_t category_id);
std::string CategorySkill(db::Tx& tx, int64_t category_id);

}  // namespace anju::workorder
