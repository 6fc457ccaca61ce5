#include "core/clock.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

namespace anju {

TEST(ClockTest, FormatUtcMatchesTheCLibrary) {
  // Every ~37 hours over 1900..2200, plus edges, against gmtime_r.
  for (Millis t = -2'208'988'800'000; t < 7'258'118'400'000; t += 133'333'337'123 / 1000) {
    std::time_t secs = static_cast<std::time_t>(t >= 0 ? t / 1000 : (t - 999) / 1000);  // floor
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char want[40];
    std::snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(((t % 1000) + 1000) % 1000));
    ASSERT_EQ(FormatUtc(t), want) << t;
  }
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatUtc(951782400000), "2000-02-29T00:00:00.000Z");
}

TEST(ClockTest, CivilDateInChina) {
  // 2026-11-22T16:00Z is midnight of the 23rd in Shanghai.
  EXPECT_EQ(CivilDate(1'795'363'200'000), "2026-11-23");
  EXPECT_EQ(CivilDate(1'795'363'200'000 - 1), "2026-11-22");
  EXPECT_EQ(CivilDate(0, 0), "1970-01-01");
}

TEST(ClockTest, AddDaysAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays("2026-11-01", 15), "2026-11-16");
  EXPECT_EQ(AddDays("2026-11-30", 1), "2026-12-01");
  EXPECT_EQ(AddDays("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2023-02-28", 1), "2023-03-01");
  EXPECT_EQ(AddDays("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(AddDays("2026-12-20", -365), "2025-12-20");
  EXPECT_EQ(AddDays("2000-02-29", 366), "2001-03-01");
}

TEST(ClockTest, CivilDateValidation) {
  EXPECT_TRUE(IsValidCivilDate("2024-02-29"));
  EXPECT_FALSE(IsValidCivilDate("2023-02-29"));
  EXPECT_FALSE(IsValidCivilDate("2023-13-01"));
  EXPECT_FALSE(IsValidCivilDate("2023-1-01"));
  EXPECT_FALSE(IsValidCivilDate("2023/01/01"));
}

}  // namespace anju

namespace anju {

// CI runs this whole suite again under libfaketime at instants that have bitten billing
// systems (CMakeLists.txt: tests_at_*), setting ANJU_EXPECT_WALL_CLOCK to the instant it
// faked. This test is the one place that reads the wall clock on purpose: it proves the
// fake took hold, so a green run at "2027-01-31 23:30 China time" means something. Without
// the variable (an ordinary run) there is nothing to check.
TEST(ClockTest, TheWallClockIsTheOneTheRunAskedFor) {
  const char* want = std::getenv("ANJU_EXPECT_WALL_CLOCK");  // "2027-01-31T15:30"
  if (want == nullptr) GTEST_SKIP() << "not a faketime run";
  std::string now = FormatUtc(SystemClock().Now());
  // The suite has run for a while before this test: compare to the hour.
  EXPECT_EQ(now.substr(0, 13), std::string(want).substr(0, 13)) << now;
}

}  // namespace anju
