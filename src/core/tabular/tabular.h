// Spreadsheets for imports: streaming readers of CSV and .xlsx files, writers of templates
// and bad-row files. Nothing here knows what the rows mean; the importer does.
//
// Design. An import file may hold 100,000 rows, and several imports may run at once, so a
// reader never holds the file: `Next()` hands out one row at a time and memory stays bounded
// by a row plus one chunk of input (64 KiB by default) — and, for .xlsx, the shared-strings
// table, which a cell may point into from anywhere in the sheet and so must be loaded first.
//
// CSV is read in chunks through three stages: a TextDecoder turns bytes into UTF-8 (keeping
// a multi-byte character that a chunk boundary cut in two for the next chunk), then the
// RFC 4180 CsvScanner (the same state machine that core/csv.h uses for text in memory) turns
// text into rows, then the reader drops blank rows. Chinese users' spreadsheets still save CSV
// as GB18030 (GBK) more often than UTF-8, so the encoding is detected unless forced: a UTF-8
// byte-order mark, or valid UTF-8 throughout the first 64 KiB, means UTF-8; anything else is
// GB18030, converted by glibc's iconv. A byte invalid in the chosen encoding is an error
// naming its line, never a silent replacement character.
//
// An .xlsx is a zip of XML parts. libzip opens the archive and inflates one entry at a time
// into chunks that expat parses as they come (SAX), so neither the archive nor any XML part
// is ever whole in memory. The first worksheet is found as Excel finds it — the first <sheet>
// of xl/workbook.xml, through its relationship in xl/_rels/workbook.xml.rels — falling back
// to xl/worksheets/sheet1.xml. Cells are returned as text the way a CSV export would show
// them: shared and inline strings as written, numbers as stored in <v> (with Excel's
// scientific notation of integers such as a phone number, 1.3812345678E10, expanded back to
// its digits by exact decimal arithmetic, never through a double), booleans as TRUE/FALSE,
// dates as Excel's serial numbers (which the importer must interpret; a text cell is better).
// Row numbers come from the file (r="7"), so the numbers a user sees survive blank rows, and
// cells missing from a row (r="C7" after r="A7") are filled with "".
//
// Rows and lines. A row's number is what the user sees: the line in a text editor where a CSV
// row starts (the header is line 1; a line break inside a quoted cell counts), or the row in
// Excel. A row whose cells are all empty is blank and skipped; its number is not reused.
//
// Errors are anju::Error VALIDATION_FAILED with one field "file", whose code says what is
// wrong ("encoding", "malformed", "too_long", "not_xlsx", "no_sheet") and whose message names
// the line or row ("Line 12: a quote is not closed"). A file that cannot be read at all (an
// I/O error on a path the server chose) is INTERNAL. After an error a reader returns it again.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/tabular/text_decoder.h"

namespace anju::tabular {

enum class FileFormat { kAuto, kCsv, kXlsx };

struct Options {
  // kAuto: .xlsx by the file's first bytes (a zip) or its extension (.xlsx, .xlsm), else CSV.
  FileFormat format = FileFormat::kAuto;
  // CSV only: kAuto detects UTF-8 or GB18030 (see above).
  Encoding encoding = Encoding::kAuto;
  // Bytes read from the file (or inflated from the zip) per step; tests use tiny ones.
  size_t chunk_size = 64 * 1024;
  // A longer cell is an error ("too_long"); it bounds a row's memory, e.g. when a CSV quote
  // is never closed. Excel allows 32,767 characters (≤ 131,068 bytes of UTF-8).
  size_t max_cell_bytes = 128 * 1024;
};

struct Row {
  size_t line = 0;                 // 1-based line (CSV) or row (xlsx), as the user sees it
  // UTF-8, not trimmed; at least one is not empty. A CSV row has the cells its line has; an
  // .xlsx row ends at its last non-empty cell. Either may be narrower than the header: a
  // missing cell is an empty one.
  std::vector<std::string> cells;
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  // The next non-blank row, std::nullopt at the end of the file, or the error that stops it.
  virtual Result<std::optional<Row>> Next() = 0;
};

// Opens `path` as options.format says (or as detected). Errors: see above.
Result<std::unique_ptr<RowReader>> Open(const std::string& path, const Options& options = {});
Result<std::unique_ptr<RowReader>> OpenCsv(const std::string& path, const Options& options = {});
Result<std::unique_ptr<RowReader>> OpenXlsx(const std::string& path, const Options& options = {});

// Writers for import templates and bad-row files. Every cell is text: a phone or ID number
// stays as written. Rows may be narrower or wider than the header.
using Table = std::vector<std::vector<std::string>>;

// CSV text: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF line ends, a cell
// quoted when it holds a comma, a quote, CR or LF.
std::string CsvText(const std::vector<std::string>& header, const Table& rows);
// The same text written to `path`. Errors: INTERNAL when the file cannot be written.
Status WriteCsv(const std::string& path, const std::vector<std::string>& header,
                const Table& rows);
// An .xlsx workbook with one sheet: the header bold and frozen, columns formatted as text so
// that what a user types into a template stays text. Errors: INTERNAL from the library.
Result<std::string> WriteXlsx(const std::vector<std::string>& header, const Table& rows,
                              const std::string& sheet_name = "Sheet1");

}  // namespace anju::tabular
