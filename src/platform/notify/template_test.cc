#include "platform/notify/template.h"

#include <gtest/gtest.h>

namespace anju::notify {
namespace {

const std::set<std::string, std::less<>> kAllowed = {"house", "amount", "due_date",
                                                     "days_overdue"};

TEST(NotifyTemplateTest, RendersEveryPlaceholderInChinese) {
  std::string t = "{house} 业主您好：您有 {amount} 元物业费于 {due_date} 到期，已逾期 {days_overdue} 天。";
  ASSERT_EQ(CheckTemplate(t, kAllowed), std::nullopt);
  EXPECT_EQ(Render(t, {{"house", "1-1-0101"}, {"amount", "1,234.50"}, {"due_date", "2026-09-16"},
                       {"days_overdue", "7"}}),
            "1-1-0101 业主您好：您有 1,234.50 元物业费于 2026-09-16 到期，已逾期 7 天。");
}

TEST(NotifyTemplateTest, DoubledBracesAreLiteralAndRepeatsWork) {
  ASSERT_EQ(CheckTemplate("{{注意}} {house}/{house}", kAllowed), std::nullopt);
  EXPECT_EQ(Render("{{注意}} {house}/{house}", {{"house", "A"}}), "{注意} A/A");
  EXPECT_EQ(Render("没有占位符", {}), "没有占位符");
  EXPECT_EQ(Render("{amount}", {}), "");  // a missing value renders empty
}

TEST(NotifyTemplateTest, RejectsUnknownPlaceholdersAndBadBraces) {
  EXPECT_EQ(CheckTemplate("您好 {name}", kAllowed), "unknown_placeholder: {name}");
  EXPECT_EQ(CheckTemplate("{house", kAllowed), "unbalanced_brace");
  EXPECT_EQ(CheckTemplate("house}", kAllowed), "unbalanced_brace");
  EXPECT_EQ(CheckTemplate("{}", kAllowed), "unbalanced_brace");
  EXPECT_EQ(CheckTemplate("{ho{use}", kAllowed), "unbalanced_brace");
}

}  // namespace
}  // namespace anju::notify
