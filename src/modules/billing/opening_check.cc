// The opening-balance part of ledger::Check (opening.h, "ledger::Check proves").
#include "modules/billing/opening.h"

#include "modules/billing/ledger.h"

namespace anju::billing::ledger {

void CheckOpenings(db::Tx& tx, const std::function<void(std::string)>& problem) {
  // Each row is well formed: an arrears has its opening bill of the same house.
  for (auto& r : tx.Query(
           "SELECT o.id FROM opening_balances o LEFT JOIN bills b ON b.id = o.bill_id WHERE "
           "o.amount <= 0 OR o.status NOT IN ('posted', 'reversed') OR (o.status = "
           "'reversed') <> (o.reversed_at IS NOT NULL) OR o.kind NOT IN ('arrears', "
           "'prepayment') OR (o.kind = 'prepayment' AND o.bill_id IS NOT NULL) OR "
           "(o.kind = 'arrears' AND (b.id IS NULL OR b.source <> 'opening' OR "
           "b.house_id <> o.house_id OR b.company_id <> o.company_id))"))
    problem("opening " + r.Str(0) + " is malformed or its bill is not its house's opening bill");
  // One entry of its amount, and one reversal entry iff reversed; no entry without a row.
  for (auto& r : tx.Query(
           "SELECT o.id, o.status, o.amount, x.kind, COALESCE(x.n, 0), COALESCE(x.debits, 0) "
           "FROM opening_balances o CROSS JOIN (SELECT 'opening' AS kind UNION ALL SELECT "
           "'opening_reversal') k LEFT JOIN (SELECT e.ref_id, e.kind, COUNT(DISTINCT e.id) AS "
           "n, SUM(l.debit) AS debits FROM journal_entries e JOIN journal_lines l ON "
           "l.entry_id = e.id WHERE e.ref_type = 'opening' GROUP BY e.ref_id, e.kind) x ON "
           "x.ref_id = o.id AND x.kind = k.kind WHERE COALESCE(x.n, 0) <> (CASE WHEN k.kind = "
           "'opening' OR o.status = 'reversed' THEN 1 ELSE 0 END) OR (x.n = 1 AND "
           "x.debits <> o.amount)"))
    problem("opening " + r.Str(0) + " (" + r.Str(1) + ", " + r.Str(2) + "): " + r.Str(4) +
            " entries of " + r.Str(5) + (r.IsNull(3) ? "" : " (" + r.Str(3) + ")"));
  for (auto& r : tx.Query("SELECT e.id FROM journal_entries e WHERE (e.ref_type = 'opening' "
                          "OR e.kind IN ('opening', 'opening_reversal')) AND NOT EXISTS "
                          "(SELECT 1 FROM opening_balances o WHERE o.id = e.ref_id AND "
                          "o.company_id = e.company_id AND e.ref_type = 'opening' AND "
                          "e.kind IN ('opening', 'opening_reversal'))"))
    problem("journal entry " + r.Str(0) + " is an opening entry of no opening balance");
  // An opening bill is no revenue, its amount is its latest posting's.
  for (auto& r : tx.Query(
           "SELECT b.id, b.amount, o.amount FROM bills b LEFT JOIN opening_balances o ON "
           "o.id = (SELECT MAX(o2.id) FROM opening_balances o2 WHERE o2.bill_id = b.id) WHERE "
           "b.source = 'opening' AND (o.id IS NULL OR o.amount <> b.amount OR EXISTS (SELECT 1 "
           "FROM journal_entries e WHERE e.kind = 'bill' AND e.ref_type = 'bill' AND "
           "e.ref_id = b.id))"))
    problem("opening bill " + r.Str(0) + " of " + r.Str(1) + " has a revenue entry or its "
            "opening says " + (r.IsNull(2) ? std::string("nothing") : r.Str(2)));
  for (auto& r : tx.Query("SELECT b.id FROM bills b WHERE b.source <> 'opening' AND EXISTS "
                          "(SELECT 1 FROM opening_balances o WHERE o.bill_id = b.id)"))
    problem("bill " + r.Str(0) + " has an opening balance but is not an opening bill");
  // equity:opening_balance = Σ posted prepaid balances − Σ posted arrears, per company.
  for (auto& r : tx.Query(
           "SELECT c.company_id, SUM(c.expected), SUM(c.stored) FROM (SELECT company_id, "
           "CASE WHEN kind = 'prepayment' THEN amount ELSE -amount END AS expected, 0 AS stored "
           "FROM opening_balances WHERE status = 'posted' UNION ALL SELECT company_id, 0, "
           "balance FROM ledger_accounts WHERE code = '" + std::string(kOpeningEquity) +
           "') c GROUP BY c.company_id HAVING SUM(c.expected) <> SUM(c.stored)"))
    problem("company " + r.Str(0) + ": openings net " + r.Str(1) + " but " +
            std::string(kOpeningEquity) + " says " + r.Str(2));
}

}  // namespace anju::billing::ledger
