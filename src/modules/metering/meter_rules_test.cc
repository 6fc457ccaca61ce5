// The reading rules as input → output tables (no database).
#include "modules/metering/meter_rules.h"

#include <gtest/gtest.h>

namespace anju::metering {
namespace {

TEST(MeterRulesTest, ConsumptionTable) {
  struct Case {
    ReadingInput in;
    const char* error;  // "" = accepted
    const char* field;
    int64_t consumption;
    const char* flags;
  };
  const Replacement swap{6000, 100};
  const Case cases[] = {
      {{1000, 0}, "", "", 1000, ""},                           // first reading from 0
      {{1000, 1000}, "", "", 0, ""},                           // nothing used
      {{999, 1000}, "READING_BELOW_PREVIOUS", "reading", 0, ""},
      {{300, 9500, 2, 1, true}, "", "", 800, "rollover"},      // 100.00 − 95.00 + 3.00
      {{9999, 9500, 2, 1, true}, "VALIDATION_FAILED", "rollover", 0, ""},
      {{10000, 9500, 2}, "VALIDATION_FAILED", "reading", 0, ""},  // beyond a 2-digit dial
      {{1000, 5800, 5, 1, false, swap}, "", "", 1100, "replaced"},
      {{1000, 6500, 5, 1, false, swap}, "READING_BELOW_PREVIOUS", "replaced.old_final_reading",
       0, ""},
      {{50, 5800, 5, 1, false, swap}, "READING_BELOW_PREVIOUS", "reading", 0, ""},
      {{1000, 5800, 5, 1, true, swap}, "VALIDATION_FAILED", "rollover", 0, ""},
      {{25, 0, 5, 40}, "", "", 1000, ""},                      // multiplier 40
      {{99'999'999'999'999, 0, 12, 10'000}, "", "", 999'999'999'999'990'000, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::to_string(c.in.reading) + " from " + std::to_string(c.in.previous));
    auto m = MeasureConsumption(c.in);
    if (*c.error) {
      ASSERT_FALSE(m.ok());
      EXPECT_EQ(m.error().code, c.error);
      ASSERT_FALSE(m.error().fields.empty());
      EXPECT_EQ(m.error().fields[0].field, c.field);
      continue;
    }
    ASSERT_TRUE(m.ok()) << m.error().code;
    EXPECT_EQ(m->consumption, c.consumption);
    EXPECT_EQ(m->flags, c.flags);
  }
}

TEST(MeterRulesTest, HighConsumption) {
  EXPECT_FALSE(IsHighConsumption(1'000'000, {}));       // no history: nothing to compare
  EXPECT_FALSE(IsHighConsumption(2900, {1000, 1000, 900}));  // exactly 3×: not over
  EXPECT_TRUE(IsHighConsumption(2901, {1000, 1000, 900}));
  EXPECT_TRUE(IsHighConsumption(3001, {1000}));
  EXPECT_FALSE(IsHighConsumption(3000, {1000, 1000, 1000, 1}));  // only the last 3 count
  EXPECT_TRUE(IsHighConsumption(1, {0, 0}));
}

TEST(MeterRulesTest, Periods) {
  EXPECT_TRUE(IsValidPeriod("2026-11"));
  for (const char* bad : {"2026-13", "2026-1", "202611", "2026-11-01", ""})
    EXPECT_FALSE(IsValidPeriod(bad)) << bad;
}

}  // namespace
}  // namespace anju::metering
