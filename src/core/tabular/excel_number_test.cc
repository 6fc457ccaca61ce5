#include "core/tabular/excel_number.h"

#include <gtest/gtest.h>

namespace anju::tabular {
namespace {

TEST(TabularExcelNumberTest, ExpandsScientificNotationExactly) {
  EXPECT_EQ(ExpandExponent("1.3812345678E10"), "13812345678");
  EXPECT_EQ(ExpandExponent("1.3812345678E+10"), "13812345678");
  EXPECT_EQ(ExpandExponent("4.4010619900101E17"), "440106199001010000");
  EXPECT_EQ(ExpandExponent("1E+20"), "100000000000000000000");  // beyond any int64
  EXPECT_EQ(ExpandExponent("-2.5E-3"), "-0.0025");
  EXPECT_EQ(ExpandExponent("1.25E1"), "12.5");
  EXPECT_EQ(ExpandExponent("1.50e1"), "15");
  EXPECT_EQ(ExpandExponent("0.0E0"), "0");
  EXPECT_EQ(ExpandExponent("0.5E1"), "5");
}

TEST(TabularExcelNumberTest, LeavesOtherTextAsWritten) {
  for (const char* v : {"89.5", "13812345678", "0.10", "-3", "1E", "E5", "1E+400", "1.2.3E4",
                        "1E5x", "#N/A", ""})
    EXPECT_EQ(ExpandExponent(v), v);
}

TEST(TabularExcelNumberTest, ParsesCellReferences) {
  size_t col = 0, row = 0;
  ASSERT_TRUE(ParseCellRef("C5", &col, &row));
  EXPECT_EQ(col, 2u);
  EXPECT_EQ(row, 5u);
  ASSERT_TRUE(ParseCellRef("AA10", &col, &row));
  EXPECT_EQ(col, 26u);
  ASSERT_TRUE(ParseCellRef("XFD1048576", &col, &row));
  EXPECT_EQ(col, 16383u);
  for (const char* bad : {"", "5", "c5", "XFE1", "A0", "A1048577", "A1B", "ABCD1"})
    EXPECT_FALSE(ParseCellRef(bad, &col, &row)) << bad;
}

}  // namespace
}  // namespace anju::tabular
