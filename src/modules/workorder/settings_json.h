// The JSON side of the work-order settings (settings.h): the readers of the request bodies
// (the strict checks of core/json_body.h; 400 with the same fields as ever) and the shapes
// of the replies, which the audit rows also keep. The API contract (api/openapi.yaml)
// describes these shapes; key order is part of the bytes.
#pragma once

#include <boost/json.hpp>

#include "modules/workorder/settings.h"

namespace anju::workorder {

// {code, name, name_en?, parent_id?, skill, keywords?, sort?}
Result<NewCategoryCommand> ReadNewCategory(const boost::json::object& b);
// {name?, name_en?, skill?, keywords?, sort?, active?}
Result<CategoryChange> ReadCategoryChange(const boost::json::object& b);
// {category_id?, urgency, accept_minutes, finish_minutes, calendar, warn_percent?,
//  manager_percent?, hq_percent?}
Result<PutSlaRuleCommand> ReadSlaRule(const boost::json::object& b);
// {project_id, category_id?, mode}
Result<PutDispatchRuleCommand> ReadDispatchRule(const boost::json::object& b);
// {workdays, day_start "HH:MM", day_end}
Result<PutCalendarCommand> ReadCalendar(const boost::json::object& b);
// {year, items: [{day, kind, name?}]}
Result<HolidayYear> ReadHolidays(const boost::json::object& b);
// {skills: [..], building_ids: [..]}
Result<PutStaffCommand> ReadStaff(const boost::json::object& b);
// {project_id, user_ids, dates, start "08:00", end "20:00"}
Result<NewShiftsCommand> ReadShifts(const boost::json::object& b);

// {id, parent_id, code, name, name_en, skill, keywords, sort, active}
boost::json::object CategoryJson(const Category& c);
// {id, category_id, urgency, accept_minutes, finish_minutes, calendar, warn_percent,
//  manager_percent, hq_percent}
boost::json::object SlaRuleJson(const SlaRule& r);
// {id, project_id, category_id, mode}; a removed rule {project_id, category_id, mode}.
boost::json::object DispatchRuleJson(const DispatchRule& r);
// {project_id, workdays, day_start "HH:MM", day_end}
boost::json::object BusinessHoursJson(const BusinessHours& h);
// {day, kind, name}
boost::json::object HolidayJson(const Holiday& h);
// {year, items: [{day, kind, name}]}
boost::json::object HolidayYearJson(const HolidayYear& y);
// {id, name, trade, skills, building_ids, on_duty, open_orders}
boost::json::object StaffMemberJson(const StaffMember& m);
// {id, skills, building_ids}
boost::json::object StaffSkillsJson(const StaffSkills& s);
// {id, user_id, user_name, starts_at, ends_at}
boost::json::object ShiftJson(const Shift& s);

// {items: [shape(item)…], total}
template <class T, class Shape>
boost::json::object ItemsJson(const std::vector<T>& items, Shape shape) {
  boost::json::array out;
  for (const T& item : items) out.push_back(shape(item));
  int64_t total = static_cast<int64_t>(out.size());
  return boost::json::object{{"items", std::move(out)}, {"total", total}};
}

}  // namespace anju::workorder
