// The dispatcher's database side: the project's candidates for an order (staff holding
// workorder:handle in the project, their skills, shifts, open orders, buildings), the
// round-robin cursor, and what happens after submission in each dispatch mode. The choice
// itself is dispatch/dispatcher.h (pure).
#include <boost/json.hpp>

#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/notifier.h"
#include "modules/property/property_service.h"
#include "modules/workorder/dispatch/dispatcher.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr const char* kOpenStatuses = "('assigned', 'accepted', 'on_site', 'paused')";

std::string InList(size_t n) {
  std::string s = "(";
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s + ")";
}

}  // namespace

std::vector<dispatch::Candidate> Candidates(db::Tx& tx, int64_t company_id, int64_t project_id,
                                            Millis now) {
  std::vector<dispatch::Candidate> out;
  std::map<int64_t, size_t> at;
  db::Params ids;
  for (auto& s : identity::StaffHolding(tx, company_id, project_id, perm::kWorkOrderHandle)) {
    at[s.id] = out.size();
    out.push_back({s.id, s.name});
    ids.push_back(s.id);
  }
  if (out.empty()) return out;
  std::string in = InList(ids.size());
  for (auto& r : tx.Query("SELECT user_id, skill FROM wo_staff_skills WHERE user_id IN " + in, ids))
    out[at[r.Int(0)]].skills.push_back(r.Str(1));
  for (auto& r : tx.Query("SELECT user_id, building_id FROM wo_staff_buildings WHERE user_id IN " +
                              in, ids))
    out[at[r.Int(0)]].buildings.push_back(r.Int(1));
  db::Params p = ids;
  p.insert(p.begin(), {project_id, now, now});
  for (auto& r : tx.Query("SELECT DISTINCT user_id FROM wo_shifts WHERE project_id = ? AND "
                          "starts_at <= ? AND ends_at > ? AND user_id IN " + in, p))
    out[at[r.Int(0)]].on_duty = true;
  for (auto& r : tx.Query("SELECT assignee_id, COUNT(*) FROM work_orders WHERE assignee_id IN " +
                              in + " AND status IN " + kOpenStatuses + " GROUP BY assignee_id",
                          ids))
    out[at[r.Int(0)]].open_orders = r.Int(1);
  // Where they are now: the building of the order they are on site at.
  for (auto& r : tx.Query("SELECT assignee_id, MAX(building_id) FROM work_orders WHERE "
                          "assignee_id IN " + in + " AND status = 'on_site' AND building_id IS "
                          "NOT NULL GROUP BY assignee_id", ids))
    out[at[r.Int(0)]].current_building = r.Int(1);
  return out;
}

std::string CategorySkill(db::Tx& tx, int64_t category_id) {
  auto r = tx.QueryOne("SELECT skill FROM wo_categories WHERE id = ?", {category_id});
  return r ? r->Str(0) : std::string();
}

std::string DispatchMode(db::Tx& tx, int64_t project_id, int64_t category_id) {
  auto r = tx.QueryOne("SELECT mode FROM wo_dispatch_rules WHERE project_id = ? AND "
                       "(category_id = ? OR category_id IS NULL) ORDER BY category_id IS NULL "
                       "LIMIT 1",
                       {project_id, category_id});
  return r ? r->Str(0) : "auto";
}

Decision Dispatch(db::Tx& tx, const Order& o, Millis now) {
  std::string skill = CategorySkill(tx, o.category_id);
  auto cursor_row = tx.QueryOne("SELECT last_user_id FROM wo_dispatch_cursors WHERE "
                                "project_id = ? AND skill = ?",
                                {o.project_id, skill});
  std::string building_name;
  if (o.building_id) {
    auto names = property::BuildingNames(tx, o.company_id, {*o.building_id});
    if (!names.empty()) building_name = names.begin()->second;
  }
  auto candidates = Candidates(tx, o.company_id, o.project_id, now);
  auto d = dispatch::Dispatch({skill, o.building_id.value_or(0), building_name}, candidates,
                              cursor_row ? cursor_row->Int(0) : 0);
  Decision out{d.staff_id, "", d.reason.zh, d.reason.en};
  if (!d.staff_id) return out;
  for (auto& c : candidates)
    if (c.staff_id == *d.staff_id) out.staff_name = c.name;
  if (cursor_row)
    tx.Exec("UPDATE wo_dispatch_cursors SET last_user_id = ? WHERE project_id = ? AND skill = ?",
            {d.cursor, o.project_id, skill});
  else
    tx.Exec("INSERT INTO wo_dispatch_cursors (project_id, skill, last_user_id) VALUES (?, ?, ?)",
            {o.project_id, skill, d.cursor});
  return out;
}

TimelineEvent WorkOrderService::AssignTo(db::Tx& tx, const Order& o, int64_t staff_id,
                                         const std::string& reason, const Actor& by, Millis now) {
  tx.Exec("UPDATE work_orders SET status = 'assigned', assignee_id = ?, assigned_at = ?, "
          "dispatch_reason = ?, version = version + 1, updated_at = ? WHERE id = ?",
          {staff_id, now, reason, now, o.id});
  std::string name = identity::UserName(tx, o.company_id, staff_id);
  Order after = *LoadOrder(tx, o.company_id, o.id);
  TimelineEvent ev = AppendEvent(
      tx, after, "assign", o.status, "assigned", by, reason,
      json::serialize(json::object{{"assignee_id", staff_id}, {"assignee_name", name}}), now);
  NotifyUser(notifier_, tx, after, staff_id, "新工单 " + o.number,
             "您有一张新工单待接单：" + o.number, now);
  if (o.assignee_id && *o.assignee_id != staff_id)
    NotifyUser(notifier_, tx, after, *o.assignee_id, "工单已改派 " + o.number,
               "工单 " + o.number + " 已改派给 " + name, now);
  return ev;
}

WorkOrderService::Events WorkOrderService::FirstDispatch(db::Tx& tx, const Order& o, Millis now) {
  Events out;
  if (o.dispatch_mode == "auto") {
    Decision d = Dispatch(tx, o, now);
    if (d.staff_id) {
      out.emplace_back(o.id, AssignTo(tx, o, *d.staff_id, d.reason, SystemActor(), now));
      return out;
    }
    tx.Exec("UPDATE work_orders SET dispatch_reason = ? WHERE id = ?", {d.reason, o.id});
    out.emplace_back(o.id, AppendEvent(tx, o, "dispatch", "", "", SystemActor(), d.reason,
                                       json::serialize(json::object{{"assigned", false}}), now));
  }
  // grab: the staff who may grab it; manual (or auto with nobody): the dispatchers.
  std::string skill = CategorySkill(tx, o.category_id);
  std::string_view code = o.dispatch_mode == "grab" ? perm::kWorkOrderHandle : perm::kWorkOrderDispatch;
  for (auto& s : identity::StaffHolding(tx, o.company_id, o.project_id, code)) {
    if (o.dispatch_mode == "grab" &&
        !tx.QueryOne("SELECT 1 FROM wo_staff_skills WHERE user_id = ? AND skill = ?", {s.id, skill}))
      continue;
    NotifyUser(notifier_, tx, o, s.id,
               (o.dispatch_mode == "grab" ? "可抢工单 " : "待派工单 ") + o.number,
               o.number + "：" + (o.dispatch_mode == "grab" ? "可抢单" : "等待派单"), now);
  }
  return out;
}

}  // namespace anju::workorder
