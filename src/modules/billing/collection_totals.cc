#include "modules/billing/collection_totals.h"

namespace anju::billing::totals {

namespace {

void Add(db::Tx& tx, int64_t company_id, int64_t project_id, const std::string& period,
         Millis now, int64_t billed, int64_t settled) {
  tx.Exec("INSERT INTO collection_totals (company_id, project_id, period, month, billed, "
          "settled) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, project_id, period, "
          "month) DO UPDATE SET billed = collection_totals.billed + excluded.billed, "
          "settled = collection_totals.settled + excluded.settled",
          {company_id, project_id, period, CivilDate(now).substr(0, 7), billed, settled});
}

}  // namespace

void AddBilled(db::Tx& tx, int64_t company_id, int64_t project_id, const std::string& period,
               int64_t amount, Millis now) {
  if (amount != 0) Add(tx, company_id, project_id, period, now, amount, 0);
}

void AddSettled(db::Tx& tx, int64_t company_id, int64_t bill_id, int64_t amount, Millis now) {
  AddCredited(tx, company_id, bill_id, 0, -amount, now);
}

void AddCredited(db::Tx& tx, int64_t company_id, int64_t bill_id, int64_t credited,
                 int64_t to_prepayment, Millis now) {
  if (credited == 0 && to_prepayment == 0) return;
  auto b = tx.QueryOne("SELECT project_id, period FROM bills WHERE id = ? AND company_id = ?",
                       {bill_id, company_id});
  Add(tx, company_id, b->Int(0), b->Str(1), now, -credited, -to_prepayment);
}

}  // namespace anju::billing::totals
