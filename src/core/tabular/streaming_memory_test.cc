// 100,000-row files stream: the heap in use while reading stays far below the file's size.
// Measured with glibc's mallinfo2() (bytes in use, including mmap'd blocks) sampled as rows
// are read, so the check can fail: a reader that loaded the 9 MB CSV or the 19 MB sheet
// XML, or kept its rows, would exceed the bound. Nothing is timed.
#include <malloc.h>

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/tabular/tabular.h"
#include "core/tabular/test_files.h"

namespace anju::tabular {
namespace {

constexpr size_t kRows = 100000;
constexpr size_t kBound = 4u << 20;  // 4 MiB above the heap before opening the file

size_t HeapInUse() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// Reads every row, checking each one, and returns the largest heap growth seen.
size_t ReadAndMeasure(const std::string& path, const std::string& chinese) {
  size_t base = HeapInUse(), peak = 0, count = 0;
  {
    auto reader = Open(path);
    EXPECT_TRUE(reader.ok());
    if (!reader.ok()) return SIZE_MAX;
    for (;;) {
      auto row = (*reader)->Next();
      EXPECT_TRUE(row.ok()) << row.error().fields.at(0).message;
      if (!row.ok() || !*row) break;
      ++count;
      if (count > 1) {  // the data rows, checked so the reader cannot skip work
        EXPECT_EQ((*row)->line, count);
        EXPECT_EQ((*row)->cells.at(1), chinese + std::to_string(count % 100));
        EXPECT_EQ((*row)->cells.at(2), std::to_string(13800000000 + count));
      }
      if (count % 1000 == 0) peak = std::max(peak, HeapInUse() - std::min(base, HeapInUse()));
    }
  }
  EXPECT_EQ(count, kRows + 1);
  return peak;
}

TEST(TabularMemoryTest, A100000RowGb18030CsvStreams) {
  testing::TempDir dir;
  std::string path = dir.File("big.csv");
  {
    std::ofstream out(path, std::ios::binary);
    std::string header = testing::ToGb18030("房号,住户,电话,面积,备注\r\n");
    std::string name = testing::ToGb18030("住户");
    std::string note = testing::ToGb18030("\"备注, 含逗号\"\"" + std::string(40, '.') + "\"");
    out << header;
    for (size_t i = 2; i <= kRows + 1; ++i)
      out << "1-" << i << ',' << name << i % 100 << ',' << 13800000000 + i << ",89.5," << note
          << "\r\n";
  }
  ASSERT_GT(std::filesystem::file_size(path), 2 * kBound);
  size_t peak = ReadAndMeasure(path, "住户");
  EXPECT_LT(peak, kBound) << "peak heap growth " << peak;
}

TEST(TabularMemoryTest, A100000RowXlsxStreams) {
  testing::TempDir dir;
  std::string path = dir.File("big.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, "列", nullptr);
  for (lxw_row_t r = 1; r <= kRows; ++r) {
    size_t line = r + 1;
    worksheet_write_number(ws, r, 0, static_cast<double>(line), nullptr);
    worksheet_write_string(ws, r, 1, ("住户" + std::to_string(line % 100)).c_str(), nullptr);
    worksheet_write_number(ws, r, 2, 13800000000.0 + line, nullptr);
    worksheet_write_number(ws, r, 3, 89.5, nullptr);
    worksheet_write_number(ws, r, 4, r, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  // The sheet's XML unpacks to far more than the bound.
  auto sheet_size = [&] {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    zip_stat_t st;
    zip_stat(z, "xl/worksheets/sheet1.xml", 0, &st);
    zip_discard(z);
    return st.size;
  };
  ASSERT_GT(sheet_size(), 2 * kBound);
  size_t peak = ReadAndMeasure(path, "住户");
  EXPECT_LT(peak, kBound) << "peak heap growth " << peak;
}

}  // namespace
}  // namespace anju::tabular
