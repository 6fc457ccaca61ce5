#pragma once

#include "core/error.h"

namespace anju::identity {

inline constexpr ErrorDef kInvalidCredentials{"INVALID_CREDENTIALS", ErrorKind::kUnauthenticated,
                                              "auth.invalid_credentials",
                                              "Wrong login or password"};
inline constexpr ErrorDef kAccountLocked{"ACCOUNT_LOCKED", ErrorKind::kLocked,
                                         "auth.account_locked",
                                         "Too many failed attempts; the account is locked"};
inline constexpr ErrorDef kAccountDisabled{"ACCOUNT_DISABLED", ErrorKind::kForbidden,
                                           "auth.account_disabled", "The account is disabled"};
inline constexpr ErrorDef kSessionExpired{"SESSION_EXPIRED", ErrorKind::kUnauthenticated,
                                          "auth.session_expired",
                                          "The session has expired; please log in again"};
inline constexpr ErrorDef kWeakPassword{"WEAK_PASSWORD", ErrorKind::kValidation,
                                        "auth.weak_password",
                                        "The password does not meet the policy"};
inline constexpr ErrorDef kWrongPassword{"WRONG_PASSWORD", ErrorKind::kValidation,
                                         "auth.wrong_password",
                                         "The current password is wrong"};
inline constexpr ErrorDef kLoginTaken{"LOGIN_TAKEN", ErrorKind::kConflict, "auth.login_taken",
                                      "This login is already used"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kIdentityErrors[] = {
    &kInvalidCredentials, &kAccountLocked, &kAccountDisabled, &kSessionExpired,
    &kWeakPassword,       &kWrongPassword, &kLoginTaken};

}  // namespace anju::identity
