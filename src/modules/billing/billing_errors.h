// The errors of billing's core: fee items, bill runs, the cashier desk, online payments,
// prepayments and discounts. HOUSE_NOT_FOUND is property's (property_errors.h) and
// PROJECT_NOT_FOUND org's (org_errors.h); the other areas of billing have their own
// `*_errors.h` beside this one.
#pragma once

#include "core/error.h"

namespace anju::billing {

inline constexpr ErrorDef kIdempotencyKeyMissing{
    "IDEMPOTENCY_KEY_REQUIRED", ErrorKind::kValidation, "billing.idempotency_key_required",
    "This request moves money and needs an Idempotency-Key header"};
inline constexpr ErrorDef kIdempotencyInFlight{"IDEMPOTENCY_IN_FLIGHT", ErrorKind::kConflict,
                                               "billing.idempotency_in_flight",
                                               "The first request with this key is still running"};
inline constexpr ErrorDef kIdempotencyReused{
    "IDEMPOTENCY_KEY_REUSED", ErrorKind::kUnprocessable, "billing.idempotency_key_reused",
    "This Idempotency-Key was used with another request body"};
inline constexpr ErrorDef kFeeItemNotFound{"FEE_ITEM_NOT_FOUND", ErrorKind::kNotFound,
                                           "billing.fee_item_not_found", "Fee item not found"};
inline constexpr ErrorDef kFeeItemCodeTaken{"FEE_ITEM_CODE_TAKEN", ErrorKind::kConflict,
                                            "billing.fee_item_code_taken",
                                            "A fee item with this code exists in the project"};
inline constexpr ErrorDef kBillNotPayable{"BILL_NOT_PAYABLE", ErrorKind::kConflict,
                                          "billing.bill_not_payable",
                                          "The bill is paid already or not this house's"};
inline constexpr ErrorDef kCalculation{"BILL_CALCULATION_FAILED", ErrorKind::kUnprocessable,
                                       "billing.calculation_failed",
                                       "A bill could not be calculated"};
inline constexpr ErrorDef kUnknownOrder{"PAY_UNKNOWN_ORDER", ErrorKind::kNotFound,
                                        "billing.pay_unknown_order", "No such online order"};
inline constexpr ErrorDef kNothingToPay{"NOTHING_TO_PAY", ErrorKind::kConflict,
                                        "billing.nothing_to_pay", "Nothing is owed"};
inline constexpr ErrorDef kProviderDown{"PAY_PROVIDER_UNAVAILABLE", ErrorKind::kUnavailable,
                                        "billing.pay_provider_unavailable",
                                        "The payment provider did not answer"};
inline constexpr ErrorDef kPrepayNotApplicable{
    "PREPAY_NOT_APPLICABLE", ErrorKind::kUnprocessable, "billing.prepay_not_applicable",
    "This fee item cannot be prepaid for the house (not active, metered, not monthly, or not "
    "of its kind)"};
inline constexpr ErrorDef kDiscountNotFound{"DISCOUNT_RULE_NOT_FOUND", ErrorKind::kNotFound,
                                            "billing.discount_not_found",
                                            "Discount rule not found"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kBillingErrors[] = {
    &kIdempotencyKeyMissing, &kIdempotencyInFlight, &kIdempotencyReused,   &kFeeItemNotFound,
    &kFeeItemCodeTaken,      &kBillNotPayable,      &kCalculation,         &kUnknownOrder,
    &kNothingToPay,          &kProviderDown,        &kPrepayNotApplicable, &kDiscountNotFound,
};

}  // namespace anju::billing
