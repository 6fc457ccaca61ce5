// Arrears (欠费) with aging buckets: what is overdue on a day, grouped by project, building
// or house, split by how long it has been overdue (≤30, 31–90, 91–180, 181–365, >365 days).
// Bills not yet due are not arrears. A bill's arrears are its unpaid principal plus its
// unpaid late fee; the bucket follows the bill's due date. The bucket limits are computed as
// dates here, so the SQL compares ISO dates and reads the same on SQLite and PostgreSQL.
#include "modules/billing/bill_sql.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_service.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"
#include "modules/property/property_service.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

std::string DaysBefore(const std::string& date, int64_t n) { return AddDays(date, -n); }

}  // namespace

JsonResult BillingService::Arrears(const TenantContext& ctx, const ArrearsQuery& q,
                                   const Page& page) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  if (!IsValidCivilDate(q.as_of))
    return Error(errors::kBadQuery).WithField("as_of", "invalid", "Must be a date YYYY-MM-DD");
  std::string column = q.group == "project"    ? "b.project_id"
                       : q.group == "building" ? "b.building_id"
                       : q.group == "house"    ? "b.house_id"
                                               : "";
  if (column.empty())
    return Error(errors::kBadQuery).WithField("group", "invalid", "project, building or house");
  // Bucket limits: due on or after d30 → ≤30 days overdue, and so on.
  std::string d30 = DaysBefore(q.as_of, 30), d90 = DaysBefore(q.as_of, 90),
              d180 = DaysBefore(q.as_of, 180), d365 = DaysBefore(q.as_of, 365);
  std::string owed = "(" + std::string(kOpenPrincipalSql) + " + " + std::string(kOpenLateSql) + ")";
  auto bucket = [&](const std::string& cond) {
    return "SUM(CASE WHEN " + cond + " THEN " + owed + " ELSE 0 END)";
  };
  std::string select =
      "SELECT " + column + ", SUM(" + owed + "), " + bucket("b.due_date >= ?") + ", " +
      bucket("b.due_date < ? AND b.due_date >= ?") + ", " +
      bucket("b.due_date < ? AND b.due_date >= ?") + ", " +
      bucket("b.due_date < ? AND b.due_date >= ?") + ", " + bucket("b.due_date < ?") +
      ", COUNT(DISTINCT b.house_id)";
  db::Params params{d30, d30, d90, d90, d180, d180, d365, d365};
  std::string where = " FROM bills b WHERE b.company_id = ? AND b.due_date < ? AND " + owed + " > 0";
  db::Params wp{ctx.company_id, q.as_of};
  identity::AppendProjectScope(ctx, perm::kBillRead, "b.project_id", where, wp);
  if (q.project_id) where += " AND b.project_id = ?", wp.emplace_back(*q.project_id);
  params.insert(params.end(), wp.begin(), wp.end());
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto count = tx.QueryOne("SELECT COUNT(DISTINCT " + column + "), COALESCE(SUM(" + owed +
                                 "), 0)" + where,
                             wp);
    db::Params p = params;
    p.emplace_back(page.size);
    p.emplace_back(page.offset());
    json::array items;
    for (auto& r : tx.Query(select + where + " GROUP BY " + column + " ORDER BY 2 DESC, 1 " +
                                "LIMIT ? OFFSET ?",
                            p)) {
      json::object row{{q.group + "_id", r.Int(0)},
                       {"owed", r.Int(1)},
                       {"houses", r.Int(7)},
                       {"buckets", json::object{{"d0_30", r.Int(2)},
                                                {"d31_90", r.Int(3)},
                                                {"d91_180", r.Int(4)},
                                                {"d181_365", r.Int(5)},
                                                {"d365_plus", r.Int(6)}}}};
      if (q.group == "house")
        if (auto h = property::FindHouseFacts(tx, ctx.company_id, r.Int(0)))
          row["house_code"] = h->code;
      items.push_back(std::move(row));
    }
    return json::value(json::object{{"as_of", q.as_of},
                                    {"group", q.group},
                                    {"owed", count->Int(1)},
                                    {"items", std::move(items)},
                                    {"total", count->Int(0)},
                                    {"page", page.page},
                                    {"size", page.size}});
  });
}

}  // namespace anju::billing
