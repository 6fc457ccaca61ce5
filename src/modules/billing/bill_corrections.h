// What a correction (modules/corrections: credit notes, write-offs, late-fee waivers) changes
// on a posted bill, and what it may read back to prove itself. Billing owns `bills`; a
// correction never writes it in SQL but calls these inside its own transaction, next to the
// ledger entry it posts (ledger.h).
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.h"
#include "db/database.h"

namespace anju::billing {

// A credit note or write-off of `amount` on the bill's principal, `to_prepayment` of it
// being what the house had overpaid (it went to the prepaid balance): bills.credited +=
// amount, and the collection totals (collection_totals.h) follow.
void AddCredit(db::Tx& tx, int64_t company_id, int64_t bill_id, int64_t amount,
               int64_t to_prepayment, Millis now);

// A late-fee waiver of `amount`: bills.late_waived += amount.
void AddLateWaiver(db::Tx& tx, int64_t bill_id, int64_t amount);

// For the corrections' part of the ledger check: every bill that carries a credit or a
// waiver or had its opening reversed, with what that reversal (opening.h) credited of it —
// the rest of `credited` must be its applied credit notes and write-offs.
struct CorrectedBill {
  int64_t id = 0, amount = 0, paid = 0, credited = 0, late_waived = 0;
  int64_t opening_reversed = 0;  // 分 of `credited` that reversed an opening arrears
};
std::vector<CorrectedBill> CorrectedBills(db::Tx& tx);

}  // namespace anju::billing
