// Arrears (欠费) with aging buckets: what is overdue on a day, grouped by project, building
// or house, split by how long it has been overdue (≤30, 31–90, 91–180, 181–365, >365 days).
// Bills not yet due are not arrears. A bill's arrears are its unpaid principal plus its
// unpaid late fee; the bucket follows the bill's due date. Billing sums them
// (billing::ArrearsAging); this file checks the query and shapes the page.
#include "modules/billing/report_queries.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"
#include "modules/reports/report_service.h"

namespace anju::reports {

namespace perm = identity::perm;

Result<ArrearsSummary> ReportService::Arrears(const TenantContext& ctx, const ArrearsQuery& q,
                                              const Page& page) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  if (!IsValidCivilDate(q.as_of))
    return Error(errors::kBadQuery).WithField("as_of", "invalid", "Must be a date YYYY-MM-DD");
  std::optional<billing::ArrearsGroup> group =
      q.group == "project"    ? std::optional(billing::ArrearsGroup::kProject)
      : q.group == "building" ? std::optional(billing::ArrearsGroup::kBuilding)
      : q.group == "house"    ? std::optional(billing::ArrearsGroup::kHouse)
                              : std::nullopt;
  if (!group)
    return Error(errors::kBadQuery).WithField("group", "invalid", "project, building or house");
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ArrearsSummary> {
    billing::AgingPage aging = billing::ArrearsAging(tx, {ctx, perm::kBillRead, q.project_id},
                                                     *group, q.as_of, page.size, page.offset());
    ArrearsSummary out{q.as_of, q.group, aging.owed, {}, aging.groups};
    for (const billing::AgingRow& r : aging.rows) {
      ArrearsRow row{r.id,       r.owed,     r.houses,    r.d0_30,       r.d31_90,
                     r.d91_180, r.d181_365, r.d365_plus, std::nullopt};
      if (q.group == "house")
        if (auto h = property::FindHouseFacts(tx, ctx.company_id, r.id)) row.house_code = h->code;
      out.items.push_back(std::move(row));
    }
    return out;
  });
}

}  // namespace anju::reports
