#include "core/xlsx.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <xlsxwriter.h>

namespace anju::xlsx {

namespace json = boost::json;

namespace {

// A temporary file that is removed when it goes out of scope.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "anju-xlsx-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) close(fd), path = pattern;
  }
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

void WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const json::value& v,
               Format format, lxw_format* money, lxw_format* percent, lxw_format* text) {
  if (v.is_string()) {
    worksheet_write_string(ws, row, col, v.as_string().c_str(), text);
  } else if (v.is_int64()) {
    const int64_t n = v.as_int64();
    switch (format) {
      case Format::kYuan:  // the boundary: integer 分 → 元 for the spreadsheet
        worksheet_write_number(ws, row, col, static_cast<double>(n) / 100, money);
        break;
      case Format::kPercentBp:
        worksheet_write_number(ws, row, col, static_cast<double>(n) / 10000, percent);
        break;
      case Format::kInteger:
      case Format::kText:
        worksheet_write_number(ws, row, col, static_cast<double>(n), nullptr);
        break;
    }
  }
}

}  // namespace

Result<std::string> Write(const std::vector<Sheet>& sheets) {
  TempFile file;
  if (file.path.empty()) return Error(errors::kInternal);
  lxw_workbook* wb = workbook_new(file.path.c_str());
  if (!wb) return Error(errors::kInternal);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.00%");
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format_index(text, 49);  // Excel's built-in text format, "@"
  for (const Sheet& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) {
      workbook_close(wb);
      return Error(errors::kInternal);
    }
    for (lxw_col_t c = 0; c < s.columns.size(); ++c) {
      worksheet_set_column(ws, c, c, s.columns[c].width, s.columns[c].text_entry ? text : nullptr);
      worksheet_write_string(ws, 0, c, s.columns[c].header.c_str(), bold);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (lxw_col_t c = 0; c < s.columns.size(); ++c) {
      const auto& choices = s.columns[c].choices;
      if (choices.empty()) continue;
      std::vector<char*> list;  // the library copies the values
      for (const std::string& v : choices) list.push_back(const_cast<char*>(v.c_str()));
      list.push_back(nullptr);
      lxw_data_validation v{};
      v.validate = LXW_VALIDATION_TYPE_LIST;
      v.value_list = list.data();
      v.ignore_blank = LXW_VALIDATION_ON;
      if (worksheet_data_validation_range(ws, 1, c, LXW_ROW_MAX - 1, c, &v) != LXW_NO_ERROR) {
        workbook_close(wb);
        return Error(errors::kInternal);
      }
    }
    for (size_t r = 0; r < s.rows.size(); ++r)
      for (lxw_col_t c = 0; c < s.columns.size() && c < s.rows[r].size(); ++c)
        WriteCell(ws, static_cast<lxw_row_t>(r + 1), c, s.rows[r][c], s.columns[c].format, money,
                  percent, s.columns[c].text_entry ? text : nullptr);
  }
  if (workbook_close(wb) != LXW_NO_ERROR) return Error(errors::kInternal);
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error(errors::kInternal);
  return bytes.str();
}

std::string AttachmentHeader(const std::string& ascii_name, const std::string& utf8_name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto plain = [](unsigned char c) {
    return (c < 0x80 && std::isalnum(c)) || c == '.' || c == '-' || c == '_';
  };
  std::string ascii, encoded;
  for (unsigned char c : ascii_name) ascii += plain(c) ? static_cast<char>(c) : '_';
  for (unsigned char c : utf8_name) {
    if (plain(c)) encoded += static_cast<char>(c);
    else encoded += '%', encoded += kHex[c >> 4], encoded += kHex[c & 15];
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace anju::xlsx
