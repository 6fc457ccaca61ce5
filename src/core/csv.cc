#include "core/csv.h"

#include "core/json_body.h"
#include "core/tabular/csv_scanner.h"

namespace anju {

namespace {

Error Bad(size_t line, const std::string& what) {
  return Error(errors::kValidation)
      .WithField("csv", "invalid", "Line " + std::to_string(line) + ": " + what);
}

}  // namespace

Result<std::vector<CsvRow>> ParseCsv(std::string_view text, size_t max_rows) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!IsValidUtf8(text)) return Error(errors::kValidation).WithField("csv", "invalid", "Not UTF-8");
  // The text is scanned in pieces so that too many rows stop the scan early.
  constexpr size_t kPiece = 64 * 1024;
  tabular::CsvScanner scanner;
  std::vector<tabular::CsvScannedRow> scanned;
  auto too_many = [&] {
    return Bad(scanned[max_rows].line, "more than " + std::to_string(max_rows) + " rows");
  };
  for (size_t at = 0; at < text.size(); at += kPiece) {
    if (!scanner.Feed(text.substr(at, kPiece), scanned))
      return Bad(scanner.error().line, scanner.error().what);
    if (scanned.size() > max_rows) return too_many();
  }
  if (!scanner.Finish(scanned)) return Bad(scanner.error().line, scanner.error().what);
  if (scanned.size() > max_rows) return too_many();
  std::vector<CsvRow> rows;
  rows.reserve(scanned.size());
  for (auto& r : scanned) rows.push_back(std::move(r.cells));
  return rows;
}

}  // namespace anju
