// The error catalogue of opening balances (期初, opening.h): code, kind (→ HTTP status),
// i18n key, English message. Field errors name the body field.
#pragma once

#include "core/error.h"

namespace anju::billing {

// The house already has a bill of the fee item and period (or a posted opening prepaid
// balance) of exactly this amount: a re-import; the importer reports the row "skipped".
inline constexpr ErrorDef kOpeningExists{"OPENING_EXISTS", ErrorKind::kConflict,
                                         "billing.opening_exists",
                                         "This balance was carried over already"};
// …of another amount: the importer reports a conflict; nothing is changed.
inline constexpr ErrorDef kOpeningConflict{
    "OPENING_CONFLICT", ErrorKind::kConflict, "billing.opening_conflict",
    "The house already has a bill of this fee item and period with another amount"};
inline constexpr ErrorDef kOpeningNotFound{"OPENING_NOT_FOUND", ErrorKind::kNotFound,
                                           "billing.opening_not_found",
                                           "Opening balance not found"};
inline constexpr ErrorDef kOpeningReversed{"OPENING_REVERSED", ErrorKind::kConflict,
                                           "billing.opening_reversed",
                                           "The opening balance was reversed already"};
// Something happened to the balance since it was posted: a payment, allocation, credit note,
// waiver, late fee or adjustment on the bill; a prepaid balance spent or refunded.
inline constexpr ErrorDef kOpeningInUse{
    "OPENING_IN_USE", ErrorKind::kConflict, "billing.opening_in_use",
    "The opening balance was paid, used or corrected since; it can no longer be reversed"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kOpeningErrors[] = {
    &kOpeningExists, &kOpeningConflict, &kOpeningNotFound, &kOpeningReversed, &kOpeningInUse};

}  // namespace anju::billing
