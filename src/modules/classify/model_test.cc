// The naive Bayes model on a tiny hand-made history (no database).
#include "modules/classify/model.h"

#include <gtest/gtest.h>

namespace anju::classify {
namespace {

std::vector<Sample> Tiny() {
  return {
      {"卫生间天花板滴水", 1, false}, {"厨房水龙头滴水", 1, false},
      {"楼上渗水下来了", 1, false},   {"水管爆了到处是水", 1, true},
      {"电梯异响", 2, false},         {"电梯停在顶层不动", 2, false},
      {"电梯困人", 2, true},          {"有人被关在电梯里", 2, true},
      {"表扬保安小王", 3, false},     {"感谢物业帮忙", 3, false},
      {"请问物业费怎么交", 3, false}, {"建议增加充电桩", 3, false},
  };
}

TEST(ClassifyModelTest, UntrainedPredictsNothing) {
  Model m;
  EXPECT_FALSE(m.trained());
  const Prediction p = m.Predict("漏水");
  EXPECT_EQ(p.category_id, 0);
  EXPECT_EQ(p.confidence, 0);
  EXPECT_FALSE(p.urgent);
  m.Train({});
  EXPECT_FALSE(m.trained());
  const std::vector<Sample> unlabelled = {{"漏水", 0, false}};
  m.Train(unlabelled);
  EXPECT_FALSE(m.trained());
}

TEST(ClassifyModelTest, LearnsATinyHistory) {
  Model m;
  const auto samples = Tiny();
  m.Train(samples);
  ASSERT_TRUE(m.trained());
  EXPECT_EQ(m.categories(), (std::vector<int64_t>{1, 2, 3}));
  // Paraphrases that share n-grams with the history, none verbatim.
  Prediction p = m.Predict("阳台天花板在滴水");
  EXPECT_EQ(p.category_id, 1);
  EXPECT_GT(p.confidence, 500);
  EXPECT_GT(p.known_features, 0);
  p = m.Predict("3栋电梯又停了");
  EXPECT_EQ(p.category_id, 2);
  p = m.Predict("感谢保安帮忙");
  EXPECT_EQ(p.category_id, 3);
  EXPECT_FALSE(p.urgent);
  p = m.Predict("电梯困人了，有人被关在里面");
  EXPECT_EQ(p.category_id, 2);
  EXPECT_TRUE(p.urgent);
  EXPECT_GT(p.urgent_confidence, 500);
}

TEST(ClassifyModelTest, UnknownTextHasNoEvidence) {
  Model m;
  const auto samples = Tiny();
  m.Train(samples);
  const Prediction p = m.Predict("Hello, world! 123");
  EXPECT_EQ(p.known_features, 0);
  EXPECT_NE(p.category_id, 0);  // the prior's choice, flagged by known_features == 0
  EXPECT_LT(p.confidence, 500);
}

TEST(ClassifyModelTest, RetrainingReplaces) {
  Model m;
  const auto samples = Tiny();
  m.Train(samples);
  const std::vector<Sample> other = {{"草坪修剪", 7, false}, {"路灯不亮", 8, false}};
  m.Train(other);
  EXPECT_EQ(m.categories(), (std::vector<int64_t>{7, 8}));
  EXPECT_EQ(m.Predict("电梯困人").known_features, 0);
  EXPECT_EQ(m.Predict("路灯坏了").category_id, 8);
}

}  // namespace
}  // namespace anju::classify
