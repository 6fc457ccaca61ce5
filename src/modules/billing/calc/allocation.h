// Payment allocation (冲账顺序): which debts of a house a payment settles, a pure function.
//
// No database, no clock, no floating point. The caller (billing::Settle, settle.h) reads a
// house's open debts inside its transaction — for each bill what it still owes of principal
// and of late fee (bill_sql.h) — and hands them here with the amount paid and the company's
// allocation order (settings.h); it then writes the parts this function returns. The rule is
// written here once: the cashier desk, online payments, prepayments and bill runs applying a
// prepaid balance all settle through it.
//
// The rule
//   A payment of A 分 settles debts one after another, each up to what it still owes, until
//   the money runs out; what is left after every eligible debt is settled in full is the
//   house's prepaid balance (预存).
//   - Picked bills (the cashier or the payer chose bills): only those bills are eligible, in
//     the order picked; each bill's late fee, then its principal. The company's order does
//     not apply, and bills not picked get nothing even when money is left: the rest is
//     prepaid balance. A picked bill that owes nothing is refused (the caller has checked
//     this already and answers BILL_NOT_PAYABLE; here it is CALC_BAD_INPUT).
//   - Nothing picked, late_fees_first (the default): every open late fee, oldest bill first,
//     then every open principal, oldest bill first.
//   - Nothing picked, principal_first: bill by bill, oldest first, its principal then its
//     late fee.
//   "Oldest" is by due date, ties by bill id: the order does not depend on the order the
//   debts are given in. Due dates are "YYYY-MM-DD" and compare as strings.
//
// Invariants (each has a table row or a property in allocation_test.cc)
//   - Never more than owed: a part is > 0 and at most what its bill owes of its kind; a bill
//     has at most one part of each kind.
//   - Conservation: Σ parts + to_prepayment = amount; principal and late_fee are the sums of
//     the parts of their kind; to_prepayment ≥ 0.
//   - Greedy prefix: in the rule's order every debt before the last part is settled in full,
//     at most the last part is partial, and money goes to the prepaid balance only when every
//     eligible debt is settled in full. So paying more never settles less of any debt.
//   - Deterministic: the same debts (in any input order), amount and setting give the same
//     parts in the same order.
// Overflow cannot happen: every part and every sum is at most the amount.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace anju::billing::calc {

// The company's allocation_order (settings.h) for payments that pick no bills.
enum class AllocationOrder { kLateFeesFirst, kPrincipalFirst };

enum class DebtKind { kPrincipal, kLateFee };
const char* DebtKindName(DebtKind kind);  // "principal" | "late_fee", as payment_allocations.kind

// What one bill of the house still owes.
struct OpenDebt {
  int64_t bill_id = 0;
  std::string due_date;   // "YYYY-MM-DD"
  int64_t principal = 0;  // open principal, 分, ≥ 0
  int64_t late_fee = 0;   // open late fee, 分, ≥ 0
  int pick = 0;           // 0: not picked; else its place in the payer's pick, 1 first
};

// One part of a payment: `amount` 分 (> 0) of the bill's principal or late fee.
struct AllocationPart {
  int64_t bill_id = 0;
  DebtKind kind = DebtKind::kPrincipal;
  int64_t amount = 0;
  friend bool operator==(const AllocationPart&, const AllocationPart&) = default;
};

struct Allocation {
  std::vector<AllocationPart> parts;  // in the order settled
  int64_t principal = 0;              // Σ principal parts
  int64_t late_fee = 0;               // Σ late-fee parts
  int64_t to_prepayment = 0;          // the rest of the amount: the house's prepaid balance
};

// Allocates `amount` 分 to `debts` by the rule above. When any debt is picked, only the
// picked ones are eligible. CALC_BAD_INPUT when amount ≤ 0, a debt owes a negative sum or has
// bill_id ≤ 0 or pick < 0, two debts name one bill, two picked debts share a place, or a
// picked debt owes nothing.
Result<Allocation> Allocate(const std::vector<OpenDebt>& debts, int64_t amount,
                            AllocationOrder order);

}  // namespace anju::billing::calc
