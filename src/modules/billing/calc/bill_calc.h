// The bill calculator: pure functions from fee-item settings to amounts in 分.
//
// No database, no clock, no floating point. Everything here is integer arithmetic on int64
// inputs with __int128 intermediates; every multiplication and addition is checked, and a
// value that does not fit is the error CALC_OVERFLOW, never a wrapped number.
//
// Units
//   money      int64 分 (fen). 1 元 = 100 分, 1 角 = 10 分.
//   prices     int64 in 1/100 分 (0.0001 元): 2.35 元/m²·month is 23500. Utility tariffs
//              such as 0.5283 元/kWh need the fourth decimal, so 分 is too coarse for prices.
//   quantities int64 in 1/100 of a unit: area in 0.01 m² (as the registry stores it),
//              consumption in 0.01 m³ or 0.01 kWh.
//   rates      int64 basis points (1 bp = 0.01 % = 万分之一): percentage discounts, the
//              late-fee cap, and the daily late-fee rate (万分之五 per day = 5, 千分之三 = 30).
//
// Rounding happens once, at the end of each bill line.
//   A line's exact value is the rational number its inputs define (area × price × months ×
//   days_billed / days_in_period, or the sum of all tier slices, …), kept as an `Exact`
//   fraction in 分 and rounded by `Round` exactly once, with the fee item's RoundRule. We
//   never round a month, a slice or a day and then add: that drifts (three months of a
//   500.5 分 fee is 1502 分, not 3 × 501) and makes the answer depend on how the work was
//   split. Rounding is symmetric — the magnitude is rounded and the sign put back — so a
//   credit note, the negation of the line it corrects, rounds to exactly the negated amount.
//
// Invariants (each has tests in bill_calc_test.cc)
//   - Apportionment sums exactly: the parts returned by Apportion add up to the total, each
//     part is its exact share rounded down or up, never further.
//   - Proration never exceeds the full amount: 0 ≤ days_billed ≤ days_in_period is checked,
//     and rounding is monotone, so a prorated line is at most the same line unprorated.
//   - Late fees never exceed the cap: the cap is rounded toward zero to the rule's unit and
//     the fee is the smaller of it and the rounded fee. Late fees are monotone in time, and
//     LateFeeForDay(d) = LateFee(d) − LateFee(d − 1), so a daily job posting one increment per
//     day has posted exactly LateFee(N) after day N.
//   - A discount never exceeds the amount it discounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace anju::billing::calc {

__extension__ typedef __int128 Int128;

inline constexpr int64_t kPriceUnitsPerFen = 100;  // a price of 100 is 1 分 per unit
inline constexpr int64_t kCentiPerUnit = 100;      // a quantity of 100 is 1 m², m³ or kWh
inline constexpr int64_t kBasisPoints = 10000;     // 10000 bp = 100 %
inline constexpr int64_t kFenPerJiao = 10;

// kUp rounds away from zero, kDown toward zero, kHalfUp to nearest with halves away from
// zero. Negative values round their magnitude.
enum class Rounding { kHalfUp, kUp, kDown };
enum class RoundTo { kFen, kJiao };  // the result is a multiple of 1 分 or of 1 角 (10 分)

struct RoundRule {
  Rounding rounding = Rounding::kHalfUp;
  RoundTo to = RoundTo::kFen;
};

// An exact amount in 分: num / den, den > 0.
struct Exact {
  Int128 num = 0;
  Int128 den = 1;
};

// Rounds once. CALC_BAD_INPUT when den ≤ 0, CALC_OVERFLOW when the result leaves int64.
Result<int64_t> Round(Exact exact, RoundRule rule);

// Days since 1970-01-01 of a civil date "YYYY-MM-DD" (core/clock.h: IsValidCivilDate);
// CALC_BAD_DATE when it is not one.
Result<int64_t> CivilDayNumber(std::string_view date);

// The share of a billing period that is billed: days_billed / days_in_period.
struct Proration {
  int64_t days_billed = 1;
  int64_t days_in_period = 1;
  static constexpr Proration Full() { return {1, 1}; }
  friend bool operator==(const Proration&, const Proration&) = default;
};

// Counts the days of [period_start, period_end] (both inclusive) on which the house was
// occupied: from move_in (billed) to move_out (billed), each optional. No date inside the
// period → the full period; occupancy wholly outside it → 0 days. CALC_BAD_DATE for an
// invalid date, a period that ends before it starts, or a move-out before the move-in.
Result<Proration> ProrateDays(std::string_view period_start, std::string_view period_end,
                              std::optional<std::string_view> move_in,
                              std::optional<std::string_view> move_out);

// 物业费 by area: area × price × months × days_billed / days_in_period, rounded once.
// area_centi_m2 in 0.01 m², price_per_m2_month in 1/100 分. Inputs must be ≥ 0 and the
// proration within 0 ≤ days_billed ≤ days_in_period, days_in_period > 0 (CALC_BAD_INPUT).
Result<int64_t> AreaFee(int64_t area_centi_m2, int64_t price_per_m2_month, int64_t months,
                        Proration proration, RoundRule rule);

// A fixed charge per house or parking space: price × months × days_billed / days_in_period,
// rounded once; price_per_month in 1/100 分. Same input rules as AreaFee.
Result<int64_t> FixedFee(int64_t price_per_month, int64_t months, Proration proration,
                         RoundRule rule);

// One tier of 阶梯价: consumption up to `up_to_centi` (cumulative, in 0.01 units) is charged
// at `price` (1/100 分 per unit). The last tier has no limit.
struct Tier {
  std::optional<int64_t> up_to_centi;
  int64_t price = 0;
};

// Metered fee with tiered prices: each slice of consumption at its tier's price, summed
// exactly and rounded once. Tiers must be non-empty, with positive, strictly increasing
// limits on every tier but the last, no limit on the last, and prices ≥ 0 (CALC_BAD_TIERS).
// A single unlimited tier is a flat price. consumption_centi < 0 → CALC_BAD_INPUT.
Result<int64_t> MeteredFee(int64_t consumption_centi, const std::vector<Tier>& tiers,
                           RoundRule rule);

// 公摊: splits total_fen over the weights (house areas) by the largest-remainder (Hamilton)
// method. Each part gets its exact share rounded toward zero; the 分 left over go, one each,
// to the parts with the largest remainders, ties to the lower index. The parts sum to
// total_fen exactly; a zero weight gets 0; a negative total splits its magnitude.
// CALC_BAD_WEIGHTS when a weight is negative or the weights sum to 0 (or there are none).
Result<std::vector<int64_t>> Apportion(int64_t total_fen, const std::vector<int64_t>& weights);

// 优惠: the discount (not the price after it) for basis_points_off of amount_fen, rounded
// once and never beyond the amount itself. 0 ≤ basis_points_off ≤ 10000 (CALC_BAD_INPUT).
Result<int64_t> PercentOff(int64_t amount_fen, int64_t basis_points_off, RoundRule rule);

// "Prepay 12 months, pay 11": the discount for months_free of the months_paid months a
// prepayment covers, i.e. monthly_fen × months_free. Requires monthly_fen ≥ 0,
// months_paid ≥ 1 and 0 ≤ months_free ≤ months_paid (CALC_BAD_INPUT). No rounding: the
// monthly amount is already a billed (rounded) line.
Result<int64_t> PrepayFreeMonths(int64_t monthly_fen, int64_t months_paid, int64_t months_free);

// 滞纳金. The bill is due on due_date (paying on it is on time); after grace_days more,
// each day is late, counting from start_date when that is later (the rule took effect
// then). Per late day: principal × daily_rate_bp / 10000, or flat_per_day_fen — one or
// the other, not both. The total is capped at principal × cap_basis_points / 10000 when
// cap_basis_points > 0 (the cap itself rounded toward zero to the rule's unit).
struct LateFeeRule {
  int64_t grace_days = 0;
  int64_t daily_rate_bp = 0;     // basis points of the principal per day: 万分之五 = 5
  int64_t flat_per_day_fen = 0;  // or a flat amount per day
  int64_t cap_basis_points = 0;  // 10000 = 100 % of the principal; 0 = no cap
  std::optional<std::string> start_date;
};

// Late days as of `as_of` (inclusive): as_of − max(due_date + grace, start_date − 1),
// and 0 when that is negative. CALC_BAD_DATE / CALC_BAD_INPUT for bad dates or rule values.
Result<int64_t> LateDays(std::string_view due_date, std::string_view as_of,
                         const LateFeeRule& rule);

// The late fee accrued from the first late day through as_of, rounded once; 0 when not
// late. principal_fen ≥ 0 and rule values ≥ 0 (CALC_BAD_INPUT).
Result<int64_t> LateFee(int64_t principal_fen, std::string_view due_date, std::string_view as_of,
                        const LateFeeRule& rule, RoundRule round);

// The increment that the day `day` adds: LateFee(day) − LateFee(day − 1). Never negative;
// the increments of days 1..N sum to LateFee(N) exactly.
Result<int64_t> LateFeeForDay(int64_t principal_fen, std::string_view due_date,
                              std::string_view day, const LateFeeRule& rule, RoundRule round);

}  // namespace anju::billing::calc
