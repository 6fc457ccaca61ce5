#include "modules/workorder/order_view.h"

#include <algorithm>

#include "platform/files/files_service.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"
#include "modules/workorder/lifecycle.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

// Columns 7 (house code), 9 (building name), 18 (responsible's name) and 23 (assignee's
// name) stay empty: ViewNames fills them from their owners.
const char* const kViewSelect =
    "SELECT o.id, o.number, o.project_id, o.kind, o.category_id, c.name, o.house_id, "
    "'', o.building_id, '', o.place, o.description, "
    "o.urgency, o.preferred_time, o.channel, o.reporter_name, o.reporter_phone, "
    "o.responsible_id, '', o.suggested_category_id, o.suggested_urgency, "
    "o.status, o.assignee_id, '', o.dispatch_mode, o.dispatch_reason, "
    "o.created_at, o.assigned_at, o.accepted_at, o.arrived_at, o.completed_at, "
    "o.confirmed_at, o.closed_at, o.cancelled_at, o.cancel_reason, o.reopen_count, o.rating, "
    "o.rating_comment, o.labour_fee, o.material_fee, o.bill_id, o.sla_calendar, "
    "o.accept_minutes, o.finish_minutes, o.accept_warn_at, o.accept_due_at, o.finish_warn_at, "
    "o.finish_due_at, o.accept_met, o.finish_met, o.version "
    "FROM work_orders o JOIN wo_categories c ON c.id = o.category_id ";

namespace {

json::value OptTime(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return nullptr;
  return json::value(FormatUtc(r.Int(i)));
}
json::value OptId(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return nullptr;
  return r.Int(i);
}
json::value OptBool(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return nullptr;
  return r.Int(i) != 0;
}

// ok | warn | overdue | paused while a clock runs; met | missed once stopped.
std::string SlaState(const db::Row& r, Millis now) {
  std::string status = r.Str(21);
  bool accepting = status == "submitted" || status == "assigned";
  if (status == "paused") return "paused";
  if (IsOpen(status)) {
    size_t warn = accepting ? 44 : 46, due = accepting ? 45 : 47;
    if (r.IsNull(due)) return "paused";
    if (now >= r.Int(due)) return "overdue";
    if (!r.IsNull(warn) && now >= r.Int(warn)) return "warn";
    return "ok";
  }
  // Stopped: completed decides by the finish clock; a cancelled order by acceptance, if any.
  size_t met = !r.IsNull(49) ? 49 : 48;
  return r.IsNull(met) || r.Int(met) != 0 ? "met" : "missed";
}

// The name of id column `i` in `names`, "" when the column is null or the id unknown.
std::string NameOf(const std::map<int64_t, std::string>& names, const db::Row& r, size_t i) {
  if (r.IsNull(i)) return "";
  auto it = names.find(r.Int(i));
  return it == names.end() ? "" : it->second;
}

}  // namespace

ViewNames NamesFor(db::Tx& tx, int64_t company_id, const db::Rows& rows) {
  std::vector<int64_t> houses, buildings, people;
  for (const db::Row& r : rows) {
    if (!r.IsNull(6)) houses.push_back(r.Int(6));
    if (!r.IsNull(8)) buildings.push_back(r.Int(8));
    if (!r.IsNull(17)) people.push_back(r.Int(17));
    if (!r.IsNull(22)) people.push_back(r.Int(22));
  }
  for (auto* ids : {&houses, &buildings, &people}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  return {property::HouseCodes(tx, company_id, houses),
          property::BuildingNames(tx, company_id, buildings),
          identity::UserNames(tx, company_id, people)};
}

json::object OrderRowJson(const db::Row& r, const ViewNames& names, Millis now) {
  json::object sla{{"calendar", r.Str(41)},        {"accept_minutes", r.Int(42)},
                   {"finish_minutes", r.Int(43)},  {"accept_due_at", OptTime(r, 45)},
                   {"finish_due_at", OptTime(r, 47)}, {"accept_met", OptBool(r, 48)},
                   {"finish_met", OptBool(r, 49)}, {"state", SlaState(r, now)}};
  return json::object{
      {"id", r.Int(0)},
      {"number", r.Str(1)},
      {"project_id", r.Int(2)},
      {"kind", r.Str(3)},
      {"category_id", r.Int(4)},
      {"category_name", r.Str(5)},
      {"house_id", OptId(r, 6)},
      {"house_code", NameOf(names.houses, r, 6)},
      {"building_id", OptId(r, 8)},
      {"building_name", NameOf(names.buildings, r, 8)},
      {"place", r.Str(10)},
      {"description", r.Str(11)},
      {"urgency", r.Str(12)},
      {"preferred_time", r.Str(13)},
      {"channel", r.Str(14)},
      {"reporter_name", r.Str(15)},
      {"reporter_phone", r.Str(16)},
      {"responsible_id", OptId(r, 17)},
      {"responsible_name", NameOf(names.people, r, 17)},
      {"suggested_category_id", OptId(r, 19)},
      {"suggested_urgency", r.Str(20)},
      {"status", r.Str(21)},
      {"assignee_id", OptId(r, 22)},
      {"assignee_name", NameOf(names.people, r, 22)},
      {"dispatch_mode", r.Str(24)},
      {"dispatch_reason", r.Str(25)},
      {"created_at", FormatUtc(r.Int(26))},
      {"assigned_at", OptTime(r, 27)},
      {"accepted_at", OptTime(r, 28)},
      {"arrived_at", OptTime(r, 29)},
      {"completed_at", OptTime(r, 30)},
      {"confirmed_at", OptTime(r, 31)},
      {"closed_at", OptTime(r, 32)},
      {"cancelled_at", OptTime(r, 33)},
      {"cancel_reason", r.Str(34)},
      {"reopen_count", r.Int(35)},
      {"rating", OptId(r, 36)},
      {"rating_comment", r.Str(37)},
      {"labour_fee", r.Int(38)},
      {"material_fee", r.Int(39)},
      {"bill_id", OptId(r, 40)},
      {"sla", std::move(sla)},
      {"version", r.Int(50)},
  };
}

json::array ActionsFor(db::Tx& tx, const TenantContext& ctx, const Order& o, Millis now) {
  Facts facts{o.arrived_at.has_value(), o.completed_at.value_or(0), now};
  json::array out;
  for (std::string_view a : kActions)
    if (Next(o.status, a, facts) && MayAct(tx, ctx, o, a).ok()) out.emplace_back(a);
  if ((o.status == "completed" || o.status == "confirmed") && !ctx.IsResident() &&
      ctx.access.HasIn(std::string(perm::kWorkOrderWrite), o.project_id))
    out.emplace_back("follow_up");
  return out;
}

json::object OrderFullJson(db::Tx& tx, const TenantContext& ctx, const Order& o, Millis now) {
  db::Rows rows = tx.Query(std::string(kViewSelect) + "WHERE o.id = ?", {o.id});
  json::object out = OrderRowJson(rows.at(0), NamesFor(tx, o.company_id, rows), now);
  json::array timeline;
  for (const db::Row& e : tx.Query(std::string("SELECT ") + kEventColumns +
                                       " FROM wo_events WHERE work_order_id = ? ORDER BY seq",
                                   {o.id}))
    timeline.push_back(EventJson(e));
  json::array photos;
  json::value signature = nullptr;
  for (const char* kind : {"work_order", "work_order_done"})
    for (const files::FileRef& f : files::ListFor(tx, o.company_id, kind, o.id))
      photos.push_back(json::object{{"id", f.id},
                                    {"url", f.url},
                                    {"stage", kind == std::string_view("work_order") ? "report"
                                                                                    : "complete"}});
  for (const files::FileRef& f : files::ListFor(tx, o.company_id, "work_order_sign", o.id))
    signature = json::object{{"id", f.id}, {"url", f.url}};
  out["timeline"] = std::move(timeline);
  out["photos"] = std::move(photos);
  out["signature"] = std::move(signature);
  out["actions"] = ActionsFor(tx, ctx, o, now);
  if (ctx.IsResident()) {  // staff-only details
    out.erase("dispatch_reason");
    out.erase("responsible_id");
  }
  return out;
}

}  // namespace anju::workorder
