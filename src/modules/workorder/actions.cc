// One route per action: POST /api/v1/work-orders/{id}/{action}. The route reads the body
// into an ActionCommand (400, workorder_json.cc ReadAction); here the order is loaded (404
// when the caller may not see it), the caller's right to this action checked (403), the
// state machine asked (409), then the row is updated under its version with the timeline
// event, timers, messages and audit row in the same transaction.
#include <fmt/format.h>
#include <boost/json.hpp>

#include "platform/audit/audit_log.h"
#include "modules/billing/one_off.h"
#include "platform/files/files_service.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/notifier.h"
#include "modules/workorder/lifecycle.h"
#include "modules/workorder/order_view.h"
#include "modules/workorder/workorder_errors.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr Millis kFollowUpAfter = 48 * kHour;

struct Sets {
  std::vector<std::string> cols;
  db::Params params;
  void Add(std::string col, db::Value v) { cols.push_back(std::move(col)), params.push_back(std::move(v)); }
};

}  // namespace

Result<OrderView> WorkOrderService::Act(const TenantContext& ctx, int64_t id,
                                       const ActionCommand& c) {
  const std::string& action = c.action;
  if (!IsKnownAction(action)) return Error(kOrderNotFound);
  const std::optional<std::string>& note = c.note;
  Millis now = clock_.Now();
  Events events;
  auto result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<OrderView> {
    auto loaded = LoadOrder(tx, ctx.company_id, id);
    if (!loaded || !CanSee(ctx, *loaded, CanGrab(tx, ctx, *loaded))) return Error(kOrderNotFound);
    Order o = *loaded;
    ANJU_TRY(MayAct(tx, ctx, o, action));
    auto next = Next(o.status, action, {o.arrived_at.has_value(), o.completed_at.value_or(0), now});
    if (!next) return Error(kBadTransition);
    std::string to(*next);
    Sets s;
    json::object data;
    std::string text = note.value_or("");
    if (action == "assign") {
      std::optional<int64_t> who = c.assignee_id;
      std::string why;
      if (!who) {
        Decision d = Dispatch(tx, o, now);
        if (!d.staff_id) return Error(kNoCandidate, d.reason_en);
        who = d.staff_id, why = d.reason;
      } else {
        bool eligible = false;
        for (auto& st : identity::StaffHolding(tx, o.company_id, o.project_id, perm::kWorkOrderHandle))
          eligible = eligible || st.id == *who;
        if (!eligible) return Error(kAssigneeInvalid).WithField("assignee_id", "invalid");
        why = "由 " + ctx.name + " 指派";
      }
      if (o.status == "paused")
        tx.Exec("UPDATE wo_pauses SET ended_at = ? WHERE work_order_id = ? AND ended_at IS NULL",
                {now, o.id});
      events.emplace_back(o.id, AssignTo(tx, o, *who, why, ActorOf(ctx), now));
      o = *LoadOrder(tx, ctx.company_id, id);
      UpdateTimers(tx, o.id, now);
      audit::Append(tx, audit::Actor::Of(ctx),
                    {"workorder.order.assign", "work_order", o.id, o.project_id, nullptr,
                     json::object{{"assignee_id", *who}}},
                    now);
      return LoadView(tx, ctx, o, now);
    }
    if (action == "accept") {
      if (o.status == "submitted") {  // 抢单: the grabber becomes the assignee
        s.Add("assignee_id", ctx.user_id), s.Add("assigned_at", now);
        s.Add("dispatch_reason", "抢单：" + ctx.name);
        data["grabbed"] = true;
      }
      s.Add("accepted_at", now);
    } else if (action == "arrive") {
      if (*c.method == "scan") {  // the code must be a QR point of the order's project and place
        auto p = tx.QueryOne("SELECT building_id, place FROM wo_report_points WHERE token = ? AND "
                             "project_id = ? AND active = 1", {*c.code, o.project_id});
        if (!p || (!p->IsNull(0) && o.building_id && p->Int(0) != *o.building_id))
          return Error(kScanMismatch).WithField("code", "invalid");
        data["place"] = p->Str(1);
      }
      s.Add("arrived_at", now);
      data["method"] = *c.method;
    } else if (action == "pause") {
      tx.Exec("INSERT INTO wo_pauses (work_order_id, started_at, reason) VALUES (?, ?, ?)",
              {o.id, now, *c.reason});
      data["reason"] = *c.reason;
    } else if (action == "resume") {
      tx.Exec("UPDATE wo_pauses SET ended_at = ? WHERE work_order_id = ? AND ended_at IS NULL",
              {now, o.id});
    } else if (action == "complete") {
      int64_t fee = c.labour_fee.value_or(0) + c.material_fee;
      s.Add("completed_at", now), s.Add("labour_fee", c.labour_fee.value_or(0));
      s.Add("material_fee", c.material_fee), s.Add("follow_up_at", now + kFollowUpAfter);
      json::array materials;
      for (const Material& m : c.materials)
        materials.push_back(json::object{{"name", m.name}, {"quantity", m.quantity},
                                         {"unit_price", m.unit_price}, {"amount", m.amount}});
      data["materials"] = std::move(materials);
      data["labour_fee"] = c.labour_fee.value_or(0);
      data["photos"] = c.photos.size();
      ANJU_TRY(files::Attach(tx, o.company_id, c.photos, ctx.user_id, "work_order_done", o.id,
                             audit::Actor::Of(ctx), now));
      if (c.charge && fee > 0) {
        if (!o.house_id || o.kind != "repair_house")
          return Error(kChargeNoHouse).WithField("charge", "invalid");
        auto bill = billing::ChargeOneOff(tx, {o.company_id, *o.house_id, fee, CivilDate(now).substr(0, 7)},
                                          now);
        if (!bill.ok()) return bill.take_error();
        s.Add("bill_id", bill->bill_id);
        data["bill_number"] = bill->number;
        data["charged"] = fee;
      }
    } else if (action == "confirm") {
      ANJU_TRY(files::Attach(tx, o.company_id, {*c.signature}, ctx.user_id, "work_order_sign", o.id,
                             audit::Actor::Of(ctx), now, "signature"));
      s.Add("confirmed_at", now);
    } else if (action == "rate") {
      s.Add("rating", *c.rating), s.Add("rating_comment", c.comment.value_or(""));
      s.Add("closed_at", now), s.Add("follow_up_at", db::kNull);
      data["rating"] = *c.rating;
      text = c.comment.value_or(text);
    } else if (action == "cancel") {
      tx.Exec("UPDATE wo_pauses SET ended_at = ? WHERE work_order_id = ? AND ended_at IS NULL",
              {now, o.id});
      s.Add("cancelled_at", now), s.Add("cancel_reason", *c.reason), s.Add("follow_up_at", db::kNull);
      text = *c.reason;
    } else if (action == "reopen") {
      s.Add("reopen_count", o.reopen_count + 1), s.Add("sla_started_at", now);
      for (const char* c : {"accepted_at", "arrived_at", "completed_at", "confirmed_at",
                            "closed_at", "rating", "accept_met", "finish_met", "follow_up_at"})
        s.Add(c, db::kNull);
      s.Add("rating_comment", ""), s.Add("assigned_at", now);
      text = *c.reason;
    }
    s.Add("status", to), s.Add("updated_at", now);
    std::string sql = "UPDATE work_orders SET version = version + 1";
    for (auto& c : s.cols) sql += ", " + c + " = ?";
    sql += " WHERE id = ? AND version = ?";
    s.params.push_back(o.id), s.params.push_back(o.version);
    if (tx.Exec(sql, s.params) != 1) return Error(kBadTransition);  // a concurrent change
    std::string from = o.status;
    o = *LoadOrder(tx, ctx.company_id, id);
    events.emplace_back(o.id, AppendEvent(tx, o, action, from, to, ActorOf(ctx), text,
                                          json::serialize(data), now));
    UpdateTimers(tx, o.id, now);
    NotifyProgress(tx, o, action, now);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.order." + action, "work_order", o.id, o.project_id,
                   json::object{{"status", from}}, json::object{{"status", to}}},
                  now);
    return LoadView(tx, ctx, *LoadOrder(tx, ctx.company_id, id), now);
  });
  if (result.ok()) PublishAll(events);
  return result;
}

}  // namespace anju::workorder
