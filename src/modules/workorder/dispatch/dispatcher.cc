#include "modules/workorder/dispatch/dispatcher.h"

#include <algorithm>
#include <limits>

#include "modules/workorder/dispatch/reason_text.h"

namespace anju::workorder::dispatch {
namespace {

constexpr int64_t kNoId = std::numeric_limits<int64_t>::max();

bool HasSkill(const Candidate& c, std::string_view skill) {
  return std::find(c.skills.begin(), c.skills.end(), skill) != c.skills.end();
}

Place PlaceOf(const Candidate& c, int64_t building_id) {
  if (building_id == 0) return Place::kNone;
  if (std::find(c.buildings.begin(), c.buildings.end(), building_id) != c.buildings.end()) {
    return Place::kResponsible;
  }
  return c.current_building == building_id ? Place::kCurrentlyIn : Place::kNone;
}

// The round-robin pick within one tier: the smallest id above the cursor, else (wrapping)
// the smallest id; each with the index of its candidate.
struct Turn {
  int64_t above = kNoId, lowest = kNoId;
  size_t above_at = 0, lowest_at = 0;

  void See(int64_t id, size_t at, int64_t cursor) {
    if (id > cursor && id < above) above = id, above_at = at;
    if (id < lowest) lowest = id, lowest_at = at;
  }
  size_t Pick() const { return above != kNoId ? above_at : lowest_at; }
};

}  // namespace

Decision Dispatch(const Order& order, std::span<const Candidate> candidates, int64_t cursor) {
  Decision d;
  d.cursor = cursor;
  Reason& r = d.reason;

  // Rule 1 and the fewest open orders among the eligible, in one pass. The flags go before
  // the skill: most staff are off shift, and comparing codes is the dearer test.
  int64_t fewest = std::numeric_limits<int64_t>::max();
  for (const Candidate& c : candidates) {
    if (!c.active || !c.on_duty || !HasSkill(c, order.skill)) continue;
    ++r.eligible;
    fewest = std::min(fewest, c.open_orders);
  }
  if (r.eligible == 0) {
    for (const Candidate& c : candidates) r.with_skill += c.active && HasSkill(c, order.skill);
    r.code = r.with_skill == 0 ? Code::kNoSkill : Code::kNoOneOnDuty;
    WriteTexts(order, nullptr, r);
    return d;
  }

  // Rules 2–4 over the eligible with the fewest open orders: count the ties and the ties at
  // the building, and keep the round-robin pick of both tiers.
  Turn all, at_building;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.open_orders != fewest || !c.active || !c.on_duty || !HasSkill(c, order.skill)) {
      continue;
    }
    ++r.ties;
    all.See(c.staff_id, i, cursor);
    if (PlaceOf(c, order.building_id) != Place::kNone) {
      ++r.building_ties;
      at_building.See(c.staff_id, i, cursor);
    }
  }
  const Candidate& chosen = candidates[r.building_ties > 0 ? at_building.Pick() : all.Pick()];

  r.code = Code::kAssigned;
  r.open_orders = chosen.open_orders;
  r.place = PlaceOf(chosen, order.building_id);
  if (r.eligible == 1) r.rule = Rule::kOnlyCandidate;
  else if (r.ties == 1) r.rule = Rule::kLeastLoad;
  else if (r.building_ties == 1) r.rule = Rule::kBuilding;
  else r.rule = Rule::kRoundRobin;
  d.staff_id = chosen.staff_id;
  d.cursor = chosen.staff_id;
  WriteTexts(order, &chosen, r);
  return d;
}

std::string_view CodeName(Code code) {
  switch (code) {
    case Code::kAssigned: return "assigned";
    case Code::kNoSkill: return "no_skill";
    case Code::kNoOneOnDuty: return "no_one_on_duty";
  }
  return "";
}

std::string_view RuleName(Rule rule) {
  switch (rule) {
    case Rule::kNone: return "none";
    case Rule::kOnlyCandidate: return "only_candidate";
    case Rule::kLeastLoad: return "least_load";
    case Rule::kBuilding: return "building";
    case Rule::kRoundRobin: return "round_robin";
  }
  return "";
}

}  // namespace anju::workorder::dispatch
