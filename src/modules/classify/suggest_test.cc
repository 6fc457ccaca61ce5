// The combination policy of suggest.h, case by case, and a Suggester end to end.
#include "modules/classify/suggest.h"

#include <gtest/gtest.h>

namespace anju::classify {
namespace {

RuleMatch Votes(std::vector<RuleVote> votes, bool urgent = false) {
  RuleMatch m;
  m.votes = std::move(votes);
  m.urgent = urgent;
  if (!m.votes.empty()) {
    m.category_id = m.votes[0].category_id;
    m.score = m.votes[0].score;
    m.confidence = 600;
  }
  return m;
}

Prediction Guess(int64_t id, int confidence, int urgent_confidence = 0, int known = 5) {
  return {id, confidence, urgent_confidence > 500, urgent_confidence, known};
}

TEST(ClassifySuggestTest, PolicyTable) {
  struct Case {
    const char* name;
    RuleMatch rules;
    Prediction model;
    int64_t category;
    const char* source;
    int confidence;
    const char* urgency;
  };
  const Case cases[] = {
      {"agree", Votes({{1, 4}}), Guess(1, 700), 1, "both", 700, "normal"},
      {"agree with a tied vote", Votes({{2, 2}, {1, 2}}), Guess(1, 300), 1, "both", 600, "normal"},
      {"model sure, rules differ", Votes({{2, 4}}), Guess(1, 950), 1, "model", 950, "normal"},
      {"model unsure, rules differ", Votes({{2, 4}, {1, 2}}), Guess(1, 899), 2, "rules", 600,
       "normal"},
      {"untrained", Votes({{2, 4}}), Prediction{}, 2, "rules", 600, "normal"},
      {"no evidence", Votes({{2, 4}}), Guess(1, 990, 0, 0), 2, "rules", 600, "normal"},
      {"no rule, unsure model", Votes({}), Guess(3, 300), 3, "model", 300, "normal"},
      {"nothing", Votes({}), Prediction{}, 9, "none", 0, "normal"},
      {"nothing known", Votes({}), Guess(3, 990, 990, 0), 9, "none", 0, "normal"},
      {"urgent keyword", Votes({}, true), Prediction{}, 9, "none", 0, "urgent"},
      {"model sure it is urgent", Votes({{1, 2}}), Guess(1, 800, 900), 1, "both", 800, "urgent"},
      {"model unsure it is urgent", Votes({{1, 2}}), Guess(1, 800, 899), 1, "both", 800, "normal"},
  };
  SuggestPolicy policy;
  policy.fallback_category_id = 9;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Suggestion s = Combine(c.rules, c.model, policy);
    EXPECT_EQ(s.category_id, c.category);
    EXPECT_EQ(s.source, c.source);
    EXPECT_EQ(s.confidence, c.confidence);
    EXPECT_EQ(s.urgency, c.urgency);
  }
}

TEST(ClassifySuggestTest, SuggesterFallsBackToRulesThenNothing) {
  Rules rules({{1, "漏水 水管"}, {2, "电梯"}}, "爆管 困人");
  const std::vector<Sample> history = {{"天花板滴水", 1, false}, {"水龙头滴水", 1, false},
                                       {"电梯异响", 2, false},   {"电梯停了", 2, false},
                                       {"电梯门坏了", 2, false}, {"电梯里有人被关住了", 2, true}};

  const Suggester untrained(rules, Model{});
  Suggestion s = untrained.Suggest("厨房水管爆管了");
  EXPECT_EQ(s.category_id, 1);
  EXPECT_EQ(s.source, "rules");
  EXPECT_EQ(s.urgency, "urgent");
  s = untrained.Suggest("我家狗丢了");
  EXPECT_EQ(s.category_id, 0);
  EXPECT_EQ(s.source, "none");

  Model model;
  model.Train(history);
  const Suggester trained(rules, std::move(model));
  s = trained.Suggest("卫生间天花板一直滴水");  // no keyword: the model's
  EXPECT_EQ(s.category_id, 1);
  EXPECT_EQ(s.source, "model");
  s = trained.Suggest("电梯又停了");
  EXPECT_EQ(s.category_id, 2);
  EXPECT_EQ(s.source, "both");
  s = trained.Suggest("Hello!");  // nothing the rules or the model know
  EXPECT_EQ(s.category_id, 0);
  EXPECT_EQ(s.source, "none");
  EXPECT_EQ(s.urgency, "normal");
}

}  // namespace
}  // namespace anju::classify
