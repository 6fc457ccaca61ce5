// One-off charges (一次性收费) other modules post to a house inside their own transaction:
// a paid repair's labour and materials (维修费). The charge is an ordinary bill of the
// project's one-off fee item (created on first use, kind one_off, never billed by bill
// runs), so the cashier desk, online payment, late fees, receipts, reports and the ledger
// treat it like any other bill.
//
// Contract: `period` is the month of the charge ("YYYY-MM"). Bills are unique per house,
// fee item and period; a second charge to the same house in a month is billed under the
// first later month still free (at most 24 months ahead), so nothing is refused.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "db/database.h"

namespace anju::billing {

inline constexpr const char* kRepairItemCode = "WX";
inline constexpr const char* kRepairItemName = "维修费";

struct OneOffCharge {
  int64_t company_id = 0;
  int64_t house_id = 0;
  int64_t amount = 0;        // 分, > 0
  std::string period;        // "YYYY-MM"
  int64_t due_days = 15;     // due date = first day of the period + due_days
};
struct ChargedBill {
  int64_t bill_id = 0;
  std::string number, period;
};

// Errors: HOUSE_NOT_FOUND (not a house of the company).
Result<ChargedBill> ChargeOneOff(db::Tx& tx, const OneOffCharge& c, Millis now);

}  // namespace anju::billing
