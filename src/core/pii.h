// Checks and masks for personal data: mainland mobile numbers and national ID numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace anju::pii {

// A mainland mobile number: 11 digits starting with 1[3-9]. Spaces, dashes and a leading
// "+86" are removed first; returns the normalised 11 digits or nullopt.
std::optional<std::string> NormalizePhone(std::string_view s);

// GB 11643-1999 18-character citizen ID: 17 digits, a birth date that exists, and the
// ISO 7064 MOD 11-2 check character (0-9 or X). A lower-case x is accepted and
// upper-cased. Returns the normalised number or nullopt.
std::optional<std::string> NormalizeIdNumber(std::string_view s);

std::string MaskPhone(std::string_view phone);        // 13812341234 → 138****1234
std::string MaskIdNumber(std::string_view hint);      // "1101…1234" hint → 1101**********1234
std::string IdNumberHint(std::string_view id_number); // first 4 + last 4

}  // namespace anju::pii
