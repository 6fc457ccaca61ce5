#include "modules/corrections/corrections_check.h"

#include <map>
#include <string>
#include <utility>

#include "modules/billing/bill_corrections.h"
#include "modules/billing/bill_queries.h"

namespace anju::corrections {

namespace {

constexpr size_t kMaxProblems = 50;

struct Applied {
  int64_t credited = 0, late_waived = 0, to_prepayment = 0;
};

}  // namespace

void Check(db::Tx& tx, billing::ledger::CheckReport& report) {
  auto problem = [&](std::string p) {
    report.ok = false;
    if (report.problems.size() < kMaxProblems) report.problems.push_back(std::move(p));
  };

  // What the applied adjustments say of each bill, against what the bill carries.
  std::map<int64_t, Applied> applied;  // bill → sums
  for (auto& r : tx.Query("SELECT bill_id, kind, SUM(amount), SUM(to_prepayment) FROM "
                          "adjustments WHERE status = 'applied' GROUP BY bill_id, kind")) {
    Applied& a = applied[r.Int(0)];
    if (r.Str(1) == "late_fee_waiver")
      a.late_waived += r.Int(2);
    else
      a.credited += r.Int(2);
    a.to_prepayment += r.Int(3);
  }
  std::map<int64_t, billing::CorrectedBill> bills;
  for (const billing::CorrectedBill& b : billing::CorrectedBills(tx)) bills[b.id] = b;
  for (const auto& [id, a] : applied)
    if (!bills.count(id)) bills[id] = billing::CorrectedBill{id};  // carries none of it
  for (const auto& [id, b] : bills) {
    Applied a = applied.count(id) ? applied.at(id) : Applied{};
    int64_t overpaid = std::max<int64_t>(0, b.paid + b.credited - b.amount);
    // A bill absent from CorrectedBills carries no credit: it cannot have been overpaid by
    // one (billing's own check keeps paid ≤ amount).
    if (b.credited != a.credited + b.opening_reversed || b.late_waived != a.late_waived ||
        a.to_prepayment != overpaid)
      problem("bill " + std::to_string(id) + ": credited " + std::to_string(b.credited) +
              ", late fee waived " + std::to_string(b.late_waived) +
              " disagree with its applied adjustments and opening reversal");
  }

  // Exactly one entry of the record's amount for each applied adjustment and refunded
  // refund; none for any other.
  for (auto [table, done] : {std::pair{"adjustments", "applied"}, {"refunds", "refunded"}}) {
    std::string ref = std::string(table).substr(0, std::string(table).size() - 1);
    std::map<std::pair<int64_t, int64_t>, billing::ledger::RefEntries> entries;
    for (const auto& e : billing::ledger::EntriesOf(tx, ref))
      entries[{e.company_id, e.ref_id}] = e;
    for (auto& r : tx.Query(std::string("SELECT id, status, amount, company_id FROM ") + table)) {
      auto e = entries.find({r.Int(3), r.Int(0)});
      int64_t n = e == entries.end() ? 0 : e->second.entries;
      int64_t debits = e == entries.end() ? 0 : e->second.debits;
      if (n != (r.Str(1) == done ? 1 : 0) || (r.Str(1) == done && debits != r.Int(2)))
        problem(ref + " " + r.Str(0) + " (" + r.Str(1) + ", " + r.Str(2) + "): " +
                std::to_string(n) + " journal entries of " + std::to_string(debits));
    }
  }

  // No payment is refunded beyond its amount.
  for (auto& r : tx.Query("SELECT company_id, payment_id, SUM(amount) FROM refunds WHERE "
                          "payment_id IS NOT NULL AND status IN ('processing', 'refunded') "
                          "GROUP BY company_id, payment_id")) {
    auto p = billing::FindPayment(tx, r.Int(0), r.Int(1));
    if (p && r.Int(2) > p->amount)
      problem("payment " + r.Str(1) + " of " + std::to_string(p->amount) + " is refunded " +
              r.Str(2));
  }
}

}  // namespace anju::corrections
