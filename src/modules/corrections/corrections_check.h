// The corrections' part of the ledger check (`anju ledger check`, and every billing test
// after it runs). Billing's ledger::Check proves the journal and the bills' own columns;
// what adjustments and refunds add to the books is proven here, reading billing's side
// through its public functions (bill_corrections.h: CorrectedBills; ledger.h: EntriesOf;
// bill_queries.h: FindPayment):
//   - each bill's `credited` = its applied credit notes and write-offs, plus what an opening
//     reversal credited; its `late_waived` = its applied late-fee waivers; the part of its
//     credit notes that went to the prepaid balance = what the house had overpaid,
//     max(0, paid + credited − amount);
//   - every applied adjustment and every refunded refund has exactly one journal entry, of
//     its amount; no other adjustment or refund has one;
//   - no payment is refunded (processing or refunded) beyond its amount.
// src/app/app.h's CheckBooks runs it after billing's.
#pragma once

#include "db/database.h"
#include "modules/billing/ledger.h"

namespace anju::corrections {

// Adds the problems found to `report` (sets ok = false); the first 50 are kept.
void Check(db::Tx& tx, billing::ledger::CheckReport& report);

}  // namespace anju::corrections
