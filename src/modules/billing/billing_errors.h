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
inline constexpr ErrorDef kHouseNotFound{"HOUSE_NOT_FOUND", ErrorKind::kNotFound,
                                         "property.house_not_found", "House not found"};
inline constexpr ErrorDef kProjectNotFound{"PROJECT_NOT_FOUND", ErrorKind::kNotFound,
                                           "org.project_not_found", "Project not found"};
inline constexpr ErrorDef kBillNotPayable{"BILL_NOT_PAYABLE", ErrorKind::kConflict,
                                          "billing.bill_not_payable",
                                          "The bill is paid already or not this house's"};
inline constexpr ErrorDef kCalculation{"BILL_CALCULATION_FAILED", ErrorKind::kUnprocessable,
                                       "billing.calculation_failed",
                                       "A bill could not be calculated"};

}  // namespace anju::billing
