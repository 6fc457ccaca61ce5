// Errors of adjustments (调账), refunds (退款) and their approvals.
#pragma once

#include "core/error.h"

namespace anju::corrections {

inline constexpr ErrorDef kApprovalNotPending{"APPROVAL_NOT_PENDING", ErrorKind::kConflict,
                                              "billing.approval_not_pending",
                                              "The request was decided already"};
inline constexpr ErrorDef kApprovalSelf{"APPROVAL_BY_REQUESTER", ErrorKind::kForbidden,
                                        "billing.approval_by_requester",
                                        "A second person must decide on your own request"};
inline constexpr ErrorDef kAdjustmentNotFound{"ADJUSTMENT_NOT_FOUND", ErrorKind::kNotFound,
                                              "billing.adjustment_not_found",
                                              "Adjustment not found"};
inline constexpr ErrorDef kBillNotFound{"BILL_NOT_FOUND", ErrorKind::kNotFound,
                                        "billing.bill_not_found", "Bill not found"};
inline constexpr ErrorDef kAdjustmentExceedsOpen{
    "ADJUSTMENT_EXCEEDS_OPEN", ErrorKind::kConflict, "billing.adjustment_exceeds_open",
    "The amount is more than the bill still has open to correct"};
inline constexpr ErrorDef kRefundNotFound{"REFUND_NOT_FOUND", ErrorKind::kNotFound,
                                          "billing.refund_not_found", "Refund not found"};
inline constexpr ErrorDef kPaymentNotFound{"PAYMENT_NOT_FOUND", ErrorKind::kNotFound,
                                           "billing.payment_not_found", "Payment not found"};
inline constexpr ErrorDef kRefundExceedsBalance{
    "REFUND_EXCEEDS_BALANCE", ErrorKind::kConflict, "billing.refund_exceeds_balance",
    "The amount is more than the house's prepaid balance"};
inline constexpr ErrorDef kRefundExceedsPayment{
    "REFUND_EXCEEDS_PAYMENT", ErrorKind::kConflict, "billing.refund_exceeds_payment",
    "The amount is more than the payment can still refund"};
inline constexpr ErrorDef kRefundRefused{"REFUND_REFUSED_BY_PROVIDER", ErrorKind::kUnprocessable,
                                         "billing.refund_refused_by_provider",
                                         "The payment provider refused the refund"};
inline constexpr ErrorDef kRefundProviderDown{
    "REFUND_PROVIDER_UNAVAILABLE", ErrorKind::kUnavailable,
    "billing.refund_provider_unavailable",
    "The payment provider did not answer; approve again to retry the same refund"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kCorrectionErrors[] = {
    &kApprovalNotPending,    &kApprovalSelf,   &kAdjustmentNotFound, &kBillNotFound,
    &kAdjustmentExceedsOpen, &kRefundNotFound, &kPaymentNotFound,    &kRefundExceedsBalance,
    &kRefundExceedsPayment,  &kRefundRefused,  &kRefundProviderDown};

}  // namespace anju::corrections
