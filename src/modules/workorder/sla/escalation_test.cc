// The escalation ladder: which steps are due at `now`, and when the next one will be.
#include "modules/workorder/sla/escalation.h"

#include <gtest/gtest.h>

#include "modules/workorder/sla/sla_test_support.h"

namespace anju::workorder::sla {
namespace {

using testing::At;
using testing::Office;

std::string Codes(const std::vector<Step>& steps) {
  std::string s;
  for (Step st : steps) s += (s.empty() ? "" : ",") + std::string(StepCode(st));
  return s;
}
std::string Show(std::optional<Millis> t) { return t ? FormatUtc(*t) : "none"; }
std::string ShowAt(const char* t) { return *t ? FormatUtc(At(t)) : "none"; }

SlaClock Make(const Calendar& cal, const char* start, int64_t minutes, std::vector<Pause> p = {}) {
  return SlaClock::Make(cal, At(start), minutes, std::move(p)).value();
}

struct Case {
  const char* now;
  int sent;
  const char* due;   // step codes
  int sent_after;
  const char* next;  // "" = none
};

void Check(const SlaClock& clock, const Ladder& ladder, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.now) + " sent " + std::to_string(c.sent));
    Escalation e = Escalate(clock, ladder, c.sent, At(c.now));
    EXPECT_EQ(Codes(e.due), c.due);
    EXPECT_EQ(e.sent, c.sent_after);
    EXPECT_EQ(Show(e.next_at), ShowAt(c.next));
  }
}

TEST(EscalationTest, ExactThresholds) {
  // 100 working minutes from Monday 10:00: 80 % at 11:20, 100 % at 11:40, 200 % at 13:20.
  Check(Make(Office(), "2026-01-05 10:00", 100), Ladder{},
        {
            {"2026-01-05 09:00", 0, "", 0, "2026-01-05 11:20"},
            {"2026-01-05 11:19:59.999", 0, "", 0, "2026-01-05 11:20"},
            {"2026-01-05 11:20", 0, "warn", 1, "2026-01-05 11:40"},
            {"2026-01-05 11:20", 1, "", 1, "2026-01-05 11:40"},
            {"2026-01-05 11:40", 1, "manager", 2, "2026-01-05 13:20"},
            {"2026-01-05 13:20", 2, "hq", 3, ""},
            {"2026-01-05 13:20", 3, "", 3, ""},
            {"2026-01-05 13:20", 7, "", 3, ""},  // clamped
        });
}

TEST(EscalationTest, SeveralStepsAtOnceAfterAGap) {
  Check(Make(Office(), "2026-01-05 10:00", 100), Ladder{},
        {
            {"2026-01-05 12:00", 0, "warn,manager", 2, "2026-01-05 13:20"},
            {"2026-01-06 10:00", 0, "warn,manager,hq", 3, ""},
            {"2026-01-06 10:00", 1, "manager,hq", 3, ""},
            {"2026-01-05 12:00", -1, "warn,manager", 2, "2026-01-05 13:20"},  // clamped
        });
}

TEST(EscalationTest, ThresholdsFollowTheCalendar) {
  // 100 minutes from Monday 15:50: 80 at 17:10, 100 at closing 17:30, 200 on Tuesday 10:10.
  Check(Make(Office(), "2026-01-05 15:50", 100), Ladder{},
        {
            {"2026-01-05 17:10", 0, "warn", 1, "2026-01-05 17:30"},
            {"2026-01-05 17:30", 1, "manager", 2, "2026-01-06 10:10"},
            {"2026-01-06 08:00", 2, "", 2, "2026-01-06 10:10"},
            {"2026-01-06 10:10", 2, "hq", 3, ""},
        });
  // 24×7: the same ladder in plain time, over midnight.
  Check(Make(Calendar::Always(), "2026-01-05 23:00", 100), Ladder{},
        {
            {"2026-01-06 00:20", 0, "warn", 1, "2026-01-06 00:40"},
            {"2026-01-06 02:19", 2, "", 2, "2026-01-06 02:20"},
        });
}

TEST(EscalationTest, Pauses) {
  const Calendar cal = Office();
  // A closed pause pushes every step out by the working time it covered.
  Check(Make(cal, "2026-01-05 10:00", 100, {{At("2026-01-05 11:00"), At("2026-01-05 12:00")}}),
        Ladder{},
        {
            {"2026-01-05 11:30", 0, "", 0, "2026-01-05 12:20"},
            {"2026-01-05 12:20", 0, "warn", 1, "2026-01-05 12:40"},
        });
  // Open pause before the next threshold: nothing due, no next instant.
  Check(Make(cal, "2026-01-05 10:00", 100, {{At("2026-01-05 11:00"), std::nullopt}}), Ladder{},
        {{"2026-01-07 12:00", 0, "", 0, ""}});
  // Open pause after a threshold was crossed but never sent: the step is still due.
  Check(Make(cal, "2026-01-05 10:00", 100, {{At("2026-01-05 11:30"), std::nullopt}}), Ladder{},
        {{"2026-01-05 12:00", 0, "warn", 1, ""}});
}

TEST(EscalationTest, NothingAfterStop) {
  SlaClock clock = Make(Office(), "2026-01-05 10:00", 100);
  for (int sent = 0; sent <= 3; ++sent) {
    Escalation e = Escalate(clock, Ladder{}, sent, At("2026-01-07 10:00"), At("2026-01-05 13:00"));
    EXPECT_TRUE(e.due.empty());
    EXPECT_EQ(e.sent, sent);
    EXPECT_FALSE(e.next_at.has_value());
  }
}

TEST(EscalationTest, CustomLadder) {
  Ladder equal{50, 50, 100};
  ASSERT_TRUE(equal.Validate().ok());
  Check(Make(Office(), "2026-01-05 10:00", 120), equal,
        {
            {"2026-01-05 10:59", 0, "", 0, "2026-01-05 11:00"},
            {"2026-01-05 11:00", 0, "warn,manager", 2, "2026-01-05 12:00"},
        });
}

TEST(EscalationTest, LadderValidation) {
  struct V {
    Ladder ladder;
    const char* fields;
  };
  const V cases[] = {
      {{80, 100, 200}, ""},
      {{0, 100, 200}, "warn_percent"},
      {{80, 100, 1001}, "hq_percent"},
      {{80, 70, 200}, "manager_percent"},
      {{80, 100, 90}, "hq_percent"},
      {{120, 100, 90}, "manager_percent,hq_percent"},
  };
  for (const V& v : cases) {
    Status s = v.ladder.Validate();
    std::string fields;
    if (!s.ok())
      for (const auto& f : s.error().fields) fields += (fields.empty() ? "" : ",") + f.field;
    EXPECT_EQ(fields, v.fields) << v.ladder.warn_percent << "/" << v.ladder.manager_percent;
  }
  EXPECT_STREQ(StepCode(Step::kHq), "hq");
}

}  // namespace
}  // namespace anju::workorder::sla
