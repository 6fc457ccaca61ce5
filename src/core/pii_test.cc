#include "core/pii.h"

#include <gtest/gtest.h>

namespace anju::pii {

TEST(PiiTest, PhoneNormalisesAndRejects) {
  EXPECT_EQ(NormalizePhone("138 1234 5678"), "13812345678");
  EXPECT_EQ(NormalizePhone("+86-138-1234-5678"), "13812345678");
  EXPECT_FALSE(NormalizePhone("12812345678"));  // second digit 2
  EXPECT_FALSE(NormalizePhone("1381234567"));   // 10 digits
  EXPECT_FALSE(NormalizePhone("1381234567a"));
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
}

TEST(PiiTest, IdNumberChecksum) {
  // 11010519491231002X is the standard's published example.
  EXPECT_EQ(NormalizeIdNumber("11010519491231002X"), "11010519491231002X");
  EXPECT_EQ(NormalizeIdNumber("11010519491231002x"), "11010519491231002X");
  EXPECT_FALSE(NormalizeIdNumber("110105194912310021"));  // wrong check character
  EXPECT_FALSE(NormalizeIdNumber("11010519491331002X"));  // month 13 (checksum aside)
  EXPECT_FALSE(NormalizeIdNumber("1101051949123100"));
  EXPECT_EQ(MaskIdNumber(IdNumberHint("11010519491231002X")), "1101**********002X");
}

}  // namespace anju::pii
