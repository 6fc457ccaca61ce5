// CSV (RFC 4180) for imports: comma-separated, fields optionally in double quotes with ""
// for a quote inside, CRLF or LF line ends, a UTF-8 byte-order mark (as Excel writes it)
// skipped. Blank lines are skipped. Cells are returned as written (not trimmed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace anju {

using CsvRow = std::vector<std::string>;

// Errors: VALIDATION_FAILED (field "csv") for an unterminated quote, text after a closing
// quote, invalid UTF-8, or more than max_rows rows; the message names the line.
Result<std::vector<CsvRow>> ParseCsv(std::string_view text, size_t max_rows = 10000);

}  // namespace anju
