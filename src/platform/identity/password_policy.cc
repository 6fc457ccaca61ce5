#include "platform/identity/password_policy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/json_body.h"
#include "platform/identity/identity_errors.h"

namespace anju::identity {

namespace {
// Frequent passwords from public breach lists, plus local favourites (lower-cased).
constexpr std::array<std::string_view, 60> kCommon = {
    "password", "password1", "password123", "passw0rd", "12345678", "123456789", "1234567890",
    "qwerty123", "qwertyuiop", "11111111", "00000000", "88888888", "66666666", "12341234",
    "abc12345", "abcd1234", "a1234567", "aa123456", "admin123", "admin888", "administrator",
    "iloveyou", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "qazwsx123", "woaini1314", "woaini520",
    "5201314a", "a5201314", "123qweasd", "qweasdzxc", "asdf1234", "letmein1", "welcome1",
    "sunshine1", "football1", "baseball1", "monkey123", "dragon123", "master123", "trustno1",
    "p@ssw0rd", "p@ssword", "abc123456", "123456abc", "1234qwer", "qwer1234", "test1234",
    "changeme", "default1", "root1234", "super123", "anju1234", "wuye1234", "wuye123456",
    "87654321", "147258369", "123123123", "112233445"};
}  // namespace

Status CheckPasswordPolicy(std::string_view password, std::string_view login) {
  auto fail = [](const char* code, const char* msg) {
    Error e(kWeakPassword);
    e.WithField("password", code, msg);
    return Status(std::move(e));
  };
  size_t len = Utf8Length(password);
  if (len < kMinPasswordChars) return fail("too_short", "At least 8 characters");
  if (len > kMaxPasswordChars) return fail("too_long", "At most 128 characters");
  bool letter = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (std::isalpha(c)) letter = true;
    else if (std::isdigit(c)) digit = true;
    else other = true;
  }
  if (letter + digit + other < 2)
    return fail("too_simple", "Use at least two of letters, digits and symbols");
  std::string lower(password);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end())
    return fail("common", "This password is too common");
  std::string lower_login(login);
  std::transform(lower_login.begin(), lower_login.end(), lower_login.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower_login.size() >= 3 && lower.find(lower_login) != std::string::npos)
    return fail("contains_login", "The password must not contain the login");
  return Status::Ok();
}

}  // namespace anju::identity
