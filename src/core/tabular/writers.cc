// Writers of import templates and bad-row files (tabular.h).
#include <algorithm>
#include <fstream>

#include "core/tabular/tabular.h"
#include "core/xlsx.h"

namespace anju::tabular {

namespace {

void AppendCsvRow(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\r\n") == std::string::npos) {
      out += c;
      continue;
    }
    out += '"';
    for (char ch : c) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace

std::string CsvText(const std::vector<std::string>& header, const Table& rows) {
  std::string out = "\xEF\xBB\xBF";
  AppendCsvRow(out, header);
  for (const auto& r : rows) AppendCsvRow(out, r);
  return out;
}

Status WriteCsv(const std::string& path, const std::vector<std::string>& header,
                const Table& rows) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  std::string text = CsvText(header, rows);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return Error(errors::kInternal, "Cannot write " + path);
  return Status::Ok();
}

Result<std::string> WriteXlsx(const std::vector<std::string>& header, const Table& rows,
                              const std::string& sheet_name) {
  xlsx::Sheet sheet;
  sheet.name = sheet_name;
  size_t width = header.size();
  for (const auto& r : rows) width = std::max(width, r.size());
  for (size_t c = 0; c < width; ++c) {
    xlsx::Column col;
    col.header = c < header.size() ? header[c] : "";
    col.format = xlsx::Format::kText;
    col.text_entry = true;
    col.width = 18;
    sheet.columns.push_back(std::move(col));
  }
  sheet.rows.reserve(rows.size());
  for (const auto& r : rows) {
    std::vector<boost::json::value> cells;
    for (const auto& c : r) cells.emplace_back(c.empty() ? boost::json::value() : boost::json::value(c));
    sheet.rows.push_back(std::move(cells));
  }
  return xlsx::Write({sheet});
}

}  // namespace anju::tabular
