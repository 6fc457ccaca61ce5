// Spreadsheet export (.xlsx) with libxlsxwriter: one or more sheets of typed columns.
//
// Money never becomes floating point before this boundary: a kYuan cell takes integer 分
// and is written as 分 / 100 with the number format "#,##0.00" (Excel stores numbers as
// IEEE doubles; any amount below 2^53 分 reads back as exactly its two-decimal 元 value).
// A kPercentBp cell takes basis points and is written as bp / 10000 formatted "0.00%".
// Cells are JSON values: a string is text in any column, an int64 follows the column's
// format, null is an empty cell. The first row holds the headers (bold, frozen).
// Thread-safe: each call builds its own workbook in its own temporary file.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/error.h"

namespace anju::xlsx {

enum class Format { kText, kInteger, kYuan, kPercentBp };

struct Column {
  std::string header;  // UTF-8
  Format format = Format::kText;
  double width = 14;   // characters
  // The whole column is formatted as text ("@"), so that what a user types into it (a phone
  // or ID number) stays text; for import templates.
  bool text_entry = false;
  // A drop-down list on the column's data cells (rows 2 to the sheet's end): Excel's data
  // validation of type list, which refuses other values typed in. Empty: none. The values,
  // joined with commas, must stay within Excel's 255 characters.
  std::vector<std::string> choices = {};
};

struct Sheet {
  std::string name;  // ≤ 31 characters, none of []:*?/\ ; UTF-8 allowed
  std::vector<Column> columns;
  std::vector<std::vector<boost::json::value>> rows;  // each as wide as `columns`
};

inline constexpr const char* kContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The workbook's bytes. Errors: kInternal when the library or the temporary file fails.
Result<std::string> Write(const std::vector<Sheet>& sheets);

// Content-Disposition of a download: "attachment; filename=\"<ascii_name>\";
// filename*=UTF-8''<utf8_name percent-encoded>" (RFC 6266 / 5987). Bytes of ascii_name
// outside [A-Za-z0-9._-] become '_'.
std::string AttachmentHeader(const std::string& ascii_name, const std::string& utf8_name);

}  // namespace anju::xlsx
