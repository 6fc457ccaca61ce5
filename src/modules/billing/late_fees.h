// Late fees (滞纳金).
//
// Design
// A fee item may carry a late-fee rule (grace days, a daily rate in basis points of the
// principal or a flat amount per day, a cap as a share of the principal, a start date).
// Late fees accrue per bill and civil day (Asia/Shanghai): `Accrue(as_of)` walks every
// overdue bill with a rule and, for each day from the day after its last accrual up to
// as_of, inserts one `late_fee_accruals` row — UNIQUE (bill, day), inserted with ON CONFLICT
// DO NOTHING — and only for a row it really inserted posts the ledger entry
// (Dr late:house, Cr income:late_fee) and adds the amount to the bill's `late_fee`, all in
// one transaction per bill. So however often the job runs, and whichever instance runs it,
// each bill accrues each day exactly once.
//
// The day's amount is calc::LateFeeForDay on the principal still owed that day, so the sum
// over days equals calc::LateFee while the principal is unpaid; a partial payment lowers
// the base from the next day on. The running total never passes the cap of the bill's
// original principal. A fully paid principal stops accruing; a late fee already accrued
// stays owed until paid (payments settle late fees first).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "db/database.h"

namespace anju::billing {

inline constexpr int64_t kMaxCatchUpDays = 3660;  // a bill accrues at most ten years at once

struct AccrualReport {
  int64_t bills = 0;    // bills that accrued something
  int64_t days = 0;     // accrual rows written
  int64_t amount = 0;   // 分 accrued in this run
};

// Accrues late fees up to and including `as_of` ("YYYY-MM-DD") for every company, or one.
AccrualReport AccrueLateFees(db::Database& db, const Clock& clock, const std::string& as_of,
                             std::optional<int64_t> company_id = std::nullopt);

}  // namespace anju::billing
