// What other modules may ask billing about its bills, inside their own transaction.
//
// Billing owns `bills` and the tables beside it; the modules above it (metering, …) never
// name them in SQL. They call these functions instead, passing the transaction they work
// in, so the answer is as consistent as a join would have been. No access checks: the
// caller has checked the project or house it asks about.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "db/database.h"

namespace anju::billing {

// Whether a bill of the fee item for the period exists for the house (`house_id`) or, given
// `building_id`, for any house billed in that building (either one matching is enough).
// Metering asks it before a reading may change or go (READING_BILLED, READING_IN_USE).
bool PeriodBilled(db::Tx& tx, int64_t fee_item_id, std::string_view period,
                  std::optional<int64_t> house_id,
                  std::optional<int64_t> building_id = std::nullopt);

}  // namespace anju::billing
