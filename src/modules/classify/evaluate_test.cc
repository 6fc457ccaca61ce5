// The generator and the evaluation on 5,000 generated orders (no database).
#include "modules/classify/evaluate.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "modules/classify/samples.h"

namespace anju::classify {
namespace {

// Default categories numbered 101… in their list order, and their rules.
std::map<std::string, int64_t, std::less<>> Ids() {
  std::map<std::string, int64_t, std::less<>> ids;
  for (const DefaultCategory& d : DefaultCategories()) {
    ids.emplace(std::string(d.code), 101 + static_cast<int64_t>(ids.size()));
  }
  return ids;
}

Rules DefaultRules() {
  std::vector<CategoryKeywords> cats;
  const auto ids = Ids();
  for (const DefaultCategory& d : DefaultCategories()) {
    cats.push_back({ids.find(d.code)->second, std::string(d.keywords)});
  }
  return Rules(cats, kDefaultUrgentKeywords);
}

TEST(ClassifySamplesTest, DeterministicVariedAndCoded) {
  const auto a = GenerateSamples(5000, 42), b = GenerateSamples(5000, 42);
  const auto c = GenerateSamples(5000, 43);
  ASSERT_EQ(a.size(), 5000u);
  size_t same_as_c = 0, urgent = 0;
  std::map<std::string_view, int> per_code;
  std::set<std::string> texts;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text);
    EXPECT_EQ(a[i].category_code, b[i].category_code);
    EXPECT_EQ(a[i].urgent, b[i].urgent);
    same_as_c += a[i].text == c[i].text ? 1 : 0;
    urgent += a[i].urgent ? 1 : 0;
    ++per_code[a[i].category_code];
    texts.insert(a[i].text);
    EXPECT_FALSE(a[i].text.empty());
  }
  EXPECT_LT(same_as_c, 500u);      // another seed, other orders
  EXPECT_GT(texts.size(), 2500u);  // varied phrasing, not a handful of strings
  EXPECT_GE(urgent, 350u);         // ~10 % urgent
  EXPECT_LE(urgent, 700u);
  EXPECT_EQ(per_code.size(), Ids().size());  // every default category, only those
  for (const auto& [code, n] : per_code) EXPECT_TRUE(Ids().contains(code)) << code;
  EXPECT_EQ(WithCategoryIds(a, Ids()).size(), 5000u);
  EXPECT_EQ(WithCategoryIds(a, {{"plumbing", 1}}).size(),
            static_cast<size_t>(per_code["plumbing"]));
}

TEST(ClassifyEvaluateTest, SplitIsDeterministicAndProportional) {
  int held = 0;
  for (uint64_t i = 0; i < 10000; ++i) {
    EXPECT_EQ(HeldOut(i, 7, 200), HeldOut(i, 7, 200));
    held += HeldOut(i, 7, 200) ? 1 : 0;
    EXPECT_FALSE(HeldOut(i, 7, 0));
    EXPECT_TRUE(HeldOut(i, 7, 1000));
  }
  EXPECT_GT(held, 1800);
  EXPECT_LT(held, 2200);
}

TEST(ClassifyEvaluateTest, CombinedBeatsRulesOnGeneratedHistory) {
  const auto samples = WithCategoryIds(GenerateSamples(5000, 2026), Ids());
  const Rules rules = DefaultRules();
  const EvalReport r = Evaluate(rules, samples, 200, 1);
  EXPECT_EQ(r.trained + r.held_out, 5000);
  EXPECT_GT(r.held_out, 900);
  EXPECT_LT(r.held_out, 1100);
  std::printf(
      "held out %lld: category rules %d model %d combined %d; "
      "urgency rules %d model %d combined %d (per mille)\n",
      static_cast<long long>(r.held_out), r.rules.category_per_mille, r.model.category_per_mille,
      r.combined.category_per_mille, r.rules.urgency_per_mille, r.model.urgency_per_mille,
      r.combined.urgency_per_mille);
  EXPECT_GE(r.combined.category_per_mille, 850);
  EXPECT_GE(r.combined.category_correct, r.rules.category_correct);
  EXPECT_GE(r.combined.urgency_correct, r.rules.urgency_correct);
  EXPECT_LT(r.combined.category_per_mille, 1000);  // the history is noisy on purpose
  EXPECT_EQ(r.combined.category_per_mille,
            (r.combined.category_correct * 1000 + r.held_out / 2) / r.held_out);

  const EvalReport again = Evaluate(rules, samples, 200, 1);  // deterministic
  EXPECT_EQ(again.combined.category_correct, r.combined.category_correct);
  EXPECT_EQ(again.model.urgency_correct, r.model.urgency_correct);
  EXPECT_EQ(again.held_out, r.held_out);
  const EvalReport other = Evaluate(rules, samples, 200, 2);  // another split
  EXPECT_NE(other.held_out, 0);
}

TEST(ClassifyEvaluateTest, EmptyAndUntrained) {
  const Rules rules = DefaultRules();
  EvalReport r = Evaluate(rules, {}, 200, 1);
  EXPECT_EQ(r.held_out, 0);
  EXPECT_EQ(r.combined.category_per_mille, 0);
  const auto samples = WithCategoryIds(GenerateSamples(200, 5), Ids());
  r = Evaluate(rules, samples, 1000, 1);  // everything held out: the model never trains
  EXPECT_EQ(r.trained, 0);
  EXPECT_EQ(r.model.category_correct, 0);
  EXPECT_EQ(r.combined.category_correct, r.rules.category_correct);
}

}  // namespace
}  // namespace anju::classify
