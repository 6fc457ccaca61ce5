#include "core/csv.h"

#include <gtest/gtest.h>

namespace anju {
namespace {

TEST(CsvTest, ReadsExcelStyleText) {
  // A byte-order mark, CRLF, quotes with a comma and a quote inside, a blank line, no final
  // line end, Chinese text.
  auto rows = ParseCsv("\xEF\xBB\xBF表号,读数,备注\r\nW-0101,1234,\"换表,见\"\"单据\"\"\"\r\n\r\nW-0102,99,");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (CsvRow{"表号", "读数", "备注"}));
  EXPECT_EQ((*rows)[1], (CsvRow{"W-0101", "1234", "换表,见\"单据\""}));
  EXPECT_EQ((*rows)[2], (CsvRow{"W-0102", "99", ""}));
}

TEST(CsvTest, AQuotedCellMayHoldALineBreak) {
  auto rows = ParseCsv("a,\"x\ny\"\nb,c\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0][1], "x\ny");
  EXPECT_EQ((*rows)[1], (CsvRow{"b", "c"}));
}

TEST(CsvTest, MalformedTextIsAnErrorNamingTheLine) {
  auto open = ParseCsv("a,b\nc,\"never closed\n");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.error().fields.at(0).field, "csv");
  EXPECT_NE(open.error().fields.at(0).message.find("Line 2"), std::string::npos);
  EXPECT_FALSE(ParseCsv("\"a\"b,c\n").ok());
  EXPECT_FALSE(ParseCsv("a,\xFF\n").ok());
  EXPECT_FALSE(ParseCsv("1\n2\n3\n", 2).ok());
  EXPECT_TRUE(ParseCsv("1\n2\n", 2).ok());
  EXPECT_TRUE(ParseCsv("")->empty());
}

}  // namespace
}  // namespace anju
