// The bill calculator's error catalogue: code, kind (→ HTTP status), i18n key, message.
#pragma once

#include "core/error.h"

namespace anju::billing::calc {

// An input is out of its domain: a negative area, quantity, price or month count, a
// proration with days_billed outside [0, days_in_period], a percentage above 100 %, a
// late-fee rule with both a rate and a flat amount, an Exact with a non-positive
// denominator.
inline constexpr ErrorDef kCalcBadInput{"CALC_BAD_INPUT", ErrorKind::kValidation,
                                        "billing.calc_bad_input",
                                        "A value given to the bill calculator is invalid"};
// A date is not a real "YYYY-MM-DD" between 1900 and 2200, or a range runs backwards.
inline constexpr ErrorDef kCalcBadDate{"CALC_BAD_DATE", ErrorKind::kValidation,
                                       "billing.calc_bad_date",
                                       "A date is invalid or a date range runs backwards"};
// Tiered prices must rise strictly and end with one unlimited tier.
inline constexpr ErrorDef kCalcBadTiers{"CALC_BAD_TIERS", ErrorKind::kValidation,
                                        "billing.calc_bad_tiers",
                                        "The tiered prices are not strictly increasing or "
                                        "do not end with an unlimited tier"};
// Apportionment needs non-negative weights with a positive sum.
inline constexpr ErrorDef kCalcBadWeights{"CALC_BAD_WEIGHTS", ErrorKind::kUnprocessable,
                                          "billing.calc_bad_weights",
                                          "Cannot apportion: weights are negative or sum to zero"};
// An intermediate or the result does not fit; the calculator never wraps.
inline constexpr ErrorDef kCalcOverflow{"CALC_OVERFLOW", ErrorKind::kUnprocessable,
                                        "billing.calc_overflow",
                                        "The amount is too large to compute"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kCalcErrors[] = {&kCalcBadInput, &kCalcBadDate, &kCalcBadTiers,
                                                  &kCalcBadWeights, &kCalcOverflow};

}  // namespace anju::billing::calc
