#include "modules/workorder/wo_internal.h"

#include <boost/json.hpp>

#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/notifier.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

const char* const kOrderColumns =
    "o.id, o.company_id, o.project_id, o.category_id, o.version, o.reopen_count, o.house_id, "
    "o.building_id, o.assignee_id, o.reporter_user_id, o.responsible_id, o.number, o.kind, "
    "o.status, o.urgency, o.dispatch_mode, o.channel, o.sla_calendar, o.created_at, "
    "o.sla_started_at, o.accepted_at, o.arrived_at, o.completed_at, o.accept_minutes, "
    "o.finish_minutes, o.warn_percent, o.manager_percent, o.hq_percent, o.rating";

Order ReadOrder(const db::Row& r) {
  Order o;
  o.id = r.Int(0), o.company_id = r.Int(1), o.project_id = r.Int(2), o.category_id = r.Int(3);
  o.version = r.Int(4), o.reopen_count = r.Int(5);
  o.house_id = r.OptInt(6), o.building_id = r.OptInt(7), o.assignee_id = r.OptInt(8);
  o.reporter_user_id = r.OptInt(9), o.responsible_id = r.OptInt(10);
  o.number = r.Str(11), o.kind = r.Str(12), o.status = r.Str(13), o.urgency = r.Str(14);
  o.dispatch_mode = r.Str(15), o.channel = r.Str(16), o.sla_calendar = r.Str(17);
  o.created_at = r.Int(18), o.sla_started_at = r.Int(19);
  o.accepted_at = r.OptInt(20), o.arrived_at = r.OptInt(21), o.completed_at = r.OptInt(22);
  o.accept_minutes = r.Int(23), o.finish_minutes = r.Int(24);
  o.warn_percent = r.Int(25), o.manager_percent = r.Int(26), o.hq_percent = r.Int(27);
  o.rating = r.OptInt(28);
  return o;
}

std::optional<Order> LoadOrder(db::Tx& tx, int64_t company_id, int64_t id) {
  auto r = tx.QueryOne(std::string("SELECT ") + kOrderColumns +
                           " FROM work_orders o WHERE o.id = ? AND o.company_id = ?",
                       {id, company_id});
  if (!r) return std::nullopt;
  return ReadOrder(*r);
}

bool SeesAsResident(const TenantContext& ctx, const Order& o) {
  return ctx.IsResident() && ((o.reporter_user_id && *o.reporter_user_id == ctx.user_id) ||
                              (o.house_id && ctx.OwnsHouse(*o.house_id)));
}

bool CanSee(const TenantContext& ctx, const Order& o, bool can_grab) {
  if (ctx.IsResident()) return SeesAsResident(ctx, o);
  return ctx.access.HasIn(std::string(perm::kWorkOrderRead), o.project_id) ||
         (o.assignee_id && *o.assignee_id == ctx.user_id) || can_grab;
}

bool CanGrab(db::Tx& tx, const TenantContext& ctx, const Order& o) {
  if (ctx.IsResident() || o.status != "submitted" || o.dispatch_mode != "grab" ||
      !ctx.access.HasIn(std::string(perm::kWorkOrderHandle), o.project_id))
    return false;
  return tx.QueryOne(
             "SELECT 1 FROM wo_staff_skills s JOIN wo_categories c ON c.skill = s.skill "
             "WHERE s.user_id = ? AND c.id = ?",
             {ctx.user_id, o.category_id})
      .has_value();
}

Status MayAct(db::Tx& tx, const TenantContext& ctx, const Order& o, std::string_view a) {
  bool assignee = !ctx.IsResident() && o.assignee_id && *o.assignee_id == ctx.user_id;
  bool resident = SeesAsResident(ctx, o);
  auto holds = [&](std::string_view code) {
    return !ctx.IsResident() && ctx.access.HasIn(std::string(code), o.project_id);
  };
  bool ok = false;
  if (a == "assign") ok = holds(perm::kWorkOrderDispatch);
  else if (a == "accept") ok = o.status == "submitted" ? CanGrab(tx, ctx, o) : assignee;
  else if (a == "arrive" || a == "pause" || a == "resume" || a == "complete") ok = assignee;
  else if (a == "confirm" || a == "rate") ok = resident;
  else if (a == "cancel")
    ok = holds(perm::kWorkOrderWrite) ||
         (resident && (o.status == "submitted" || o.status == "assigned"));
  else if (a == "reopen") ok = resident || holds(perm::kWorkOrderWrite);
  if (ok) return {};
  if (a == "accept" && o.status == "submitted") return Error(kCannotGrab);
  return Error(kNotYours);
}

Actor ActorOf(const TenantContext& ctx) { return {ctx.user_id, ctx.name}; }

const char* const kEventColumns =
    "seq, action, from_status, to_status, actor_name, note, data, at";

TimelineEvent ReadEvent(const db::Row& r) {
  return TimelineEvent{r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Str(6),
                       r.Int(7), ""};
}

TimelineEvent AppendEvent(db::Tx& tx, const Order& o, std::string_view action,
                          std::string_view from, std::string_view to, const Actor& a,
                          const std::string& note, std::string data, Millis now) {
  int64_t seq = tx.QueryOne("SELECT COALESCE(MAX(seq), 0) + 1 FROM wo_events WHERE "
                            "work_order_id = ?",
                            {o.id})
                    ->Int(0);
  db::Value actor = a.id ? db::Value(*a.id) : db::kNull;
  tx.Exec("INSERT INTO wo_events (company_id, work_order_id, seq, action, from_status, "
          "to_status, actor_id, actor_name, note, data, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?)",
          {o.company_id, o.id, seq, std::string(action), std::string(from), std::string(to),
           actor, a.name, note, data, now});
  return TimelineEvent{seq,  std::string(action), std::string(from), std::string(to), a.name,
                       note, std::move(data),     now,
                       std::string(to.empty() ? std::string_view(o.status) : to)};
}

void NotifyUser(notify::Notifier& n, db::Tx& tx, const Order& o, int64_t user_id,
                const std::string& title, const std::string& text, Millis now) {
  notify::Outgoing m;
  m.company_id = o.company_id;
  m.project_id = o.project_id;
  m.channel = "in_app";
  m.user_id = user_id;
  m.user_name = identity::UserName(tx, o.company_id, user_id);
  m.template_code = "work_order";
  m.params = json::object{{"number", o.number}};
  m.title = title;
  m.text = text;
  m.ref_type = "work_order";
  m.ref_id = o.id;
  n.Enqueue(tx, m, now);
}

}  // namespace anju::workorder
