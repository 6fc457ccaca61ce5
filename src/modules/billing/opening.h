// Opening balances (期初): what each house owed and held in the system the company comes
// from, posted row by row by the importer (modules/importer) inside ITS transaction.
//
// Design
// An opening arrears (期初欠费) is an ordinary bill of a fee item of the house's project for
// the period the old system billed, marked bills.source = 'opening', due the item's
// due_days after the period's first day. From then on it IS a bill: the cashier desk,
// online payment, late fees from its due date (give the fee item a late_fee.start_date on
// the go-live day to charge none for the time before), arrears, reminders and the
// collection totals (its period's 应收) treat it like any other. Only its entry differs:
// the old system billed it, so it is no revenue of this one, and the daily figures
// (reports/daily_report.h) leave it out of what was billed that day:
//     Dr receivable:house:<id>   Cr equity:opening_balance
// An opening prepaid balance (期初预存) has no bill:
//     Dr equity:opening_balance  Cr prepayment:house:<id>
// It is not a payment — no payment row, no receipt, not money received today — but the
// house holds it like any prepaid balance: bill runs apply it, and a refund naming no
// payment may pay it out (the owner paid it to the previous manager, who handed it over).
//
// Each posting is a row of opening_balances (kind arrears | prepayment, status posted |
// reversed) with one entry (kind 'opening', ref 'opening' <id>). A reversal (the importer's
// rollback) posts the mirror entry (kind 'opening_reversal') and marks the row reversed;
// nothing is deleted. A reversed bill is settled by it — bills.credited = amount, so it
// owes nothing and the totals drop as for a credit note — and it is refused once anything
// touched the bill (paid, allocated, credited, waived, a late fee, any adjustment). A
// prepaid balance is reversed only while the house still holds it (balance less refunds
// processing ≥ amount).
//
// Re-import: one bill per house, fee item and period, so the same key again is
// OPENING_EXISTS when the bill has that amount (the importer: "skipped") and
// OPENING_CONFLICT otherwise; one posted opening prepaid balance per house, likewise. A key
// whose opening bill was reversed is posted again on that bill (same number): its amount
// becomes the new one and credited returns to 0 — the one edit of a posted bill, allowed
// because a reversed opening bill is worth nothing and its history stays in
// opening_balances and the journal.
//
// ledger::Check proves (CheckOpenings): each row has one entry of its amount (and one
// reversal entry iff reversed); an opening bill has no revenue entry, its amount is its
// latest row's, its credited its adjustments plus that row's amount when reversed; and per
// company equity:opening_balance = Σ posted prepaid − Σ posted arrears.
//
// Every function needs billing:bill:run in the house's project (403 without it anywhere,
// HOUSE_NOT_FOUND / OPENING_NOT_FOUND outside it), writes inside `tx` with its audit row,
// and returns the opening (Opening; opening_json.h reads the importer's bodies into the
// commands and shows an opening as JSON).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/ports.h"

namespace anju::billing {

// An opening balance as recorded (the bill's fields only for arrears).
struct Opening {
  int64_t id = 0;
  std::string kind;  // "arrears" | "prepayment"
  int64_t house_id = 0, project_id = 0;
  std::optional<int64_t> bill_id;
  std::optional<std::string> bill_number, fee_item_code, period;
  int64_t amount = 0;  // 分
  std::string note;
  std::string status;  // "posted" | "reversed"
  Millis created_at = 0;
  std::optional<Millis> reversed_at;
};

// 期初欠费 of a house: the bill of fee item `fee_item_code` of the house's project for
// `period` ("YYYY-MM", this month or earlier), amount 分 1 … kMaxPaymentFen, note ≤ 200.
struct OpeningArrearsCommand {
  int64_t house_id = 0;
  std::string fee_item_code;
  std::string period;
  int64_t amount = 0;
  std::string note;
};

// 期初预存 of a house: amount 分 1 … kMaxPaymentFen, note ≤ 200.
struct OpeningPrepaymentCommand {
  int64_t house_id = 0;
  int64_t amount = 0;
  std::string note;
};

// Whether the caller may post openings somewhere (billing:bill:run): checked before the
// body is read. The functions below check it again.
Status MayPostOpenings(const TenantContext& ctx);

// Errors: FORBIDDEN, HOUSE_NOT_FOUND (house_id), FEE_ITEM_NOT_FOUND (fee_item_code: no such
// code in the house's project), OPENING_EXISTS / OPENING_CONFLICT (period: a bill of the
// house, item and period exists).
Result<Opening> PostOpeningArrears(db::Tx& tx, const TenantContext& ctx,
                                   const OpeningArrearsCommand& cmd, Millis now);

// Errors: FORBIDDEN, HOUSE_NOT_FOUND, OPENING_EXISTS / OPENING_CONFLICT (amount: the house
// has a posted opening prepaid balance).
Result<Opening> PostOpeningPrepayment(db::Tx& tx, const TenantContext& ctx,
                                      const OpeningPrepaymentCommand& cmd, Millis now);

// Reverses an opening by its id, or the opening of a bill. Errors: OPENING_NOT_FOUND,
// OPENING_REVERSED, OPENING_IN_USE. `holds` (ports.h, implemented by corrections) says what
// refunds still processing hold of a prepaid balance and whether a correction names the bill;
// the caller hands it down from src/app/app.cc's wiring (the importer gets it there).
Result<Opening> ReverseOpening(db::Tx& tx, const TenantContext& ctx, CorrectionHolds& holds,
                               int64_t opening_id, Millis now);
Result<Opening> ReverseOpeningBill(db::Tx& tx, const TenantContext& ctx,
                                   CorrectionHolds& holds, int64_t bill_id, Millis now);

namespace ledger {
// The opening-balance part of ledger::Check: one sentence per problem found.
void CheckOpenings(db::Tx& tx, const std::function<void(std::string)>& problem);
}  // namespace ledger

}  // namespace anju::billing
