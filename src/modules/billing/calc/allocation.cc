#include "modules/billing/calc/allocation.h"

#include <algorithm>
#include <set>

#include "modules/billing/calc/calc_errors.h"

namespace anju::billing::calc {

const char* DebtKindName(DebtKind kind) {
  return kind == DebtKind::kLateFee ? "late_fee" : "principal";
}

Result<Allocation> Allocate(const std::vector<OpenDebt>& debts, int64_t amount,
                            AllocationOrder order) {
  if (amount <= 0) return Error(kCalcBadInput, "A payment must be more than 0");
  std::set<int64_t> bills;
  std::set<int> picks;
  for (const OpenDebt& d : debts) {
    std::string bill = "Bill " + std::to_string(d.bill_id);
    if (d.bill_id <= 0 || d.pick < 0 || d.principal < 0 || d.late_fee < 0)
      return Error(kCalcBadInput, bill + ": a negative amount, id or pick");
    if (!bills.insert(d.bill_id).second) return Error(kCalcBadInput, bill + " is given twice");
    if (d.pick > 0 && !picks.insert(d.pick).second)
      return Error(kCalcBadInput, bill + " shares its place in the pick");
    if (d.pick > 0 && d.principal == 0 && d.late_fee == 0)
      return Error(kCalcBadInput, bill + " is picked but owes nothing");
  }

  // The eligible debts in the rule's order of bills.
  std::vector<const OpenDebt*> eligible;
  for (const OpenDebt& d : debts)
    if (picks.empty() || d.pick > 0) eligible.push_back(&d);
  std::sort(eligible.begin(), eligible.end(), [](const OpenDebt* a, const OpenDebt* b) {
    if (a->pick != b->pick) return a->pick < b->pick;  // all 0 when nothing is picked
    if (a->due_date != b->due_date) return a->due_date < b->due_date;
    return a->bill_id < b->bill_id;
  });

  // The queue of (bill, kind) to settle.
  struct Owed {
    const OpenDebt* debt;
    DebtKind kind;
  };
  std::vector<Owed> queue;
  auto both = [&](const OpenDebt* d, DebtKind first, DebtKind second) {
    queue.push_back({d, first});
    queue.push_back({d, second});
  };
  if (!picks.empty()) {
    for (const OpenDebt* d : eligible) both(d, DebtKind::kLateFee, DebtKind::kPrincipal);
  } else if (order == AllocationOrder::kPrincipalFirst) {
    for (const OpenDebt* d : eligible) both(d, DebtKind::kPrincipal, DebtKind::kLateFee);
  } else {
    for (const OpenDebt* d : eligible) queue.push_back({d, DebtKind::kLateFee});
    for (const OpenDebt* d : eligible) queue.push_back({d, DebtKind::kPrincipal});
  }

  Allocation out;
  int64_t left = amount;
  for (const Owed& o : queue) {
    if (left == 0) break;
    int64_t owed = o.kind == DebtKind::kLateFee ? o.debt->late_fee : o.debt->principal;
    if (owed == 0) continue;
    int64_t take = std::min(left, owed);
    out.parts.push_back({o.debt->bill_id, o.kind, take});
    (o.kind == DebtKind::kLateFee ? out.late_fee : out.principal) += take;
    left -= take;
  }
  out.to_prepayment = left;
  return out;
}

}  // namespace anju::billing::calc
