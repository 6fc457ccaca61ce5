// Errors of the payment-provider adapters (modules/pay). A notify that fails any of these
// checks is answered with the provider's failure reply, so the provider retries it; the
// codes say which check failed, for logs and tests. Kinds map to HTTP statuses in
// http/message.cc (StatusOf), but a notify handler answers with
// PaymentProvider::FailureReply.
#pragma once

#include "core/error.h"

namespace anju::pay {

inline constexpr ErrorDef kPayBadSignature{"PAY_BAD_SIGNATURE", ErrorKind::kUnauthenticated,
                                           "billing.pay_bad_signature",
                                           "The provider's signature does not verify"};
inline constexpr ErrorDef kPayStaleTimestamp{"PAY_STALE_TIMESTAMP", ErrorKind::kUnauthenticated,
                                             "billing.pay_stale_timestamp",
                                             "The notify's timestamp is too far from now"};
inline constexpr ErrorDef kPayUnknownSerial{"PAY_UNKNOWN_SERIAL", ErrorKind::kUnauthenticated,
                                            "billing.pay_unknown_serial",
                                            "The notify names a platform key we do not know"};
inline constexpr ErrorDef kPayDecryptFailed{"PAY_DECRYPT_FAILED", ErrorKind::kUnauthenticated,
                                            "billing.pay_decrypt_failed",
                                            "The notify's resource does not decrypt"};
inline constexpr ErrorDef kPayMerchantMismatch{"PAY_MERCHANT_MISMATCH", ErrorKind::kUnprocessable,
                                               "billing.pay_merchant_mismatch",
                                               "The notify is for another merchant or app"};
inline constexpr ErrorDef kPayBadAmount{"PAY_BAD_AMOUNT", ErrorKind::kUnprocessable,
                                        "billing.pay_bad_amount",
                                        "The paid amount is invalid or differs from the order"};
inline constexpr ErrorDef kPayNotPaid{"PAY_NOT_PAID", ErrorKind::kUnprocessable,
                                      "billing.pay_not_paid",
                                      "The notify does not report a successful payment"};
inline constexpr ErrorDef kPayOrderMismatch{"PAY_ORDER_MISMATCH", ErrorKind::kUnprocessable,
                                            "billing.pay_order_mismatch",
                                            "The notify is for another order"};
inline constexpr ErrorDef kPayMalformed{"PAY_MALFORMED", ErrorKind::kValidation,
                                        "billing.pay_malformed",
                                        "The provider's message is malformed"};
inline constexpr ErrorDef kPayBadConfig{"PAY_BAD_CONFIG", ErrorKind::kInternal,
                                        "billing.pay_bad_config",
                                        "The payment channel is misconfigured"};
inline constexpr ErrorDef kPayRefundRefused{"PAY_REFUND_REFUSED", ErrorKind::kUnprocessable,
                                            "billing.pay_refund_refused",
                                            "The payment provider refused the refund"};
inline constexpr ErrorDef kPayProviderError{"PAY_PROVIDER_ERROR", ErrorKind::kUnavailable,
                                            "billing.pay_provider_error",
                                            "The payment provider refused or failed"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kPayErrors[] = {
    &kPayBadSignature,     &kPayStaleTimestamp, &kPayUnknownSerial, &kPayDecryptFailed,
    &kPayMerchantMismatch, &kPayBadAmount,      &kPayNotPaid,       &kPayOrderMismatch,
    &kPayMalformed,        &kPayBadConfig,      &kPayRefundRefused, &kPayProviderError};

}  // namespace anju::pay
