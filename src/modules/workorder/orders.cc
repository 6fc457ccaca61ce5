// Submitting an order (报事报修) and reading one: validation, the suggested category, the
// SLA rule copied onto the order, the first dispatch.
#include <fmt/format.h>
#include <boost/json.hpp>

#include "core/pii.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/counters.h"
#include "platform/files/files_service.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/notifier.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"
#include "modules/workorder/order_view.h"
#include "modules/workorder/owner_view.h"
#include "modules/workorder/suggest.h"
#include "modules/workorder/workorder_errors.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

struct SlaRule {
  std::string calendar = "always";
  int64_t accept = 120, finish = 1440, warn = 80, manager = 100, hq = 200;
};

// The category's rule for the urgency, else the company default, else the built-in one.
SlaRule RuleFor(db::Tx& tx, int64_t company_id, int64_t category_id, const std::string& urgency) {
  SlaRule s;
  if (urgency == "urgent") s.accept = 30, s.finish = 240;
  if (auto r = tx.QueryOne(
          "SELECT calendar, accept_minutes, finish_minutes, warn_percent, manager_percent, "
          "hq_percent FROM wo_sla_rules WHERE company_id = ? AND urgency = ? AND "
          "(category_id = ? OR category_id IS NULL) ORDER BY category_id IS NULL LIMIT 1",
          {company_id, urgency, category_id}))
    s = {r->Str(0), r->Int(1), r->Int(2), r->Int(3), r->Int(4), r->Int(5)};
  return s;
}

// The project and (optionally) building the order is about, checked against the caller.
struct Where {
  int64_t project_id = 0;
  std::optional<int64_t> house_id, building_id;
};

Result<Where> Locate(db::Tx& tx, const TenantContext& ctx, std::optional<int64_t> house_id,
                     std::optional<int64_t> building_id, std::optional<int64_t> project_id) {
  Where w;
  if (house_id) {
    auto h = property::FindHouseFacts(tx, ctx.company_id, *house_id);
    bool ok = h && (ctx.IsResident() ? ctx.OwnsHouse(*house_id)
                                     : ctx.access.HasIn(std::string(perm::kWorkOrderWrite),
                                                        h->project_id));
    if (!ok) return Error(kPlaceNotFound).WithField("house_id", "not_found");
    w = {h->project_id, h->id, h->building_id};
  }
  if (building_id) {
    auto p = property::BuildingProjectId(tx, ctx.company_id, *building_id);
    if (!p || (w.project_id && *p != w.project_id))
      return Error(kPlaceNotFound).WithField("building_id", "not_found");
    w.project_id = *p, w.building_id = building_id;
  }
  if (!w.project_id && project_id && org::ProjectCode(tx, ctx.company_id, *project_id))
    w.project_id = *project_id;
  // A resident reporting a public place without naming it: where they live.
  if (!w.project_id && ctx.IsResident() && !ctx.house_ids.empty())
    if (auto h = property::FindHouseFacts(tx, ctx.company_id, ctx.house_ids.front()))
      w.project_id = h->project_id;
  if (!w.project_id) return Error(kPlaceRequired).WithField("house_id", "required");
  if (ctx.IsResident() && !house_id) {
    // A resident's public report must be in a project where they live.
    bool lives = false;
    for (int64_t h : ctx.house_ids)
      if (auto f = property::FindHouseFacts(tx, ctx.company_id, h))
        lives = lives || f->project_id == w.project_id;
    if (!lives) return Error(kPlaceNotFound).WithField("building_id", "not_found");
  } else if (!ctx.IsResident() &&
             !ctx.access.HasIn(std::string(perm::kWorkOrderWrite), w.project_id)) {
    return Error(kPlaceNotFound).WithField("project_id", "not_found");
  }
  return w;
}

}  // namespace

Status MayReport(const TenantContext& ctx) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kWorkOrderWrite));
  return {};
}

Result<OrderView> WorkOrderService::Create(const TenantContext& ctx, const NewOrderCommand& c) {
  ANJU_TRY(MayReport(ctx));
  Millis now = clock_.Now();
  Events events;
  auto result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<OrderView> {
    auto where = Locate(tx, ctx, c.house_id, c.building_id, c.project_id);
    if (!where.ok()) return where.take_error();
    Suggestion s = suggester_->Suggest(tx, ctx.company_id, c.description);
    int64_t cat = c.category_id.value_or(s.category_id.value_or(0));
    auto crow = tx.QueryOne("SELECT id FROM wo_categories WHERE id = ? AND company_id = ? AND "
                            "active = 1",
                            {cat, ctx.company_id});
    if (!crow) return Error(kCategoryNotFound).WithField("category_id", "not_found");
    std::string urg = c.urgency.value_or(s.urgency);
    std::string ch = ctx.IsResident() ? "owner" : c.channel.value_or("phone");
    int64_t id = InsertOrder(
        tx,
        {ctx.company_id, where->project_id, c.kind, cat, where->house_id, where->building_id,
         c.place.value_or(""), c.description, urg, c.preferred_time.value_or(""), ch,
         ctx.IsResident() ? std::optional<int64_t>(ctx.user_id) : std::nullopt,
         ctx.IsResident() ? ctx.name : c.reporter_name.value_or(""), c.reporter_phone.value_or(""),
         ctx.IsResident() ? std::nullopt : std::optional<int64_t>(ctx.user_id), s.category_id,
         s.urgency},
        now);
    ANJU_TRY(files::Attach(tx, ctx.company_id, c.photos, ctx.user_id, "work_order", id,
                           audit::Actor::Of(ctx), now));
    Order o = *LoadOrder(tx, ctx.company_id, id);
    events.emplace_back(id, AppendEvent(tx, o, "submit", "", "submitted", ActorOf(ctx), "",
                                        json::serialize(json::object{{"photos", c.photos.size()}}), now));
    UpdateTimers(tx, id, now);
    for (auto& e : FirstDispatch(tx, o, now)) events.push_back(std::move(e));
    o = *LoadOrder(tx, ctx.company_id, id);
    OrderView out = LoadView(tx, ctx, o, now);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.order.create", "work_order", id, where->project_id, nullptr,
                   json::object{{"number", o.number}, {"kind", c.kind}, {"category_id", cat},
                                {"urgency", urg}, {"channel", ch}}},
                  now);
    return out;
  });
  if (result.ok()) PublishAll(events);
  return result;
}

int64_t WorkOrderService::InsertOrder(db::Tx& tx, const NewOrder& n, Millis now) {
  SlaRule rule = RuleFor(tx, n.company_id, n.category_id, n.urgency);
  std::string mode = DispatchMode(tx, n.project_id, n.category_id);
  std::string day = billing::DayStamp(now);
  std::string number =
      fmt::format("WO-{}-{:04d}", day, billing::NextCounter(tx, n.company_id, "wo:" + day));
  auto opt = [](const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::kNull; };
  bool phone = !n.reporter_phone.empty();
  return tx.InsertId(
      "INSERT INTO work_orders (company_id, project_id, number, kind, category_id, house_id, "
      "building_id, place, description, urgency, preferred_time, channel, reporter_user_id, "
      "reporter_name, reporter_phone, reporter_phone_enc, responsible_id, "
      "suggested_category_id, suggested_urgency, status, dispatch_mode, created_at, "
      "sla_started_at, sla_calendar, accept_minutes, finish_minutes, warn_percent, "
      "manager_percent, hq_percent, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {n.company_id, n.project_id, number, n.kind, n.category_id, opt(n.house_id),
       opt(n.building_id), n.place, n.description, n.urgency, n.preferred_time, n.channel,
       opt(n.reporter_user_id), n.reporter_name,
       phone ? pii::MaskPhone(n.reporter_phone) : std::string(),
       phone ? key_.Encrypt(n.reporter_phone, "work_orders.reporter_phone") : std::string(),
       opt(n.responsible_id), opt(n.suggested_category_id), n.suggested_urgency, mode, now, now,
       rule.calendar, rule.accept, rule.finish, rule.warn, rule.manager, rule.hq, now});
}

bool WorkOrderService::CanRead(db::Tx& tx, const TenantContext& ctx, int64_t order_id) {
  auto o = LoadOrder(tx, ctx.company_id, order_id);
  return o && CanSee(ctx, *o, CanGrab(tx, ctx, *o));
}

Result<OrderView> WorkOrderService::Get(const TenantContext& ctx, int64_t id) {
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<OrderView> {
    auto o = LoadOrder(tx, ctx.company_id, id);
    if (!o || !CanSee(ctx, *o, CanGrab(tx, ctx, *o))) return Error(kOrderNotFound);
    return LoadView(tx, ctx, *o, now);
  });
}

Result<std::vector<TimelineEvent>> WorkOrderService::EventsAfter(const TenantContext& ctx,
                                                                 int64_t id, int64_t after_seq) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<TimelineEvent>> {
    auto o = LoadOrder(tx, ctx.company_id, id);
    if (!o || !CanSee(ctx, *o, CanGrab(tx, ctx, *o))) return Error(kOrderNotFound);
    std::vector<TimelineEvent> out;
    for (const db::Row& e :
         tx.Query(std::string("SELECT ") + kEventColumns +
                      " FROM wo_events WHERE work_order_id = ? AND seq > ? ORDER BY seq",
                  {id, after_seq})) {
      TimelineEvent ev = ctx.IsResident() ? ForResident(ReadEvent(e)) : ReadEvent(e);
      ev.status = o->status;
      out.push_back(std::move(ev));
    }
    return out;
  });
}

void WorkOrderService::PublishAll(const Events& events) {
  if (!publish_) return;
  for (const auto& [id, ev] : events) publish_(id, ev);
}

}  // namespace anju::workorder
