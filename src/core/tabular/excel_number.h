// Small pieces of SpreadsheetML text: numbers as Excel stores them and cell references.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace anju::tabular {

// A number as stored in a <v> element, written the way a person would: scientific notation
// is expanded by exact decimal shifting, never through a double ("1.3812345678E10" →
// "13812345678", "-2.5E-3" → "-0.0025", "1E+2" → "100"). Text without an exponent, with an
// exponent beyond ±40, or that is not a number is returned unchanged.
std::string ExpandExponent(std::string_view v);

// The 0-based column and 1-based row of an A1-style reference ("C5" → 2, 5; "XFD1048576" is
// the largest). False when `ref` is not one. A reference without a row ("C") leaves *row 0.
bool ParseCellRef(std::string_view ref, size_t* col, size_t* row);

}  // namespace anju::tabular
