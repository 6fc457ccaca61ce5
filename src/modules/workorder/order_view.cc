#include "modules/workorder/order_view.h"

#include <algorithm>

#include "platform/files/files_service.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"
#include "modules/workorder/lifecycle.h"
#include "modules/workorder/owner_view.h"

namespace anju::workorder {

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

std::optional<int64_t> OptInt(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Int(i);
}
std::optional<bool> OptBool(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
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

OrderRow ReadOrderRow(const db::Row& r, const ViewNames& names, Millis now) {
  OrderRow o;
  o.id = r.Int(0), o.number = r.Str(1), o.project_id = r.Int(2), o.kind = r.Str(3);
  o.category_id = r.Int(4), o.category_name = r.Str(5);
  o.house_id = OptInt(r, 6), o.house_code = NameOf(names.houses, r, 6);
  o.building_id = OptInt(r, 8), o.building_name = NameOf(names.buildings, r, 8);
  o.place = r.Str(10), o.description = r.Str(11), o.urgency = r.Str(12);
  o.preferred_time = r.Str(13), o.channel = r.Str(14);
  o.reporter_name = r.Str(15), o.reporter_phone = r.Str(16);
  o.responsible_id = OptInt(r, 17), o.responsible_name = NameOf(names.people, r, 17);
  o.suggested_category_id = OptInt(r, 19), o.suggested_urgency = r.Str(20);
  o.status = r.Str(21);
  o.assignee_id = OptInt(r, 22), o.assignee_name = NameOf(names.people, r, 22);
  o.dispatch_mode = r.Str(24), o.dispatch_reason = r.Str(25);
  o.created_at = r.Int(26);
  o.assigned_at = OptInt(r, 27), o.accepted_at = OptInt(r, 28), o.arrived_at = OptInt(r, 29);
  o.completed_at = OptInt(r, 30), o.confirmed_at = OptInt(r, 31), o.closed_at = OptInt(r, 32);
  o.cancelled_at = OptInt(r, 33), o.cancel_reason = r.Str(34);
  o.reopen_count = r.Int(35), o.rating = OptInt(r, 36), o.rating_comment = r.Str(37);
  o.labour_fee = r.Int(38), o.material_fee = r.Int(39), o.bill_id = OptInt(r, 40);
  o.sla = OrderSla{r.Str(41),         r.Int(42),        r.Int(43),        OptInt(r, 45),
                   OptInt(r, 47),     OptBool(r, 48),   OptBool(r, 49),   SlaState(r, now)};
  o.version = r.Int(50);
  return o;
}

std::vector<std::string> ActionsFor(db::Tx& tx, const TenantContext& ctx, const Order& o,
                                    Millis now) {
  Facts facts{o.arrived_at.has_value(), o.completed_at.value_or(0), now};
  std::vector<std::string> out;
  for (std::string_view a : kActions)
    if (Next(o.status, a, facts) && MayAct(tx, ctx, o, a).ok()) out.emplace_back(a);
  if ((o.status == "completed" || o.status == "confirmed") && !ctx.IsResident() &&
      ctx.access.HasIn(std::string(perm::kWorkOrderWrite), o.project_id))
    out.emplace_back("follow_up");
  return out;
}

OrderView LoadView(db::Tx& tx, const TenantContext& ctx, const Order& o, Millis now) {
  db::Rows rows = tx.Query(std::string(kViewSelect) + "WHERE o.id = ?", {o.id});
  OrderView out;
  out.order = ReadOrderRow(rows.at(0), NamesFor(tx, o.company_id, rows), now);
  for (const db::Row& e : tx.Query(std::string("SELECT ") + kEventColumns +
                                       " FROM wo_events WHERE work_order_id = ? ORDER BY seq",
                                   {o.id}))
    out.timeline.push_back(ctx.IsResident() ? ForResident(ReadEvent(e)) : ReadEvent(e));
  for (const char* kind : {"work_order", "work_order_done"})
    for (const files::FileRef& f : files::ListFor(tx, o.company_id, kind, o.id))
      out.photos.push_back(
          {f.id, f.url, kind == std::string_view("work_order") ? "report" : "complete"});
  for (const files::FileRef& f : files::ListFor(tx, o.company_id, "work_order_sign", o.id))
    out.signature = FileLink{f.id, f.url};
  out.actions = ActionsFor(tx, ctx, o, now);
  out.order.for_resident = ctx.IsResident();  // staff-only details left out
  return out;
}

}  // namespace anju::workorder
