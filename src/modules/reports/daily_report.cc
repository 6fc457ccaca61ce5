// Daily figures: billing's sums of the day (billing::DailyBooks) and corrections' part of
// the arrears (corrections::CorrectedBefore), shaped per project (see the header).
#include "modules/reports/daily_report.h"

#include <map>

#include "core/clock.h"
#include "modules/billing/report_queries.h"
#include "modules/corrections/corrections.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"

namespace anju::reports {

namespace perm = identity::perm;

using Figures = billing::DayBooks;

Result<DailyFigures> DailyReport(db::Database& db, const TenantContext& ctx, const DailyQuery& q) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  if (!IsValidCivilDate(q.date))
    return Error(errors::kBadQuery).WithField("date", "invalid", "Must be a date YYYY-MM-DD");
  const Millis start = DaysFromCivil(q.date) * kDay - 8 * kHour, end = start + kDay;
  return db.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<DailyFigures> {
    // Billing's books of the day, less what corrections applied by its end took off arrears:
    // credit notes (the part the house still owed) and late-fee waivers.
    const billing::ReportScope scope{ctx, perm::kBillRead, q.project_id};
    std::map<int64_t, Figures> rows = billing::DailyBooks(tx, scope, start, end);
    for (auto& [project_id, corrected] : corrections::CorrectedBefore(tx, scope, end))
      rows[project_id].arrears -= corrected;

    DailyFigures out{q.date, {}, {}};
    Figures& total = out.total;
    for (auto& [project_id, f] : rows) {
      if (!f.billed && !f.late_fees && !f.received && !f.arrears) continue;
      total.billed += f.billed, total.late_fees += f.late_fees, total.received += f.received;
      total.to_prepayment += f.to_prepayment, total.arrears += f.arrears;
      for (auto& [c, v] : f.channels) total.channels[c] += v;
      out.items.push_back({project_id, f});
    }
    return out;
  });
}

}  // namespace anju::reports
