// Keyword rules and the text helpers under them (no database).
#include "modules/classify/rules.h"

#include <gtest/gtest.h>

#include "modules/classify/text.h"

namespace anju::classify {
namespace {

Rules LeadRules() {
  return Rules({{11, "漏水 水管 停电 跳闸 插座 水龙头 下水道 堵"},
                {12, "电梯 轿厢 困人 按钮"},
                {13, "门禁 监控 保安"},
                {14, ""}},
               "漏水严重 冒水 着火 烟 困人 电梯困 触电 爆管 燃气 煤气");
}

TEST(ClassifyTextTest, NormalizeFoldsWidthAndCase) {
  EXPECT_EQ(NormalizeText("ＬＥＤ灯 Broken！"), "led灯 broken!");
  EXPECT_EQ(NormalizeText("\xff\xfe漏水"), "\xff\xfe漏水");  // invalid bytes kept
}

TEST(ClassifyTextTest, FeaturesAreUnigramsBigramsAndWords) {
  std::vector<FeatureKey> f;
  ExtractFeatures("漏水了", f);
  EXPECT_EQ(f.size(), 5u);  // 漏 漏水 水 水了 了
  ExtractFeatures("漏，水", f);
  EXPECT_EQ(f.size(), 2u);  // punctuation breaks the bigram
  std::vector<FeatureKey> g;
  ExtractFeatures("LED 灯", f);
  ExtractFeatures("ｌｅｄ灯", g);
  EXPECT_EQ(f, g);  // a word, then 灯; case and width do not matter
  EXPECT_EQ(f.size(), 2u);
  ExtractFeatures("", f);
  EXPECT_TRUE(f.empty());
  ExtractFeatures("!!! \xe2\x80\x94 ...", f);
  EXPECT_TRUE(f.empty());
  EXPECT_EQ(CodePointCount("电梯困a"), 4);
}

TEST(ClassifyRulesTest, SplitKeywordsAcceptsStoredForms) {
  auto k = SplitKeywords(" 漏水  水管\t停电，跳闸、插座\xE3\x80\x80堵 漏水 LED ");
  std::vector<std::string> want = {"漏水", "水管", "停电", "跳闸", "插座", "堵", "led"};
  EXPECT_EQ(k, want);
  EXPECT_TRUE(SplitKeywords("  ").empty());
}

TEST(ClassifyRulesTest, MatchPicksTheBestCategory) {
  const Rules rules = LeadRules();
  RuleMatch m = rules.Match("3栋2单元厨房水管漏水，请尽快处理");
  EXPECT_EQ(m.category_id, 11);
  EXPECT_EQ(m.score, 4);  // 漏水 + 水管
  EXPECT_EQ(m.confidence, 1000);
  EXPECT_FALSE(m.urgent);
  EXPECT_EQ(m.matched, (std::vector<std::string>{"漏水", "水管"}));

  m = rules.Match("电梯困人了，门禁也坏了");
  EXPECT_EQ(m.category_id, 12);  // 电梯 + 困人 = 4 beats 门禁 = 2
  ASSERT_EQ(m.votes.size(), 2u);
  EXPECT_EQ(m.votes[1].category_id, 13);
  EXPECT_EQ(m.confidence, 667);
  EXPECT_TRUE(m.urgent);  // 困人, 电梯困
}

TEST(ClassifyRulesTest, TiesGoToTheEarlierCategory) {
  const RuleMatch m = LeadRules().Match("保安说电梯坏了");
  EXPECT_EQ(m.category_id, 12);
  EXPECT_EQ(m.confidence, 500);
}

TEST(ClassifyRulesTest, UrgencyAloneAndNothing) {
  const Rules rules = LeadRules();
  RuleMatch m = rules.Match("闻到燃气味");
  EXPECT_EQ(m.category_id, 0);
  EXPECT_EQ(m.confidence, 0);
  EXPECT_TRUE(m.urgent);
  m = rules.Match("今天天气不错");
  EXPECT_EQ(m.category_id, 0);
  EXPECT_FALSE(m.urgent);
  EXPECT_TRUE(m.matched.empty());
  EXPECT_TRUE(Rules().empty());
  EXPECT_EQ(Rules().Match("漏水").category_id, 0);
}

TEST(ClassifyRulesTest, DefaultsCoverTheDefaultSkills) {
  std::vector<std::string> codes;
  for (const DefaultCategory& d : DefaultCategories()) {
    codes.emplace_back(d.code);
    EXPECT_FALSE(SplitKeywords(d.keywords).empty()) << d.code;
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"plumbing", "carpentry", "elevator", "lighting",
                                             "greening", "cleaning", "security", "service"}));
  EXPECT_EQ(DefaultCategories()[0].keywords, "漏水 水管 停电 跳闸 插座 水龙头 下水道 堵");
}

}  // namespace
}  // namespace anju::classify
