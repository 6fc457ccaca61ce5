// The working-time calendar as input → output tables, in Shanghai local time.
#include "modules/workorder/sla/calendar.h"

#include <gtest/gtest.h>

#include "modules/workorder/sla/sla_test_support.h"

namespace anju::workorder::sla {
namespace {

using testing::At;
using testing::Office;

TEST(CalendarTest, AddWorkingMinutesTable) {
  struct Case {
    const char* start;
    int64_t minutes;
    const char* due;
    const char* why;
  };
  const Case cases[] = {
      {"2026-01-05 08:00", 60, "2026-01-05 09:30", "Monday before opening"},
      {"2026-01-05 08:30", 60, "2026-01-05 09:30", "at opening"},
      {"2026-01-05 17:30", 60, "2026-01-06 09:30", "at closing: starts next opening"},
      {"2026-01-05 16:30", 60, "2026-01-05 17:30", "ends exactly at closing"},
      {"2026-01-05 16:30", 61, "2026-01-06 08:31", "one minute past closing"},
      {"2026-01-05 10:00", 1440, "2026-01-07 16:00", "a 1440-minute SLA spans 3 days"},
      {"2026-01-05 08:30", 5400, "2026-01-16 17:30", "ten working days"},
      {"2026-01-09 17:00", 120, "2026-01-12 10:00", "Friday evening → Monday"},
      {"2026-01-09 20:00", 30, "2026-01-12 09:00", "Friday night → Monday"},
      {"2026-01-10 10:00", 30, "2026-01-12 09:00", "Saturday → Monday"},
      {"2026-01-10 10:00", 0, "2026-01-10 10:00", "nothing to add"},
      {"2025-09-30 17:00", 60, "2025-10-09 09:00", "National Day holidays in between"},
      {"2025-09-26 17:00", 60, "2025-09-28 09:00", "make-up Sunday"},
      {"2025-10-10 17:00", 60, "2025-10-11 09:00", "make-up Saturday"},
      {"2025-10-11 17:00", 60, "2025-10-13 09:00", "make-up Saturday → Monday"},
      {"2025-12-31 16:30", 180, "2026-01-04 10:30", "year boundary, holidays, make-up Sunday"},
      {"2026-01-05 17:29:59.999", 0, "2026-01-05 17:29:59.999", "zero at any instant"},
  };
  const Calendar cal = Office();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(FormatUtc(cal.AddWorkingMinutes(At(c.start), c.minutes)), FormatUtc(At(c.due)));
    // The span found is exactly the working time asked for.
    EXPECT_EQ(cal.WorkingMillisBetween(At(c.start), At(c.due)), c.minutes * kMinute);
  }
}

TEST(CalendarTest, MillisecondEdges) {
  const Calendar cal = Office();
  EXPECT_EQ(cal.AddWorking(At("2026-01-05 17:29:59.999"), 1), At("2026-01-05 17:30"));
  EXPECT_EQ(cal.AddWorking(At("2026-01-05 17:29:59.999"), 2), At("2026-01-06 08:30:00.001"));
  EXPECT_EQ(cal.AddWorking(At("2026-01-05 08:29:59.999"), 1), At("2026-01-05 08:30:00.001"));
  EXPECT_EQ(cal.AddWorking(At("2026-01-05 09:00"), -5), At("2026-01-05 09:00"));
}

TEST(CalendarTest, WorkingMillisBetweenTable) {
  struct Case {
    const char* a;
    const char* b;
    int64_t minutes;
  };
  const Case cases[] = {
      {"2026-01-05 00:00", "2026-01-06 00:00", 540},   // one full Monday
      {"2026-01-05 08:00", "2026-01-05 18:00", 540},
      {"2026-01-05 12:00", "2026-01-05 12:00", 0},
      {"2026-01-05 13:00", "2026-01-05 12:00", 0},     // reversed → 0
      {"2026-01-09 17:00", "2026-01-12 09:00", 60},    // over a weekend
      {"2026-01-10 00:00", "2026-01-12 00:00", 0},     // a weekend alone
      {"2025-09-30 17:00", "2025-10-09 09:00", 60},    // over a holiday week
      {"2025-10-11 00:00", "2025-10-12 00:00", 540},   // make-up Saturday
      {"2026-01-01 00:00", "2027-01-01 00:00", 260 * 540},  // 261 weekdays − 2 + 1
      {"2025-01-01 00:00", "2026-01-01 00:00", (261 - 6 + 2) * 540},  // 2025 (Oct 4/5 weekend)
  };
  const Calendar cal = Office();
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " → " + c.b);
    EXPECT_EQ(cal.WorkingMillisBetween(At(c.a), At(c.b)), c.minutes * kMinute);
  }
}

TEST(CalendarTest, IsWorkingTable) {
  struct Case {
    const char* t;
    bool working;
  };
  const Case cases[] = {
      {"2026-01-05 08:29:59.999", false}, {"2026-01-05 08:30", true},
      {"2026-01-05 17:29:59.999", true},  {"2026-01-05 17:30", false},
      {"2026-01-10 10:00", false},        {"2026-01-01 10:00", false},  // Saturday, holiday
      {"2026-01-04 10:00", true},         {"2025-10-11 08:30", true},   // make-up days
      {"2025-10-08 12:00", false},        {"2025-10-09 12:00", true},
  };
  const Calendar cal = Office();
  for (const Case& c : cases) EXPECT_EQ(cal.IsWorking(At(c.t)), c.working) << c.t;
}

TEST(CalendarTest, AlwaysIsTwentyFourSeven) {
  const Calendar cal = Calendar::Always();
  EXPECT_TRUE(cal.always());
  EXPECT_TRUE(cal.IsWorking(At("2026-01-01 03:00")));
  EXPECT_EQ(cal.AddWorkingMinutes(At("2026-01-09 20:00"), 240), At("2026-01-10 00:00"));
  EXPECT_EQ(cal.WorkingMillisBetween(At("2026-01-09 20:00"), At("2026-01-12 20:00")), 3 * kDay);
}

TEST(CalendarTest, OtherZonesAndWindows) {
  BusinessHours h;  // a midnight-to-midnight window, Mon–Sat, in UTC
  h.utc_offset_minutes = 0;
  h.weekdays = kMonToFri | kSaturday;
  h.open_minute = 0;
  h.close_minute = 1440;
  const Calendar cal = Calendar::Business(h).value();
  EXPECT_EQ(cal.AddWorkingMinutes(At("2026-01-10 23:00", 0), 120), At("2026-01-12 01:00", 0));
  EXPECT_EQ(cal.WorkingMillisBetween(At("2026-01-05 00:00", 0), At("2026-01-12 00:00", 0)),
            6 * kDay);
  EXPECT_FALSE(cal.IsWorking(At("2026-01-11 12:00", 0)));
  // Shanghai hours seen from UTC: 08:30 local is 00:30 UTC.
  const Calendar office = Office();
  EXPECT_TRUE(office.IsWorking(At("2026-01-05 00:30", 0)));
  EXPECT_FALSE(office.IsWorking(At("2026-01-05 00:29", 0)));
}

TEST(CalendarTest, ValidationTable) {
  struct Case {
    void (*edit)(BusinessHours&);
    const char* field;
  };
  const Case cases[] = {
      {[](BusinessHours& h) { h.weekdays = 0; }, "weekdays"},
      {[](BusinessHours& h) { h.weekdays = 0x80; }, "weekdays"},
      {[](BusinessHours& h) { h.open_minute = -1; }, "open_minute"},
      {[](BusinessHours& h) { h.open_minute = 1440; }, "open_minute"},
      {[](BusinessHours& h) { h.close_minute = h.open_minute; }, "close_minute"},
      {[](BusinessHours& h) { h.close_minute = 1441; }, "close_minute"},
      {[](BusinessHours& h) { h.utc_offset_minutes = 841; }, "utc_offset_minutes"},
      {[](BusinessHours& h) { h.holidays = {"2026-01-01", "2026-02-30"}; }, "holidays[1]"},
      {[](BusinessHours& h) { h.workdays = {"20260104"}; }, "workdays[0]"},
      {[](BusinessHours& h) { h.holidays = {"2026-01-04"}; }, "workdays[2]"},  // both
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.field);
    BusinessHours h = testing::ChinaOffice();
    c.edit(h);
    auto cal = Calendar::Business(h);
    ASSERT_FALSE(cal.ok());
    EXPECT_EQ(cal.error().code, "VALIDATION_FAILED");
    ASSERT_EQ(cal.error().fields.size(), 1u);
    EXPECT_EQ(cal.error().fields[0].field, c.field);
  }
  // Weekend-only and make-up-only-on-workday calendars are fine.
  BusinessHours weekend;
  weekend.weekdays = kSaturday | kSunday;
  weekend.workdays = {"2026-01-05"};  // a Monday: made a working day
  auto cal = Calendar::Business(weekend);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(cal->AddWorkingMinutes(At("2026-01-02 12:00"), 60), At("2026-01-03 09:30"));
  EXPECT_TRUE(cal->IsWorking(At("2026-01-05 09:00")));
}

}  // namespace
}  // namespace anju::workorder::sla
