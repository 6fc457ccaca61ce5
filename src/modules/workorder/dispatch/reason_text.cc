#include "modules/workorder/dispatch/reason_text.h"

#include <fmt/format.h>

namespace anju::workorder::dispatch {
namespace {

struct Label {
  std::string_view code, zh, en;
};
// The default skills of the work-order contract (docs: /work/team/WORKORDER.md).
constexpr Label kSkills[] = {
    {"plumbing", "水电", "plumbing/electrical"}, {"carpentry", "门窗", "doors/windows"},
    {"elevator", "电梯", "elevator"},            {"lighting", "公共照明", "public lighting"},
    {"greening", "绿化", "greening"},            {"cleaning", "保洁", "cleaning"},
    {"security", "安防", "security"},            {"service", "客服", "customer service"},
};

std::string NameOf(const Candidate& c) {
  return c.name.empty() ? fmt::format("#{}", c.staff_id) : c.name;
}

std::string BuildingOf(const Order& o, bool zh) {
  if (!o.building_name.empty()) return std::string(o.building_name);
  return zh ? fmt::format("楼栋#{}", o.building_id) : fmt::format("building #{}", o.building_id);
}

// The tier round robin chose from: the building's ties when any, else all ties.
int RoundRobinTies(const Reason& r) { return r.building_ties > 0 ? r.building_ties : r.ties; }

void WriteNobody(const Order& o, Reason& r) {
  std::string_view zh = SkillLabel(o.skill, true), en = SkillLabel(o.skill, false);
  if (r.code == Code::kNoSkill) {
    r.zh = fmt::format("无人可派：没有具备技能{}的在职员工", zh);
    r.en = fmt::format("Nobody dispatched: no active staff member has the skill {}", en);
  } else {
    r.zh = fmt::format("无人可派：具备技能{}的 {} 人均不在岗", zh, r.with_skill);
    r.en = fmt::format("Nobody dispatched: none of the {} active staff with the skill {} is on duty",
                       r.with_skill, en);
  }
}

}  // namespace

std::string_view SkillLabel(std::string_view code, bool zh) {
  for (const Label& l : kSkills) {
    if (l.code == code) return zh ? l.zh : l.en;
  }
  return code;
}

void WriteTexts(const Order& o, const Candidate* chosen, Reason& r) {
  if (chosen == nullptr) return WriteNobody(o, r);
  const bool fewest = r.rule != Rule::kOnlyCandidate;
  std::string name = NameOf(*chosen);

  std::string zh = fmt::format("{}：在岗、技能{}、未完成工单 {} 张{}", name, SkillLabel(o.skill, true),
                               r.open_orders, fewest ? "（最少）" : "");
  std::string en = fmt::format("{}: on duty, skill {}, {} open order{}{}", name,
                               SkillLabel(o.skill, false), r.open_orders,
                               r.open_orders == 1 ? "" : "s", fewest ? " (fewest)" : "");
  if (r.place == Place::kResponsible) {
    zh += "、负责 " + BuildingOf(o, true);
    en += ", responsible for " + BuildingOf(o, false);
  } else if (r.place == Place::kCurrentlyIn) {
    zh += "、正在 " + BuildingOf(o, true);
    en += ", currently in " + BuildingOf(o, false);
  }

  switch (r.rule) {
    case Rule::kOnlyCandidate:
      zh += "；唯一符合条件的人选";
      en += "; the only eligible staff member";
      break;
    case Rule::kLeastLoad:
      zh += fmt::format("；{} 人符合条件，其工单最少", r.eligible);
      en += fmt::format("; fewest open orders of {} eligible", r.eligible);
      break;
    case Rule::kBuilding:
      zh += fmt::format("；工单数并列 {} 人，仅其负责或身处该楼", r.ties);
      en += fmt::format("; {} tied on open orders, the only one responsible for or in the building",
                        r.ties);
      break;
    case Rule::kRoundRobin:
    case Rule::kNone:
      zh += fmt::format("；并列 {} 人按轮转选中", RoundRobinTies(r));
      en += fmt::format("; {} tied, chosen by round robin", RoundRobinTies(r));
      break;
  }
  r.zh = std::move(zh);
  r.en = std::move(en);
}

}  // namespace anju::workorder::dispatch
