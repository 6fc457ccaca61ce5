// Follow-up calls (回访): 48 hours after completion, an order the owner has not rated goes
// on customer service's list — to the person who took the call (首问责任制) when there is
// one, else to the project's customer service. The call's result is recorded; a satisfied
// owner's rating closes the order, an unsatisfied one may be reopened by staff.
#include <boost/json.hpp>

#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/notifier.h"
#include "modules/workorder/order_view.h"
#include "modules/workorder/workorder_errors.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

void WorkOrderService::NotifyProgress(db::Tx& tx, const Order& o, const std::string& action,
                                      Millis now) {
  static const std::map<std::string, std::string> kTexts = {
      {"accept", "师傅已接单"},   {"arrive", "师傅已到场"},   {"pause", "工单暂停处理"},
      {"resume", "工单恢复处理"}, {"complete", "维修已完成，请确认并评价"},
      {"cancel", "工单已取消"},   {"reopen", "工单已重新打开"}};
  auto it = kTexts.find(action);
  if (it == kTexts.end()) return;
  if (o.reporter_user_id)
    NotifyUser(notifier_, tx, o, *o.reporter_user_id, "工单进度 " + o.number,
               o.number + "：" + it->second, now);
  if ((action == "cancel" || action == "reopen") && o.assignee_id)
    NotifyUser(notifier_, tx, o, *o.assignee_id, "工单变更 " + o.number,
               o.number + "：" + it->second, now);
}

WorkOrderService::JobReport WorkOrderService::RunFollowUps() {
  JobReport rep;
  Millis now = clock_.Now();
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    for (const db::Row& r :
         tx.Query(std::string("SELECT ") + kOrderColumns +
                      " FROM work_orders o WHERE o.follow_up_at <= ? AND o.status IN "
                      "('completed', 'confirmed') AND NOT EXISTS (SELECT 1 FROM wo_events e "
                      "WHERE e.work_order_id = o.id AND e.action = 'follow_up_due' AND "
                      "e.at >= o.completed_at) LIMIT 500",
                  {now})) {
      Order o = ReadOrder(r);
      AppendEvent(tx, o, "follow_up_due", "", "", SystemActor(), "进入回访列表", "{}", now);
      std::vector<int64_t> to;
      if (o.responsible_id) to.push_back(*o.responsible_id);
      else
        for (auto& s : identity::StaffHolding(tx, o.company_id, o.project_id, perm::kWorkOrderWrite))
          to.push_back(s.id);
      for (int64_t u : to)
        NotifyUser(notifier_, tx, o, u, "待回访 " + o.number, o.number + " 完成已满 48 小时未评价，请回访", now);
      ++rep.follow_ups;
    }
    return 0;
  });
  return rep;
}

Status MayFollowUp(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kWorkOrderWrite);
}

Result<FollowUpPage> WorkOrderService::FollowUps(const TenantContext& ctx,
                                                 std::optional<int64_t> project_id,
                                                 const std::string& state, const Page& page) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderWrite));
  std::string where = " WHERE o.company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kWorkOrderWrite, "o.project_id", where, p);
  if (project_id) where += " AND o.project_id = ?", p.push_back(*project_id);
  std::string done = "EXISTS (SELECT 1 FROM wo_follow_ups f WHERE f.work_order_id = o.id AND "
                     "f.done_at >= o.completed_at)";
  std::string due = "EXISTS (SELECT 1 FROM wo_events e WHERE e.work_order_id = o.id AND "
                    "e.action = 'follow_up_due' AND e.at >= o.completed_at)";
  where += state == "done" ? " AND " + done
                           : " AND o.status IN ('completed', 'confirmed') AND " + due + " AND NOT " + done;
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<FollowUpPage> {
    FollowUpPage out;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM work_orders o" + where, p)->Int(0);
    out.page = page;
    db::Params pp = p;
    pp.push_back(page.size), pp.push_back(page.offset());
    db::Rows rows = tx.Query(
        std::string(kViewSelect) + where + " ORDER BY o.completed_at LIMIT ? OFFSET ?", pp);
    ViewNames names = NamesFor(tx, ctx.company_id, rows);
    for (const db::Row& r : rows) {
      FollowUpRow row{ReadOrderRow(r, names, now), {}};
      for (auto& f : tx.Query("SELECT f.result, f.rating, f.note, f.done_by, f.done_at FROM "
                              "wo_follow_ups f WHERE f.work_order_id = ? ORDER BY f.id",
                              {r.Int(0)}))
        row.calls.push_back({f.Str(0), f.OptInt(1), f.Str(2),
                             identity::UserName(tx, ctx.company_id, f.Int(3)), f.Int(4)});
      out.items.push_back(std::move(row));
    }
    return out;
  });
}

Result<OrderView> WorkOrderService::RecordFollowUp(const TenantContext& ctx, int64_t id,
                                                  const FollowUpCommand& c) {
  ANJU_TRY(MayFollowUp(ctx));
  Millis now = clock_.Now();
  Events events;
  auto out = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<OrderView> {
    auto o = LoadOrder(tx, ctx.company_id, id);
    if (!o || !ctx.access.HasIn(std::string(perm::kWorkOrderWrite), o->project_id))
      return Error(kOrderNotFound);
    if (o->status != "completed" && o->status != "confirmed") return Error(kNotFollowUpDue);
    tx.Exec("INSERT INTO wo_follow_ups (company_id, work_order_id, result, rating, note, "
            "done_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {o->company_id, o->id, c.result, c.rating ? db::Value(*c.rating) : db::kNull,
             c.note.value_or(""), ctx.user_id, now});
    json::object data{{"result", c.result}};
    std::string to;
    if (c.result == "satisfied" && c.rating) {  // the owner's rating by phone closes the order
      tx.Exec("UPDATE work_orders SET status = 'closed', rating = ?, rating_comment = ?, "
              "closed_at = ?, follow_up_at = NULL, version = version + 1, updated_at = ? "
              "WHERE id = ?",
              {*c.rating, c.note.value_or(""), now, now, o->id});
      data["rating"] = *c.rating;
      to = "closed";
    } else {
      tx.Exec("UPDATE work_orders SET follow_up_at = NULL, updated_at = ? WHERE id = ?", {now, o->id});
    }
    Order after = *LoadOrder(tx, ctx.company_id, id);
    events.emplace_back(id, AppendEvent(tx, after, "follow_up", to.empty() ? "" : o->status, to,
                                        ActorOf(ctx), c.note.value_or(""), json::serialize(data), now));
    UpdateTimers(tx, id, now);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.order.follow_up", "work_order", id, o->project_id, nullptr,
                   json::object{{"result", c.result}}},
                  now);
    return LoadView(tx, ctx, after, now);
  });
  if (out.ok()) PublishAll(events);
  return out;
}

}  // namespace anju::workorder
