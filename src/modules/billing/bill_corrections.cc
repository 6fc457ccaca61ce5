#include "modules/billing/bill_corrections.h"

#include "modules/billing/collection_totals.h"

namespace anju::billing {

void AddCredit(db::Tx& tx, int64_t company_id, int64_t bill_id, int64_t amount,
               int64_t to_prepayment, Millis now) {
  tx.Exec("UPDATE bills SET credited = credited + ? WHERE id = ?", {amount, bill_id});
  totals::AddCredited(tx, company_id, bill_id, amount, to_prepayment, now);
}

void AddLateWaiver(db::Tx& tx, int64_t bill_id, int64_t amount) {
  tx.Exec("UPDATE bills SET late_waived = late_waived + ? WHERE id = ?", {amount, bill_id});
}

std::vector<CorrectedBill> CorrectedBills(db::Tx& tx) {
  std::vector<CorrectedBill> out;
  for (auto& r : tx.Query(
           "SELECT id, amount, paid, credited, late_waived, reversed FROM (SELECT b.id, "
           "b.amount, b.paid, b.credited, b.late_waived, COALESCE((SELECT o.amount FROM "
           "opening_balances o WHERE o.status = 'reversed' AND o.id = (SELECT MAX(o2.id) FROM "
           "opening_balances o2 WHERE o2.bill_id = b.id)), 0) AS reversed FROM bills b) x "
           "WHERE credited <> 0 OR late_waived <> 0 OR reversed <> 0 ORDER BY id"))
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5)});
  return out;
}

}  // namespace anju::billing
