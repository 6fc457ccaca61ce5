#include "core/qr_svg.h"

#include <gtest/gtest.h>

namespace anju {
namespace {

TEST(QrSvg, DrawsModulesInAScalableSquare) {
  auto svg = QrSvg("http://127.0.0.1:8080/owner/report/abc");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg->find("<path fill=\"#000\" d=\"M4 4h7v1h-7z"), std::string::npos)
      << "the finder pattern's top row starts inside the quiet zone";
  EXPECT_EQ(svg->substr(svg->size() - 6), "</svg>");
}

TEST(QrSvg, RefusesTextTooLongForAnyVersion) {
  EXPECT_FALSE(QrSvg(std::string(8000, 'x')));
}

}  // namespace
}  // namespace anju
