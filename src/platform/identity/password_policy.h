// The password policy: at least 8 characters, at least two of {letters, digits, other},
// not one of the commonly used passwords, and not containing the login.
#pragma once

#include <string_view>

#include "core/error.h"

namespace anju::identity {

inline constexpr size_t kMinPasswordChars = 8;
inline constexpr size_t kMaxPasswordChars = 128;

Status CheckPasswordPolicy(std::string_view password, std::string_view login);

}  // namespace anju::identity
