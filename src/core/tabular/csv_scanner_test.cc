#include "core/tabular/csv_scanner.h"

#include <gtest/gtest.h>

namespace anju::tabular {
namespace {

std::vector<CsvScannedRow> ScanInPieces(std::string_view text, size_t piece) {
  CsvScanner s;
  std::vector<CsvScannedRow> rows;
  for (size_t at = 0; at < text.size(); at += piece)
    EXPECT_TRUE(s.Feed(text.substr(at, piece), rows)) << s.error().what;
  EXPECT_TRUE(s.Finish(rows));
  return rows;
}

TEST(TabularCsvScannerTest, PiecesMaySplitTheTextAnywhere) {
  // CRLF split between pieces, "" split, a quoted line break, a lone CR, a blank line.
  const std::string text = "a,\"b\"\"c\",d\r\n\r\n\"x\r\ny\",\"\"\rlast,\"q\"";
  auto whole = ScanInPieces(text, text.size());
  ASSERT_EQ(whole.size(), 3u);
  EXPECT_EQ(whole[0].cells, (std::vector<std::string>{"a", "b\"c", "d"}));
  EXPECT_EQ(whole[1].line, 3u);
  EXPECT_EQ(whole[1].cells, (std::vector<std::string>{"x\r\ny", ""}));
  EXPECT_EQ(whole[2].line, 5u);
  EXPECT_EQ(whole[2].cells, (std::vector<std::string>{"last", "q"}));
  for (size_t piece = 1; piece < text.size(); ++piece) {
    auto rows = ScanInPieces(text, piece);
    ASSERT_EQ(rows.size(), whole.size()) << piece;
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].line, whole[i].line) << piece;
      EXPECT_EQ(rows[i].cells, whole[i].cells) << piece;
    }
  }
}

TEST(TabularCsvScannerTest, ReportsTheLineOfAnError) {
  CsvScanner s;
  std::vector<CsvScannedRow> rows;
  ASSERT_TRUE(s.Feed("a\n\"b\nc", rows));
  EXPECT_EQ(s.line(), 3u);
  EXPECT_FALSE(s.Finish(rows));
  EXPECT_EQ(s.error().line, 2u);
  CsvScanner bounded(4);
  EXPECT_FALSE(bounded.Feed("\"12345", rows));
  EXPECT_TRUE(bounded.error().too_long);
}

}  // namespace
}  // namespace anju::tabular
