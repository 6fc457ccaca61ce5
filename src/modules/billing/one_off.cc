#include "modules/billing/one_off.h"

#include "modules/billing/bill_lines.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/counters.h"
#include "modules/billing/ledger.h"
#include "platform/org/org_service.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_service.h"

namespace anju::billing {

using namespace bill_lines;

namespace {

// The project's one-off repair item, of kind repair, which bill runs never bill.
int64_t RepairItem(db::Tx& tx, int64_t company_id, int64_t project_id, Millis now) {
  if (auto r = tx.QueryOne("SELECT id FROM fee_items WHERE project_id = ? AND code = ?",
                           {project_id, std::string(kRepairItemCode)}))
    return r->Int(0);
  return tx.InsertId(
      "INSERT INTO fee_items (company_id, project_id, code, name, kind, method, unit_price, "
      "house_kinds, valid_from, created_at, updated_at) VALUES (?, ?, ?, ?, 'repair', "
      "'fixed', 0, 'residential shop office storage parking', '2000-01-01', ?, ?) RETURNING id",
      {company_id, project_id, std::string(kRepairItemCode), std::string(kRepairItemName), now,
       now});
}

}  // namespace

Result<ChargedBill> ChargeOneOff(db::Tx& tx, const OneOffCharge& c, Millis now) {
  auto h = property::FindHouseFacts(tx, c.company_id, c.house_id);
  auto period = ParsePeriod(c.period);
  if (!h || !period || c.amount <= 0) return Error(property::kHouseNotFound);
  int64_t item = RepairItem(tx, c.company_id, h->project_id, now);
  for (int i = 0; i < 24 && tx.QueryOne("SELECT 1 FROM bills WHERE house_id = ? AND "
                                         "fee_item_id = ? AND period = ?",
                                         {h->id, item, period->name});
       ++i)
    period = NextPeriod(*period);
  std::string number = NextBillNumber(tx, c.company_id, h->project_id,
                                      *org::ProjectCode(tx, c.company_id, h->project_id),
                                      period->name);
  int64_t id = tx.InsertId(
      "INSERT INTO bills (company_id, project_id, building_id, house_id, fee_item_id, period, "
      "number, quantity, unit_price, amount, discount, due_date, created_at) VALUES (?, ?, ?, ?, "
      "?, ?, ?, 100, ?, ?, 0, ?, ?) RETURNING id",
      {c.company_id, h->project_id, h->building_id, h->id, item, period->name, number,
       c.amount * 100, c.amount, DueDate(*period, c.due_days), now});
  std::vector<ledger::Entry> entries;
  AppendBillEntries(entries, {c.company_id, h->project_id, id, h->id, item, number},
                    Line{c.amount, 100, 0});
  ledger::PostAll(tx, entries, now);
  totals::AddBilled(tx, c.company_id, h->project_id, period->name, c.amount, now);
  return ChargedBill{id, number, period->name};
}

}  // namespace anju::billing
