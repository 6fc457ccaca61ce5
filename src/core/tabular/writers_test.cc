#include <gtest/gtest.h>

#include "core/tabular/tabular.h"
#include "core/tabular/test_files.h"
#include "support/xlsx_file.h"

namespace anju::tabular {
namespace {

using testing::Cells;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

const std::vector<std::string> kHeader = {"房号", "电话", "身份证号", "原因"};
const Table kRows = {{"1-101", "13812345678", "440106199001010011", "电话重复, 请核对"},
                     {"1-102", "", "11010519491231002X", "说\"不\"\n第二行"},
                     {"1-103"}};

TEST(TabularWritersTest, CsvTextIsUtf8WithBomAndQuotesWhereNeeded) {
  EXPECT_EQ(CsvText({"a", "b,c"}, {{"1", "x\"y"}, {}, {"\r"}}),
            "\xEF\xBB\xBF" "a,\"b,c\"\r\n1,\"x\"\"y\"\r\n\r\n\"\r\"\r\n");
}

TEST(TabularWritersTest, WhatIsWrittenReadsBack) {
  TempDir dir;
  std::string csv = dir.File("bad-rows.csv");
  ASSERT_TRUE(WriteCsv(csv, kHeader, kRows).ok());
  auto xlsx_bytes = WriteXlsx(kHeader, kRows, "错误行");
  ASSERT_TRUE(xlsx_bytes.ok());
  std::string xlsx = WriteFile(dir.File("bad-rows.xlsx"), *xlsx_bytes);
  for (const std::string& path : {csv, xlsx}) {
    SCOPED_TRACE(path);
    auto r = ReadFile(path);
    ASSERT_FALSE(r.error) << r.error->fields.at(0).message;
    ASSERT_EQ(r.rows.size(), 4u);
    EXPECT_EQ(r.rows[0].cells, kHeader);
    EXPECT_EQ(r.rows[1].cells, kRows[0]);
    EXPECT_EQ(r.rows[2].cells, kRows[1]);
    EXPECT_EQ(r.rows[3].cells[0], "1-103");
  }
  // Phone and ID numbers are text cells (t="s"), never numbers, and the columns are formatted
  // as text (number format 49, "@") for what a user types into a template.
  std::string sheet = anju::testing::ZipEntry(*xlsx_bytes, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<v>13812345678</v>"), std::string::npos);
  EXPECT_NE(sheet.find("t=\"s\""), std::string::npos);
  EXPECT_NE(anju::testing::ZipEntry(*xlsx_bytes, "xl/styles.xml").find("numFmtId=\"49\""),
            std::string::npos);
  EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"18.7109375\" style="), std::string::npos);
  EXPECT_FALSE(WriteCsv(dir.File("no/such/dir.csv"), kHeader, kRows).ok());
}

}  // namespace
}  // namespace anju::tabular
