// Collection report (收缴报表) per project and month, for HQ and project managers.
//
//   receivable  应收   Σ amount of the month's bills
//   received    实收   Σ principal settled on the month's bills (to date)
//   arrears     欠收   receivable − received
//   rate_bp     当期收缴率  received / receivable, in basis points (floor; 10000 = 100 %)
//   recovered   清欠       principal settled during the month on bills of earlier months
//   recovery_bp 清欠率      recovered / what those earlier bills still owed when the month began
//
// Rates are integers (basis points), never floating point; a zero denominator gives null.
// Months are billing periods "YYYY-MM"; "during the month" is by payment time in China.
// The sums come from billing's collection totals (billing/collection_totals.h, read through
// billing::CollectionTotals), not from grouping the bills.
#include <fmt/format.h>

#include <map>
#include <set>
#include <vector>

#include "modules/billing/report_queries.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/reports/report_service.h"

namespace anju::reports {

namespace perm = identity::perm;

namespace {

std::optional<int64_t> Rate(int64_t num, int64_t den) {
  if (den <= 0) return std::nullopt;
  return num * 10000 / den;
}

struct Cell {
  std::string period, month;
  int64_t billed, settled;
};

}  // namespace

Result<CollectionSummary> ReportService::CollectionReport(const TenantContext& ctx,
                                                         const std::string& from,
                                                         const std::string& to,
                                                         std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  if (!IsValidCivilMonth(from) || !IsValidCivilMonth(to) || to < from)
    return Error(errors::kBadQuery).WithField("from", "invalid", "from and to are months YYYY-MM, from ≤ to");
  // The totals of every period up to `to` (older ones feed 清欠率), per project.
  std::map<int64_t, std::vector<Cell>> cells;
  db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    for (const billing::TotalsCell& c :
         billing::CollectionTotals(tx, {ctx, perm::kBillRead, project_id}, to))
      cells[c.project_id].push_back({c.period, c.month, c.billed, c.settled});
  });
  CollectionSummary out{from, to};
  for (const auto& [project, list] : cells) {
    std::set<std::string> months;  // the report's months with bills, in order
    for (const Cell& c : list)
      if (c.period >= from) months.insert(c.period);
    for (const std::string& m : months) {
      int64_t billed = 0, settled = 0, owed_at_start = 0, recovered = 0;
      for (const Cell& c : list) {
        if (c.period == m) billed += c.billed, settled += c.settled;
        if (c.period < m) {
          owed_at_start += c.billed - (c.month < m ? c.settled : 0);
          if (c.month == m) recovered += c.settled;
        }
      }
      out.receivable += billed;
      out.received += settled;
      out.items.push_back({project, m, billed, settled, billed - settled, Rate(settled, billed),
                           recovered, Rate(recovered, owed_at_start)});
    }
  }
  out.rate_bp = Rate(out.received, out.receivable);
  return out;
}

}  // namespace anju::reports
