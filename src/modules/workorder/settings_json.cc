#include "modules/workorder/settings_json.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/json_body.h"
#include "modules/workorder/wo_internal.h"

namespace anju::workorder {

namespace json = boost::json;

namespace {

constexpr int64_t kMaxMinutes = 60 * 24 * 60;  // 60 days
constexpr size_t kMaxShiftDays = 62;

bool ValidSkill(const std::string& s) {
  if (s.empty() || s.size() > 30) return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

json::value OptId(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value();
}

}  // namespace

Result<NewCategoryCommand> ReadNewCategory(const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "active"});
  auto code = r.Str("code", true, 30, 1);
  auto name = r.Str("name", true, 30, 1);
  auto name_en = r.Str("name_en", false, 50);
  auto parent = r.Int("parent_id", false, 1, INT64_MAX);
  auto skill = r.Str("skill", true, 30, 1);
  auto keywords = r.Text("keywords", false, 1000);
  auto sort = r.Int("sort", false, 0, 100000);
  if (skill && !ValidSkill(*skill)) r.Fail("skill", "invalid", "Lower-case letters and _");
  ANJU_TRY(r.Finish());
  return NewCategoryCommand{*code, *name, name_en, parent, *skill, keywords, sort};
}

Result<CategoryChange> ReadCategoryChange(const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "code", "parent_id"});
  CategoryChange c;
  c.name = r.Str("name", false, 30, 1);
  c.name_en = r.Str("name_en", false, 50);
  c.skill = r.Str("skill", false, 30, 1);
  c.keywords = r.Text("keywords", false, 1000);
  c.sort = r.Int("sort", false, 0, 100000);
  c.active = r.Bool("active", false);
  if (c.skill && !ValidSkill(*c.skill)) r.Fail("skill", "invalid", "Lower-case letters and _");
  ANJU_TRY(r.Finish());
  return c;
}

Result<PutSlaRuleCommand> ReadSlaRule(const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "company_id"});
  auto category = r.Int("category_id", false, 1, INT64_MAX);  // absent or null: the default
  auto urgency = r.Enum("urgency", true, {"normal", "urgent"});
  auto accept = r.Int("accept_minutes", true, 1, kMaxMinutes);
  auto finish = r.Int("finish_minutes", true, 1, kMaxMinutes);
  auto calendar = r.Enum("calendar", true, {"business", "always"});
  auto warn = r.Int("warn_percent", false, 1, 99);
  auto manager = r.Int("manager_percent", false, 50, 1000);
  auto hq = r.Int("hq_percent", false, 50, 10000);
  if (accept && finish && *finish < *accept) r.Fail("finish_minutes", "too_small", "At least the time to accept");
  if (manager && hq && *hq <= *manager) r.Fail("hq_percent", "too_small", "Above manager_percent");
  ANJU_TRY(r.Finish());
  return PutSlaRuleCommand{category, *urgency, *accept, *finish, *calendar,
                           warn.value_or(80), manager.value_or(100), hq.value_or(200)};
}

Result<PutDispatchRuleCommand> ReadDispatchRule(const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "company_id"});
  auto project = r.Int("project_id", true, 1, INT64_MAX);
  auto category = r.Int("category_id", false, 1, INT64_MAX);  // absent or null: the default
  // "inherit" removes a category's own rule: the project's default applies again.
  auto mode = r.Enum("mode", true, {"auto", "grab", "manual", "inherit"});
  if (mode == "inherit" && !category) r.Fail("mode", "invalid", "Only a category's rule can inherit");
  ANJU_TRY(r.Finish());
  return PutDispatchRuleCommand{*project, category, *mode};
}

Result<PutCalendarCommand> ReadCalendar(const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"project_id"});
  auto workdays = r.Str("workdays", true, 7, 1);
  auto start = r.Str("day_start", true, 5, 5);
  auto end = r.Str("day_end", true, 5, 5);
  std::optional<int64_t> s, e;
  if (workdays) {
    std::string seen;
    for (char c : *workdays)
      if (c < '1' || c > '7' || seen.find(c) != std::string::npos) r.Fail("workdays", "invalid", "Digits 1 (Mon) … 7 (Sun), each once");
      else seen += c;
  }
  if (start && !(s = ParseClock(*start))) r.Fail("day_start", "invalid", "HH:MM");
  if (end && !(e = ParseClock(*end))) r.Fail("day_end", "invalid", "HH:MM");
  if (s && e && *e <= *s) r.Fail("day_end", "too_small", "After day_start");
  ANJU_TRY(r.Finish());
  std::string days = *workdays;
  std::sort(days.begin(), days.end());
  return PutCalendarCommand{days, *s, *e};
}

Result<HolidayYear> ReadHolidays(const json::object& b) {
  BodyReader r(b);
  auto year = r.Int("year", true, 2000, 2100);
  std::vector<Holiday> days;
  if (const json::array* a = r.Array("items", true, 400)) {
    std::set<std::string> seen;
    for (size_t i = 0; i < a->size(); ++i) {
      std::string f = "items[" + std::to_string(i) + "]";
      if (!(*a)[i].is_object()) { r.Fail(f, "invalid"); continue; }
      BodyReader ir((*a)[i].as_object());
      auto day = ir.Date("day", true);
      auto kind = ir.Enum("kind", true, {"off", "work"});
      auto name = ir.Str("name", false, 30);
      if (auto s = ir.Finish(); !s.ok()) {
        for (auto& fe : s.error().fields) r.Fail(f + "." + fe.field, fe.code, fe.message);
        continue;
      }
      if (year && day->substr(0, 4) != std::to_string(*year)) r.Fail(f + ".day", "invalid", "Not in the year");
      else if (!seen.insert(*day).second) r.Fail(f + ".day", "duplicate");
      else days.push_back({*day, *kind, name.value_or("")});
    }
  }
  ANJU_TRY(r.Finish());
  return HolidayYear{*year, std::move(days)};
}

Result<PutStaffCommand> ReadStaff(const json::object& b) {
  BodyReader r(b);
  std::vector<std::string> skills;
  if (const json::array* a = r.Array("skills", true, 20))
    for (size_t i = 0; i < a->size(); ++i) {
      const json::value& v = (*a)[i];
      if (!v.is_string() || v.as_string().empty() || v.as_string().size() > 30)
        r.Fail("skills[" + std::to_string(i) + "]", "invalid");
      else if (std::find(skills.begin(), skills.end(), v.as_string()) == skills.end())
        skills.emplace_back(v.as_string());
    }
  std::vector<int64_t> buildings = r.Ids("building_ids", 200);
  ANJU_TRY(r.Finish());
  return PutStaffCommand{std::move(skills), std::move(buildings)};
}

Result<NewShiftsCommand> ReadShifts(const json::object& b) {
  BodyReader r(b);
  auto project = r.Int("project_id", true, 1, INT64_MAX);
  std::vector<int64_t> users = r.Ids("user_ids", 200);
  auto start = r.Str("start", true, 5, 5), end = r.Str("end", true, 5, 5);
  std::vector<Millis> days;  // the dates' China midnights
  if (const json::array* a = r.Array("dates", true, kMaxShiftDays))
    for (size_t i = 0; i < a->size(); ++i) {
      std::string d = (*a)[i].is_string() ? std::string((*a)[i].as_string()) : "";
      if (!IsValidCivilDate(d)) r.Fail("dates[" + std::to_string(i) + "]", "invalid", "YYYY-MM-DD");
      else days.push_back(ChinaDayStart(d));
    }
  if (users.empty()) r.Fail("user_ids", "required");
  std::optional<int64_t> s, e;
  if (start && !(s = ParseClock(*start))) r.Fail("start", "invalid", "HH:MM");
  if (end && !(e = ParseClock(*end))) r.Fail("end", "invalid", "HH:MM");
  ANJU_TRY(r.Finish());
  return NewShiftsCommand{*project, std::move(users), std::move(days), *start, *end, *s, *e};
}

json::object CategoryJson(const Category& c) {
  return json::object{{"id", c.id},           {"parent_id", OptId(c.parent_id)},
                      {"code", c.code},       {"name", c.name},
                      {"name_en", c.name_en}, {"skill", c.skill},
                      {"keywords", c.keywords}, {"sort", c.sort},
                      {"active", c.active}};
}

json::object SlaRuleJson(const SlaRule& r) {
  return json::object{{"id", r.id},
                      {"category_id", OptId(r.category_id)},
                      {"urgency", r.urgency},
                      {"accept_minutes", r.accept_minutes},
                      {"finish_minutes", r.finish_minutes},
                      {"calendar", r.calendar},
                      {"warn_percent", r.warn_percent},
                      {"manager_percent", r.manager_percent},
                      {"hq_percent", r.hq_percent}};
}

json::object DispatchRuleJson(const DispatchRule& r) {
  json::object out;
  if (r.id) out["id"] = *r.id;
  out["project_id"] = r.project_id;
  out["category_id"] = OptId(r.category_id);
  out["mode"] = r.mode;
  return out;
}

json::object BusinessHoursJson(const BusinessHours& h) {
  return json::object{{"project_id", h.project_id},
                      {"workdays", h.workdays},
                      {"day_start", FormatClock(h.day_start)},
                      {"day_end", FormatClock(h.day_end)}};
}

json::object HolidayJson(const Holiday& h) {
  return json::object{{"day", h.day}, {"kind", h.kind}, {"name", h.name}};
}

json::object HolidayYearJson(const HolidayYear& y) {
  json::array items;
  for (const Holiday& h : y.items) items.push_back(HolidayJson(h));
  return json::object{{"year", y.year}, {"items", std::move(items)}};
}

json::object StaffMemberJson(const StaffMember& m) {
  return json::object{{"id", m.id},
                      {"name", m.name},
                      {"trade", m.trade},
                      {"skills", json::array(m.skills.begin(), m.skills.end())},
                      {"building_ids", json::array(m.building_ids.begin(), m.building_ids.end())},
                      {"on_duty", m.on_duty},
                      {"open_orders", m.open_orders}};
}

json::object StaffSkillsJson(const StaffSkills& s) {
  return json::object{{"id", s.id},
                      {"skills", json::array(s.skills.begin(), s.skills.end())},
                      {"building_ids", json::array(s.building_ids.begin(), s.building_ids.end())}};
}

json::object ShiftJson(const Shift& s) {
  return json::object{{"id", s.id},
                      {"user_id", s.user_id},
                      {"user_name", s.user_name},
                      {"starts_at", FormatUtc(s.starts_at)},
                      {"ends_at", FormatUtc(s.ends_at)}};
}

}  // namespace anju::workorder
