// Tier parsing and metered amounts as input → output tables (no database).
#include "modules/billing/calc/tiers.h"

#include <gtest/gtest.h>

namespace anju::billing::calc {
namespace {

TEST(CalcTiersTest, TiersAreParsedStrictly) {
  RoundRule rule;
  for (const char* bad : {"x", "{}", "[]", "[[1000]]", "[[1000, 1.5], [null, 2]]",
                          "[[\"1000\", 1], [null, 2]]", "[[1000, 1], [500, 2], [null, 3]]",
                          "[[1000, 1], [2000, 2]]", "[[null, 1], [1000, 2]]",
                          "[[1000, -1], [null, 2]]", "[[1000, 1], [null, 2]] x"}) {
    auto a = MeteredAmount(bad, 100, 1000, rule);
    ASSERT_FALSE(a.ok()) << bad;
    EXPECT_EQ(a.error().code, "CALC_BAD_TIERS") << bad;
  }
  EXPECT_EQ(*MeteredAmount("[[null, 5283]]", 0, 10000, rule), 5283);  // 100 kWh × 0.5283 元
  EXPECT_EQ(*MeteredAmount("", 5283, 10000, rule), 5283);
  EXPECT_FALSE(MeteredAmount("", 100, -1, rule).ok());
}

TEST(CalcTiersTest, RoundRuleOfStoredNames) {
  RoundRule up_jiao = RoundRuleOf("up", "jiao");
  EXPECT_EQ(up_jiao.rounding, Rounding::kUp);
  EXPECT_EQ(up_jiao.to, RoundTo::kJiao);
  RoundRule other = RoundRuleOf("anything", "fen");  // unknown names fall back to half-up
  EXPECT_EQ(other.rounding, Rounding::kHalfUp);
  EXPECT_EQ(other.to, RoundTo::kFen);
  EXPECT_EQ(RoundRuleOf("down", "fen").rounding, Rounding::kDown);
}

}  // namespace
}  // namespace anju::billing::calc
