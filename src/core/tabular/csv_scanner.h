// The streaming core of RFC 4180 CSV, shared by ParseCsv (core/csv.h, a whole text in memory)
// and the tabular CSV reader (a file in chunks). It scans UTF-8 text handed over in pieces that
// may split anywhere — inside a cell, a quoted cell, a CRLF or a multi-byte character (the
// syntax bytes , " CR LF are ASCII and never occur inside a UTF-8 sequence) — and appends each
// completed row to the caller's vector, so it holds at most one unfinished row.
//
// Syntax: comma-separated; a cell that starts with a double quote runs to the closing quote,
// "" inside being one quote, and may hold commas and line breaks; CRLF, LF or a lone CR ends
// a row. A row with nothing on its line (not even a comma) is blank and not reported.
// Line numbers are those a text editor shows: a row's `line` is where it starts, a line
// break inside a quoted cell counts, and the first line is 1.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace anju::tabular {

struct CsvScannedRow {
  size_t line = 0;                 // 1-based line where the row starts
  std::vector<std::string> cells;  // as written, unquoted, not trimmed; at least one
};

// Why a text is malformed; the line it is on is reported beside it.
struct CsvSyntaxError {
  size_t line = 0;
  std::string what;  // "a quote is not closed", "text after a closing quote", …
  bool too_long = false;  // a cell longer than max_cell_bytes
};

class CsvScanner {
 public:
  // max_cell_bytes: a longer cell is an error (it bounds memory when a quote is never closed);
  // 0 means no limit.
  explicit CsvScanner(size_t max_cell_bytes = 0) : max_cell_(max_cell_bytes) {}

  // Scans the next piece of text, appending completed rows to `out`. After an error the
  // scanner must not be fed again.
  bool Feed(std::string_view text, std::vector<CsvScannedRow>& out);
  // The text has ended: completes a last row that has no line end, or reports an unclosed
  // quote.
  bool Finish(std::vector<CsvScannedRow>& out);

  // The error of the last Feed/Finish that returned false.
  const CsvSyntaxError& error() const { return error_; }
  // The line the scanner has reached (where the next byte would be).
  size_t line() const { return line_; }

 private:
  enum class State { kCellStart, kUnquoted, kQuoted, kQuoteInQuoted, kAfterCr };
  void EndCell();
  void EndRow(std::vector<CsvScannedRow>& out);
  bool Fail(size_t line, std::string what, bool too_long = false);
  bool Append(char c);

  size_t max_cell_;
  State state_ = State::kCellStart;
  size_t line_ = 1;
  size_t row_line_ = 1;
  size_t quote_line_ = 1;
  bool row_has_data_ = false;
  std::string cell_;
  std::vector<std::string> row_;
  CsvSyntaxError error_;
};

}  // namespace anju::tabular
