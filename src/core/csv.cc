#include "core/csv.h"

#include "core/json_body.h"

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
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  size_t line = 1, i = 0;
  bool row_has_data = false;
  auto end_row = [&]() -> bool {
    row.push_back(std::move(cell));
    cell.clear();
    if (row_has_data || row.size() > 1) rows.push_back(std::move(row));
    row.clear();
    row_has_data = false;
    return rows.size() <= max_rows;
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && cell.empty()) {
      // A quoted field: up to the closing quote, "" is a quote.
      size_t start_line = line;
      ++i;
      for (;;) {
        if (i >= text.size()) return Bad(start_line, "a quote is not closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        cell += text[i++];
      }
      row_has_data = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        return Bad(line, "text after a closing quote");
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      if (!end_row()) return Bad(line, "more than " + std::to_string(max_rows) + " rows");
      ++line;
      continue;
    }
    cell += c;
    row_has_data = true;
    ++i;
  }
  if (!cell.empty() || !row.empty() || row_has_data)
    if (!end_row()) return Bad(line, "more than " + std::to_string(max_rows) + " rows");
  return rows;
}

}  // namespace anju
