#include "modules/workorder/dispatch/dispatcher.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace anju::workorder::dispatch {
namespace {

// A candidate on duty and active unless the case says otherwise.
Candidate Staff(int64_t id, std::vector<std::string> skills, int64_t open,
                std::vector<int64_t> buildings = {}, int64_t current = 0) {
  return Candidate{.staff_id = id, .name = "S" + std::to_string(id), .skills = std::move(skills),
                   .active = true, .on_duty = true, .open_orders = open,
                   .buildings = std::move(buildings), .current_building = current};
}
Candidate OffDuty(Candidate c) { c.on_duty = false; return c; }
Candidate Inactive(Candidate c) { c.active = false; return c; }

const std::vector<std::string> kPlumb = {"plumbing"};
Order For(std::string_view skill, int64_t building = 0, std::string_view name = "") {
  return Order{.skill = skill, .building_id = building, .building_name = name};
}
const Order kPlumbing = For("plumbing");
const Order kAtB7 = For("plumbing", 7, "7栋");

struct Case {
  const char* label;
  Order order;
  std::vector<Candidate> staff;
  int64_t cursor;
  std::optional<int64_t> want;  // chosen staff id
  Code code;
  Rule rule;
  int ties = 0, building_ties = 0;
};

TEST(DispatchTest, RulesInOrder) {
  const Case cases[] = {
      // Skills.
      {"only the one with the skill", kPlumbing,
       {Staff(1, {"lighting"}, 0), Staff(2, {"lighting", "plumbing"}, 9)}, 0, 2,
       Code::kAssigned, Rule::kOnlyCandidate, 1},
      {"nobody has the skill", kPlumbing, {Staff(1, {"lighting"}, 0)}, 5, {},
       Code::kNoSkill, Rule::kNone},
      {"no candidates at all", kPlumbing, {}, 0, {}, Code::kNoSkill, Rule::kNone},
      // Shifts and active flag.
      {"skilled but nobody on duty", kPlumbing,
       {OffDuty(Staff(1, kPlumb, 0)), OffDuty(Staff(2, kPlumb, 0)), Staff(3, {"greening"}, 0)},
       0, {}, Code::kNoOneOnDuty, Rule::kNone},
      {"the inactive are as if absent", kPlumbing, {Inactive(Staff(1, kPlumb, 0))}, 0, {},
       Code::kNoSkill, Rule::kNone},
      {"inactive with fewer orders is skipped", kPlumbing,
       {Inactive(Staff(1, kPlumb, 0)), Staff(2, kPlumb, 4), Staff(3, kPlumb, 6)}, 0, 2,
       Code::kAssigned, Rule::kLeastLoad, 1},
      {"off duty with fewer orders is skipped", kPlumbing,
       {OffDuty(Staff(1, kPlumb, 0)), Staff(2, kPlumb, 4), Staff(3, kPlumb, 6)}, 0, 2,
       Code::kAssigned, Rule::kLeastLoad, 1},
      // Load.
      {"fewest open orders", kPlumbing,
       {Staff(1, kPlumb, 5), Staff(2, kPlumb, 2), Staff(3, kPlumb, 3)}, 0, 2, Code::kAssigned,
       Rule::kLeastLoad, 1},
      {"load beats the building", kAtB7, {Staff(1, kPlumb, 3, {7}), Staff(2, kPlumb, 2)}, 0, 2,
       Code::kAssigned, Rule::kLeastLoad, 1},
      // Building preference among the least loaded.
      {"responsible for the building", kAtB7,
       {Staff(1, kPlumb, 2), Staff(2, kPlumb, 2, {5, 7}), Staff(3, kPlumb, 2, {5})}, 0, 2,
       Code::kAssigned, Rule::kBuilding, 3, 1},
      {"currently in the building", kAtB7,
       {Staff(1, kPlumb, 2, {}, 5), Staff(2, kPlumb, 2), Staff(3, kPlumb, 2, {}, 7)}, 0, 3,
       Code::kAssigned, Rule::kBuilding, 3, 1},
      {"nobody at the building: all ties stay", kAtB7,
       {Staff(4, kPlumb, 2, {5}), Staff(2, kPlumb, 2, {}, 6)}, 0, 2, Code::kAssigned,
       Rule::kRoundRobin, 2, 0},
      {"no building on the order", kPlumbing,
       {Staff(4, kPlumb, 1, {7}), Staff(2, kPlumb, 1, {}, 7)}, 3, 4, Code::kAssigned,
       Rule::kRoundRobin, 2, 0},
      // Round robin: smallest id above the cursor, wrapping.
      {"rr from no cursor", kPlumbing,
       {Staff(9, kPlumb, 1), Staff(3, kPlumb, 1), Staff(5, kPlumb, 1)}, 0, 3, Code::kAssigned,
       Rule::kRoundRobin, 3},
      {"rr next above the cursor", kPlumbing,
       {Staff(9, kPlumb, 1), Staff(3, kPlumb, 1), Staff(5, kPlumb, 1)}, 3, 5, Code::kAssigned,
       Rule::kRoundRobin, 3},
      {"rr cursor of someone who left", kPlumbing,
       {Staff(9, kPlumb, 1), Staff(3, kPlumb, 1), Staff(5, kPlumb, 1)}, 6, 9, Code::kAssigned,
       Rule::kRoundRobin, 3},
      {"rr wraps around", kPlumbing,
       {Staff(9, kPlumb, 1), Staff(3, kPlumb, 1), Staff(5, kPlumb, 1)}, 9, 3, Code::kAssigned,
       Rule::kRoundRobin, 3},
      {"rr within the building's ties", kAtB7,
       {Staff(3, kPlumb, 1), Staff(5, kPlumb, 1, {7}), Staff(9, kPlumb, 1, {}, 7)}, 5, 9,
       Code::kAssigned, Rule::kRoundRobin, 3, 2},
      {"rr wraps within the building's ties", kAtB7,
       {Staff(3, kPlumb, 1), Staff(5, kPlumb, 1, {7}), Staff(9, kPlumb, 1, {}, 7)}, 9, 5,
       Code::kAssigned, Rule::kRoundRobin, 3, 2},
  };
  for (const Case& c : cases) {
    Decision d = Dispatch(c.order, c.staff, c.cursor);
    EXPECT_EQ(d.staff_id, c.want) << c.label;
    EXPECT_EQ(CodeName(d.reason.code), CodeName(c.code)) << c.label;
    EXPECT_EQ(RuleName(d.reason.rule), RuleName(c.rule)) << c.label;
    EXPECT_EQ(d.cursor, c.want.value_or(c.cursor)) << c.label;
    EXPECT_EQ(d.reason.ties, c.ties) << c.label;
    EXPECT_EQ(d.reason.building_ties, c.building_ties) << c.label;
    EXPECT_FALSE(d.reason.zh.empty() || d.reason.en.empty()) << c.label;
  }
}

TEST(DispatchTest, TheOrderOfTheCandidatesDoesNotMatter) {
  std::vector<Candidate> staff = {Staff(4, kPlumb, 1, {7}), Staff(2, kPlumb, 1),
                                  Staff(8, kPlumb, 1, {}, 7), Staff(6, kPlumb, 0, {7}),
                                  Staff(5, kPlumb, 0, {7})};
  std::sort(staff.begin(), staff.end(),
            [](const Candidate& a, const Candidate& b) { return a.staff_id < b.staff_id; });
  int permutations = 0;
  do {
    Decision d = Dispatch(kAtB7, staff, 5);
    ASSERT_EQ(d.staff_id, 6);
    ASSERT_EQ(d.reason.zh, "S6：在岗、技能水电、未完成工单 0 张（最少）、负责 7栋；并列 2 人按轮转选中");
    ++permutations;
  } while (std::next_permutation(staff.begin(), staff.end(), [](const Candidate& a,
                                                                 const Candidate& b) {
    return a.staff_id < b.staff_id;
  }));
  EXPECT_EQ(permutations, 120);
}

// As the service does it: each pick adds an open order to the chosen person and stores the
// cursor; completed orders bring counts level again and the rotation goes on from the cursor.
TEST(DispatchTest, RepeatedDispatchesRotate) {
  std::vector<Candidate> staff = {Staff(30, kPlumb, 0), Staff(10, kPlumb, 0),
                                  Staff(20, kPlumb, 0)};
  int64_t cursor = 0;
  std::vector<int64_t> picks;
  for (int i = 0; i < 4; ++i) {
    Decision d = Dispatch(kPlumbing, staff, cursor);
    ASSERT_TRUE(d.staff_id.has_value());
    picks.push_back(*d.staff_id);
    cursor = d.cursor;
    for (Candidate& c : staff) c.open_orders += c.staff_id == *d.staff_id;
  }
  EXPECT_EQ(picks, (std::vector<int64_t>{10, 20, 30, 10}));  // 10 now has 2, the rest 1
  for (Candidate& c : staff) c.open_orders = 0;               // all completed
  EXPECT_EQ(Dispatch(kPlumbing, staff, cursor).staff_id, 20);
}

struct TextCase {
  const char* label;
  Order order;
  std::vector<Candidate> staff;
  int64_t cursor;
  const char* zh;
  const char* en;
};

TEST(DispatchTest, ReasonTexts) {
  Candidate zhang = Staff(2, kPlumb, 2, {3});
  zhang.name = "张三";
  Candidate nameless = Staff(5, {"elevator"}, 1, {}, 3);
  nameless.name.clear();
  const Order at3 = For("plumbing", 3, "3栋");
  const Order lift = For("elevator", 3);
  const Order custom = For("roofing");
  const TextCase cases[] = {
      {"round robin at the building", at3, {zhang, Staff(1, kPlumb, 2, {3}), Staff(4, kPlumb, 2)}, 1,
       "张三：在岗、技能水电、未完成工单 2 张（最少）、负责 3栋；并列 2 人按轮转选中",
       "张三: on duty, skill plumbing/electrical, 2 open orders (fewest), responsible for 3栋; "
       "2 tied, chosen by round robin"},
      {"building", at3, {zhang, Staff(1, kPlumb, 2), Staff(4, kPlumb, 2)}, 0,
       "张三：在岗、技能水电、未完成工单 2 张（最少）、负责 3栋；工单数并列 3 人，仅其负责或身处该楼",
       "张三: on duty, skill plumbing/electrical, 2 open orders (fewest), responsible for 3栋; "
       "3 tied on open orders, the only one responsible for or in the building"},
      {"least load, unnamed, building without a name", lift,
       {nameless, Staff(6, {"elevator"}, 4)}, 0,
       "#5：在岗、技能电梯、未完成工单 1 张（最少）、正在 楼栋#3；2 人符合条件，其工单最少",
       "#5: on duty, skill elevator, 1 open order (fewest), currently in building #3; fewest "
       "open orders of 2 eligible"},
      {"only candidate", kPlumbing, {zhang, OffDuty(Staff(1, kPlumb, 0))}, 0,
       "张三：在岗、技能水电、未完成工单 2 张；唯一符合条件的人选",
       "张三: on duty, skill plumbing/electrical, 2 open orders; the only eligible staff member"},
      {"no skill, unknown skill code", custom, {zhang}, 0,
       "无人可派：没有具备技能roofing的在职员工",
       "Nobody dispatched: no active staff member has the skill roofing"},
      {"no one on duty", kPlumbing, {OffDuty(zhang), OffDuty(Staff(1, kPlumb, 0))}, 0,
       "无人可派：具备技能水电的 2 人均不在岗",
       "Nobody dispatched: none of the 2 active staff with the skill plumbing/electrical is on "
       "duty"},
  };
  for (const TextCase& c : cases) {
    Decision d = Dispatch(c.order, c.staff, c.cursor);
    EXPECT_EQ(d.reason.zh, c.zh) << c.label;
    EXPECT_EQ(d.reason.en, c.en) << c.label;
  }
}

TEST(DispatchTest, ReasonCarriesTheChosenPersonsFacts) {
  Decision d = Dispatch(kAtB7, {{Staff(1, kPlumb, 3, {}, 7), Staff(2, kPlumb, 3, {7}, 7),
                                 OffDuty(Staff(3, kPlumb, 0))}},
                        1);
  ASSERT_EQ(d.staff_id, 2);
  EXPECT_EQ(d.reason.open_orders, 3);
  EXPECT_EQ(d.reason.place, Place::kResponsible);  // responsible wins over currently in
  EXPECT_EQ(d.reason.eligible, 2);
  EXPECT_EQ(d.reason.with_skill, 0);  // counted only when nobody is eligible
  Decision none = Dispatch(kAtB7, {{OffDuty(Staff(1, kPlumb, 0)), Inactive(Staff(2, kPlumb, 0)),
                                    OffDuty(Staff(3, kPlumb, 0)), Staff(4, {"greening"}, 0)}},
                           4);
  EXPECT_EQ(none.reason.code, Code::kNoOneOnDuty);
  EXPECT_EQ(none.reason.with_skill, 2);
  EXPECT_EQ(none.reason.eligible, 0);
  EXPECT_EQ(none.cursor, 4);
  EXPECT_EQ(SkillLabel("service", true), "客服");
  EXPECT_EQ(SkillLabel("roofing", false), "roofing");
}

}  // namespace
}  // namespace anju::workorder::dispatch
