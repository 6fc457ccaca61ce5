// Lists: the board (filters), an owner's own orders, an engineer's orders, the grab pool,
// and the home screens' counts.
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/workorder/order_view.h"
#include "modules/workorder/workorder_errors.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace perm = identity::perm;

namespace {

constexpr const char* kOpen = "('submitted', 'assigned', 'accepted', 'on_site', 'paused')";

// " AND (…)": the orders the caller may list. Staff: projects with workorder:read, plus
// orders assigned to them; residents: reported by them or on their houses.
Status AppendVisible(const TenantContext& ctx, std::string& sql, db::Params& p) {
  if (ctx.IsResident()) {
    sql += " AND (o.reporter_user_id = ?";
    p.push_back(ctx.user_id);
    if (!ctx.house_ids.empty()) {
      sql += " OR o.house_id IN (";
      for (size_t i = 0; i < ctx.house_ids.size(); ++i)
        sql += i ? ", ?" : "?", p.push_back(ctx.house_ids[i]);
      sql += ")";
    }
    sql += ")";
    return {};
  }
  bool reads = ctx.access.Has(std::string(perm::kWorkOrderRead));
  if (!reads && !ctx.access.Has(std::string(perm::kWorkOrderHandle)))
    return identity::Require(ctx, perm::kWorkOrderRead);
  std::string scope;
  db::Params sp;
  identity::AppendProjectScope(ctx, perm::kWorkOrderRead, "o.project_id", scope, sp);
  sql += " AND ((1 = 1" + (reads ? scope : std::string(" AND 1 = 0")) + ") OR o.assignee_id = ?)";
  if (reads) p.insert(p.end(), sp.begin(), sp.end());
  p.push_back(ctx.user_id);
  return {};
}

}  // namespace

Result<OrderPage> WorkOrderService::List(const TenantContext& ctx, const ListFilter& f) {
  std::string where = " WHERE o.company_id = ?";
  db::Params p{ctx.company_id};
  ANJU_TRY(AppendVisible(ctx, where, p));
  auto eq = [&](const char* col, const std::optional<int64_t>& v) {
    if (v) where += std::string(" AND ") + col + " = ?", p.push_back(*v);
  };
  eq("o.project_id", f.project_id), eq("o.category_id", f.category_id);
  eq("o.assignee_id", f.assignee_id), eq("o.building_id", f.building_id);
  eq("o.house_id", f.house_id);
  if (f.mine) where += " AND o.assignee_id = ?", p.push_back(ctx.user_id);
  if (!f.kind.empty()) where += " AND o.kind = ?", p.push_back(f.kind);
  if (!f.statuses.empty()) {
    where += " AND o.status IN (";
    for (size_t i = 0; i < f.statuses.size(); ++i)
      where += i ? ", ?" : "?", p.push_back(f.statuses[i]);
    where += ")";
  }
  Millis now = clock_.Now();
  if (f.overdue) {
    where += std::string(" AND o.status IN ") + kOpen +
             " AND ((o.accepted_at IS NULL AND o.accept_due_at <= ?) OR "
             "(o.accepted_at IS NOT NULL AND o.finish_due_at <= ?))";
    p.push_back(now), p.push_back(now);
  }
  if (f.today) where += " AND o.created_at >= ?", p.push_back(ChinaMidnight(now));
  if (!f.q.empty()) {
    where += " AND (o.number LIKE ? OR o.description LIKE ? OR o.place LIKE ?)";
    std::string like = "%" + f.q + "%";
    p.push_back(like), p.push_back(like), p.push_back(like);
  }
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<OrderPage> {
    OrderPage out;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM work_orders o" + where, p)->Int(0);
    out.page = f.page;
    db::Params pp = p;
    pp.push_back(f.page.size), pp.push_back(f.page.offset());
    db::Rows rows = tx.Query(std::string(kViewSelect) + where +
                                 " ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
                             pp);
    ViewNames names = NamesFor(tx, ctx.company_id, rows);
    for (const db::Row& r : rows) {
      OrderRow row = ReadOrderRow(r, names, now);
      row.for_resident = ctx.IsResident();  // without the dispatch reason
      out.items.push_back(std::move(row));
    }
    return out;
  });
}

Result<std::vector<OrderRow>> WorkOrderService::GrabList(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderHandle));
  std::string sql = std::string(kViewSelect) +
                    "WHERE o.company_id = ? AND o.status = 'submitted' AND o.dispatch_mode = "
                    "'grab' AND c.skill IN (SELECT skill FROM wo_staff_skills WHERE user_id = ?)";
  db::Params p{ctx.company_id, ctx.user_id};
  identity::AppendProjectScope(ctx, perm::kWorkOrderHandle, "o.project_id", sql, p);
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<OrderRow>> {
    std::vector<OrderRow> items;
    db::Rows rows =
        tx.Query(sql + " ORDER BY o.urgency = 'urgent' DESC, o.created_at LIMIT 100", p);
    ViewNames names = NamesFor(tx, ctx.company_id, rows);
    for (const db::Row& r : rows) items.push_back(ReadOrderRow(r, names, now));
    return items;
  });
}

Result<OrderSummary> WorkOrderService::Summary(const TenantContext& ctx, std::optional<int64_t> project_id) {
  std::string where = " WHERE o.company_id = ?";
  db::Params p{ctx.company_id};
  ANJU_TRY(AppendVisible(ctx, where, p));
  if (project_id) where += " AND o.project_id = ?", p.push_back(*project_id);
  Millis now = clock_.Now();
  Millis day_start = ChinaMidnight(now);  // "today" as on the home screens
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<OrderSummary> {
    OrderSummary out;
    for (auto& r : tx.Query("SELECT o.status, COUNT(*) FROM work_orders o" + where +
                                " GROUP BY o.status", p)) {
      out.by_status.emplace_back(r.Str(0), r.Int(1));
      if (r.Str(0) != "completed" && r.Str(0) != "confirmed" && r.Str(0) != "closed" &&
          r.Str(0) != "cancelled")
        out.open += r.Int(1);
    }
    db::Params pt = p;
    pt.push_back(day_start);
    out.today = tx.QueryOne("SELECT COUNT(*) FROM work_orders o" + where +
                                    " AND o.created_at >= ?", pt)->Int(0);
    db::Params po = p;
    po.push_back(now), po.push_back(now);
    out.overdue =
        tx.QueryOne("SELECT COUNT(*) FROM work_orders o" + where + " AND o.status IN " + kOpen +
                        " AND ((o.accepted_at IS NULL AND o.accept_due_at <= ?) OR "
                        "(o.accepted_at IS NOT NULL AND o.finish_due_at <= ?))", po)->Int(0);
    return out;
  });
}

}  // namespace anju::workorder
