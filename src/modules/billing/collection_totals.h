// Collection totals (收缴汇总): the running sums behind the collection report.
//
// Design
// The report needs, per project and month M: what M's bills amount to (应收), how much of
// it was settled (实收), and — for 清欠率 — what older bills still owed when M began and how
// much of that was settled during M. Grouping every bill and allocation for that takes
// seconds at a million houses. Instead every change adds its amount to one small row keyed
// by (project, the bills' period, the China-time month it happened in), in the SAME
// transaction as the bill or allocation itself — so the totals can never drift from the
// bills — and the report reads those rows (a few per project and month) and derives:
//   receivable(M)   = Σ billed  over rows with period = M
//   received(M)     = Σ settled over rows with period = M
//   owed_at_start(M)= Σ billed over period < M  −  Σ settled over period < M, month < M
//   recovered(M)    = Σ settled over period < M, month = M
// `ledger::Check` proves Σ billed and Σ settled per project and period equal the bills'
// (net of credit notes: AddCredited).
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "db/database.h"

namespace anju::billing::totals {

// Adds `amount` 分 billed for bills of `period` ("YYYY-MM") posted at `now`.
void AddBilled(db::Tx& tx, int64_t company_id, int64_t project_id, const std::string& period,
               int64_t amount, Millis now);

// Adds `amount` 分 of principal settled on bill `bill_id` at `now`.
void AddSettled(db::Tx& tx, int64_t company_id, int64_t bill_id, int64_t amount, Millis now);

// A credit note of `credited` 分 on bill `bill_id`, `to_prepayment` of which had been paid
// and went to the prepaid balance: the period's receivable drops by `credited`, and what
// was settled on it by `to_prepayment` (that money no longer pays this bill). So for every
// bill the totals hold amount − credited billed and min(paid, amount − credited) settled.
void AddCredited(db::Tx& tx, int64_t company_id, int64_t bill_id, int64_t credited,
                 int64_t to_prepayment, Millis now);

}  // namespace anju::billing::totals
