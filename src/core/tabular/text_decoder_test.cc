#include "core/tabular/text_decoder.h"

#include <gtest/gtest.h>

namespace anju::tabular {
namespace {

TEST(TabularDecoderTest, Utf8PrefixStopsAtInvalidOrCutCharacters) {
  bool invalid = true;
  EXPECT_EQ(Utf8Prefix("ab张", &invalid), 5u);
  EXPECT_FALSE(invalid);
  EXPECT_EQ(Utf8Prefix("ab\xE5\xBC", &invalid), 2u);  // 张 cut short
  EXPECT_FALSE(invalid);
  EXPECT_EQ(Utf8Prefix("ab\xE5" "x", &invalid), 2u);
  EXPECT_TRUE(invalid);
  for (std::string bad : {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\x80"}) {
    EXPECT_EQ(Utf8Prefix("a" + bad, &invalid), 1u);
    EXPECT_TRUE(invalid) << bad;
  }
}

TEST(TabularDecoderTest, DetectsTheEncodingFromTheFirstBytes) {
  EXPECT_EQ(DetectEncoding("a,b\n", true), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBF\xB7\xBF", true), Encoding::kUtf8);  // a BOM wins
  EXPECT_EQ(DetectEncoding("房号", true), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding("\xB7\xBF\xBA\xC5", true), Encoding::kGb18030);  // 房号 in GBK
  EXPECT_EQ(DetectEncoding("a\xE5\xBC", false), Encoding::kUtf8);  // the head cut 张
  EXPECT_EQ(DetectEncoding("a\xE5\xBC", true), Encoding::kGb18030);
}

TEST(TabularDecoderTest, DecodesByteByByteAndDropsTheBom) {
  for (Encoding e : {Encoding::kUtf8, Encoding::kGb18030}) {
    std::string in = e == Encoding::kUtf8 ? "\xEF\xBB\xBF房号\xEF\xBB\xBF"
                                          : "\x84\x31\x95\x33\xB7\xBF\xBA\xC5\x84\x31\x95\x33";
    TextDecoder d(e);
    std::string out;
    for (char c : in) ASSERT_TRUE(d.Decode(std::string_view(&c, 1), out));
    EXPECT_TRUE(d.Finish());
    EXPECT_EQ(out, "房号\xEF\xBB\xBF");  // only the leading mark is dropped
  }
  TextDecoder gb(Encoding::kGb18030);
  std::string out;
  EXPECT_TRUE(gb.Decode("\xB7", out));
  EXPECT_FALSE(gb.Finish());  // ended inside a character
  EXPECT_FALSE(gb.Decode("\x20", out));  // 0xB7 0x20 is not GB18030
}

}  // namespace
}  // namespace anju::tabular
