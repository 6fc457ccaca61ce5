// The SLA clock: due instants, time used, percent used and "met", with pauses.
#include "modules/workorder/sla/sla_clock.h"

#include <gtest/gtest.h>

#include "modules/workorder/sla/sla_test_support.h"

namespace anju::workorder::sla {
namespace {

using testing::At;
using testing::Office;

std::string Show(std::optional<Millis> t) { return t ? FormatUtc(*t) : "none"; }

SlaClock Make(const Calendar& cal, const char* start, int64_t minutes, std::vector<Pause> p = {}) {
  auto c = SlaClock::Make(cal, At(start), minutes, std::move(p));
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return std::move(c).value();
}

Pause P(const char* from, const char* to) { return {At(from), At(to)}; }
Pause Open(const char* from) { return {At(from), std::nullopt}; }

TEST(SlaClockTest, DueTable) {
  struct Case {
    const char* start;
    int64_t minutes;
    std::vector<Pause> pauses;
    const char* due;  // "" = none (paused)
    const char* why;
  };
  const std::vector<Case> cases = {
      {"2026-01-05 10:00", 120, {}, "2026-01-05 12:00", "no pause"},
      {"2026-01-05 10:00", 120, {P("2026-01-05 10:30", "2026-01-05 11:00")}, "2026-01-05 12:30",
       "pause inside working hours"},
      {"2026-01-09 16:00", 120, {}, "2026-01-12 09:00", "Friday → Monday"},
      {"2026-01-09 16:00", 120, {P("2026-01-10 10:00", "2026-01-11 10:00")}, "2026-01-12 09:00",
       "pause over the weekend changes nothing"},
      {"2026-01-09 16:00", 120, {P("2026-01-09 17:00", "2026-01-12 09:00")}, "2026-01-12 10:00",
       "pause covering closing and opening: 30 + 30 working minutes"},
      {"2026-01-05 10:00", 120, {P("2026-01-05 09:00", "2026-01-05 10:30")}, "2026-01-05 12:30",
       "pause from before start is cut at start"},
      {"2026-01-05 10:00", 120, {P("2026-01-05 12:00", "2026-01-05 13:00")}, "2026-01-05 12:00",
       "pause starting exactly at the due instant is too late"},
      {"2026-01-05 10:00", 120, {P("2026-01-05 11:59", "2026-01-05 13:00")}, "2026-01-05 13:01",
       "pause one minute before due"},
      {"2026-01-05 10:00", 120, {Open("2026-01-05 11:00")}, "", "open pause: unknown"},
      {"2026-01-05 10:00", 120, {Open("2026-01-05 12:00")}, "2026-01-05 12:00",
       "open pause after the allowance ran out"},
      {"2026-01-05 10:00", 120,
       {P("2026-01-05 11:30", "2026-01-05 12:00"), P("2026-01-05 10:30", "2026-01-05 11:00"),
        P("2026-01-05 10:45", "2026-01-05 11:15")},
       "2026-01-05 13:15", "unsorted and overlapping pauses are merged: 45 + 30"},
      {"2025-12-31 16:30", 180, {P("2025-12-31 17:00", "2026-01-04 09:00")}, "2026-01-04 11:30",
       "year boundary: the pause covers 30 Wed + 30 make-up Sunday minutes"},
  };
  const Calendar cal = Office();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    SlaClock clock = Make(cal, c.start, c.minutes, c.pauses);
    EXPECT_EQ(Show(clock.Due()), *c.due ? FormatUtc(At(c.due)) : "none");
    if (*c.due) {
      EXPECT_EQ(clock.UsedAt(At(c.due)), c.minutes * kMinute);
    }
  }
}

TEST(SlaClockTest, NormalisedPauses) {
  const Calendar cal = Office();
  SlaClock c = Make(cal, "2026-01-05 10:00", 120,
                    {P("2026-01-05 11:00", "2026-01-05 11:30"), P("2026-01-05 09:00", "2026-01-05 09:30"),
                     P("2026-01-05 11:30", "2026-01-05 11:40"), P("2026-01-05 12:00", "2026-01-05 12:00"),
                     Open("2026-01-05 14:00"), P("2026-01-05 15:00", "2026-01-05 16:00")});
  // Before start: dropped; touching: merged; empty: dropped; after the open one: swallowed.
  ASSERT_EQ(c.pauses().size(), 2u);
  EXPECT_EQ(c.pauses()[0].from, At("2026-01-05 11:00"));
  EXPECT_EQ(c.pauses()[0].to, At("2026-01-05 11:40"));
  EXPECT_EQ(c.pauses()[1].from, At("2026-01-05 14:00"));
  EXPECT_FALSE(c.pauses()[1].to.has_value());
  EXPECT_TRUE(c.paused());
  // An open pause swallows a closed one that overlaps it.
  SlaClock d = Make(cal, "2026-01-05 10:00", 120,
                    {Open("2026-01-05 10:45"), P("2026-01-05 10:30", "2026-01-05 11:00")});
  ASSERT_EQ(d.pauses().size(), 1u);
  EXPECT_EQ(d.pauses()[0].from, At("2026-01-05 10:30"));
  EXPECT_FALSE(d.pauses()[0].to.has_value());
}

TEST(SlaClockTest, RejectsBadInput) {
  const Calendar cal = Office();
  auto backwards = SlaClock::Make(cal, At("2026-01-05 10:00"), 120,
                                  {P("2026-01-05 10:30", "2026-01-05 11:00"),
                                   P("2026-01-05 12:00", "2026-01-05 11:59")});
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().code, "VALIDATION_FAILED");
  ASSERT_EQ(backwards.error().fields.size(), 1u);
  EXPECT_EQ(backwards.error().fields[0].field, "pauses[1].to");
  for (int64_t bad : {int64_t{0}, int64_t{-5}, kMaxAllowedMinutes + 1}) {
    auto c = SlaClock::Make(cal, At("2026-01-05 10:00"), bad);
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.error().fields.at(0).field, "allowed_minutes");
  }
  EXPECT_TRUE(SlaClock::Make(cal, At("2026-01-05 10:00"), kMaxAllowedMinutes).ok());
}

TEST(SlaClockTest, UsedPercentAndRemaining) {
  const Calendar cal = Office();
  SlaClock c = Make(cal, "2026-01-05 10:00", 120, {P("2026-01-05 10:30", "2026-01-05 11:00")});
  struct Case {
    const char* now;
    int64_t used_minutes;
    int64_t bp;
  };
  const Case cases[] = {
      {"2026-01-05 09:00", 0, 0},       {"2026-01-05 10:00", 0, 0},
      {"2026-01-05 10:30", 30, 2500},   {"2026-01-05 10:45", 30, 2500},  // inside the pause
      {"2026-01-05 11:00", 30, 2500},   {"2026-01-05 12:00", 90, 7500},
      {"2026-01-05 12:30", 120, 10000}, {"2026-01-05 20:00", 420, 35000},
      {"2026-01-06 08:30", 420, 35000}, {"2026-01-06 09:30", 480, 40000},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.now);
    EXPECT_EQ(c.UsedAt(At(k.now)), k.used_minutes * kMinute);
    EXPECT_EQ(c.UsedBasisPoints(At(k.now)), k.bp);
    EXPECT_EQ(c.RemainingAt(At(k.now)), (120 - k.used_minutes) * kMinute);
  }
  // Rounded down: 1 of 3 minutes is 3333 bp; one ms short of the allowance is below 100 %.
  SlaClock three = Make(cal, "2026-01-05 10:00", 3);
  EXPECT_EQ(three.UsedBasisPoints(At("2026-01-05 10:01")), 3333);
  EXPECT_EQ(three.UsedBasisPoints(At("2026-01-05 10:03") - 1), 9999);
}

TEST(SlaClockTest, OpenPauseFreezesUse) {
  SlaClock c = Make(Office(), "2026-01-05 10:00", 120, {Open("2026-01-05 11:00")});
  EXPECT_EQ(c.UsedAt(At("2026-01-05 10:59")), 59 * kMinute);
  EXPECT_EQ(c.UsedAt(At("2026-01-06 15:00")), 60 * kMinute);
  EXPECT_EQ(c.UsedBasisPoints(At("2026-01-30 15:00")), 5000);
  EXPECT_TRUE(c.MetBy(At("2026-02-01 10:00")));
  EXPECT_EQ(Show(c.InstantUsing(60 * kMinute)), FormatUtc(At("2026-01-05 11:00")));
  EXPECT_FALSE(c.InstantUsing(60 * kMinute + 1).has_value());
}

TEST(SlaClockTest, MetIsMeasuredInWorkingTime) {
  const Calendar cal = Office();
  SlaClock c = Make(cal, "2026-01-09 15:30", 120);  // due Friday 17:30, at closing
  EXPECT_EQ(Show(c.Due()), FormatUtc(At("2026-01-09 17:30")));
  EXPECT_TRUE(c.MetBy(At("2026-01-09 17:30")));
  EXPECT_TRUE(c.MetBy(At("2026-01-10 10:00")));         // Saturday: no working time spent
  EXPECT_TRUE(c.MetBy(At("2026-01-12 08:30")));
  EXPECT_FALSE(c.MetBy(At("2026-01-12 08:30:00.001")));
  // 24×7: met ⇔ stop ≤ due.
  SlaClock a = Make(Calendar::Always(), "2026-01-09 20:00", 240, {P("2026-01-09 21:00", "2026-01-09 22:00")});
  EXPECT_EQ(Show(a.Due()), FormatUtc(At("2026-01-10 01:00")));
  EXPECT_TRUE(a.MetBy(At("2026-01-10 01:00")));
  EXPECT_FALSE(a.MetBy(At("2026-01-10 01:00") + 1));
  EXPECT_EQ(a.UsedAt(At("2026-01-09 21:30")), 60 * kMinute);
}

}  // namespace
}  // namespace anju::workorder::sla
