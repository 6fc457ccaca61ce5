// Tiered prices (阶梯价) as a fee item stores them, and the amount of one period's metered
// consumption at those prices. Pure functions like the rest of calc/: billing validates a fee
// item's tiers with them, bill runs price house meters with them, and metering prices shared
// meters (公摊) with them before apportioning.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "modules/billing/calc/bill_calc.h"

namespace anju::billing::calc {

// Tiers as stored on a fee item: "" → one unlimited tier at unit_price; otherwise a strict
// JSON array of [up_to_centi (positive integer) | null, price (integer ≥ 0)] pairs that
// MeteredFee accepts. Anything else is CALC_BAD_TIERS.
Result<std::vector<Tier>> ParseTiers(std::string_view tiers_json, int64_t unit_price);

// The amount in 分 of one period's consumption (1/100 unit) at the item's prices, rounded
// once with `rule`. CALC_BAD_TIERS for bad tiers, CALC_BAD_INPUT / CALC_OVERFLOW from
// MeteredFee.
Result<int64_t> MeteredAmount(const std::string& tiers_json, int64_t unit_price,
                              int64_t consumption_centi, RoundRule rule);

// A fee item's stored rounding ("half_up" | "up" | "down") and unit ("fen" | "jiao").
RoundRule RoundRuleOf(std::string_view rounding, std::string_view round_to);

}  // namespace anju::billing::calc
