// The aggregates behind the reports (modules/reports), as named queries over billing's
// tables. Reports own no table: they ask billing (and corrections) for sums inside their
// own read transaction and shape them. The SQL of an aggregate stays with the tables it
// reads; what a figure means is documented where the report defines it
// (reports/report_service.h, reports/daily_report.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::billing {

// The rows a report may read: the caller's company, in the projects where the caller holds
// `code` (identity::AppendProjectScope), and only `project_id` when given.
struct ReportScope {
  const TenantContext& ctx;
  std::string_view code;
  std::optional<int64_t> project_id;
};
// Appends the scope's conditions on `column` (" AND column IN (…) [AND column = ?]").
void AppendReportScope(const ReportScope& scope, std::string_view column, std::string& sql,
                       db::Params& params);

// The collection totals (collection_totals.h) of every period up to `to` ("YYYY-MM").
struct TotalsCell {
  int64_t project_id = 0;
  std::string period, month;  // the bills' period; the month (China time) it was settled in
  int64_t billed = 0, settled = 0;
};
std::vector<TotalsCell> CollectionTotals(db::Tx& tx, const ReportScope& scope,
                                         std::string_view to);

// Arrears on `as_of` with aging buckets by due date (≤30, 31–90, 91–180, 181–365, >365 days
// overdue), per group, largest first; what is owed = open principal + open late fee
// (bill_sql.h) of bills due before `as_of`.
enum class ArrearsGroup { kProject, kBuilding, kHouse };
struct AgingRow {
  int64_t id = 0;  // the project, building or house
  int64_t owed = 0, houses = 0;
  int64_t d0_30 = 0, d31_90 = 0, d91_180 = 0, d181_365 = 0, d365_plus = 0;
};
struct AgingPage {
  int64_t groups = 0, owed = 0;  // over all groups, not just this page
  std::vector<AgingRow> rows;
};
AgingPage ArrearsAging(db::Tx& tx, const ReportScope& scope, ArrearsGroup group,
                       std::string_view as_of, int64_t limit, int64_t offset);

// One project's day in billing's books, [start, end) in epoch milliseconds:
//   billed         Σ bills posted (not opening arrears carried over: opening.h)
//   late_fees      Σ late fees accrued
//   received       Σ payments of money (not prepaid balances applied), by channel too
//   to_prepayment  of `received`, what went to prepaid balances
//   arrears        at `end`: principal and late fees posted by then, plus opening arrears
//                  posted and not reversed by then, minus what payments taken by then
//                  settled — before corrections (corrections::CorrectedBefore takes those)
struct DayBooks {
  int64_t billed = 0, late_fees = 0, received = 0, to_prepayment = 0, arrears = 0;
  std::map<std::string, int64_t> channels;
};
std::map<int64_t, DayBooks> DailyBooks(db::Tx& tx, const ReportScope& scope, Millis start,
                                       Millis end);

}  // namespace anju::billing
