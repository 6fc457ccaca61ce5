// Gap-free counters for readable numbers (bill, payment and receipt numbers).
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "db/database.h"

namespace anju::billing {

// Reserves `n` consecutive values of the counter `name` inside `tx` (a write transaction;
// the row lock serialises concurrent callers) and returns the first. Counters start at 1.
int64_t NextCounter(db::Tx& tx, int64_t company_id, const std::string& name, int64_t n = 1);

// The next bill number of a project's period "YYYY-MM": "B-<project code>-YYYYMM-000123"
// (bills made one at a time: prepayments, one-off charges, opening balances; bill runs
// reserve a range with NextCounter).
std::string NextBillNumber(db::Tx& tx, int64_t company_id, int64_t project_id,
                           const std::string& project_code, const std::string& period);

// The China-time day of `now` as "YYYYMMDD", for numbers and daily counters.
std::string DayStamp(Millis now);

}  // namespace anju::billing
