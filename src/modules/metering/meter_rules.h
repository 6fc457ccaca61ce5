// Meter-reading rules (抄表): from a dial reading to a billable consumption. Pure functions,
// no database, no clock, integer arithmetic only.
//
// A reading is the dial of one meter at the end of one billing period ("YYYY-MM"), in
// 1/100 unit (0.01 m³ or kWh). Its consumption is what the dial moved since the previous
// accepted reading — the latest earlier reading that was not rejected, or the meter's
// initial_reading when it has none — times the meter's multiplier (current-transformer
// meters read 1/40 of what flows). Readings are recorded in period order, so "previous" is
// always well defined and a rejected reading simply leaves its consumption to the next one:
// nothing is lost, nothing is counted twice.
//
// Invariants
//   - Consumption is never negative. A dial below the previous one is an error
//     (READING_BELOW_PREVIOUS, field "reading") unless the reader says why:
//       rollover: the dial passed 10^digits units and started again at zero, so
//                 consumption = 10^digits·100 − previous + reading (exactly one turn);
//       replaced: the old meter was read one last time (old_final ≥ previous) and the new
//                 one started at new_start (≤ reading), so
//                 consumption = (old_final − previous) + (reading − new_start).
//     Both at once is refused; a rollover claimed on a dial that did not go down is refused.
//   - A reading is always below 10^digits·100: the dial cannot show more.
//   - Consumption above kHighFactor × the trailing average of the meter's last
//     kTrailingReadings accepted consumptions (status ok or approved) is held for review
//     (status "review", flag "high") and billed only once approved. The comparison is
//     integer: consumption × n > kHighFactor × Σ. With no history there is nothing to
//     compare with and the reading is accepted.
//   - Metered amounts price the whole consumption of a period with the fee item's tiers
//     (阶梯价) and round once: billing's calc/tiers.h (MeteredAmount), which bill runs and
//     shared meters both use. Tiers are stored on the fee item as JSON
//     [[up_to_centi|null, price], …]; empty means one tier at the item's unit_price.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace anju::metering {

inline constexpr int64_t kHighFactor = 3;
inline constexpr int64_t kTrailingReadings = 3;
inline constexpr int64_t kMaxDigits = 12;  // 10^12 units × 100 still fits int64 with a multiplier
inline constexpr int64_t kMaxMultiplier = 10'000;

// "YYYY-MM" of a real month.
bool IsValidPeriod(std::string_view period);

// 10^digits × 100: where a dial of `digits` integer places rolls over, in 1/100 unit.
// 1 ≤ digits ≤ kMaxDigits.
int64_t RolloverSpan(int64_t digits);

struct Replacement {
  int64_t old_final_reading = 0;  // the old meter's last dial
  int64_t new_start_reading = 0;  // the new meter's dial when fitted
};

struct ReadingInput {
  int64_t reading = 0;
  int64_t previous = 0;    // the dial measured from
  int64_t digits = 5;
  int64_t multiplier = 1;  // 1 … kMaxMultiplier
  bool rollover = false;
  std::optional<Replacement> replaced;
};

struct Measured {
  int64_t consumption = 0;  // 1/100 unit, multiplier applied
  std::string flags;        // "" | "rollover" | "replaced"
};

// Applies the rules above. Errors carry the field they are about: READING_BELOW_PREVIOUS
// ("reading" or "replaced.old_final_reading") or VALIDATION_FAILED ("reading" out of the
// dial's range, "rollover" claimed wrongly or together with a replacement,
// "replaced.new_start_reading" outside the dial).
Result<Measured> MeasureConsumption(const ReadingInput& in);

// True when consumption exceeds kHighFactor × the average of `trailing` (the last accepted
// consumptions, at most kTrailingReadings are used). False when trailing is empty.
bool IsHighConsumption(int64_t consumption, const std::vector<int64_t>& trailing);

// Adds a flag to a space-separated flag list.
std::string WithFlag(std::string flags, std::string_view flag);

}  // namespace anju::metering
