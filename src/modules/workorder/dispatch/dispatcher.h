// The dispatcher (派单): who gets a new work order when its project dispatches automatically.
//
// Design
// ------
// Dispatch is a pure function: Dispatch(order, candidates, cursor) → (who, new cursor, why).
// It reads no database and no clock. The service owns the transaction: it loads the
// project's candidates and the cursor, calls Dispatch, and writes the assignment, the new
// cursor and the reason texts in the same write transaction. Pure means the same inputs
// always give the same answer, whatever the order of the candidate array — so a recorded
// reason can be re-checked later, and tests state exact answers.
//
// The rules are a filter followed by a lexicographic order, never a weighted score: a score
// ("load × 3 + distance × 2") cannot be explained to a 班长 who asks "why him?", a sequence
// of rules can, in one sentence, naming the rule that decided.
//   1. eligible = active AND has the order's skill AND on duty now. Inactive staff are as if
//      absent. Nobody eligible gives no staff id and a code telling the manager what to fix:
//      no_skill (nobody active has the skill: give someone the skill) or no_one_on_duty
//      (some do, none is on shift: schedule someone, or dispatch by hand).
//   2. fewest open orders — fairness first, convenience second.
//   3. among those, prefer the ones responsible for the order's building or currently in it
//      (one tier: the work order contract weighs both alike); if none is, all stay.
//   4. round robin among who is left: the smallest staff id greater than the cursor,
//      wrapping to the smallest id. By id, not by position in the array: rows from SQL come
//      in no promised order and staff come and go, ids stay. A cursor whose person has left
//      still works — it is compared, never looked up.
// The rule that left exactly one person is the decision's rule: only_candidate (one
// eligible), least_load, building, or round_robin (a tie survived rules 2 and 3).
//
// The cursor is kept by the caller per (project, skill): the staff id chosen last time (0 if
// none). Dispatch returns it advanced to whoever was chosen, by any rule, and unchanged when
// nobody was. Usually rule 2 already rotates work (the chosen person's open count goes up by
// one); the cursor matters when counts are equal again after orders complete.
//
// Concurrency is the caller's: two dispatches that read the same open counts pick the same
// person. On SQLite the write transaction (BEGIN IMMEDIATE) serialises them; on PostgreSQL
// lock the (project, skill) cursor row (SELECT … FOR UPDATE) before reading the counts.
// Dispatches of different skills may still both pick one many-skilled person: one order of
// drift, corrected by rule 2 on the next dispatch.
//
// Candidates are shaped for SQL: one row per staff member with scalar columns (id, name,
// active, on_duty from an EXISTS over shifts — see shifts.h —, open count from a COUNT
// subquery, current building), plus two small sets from (user_id, skill) and (user_id,
// building_id) rows appended in user order. Skills are codes, not a bitmask: the category
// tree is configurable, so the set of skills is open, and a bitmask would need a
// company-wide interning table kept in step with it. Codes are short (≤ 15 bytes fit in
// std::string's inline buffer, so no allocation) and a person has one to three; comparing
// them is a few nanoseconds. bench/dispatch_bench.cc measures the whole decision.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace anju::workorder::dispatch {

// One staff member of the order's project, as the service read it in the transaction.
struct Candidate {
  int64_t staff_id = 0;              // > 0, unique among the candidates
  std::string name;                  // shown in the reason ("张三"); "" shows "#<id>"
  std::vector<std::string> skills;   // skill codes: "plumbing", "lighting", …
  bool active = true;                // account enabled and still staff of the project
  bool on_duty = false;              // a shift of this project covers now (shifts.h)
  int64_t open_orders = 0;           // orders assigned and not yet completed (≥ 0)
  std::vector<int64_t> buildings;    // buildings they are responsible for (负责楼栋)
  int64_t current_building = 0;      // where they are now (last check-in); 0 = unknown
};

// The order being dispatched. Views must outlive the call.
struct Order {
  std::string_view skill;            // the category's dispatch skill code
  int64_t building_id = 0;           // 0: not tied to a building (e.g. an inquiry)
  std::string_view building_name;    // for the reason ("3栋"); "" shows "#<id>"
};

enum class Code { kAssigned, kNoSkill, kNoOneOnDuty };
enum class Rule { kNone, kOnlyCandidate, kLeastLoad, kBuilding, kRoundRobin };
// How the chosen person relates to the order's building (responsible wins over currently in).
enum class Place { kNone, kResponsible, kCurrentlyIn };

struct Reason {
  Code code = Code::kNoSkill;
  Rule rule = Rule::kNone;     // the rule that left one person; kNone when nobody
  int64_t open_orders = 0;     // the chosen person's open orders before this one
  int ties = 0;                // eligible staff sharing the fewest open orders
  int building_ties = 0;       // of those, responsible for or in the order's building
  Place place = Place::kNone;  // the chosen person's tie to the order's building
  int eligible = 0;            // active, with the skill, on duty
  int with_skill = 0;          // when nobody is eligible: active with the skill (else 0)
  std::string zh;              // "张三：在岗、技能水电、未完成工单 2 张（最少）、负责 3栋；并列 2 人按轮转选中"
  std::string en;              // "Zhang San: on duty, skill plumbing/electrical, 2 open orders (fewest), …"
};

struct Decision {
  std::optional<int64_t> staff_id;  // none when reason.code is not kAssigned
  int64_t cursor = 0;               // store for (project, skill)
  Reason reason;
};

// Chooses who gets `order` among `candidates` (the rules above). `cursor` is the staff id
// chosen last time for this project and skill, 0 if none. Deterministic; no side effects.
Decision Dispatch(const Order& order, std::span<const Candidate> candidates, int64_t cursor);

// Stable codes for storage and the API.
std::string_view CodeName(Code code);  // "assigned" | "no_skill" | "no_one_on_duty"
std::string_view RuleName(Rule rule);  // "none" | "only_candidate" | "least_load" | "building" | "round_robin"

// The display name of a skill code: the default skills of the work-order contract
// (plumbing → 水电 / plumbing/electrical, …); any other code is shown as itself.
std::string_view SkillLabel(std::string_view code, bool zh);

}  // namespace anju::workorder::dispatch
