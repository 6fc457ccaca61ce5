#include "modules/billing/report_queries.h"

#include <utility>

#include "modules/billing/bill_sql.h"
#include "platform/identity/access.h"

namespace anju::billing {

void AppendReportScope(const ReportScope& scope, std::string_view column, std::string& sql,
                       db::Params& params) {
  identity::AppendProjectScope(scope.ctx, scope.code, column, sql, params);
  if (scope.project_id) {
    sql += " AND " + std::string(column) + " = ?";
    params.emplace_back(*scope.project_id);
  }
}

std::vector<TotalsCell> CollectionTotals(db::Tx& tx, const ReportScope& scope,
                                         std::string_view to) {
  std::string where = " WHERE t.company_id = ? AND t.period <= ?";
  db::Params p{scope.ctx.company_id, std::string(to)};
  AppendReportScope(scope, "t.project_id", where, p);
  std::vector<TotalsCell> out;
  for (auto& r : tx.Query("SELECT t.project_id, t.period, t.month, t.billed, t.settled "
                          "FROM collection_totals t" + where, p))
    out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Int(3), r.Int(4)});
  return out;
}

// The bucket limits are computed as dates here, so the SQL compares ISO dates and reads the
// same on SQLite and PostgreSQL.
AgingPage ArrearsAging(db::Tx& tx, const ReportScope& scope, ArrearsGroup group,
                       std::string_view as_of_day, int64_t limit, int64_t offset) {
  const std::string as_of(as_of_day);
  std::string column = group == ArrearsGroup::kProject    ? "b.project_id"
                       : group == ArrearsGroup::kBuilding ? "b.building_id"
                                                          : "b.house_id";
  // Bucket limits: due on or after d30 → ≤30 days overdue, and so on.
  std::string d30 = AddDays(as_of, -30), d90 = AddDays(as_of, -90), d180 = AddDays(as_of, -180),
              d365 = AddDays(as_of, -365);
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
  db::Params wp{scope.ctx.company_id, as_of};
  AppendReportScope(scope, "b.project_id", where, wp);
  params.insert(params.end(), wp.begin(), wp.end());
  AgingPage page;
  auto count = tx.QueryOne("SELECT COUNT(DISTINCT " + column + "), COALESCE(SUM(" + owed +
                               "), 0)" + where,
                           wp);
  page.groups = count->Int(0);
  page.owed = count->Int(1);
  params.emplace_back(limit);
  params.emplace_back(offset);
  for (auto& r : tx.Query(select + where + " GROUP BY " + column + " ORDER BY 2 DESC, 1 " +
                              "LIMIT ? OFFSET ?",
                          params))
    page.rows.push_back({r.Int(0), r.Int(1), r.Int(7), r.Int(2), r.Int(3), r.Int(4), r.Int(5),
                         r.Int(6)});
  return page;
}

// One grouped query per figure over the scope's projects.
std::map<int64_t, DayBooks> DailyBooks(db::Tx& tx, const ReportScope& scope, Millis start,
                                       Millis end) {
  const int64_t company = scope.ctx.company_id;
  auto scoped = [&](std::string sql, std::string_view column, db::Params p) {
    AppendReportScope(scope, column, sql, p);
    return std::pair{sql + " GROUP BY " + std::string(column), p};
  };
  std::map<int64_t, DayBooks> rows;
  auto each = [&](std::pair<std::string, db::Params> query, auto fn) {
    for (auto& r : tx.Query(query.first, query.second)) fn(rows[r.Int(0)], r);
  };
  each(scoped("SELECT b.project_id, SUM(b.amount) FROM bills b WHERE b.company_id = ? AND "
              "b.created_at >= ? AND b.created_at < ? AND b.source <> 'opening'",
              "b.project_id", {company, start, end}),
       [](DayBooks& f, const db::Row& r) { f.billed = r.Int(1); });
  each(scoped("SELECT b.project_id, SUM(a.amount) FROM late_fee_accruals a JOIN bills b ON "
              "b.id = a.bill_id WHERE a.company_id = ? AND a.created_at >= ? AND "
              "a.created_at < ?",
              "b.project_id", {company, start, end}),
       [](DayBooks& f, const db::Row& r) { f.late_fees = r.Int(1); });
  auto [paid_sql, paid_params] =
      scoped("SELECT p.project_id, p.channel, SUM(p.amount), SUM(p.to_prepayment) FROM "
             "payments p WHERE p.company_id = ? AND p.created_at >= ? AND p.created_at < ? "
             "AND p.channel <> 'prepayment'",
             "p.project_id", {company, start, end});
  each({paid_sql + ", p.channel", paid_params}, [](DayBooks& f, const db::Row& r) {
    f.channels[r.Str(1)] += r.Int(2);
    f.received += r.Int(2);
    f.to_prepayment += r.Int(3);
  });
  // Arrears at the end of the day: posted principal and late fees minus settled amounts.
  each(scoped("SELECT b.project_id, SUM(b.amount) FROM bills b WHERE b.company_id = ? AND "
              "b.created_at < ? AND b.source <> 'opening'",
              "b.project_id", {company, end}),
       [](DayBooks& f, const db::Row& r) { f.arrears += r.Int(1); });
  // Opening arrears (opening.h) by their postings, less those reversed by then.
  each(scoped("SELECT o.project_id, SUM(CASE WHEN o.reversed_at < ? THEN 0 ELSE o.amount "
              "END) FROM opening_balances o WHERE o.company_id = ? AND o.kind = 'arrears' "
              "AND o.created_at < ?",
              "o.project_id", {end, company, end}),
       [](DayBooks& f, const db::Row& r) { f.arrears += r.Int(1); });
  each(scoped("SELECT b.project_id, SUM(a.amount) FROM late_fee_accruals a JOIN bills b ON "
              "b.id = a.bill_id WHERE a.company_id = ? AND a.created_at < ?",
              "b.project_id", {company, end}),
       [](DayBooks& f, const db::Row& r) { f.arrears += r.Int(1); });
  each(scoped("SELECT b.project_id, SUM(pa.amount) FROM payment_allocations pa JOIN payments "
              "py ON py.id = pa.payment_id JOIN bills b ON b.id = pa.bill_id WHERE "
              "pa.company_id = ? AND py.created_at < ?",
              "b.project_id", {company, end}),
       [](DayBooks& f, const db::Row& r) { f.arrears -= r.Int(1); });
  return rows;
}

}  // namespace anju::billing
