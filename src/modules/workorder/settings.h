// Work-order settings (工单设置), all needing workorder:settings: the company's category
// tree and SLA rules, each project's dispatch modes, business hours and the company's
// holidays, staff skills and responsible buildings, shifts (排班).
//
// The setters take commands already read from the request (settings_json.h: the same
// checks of the body, 400); the service checks the caller (403), the rows the command
// names (404) and uniqueness (409), writes and audits in one transaction, and returns the
// stored value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::workorder {

// A category of the company's tree (wo_categories).
struct Category {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string code, name, name_en, skill, keywords;
  int64_t sort = 0;
  bool active = true;
};

// A new category: code unique in the company (409 WO_CATEGORY_CODE_TAKEN), the parent the
// company's (404 WO_CATEGORY_NOT_FOUND); name_en and keywords default to "", sort to 100.
struct NewCategoryCommand {
  std::string code, name;
  std::optional<std::string> name_en;
  std::optional<int64_t> parent_id;
  std::string skill;
  std::optional<std::string> keywords;
  std::optional<int64_t> sort;
};

// The fields to change of a category; absent ones keep their value.
struct CategoryChange {
  std::optional<std::string> name, name_en, skill, keywords;
  std::optional<int64_t> sort;
  std::optional<bool> active;
};

// The time limits of a category (or the company default: no category) and urgency.
struct SlaRule {
  int64_t id = 0;
  std::optional<int64_t> category_id;
  std::string urgency;   // normal | urgent
  int64_t accept_minutes = 0, finish_minutes = 0;
  std::string calendar;  // business | always
  int64_t warn_percent = 80, manager_percent = 100, hq_percent = 200;
};

// Replaces the rule of (category, urgency); the percentages default to 80/100/200.
struct PutSlaRuleCommand {
  std::optional<int64_t> category_id;
  std::string urgency;
  int64_t accept_minutes = 0, finish_minutes = 0;
  std::string calendar;
  int64_t warn_percent = 80, manager_percent = 100, hq_percent = 200;
};

// A project's dispatch mode for a category (or its default). A removed category rule
// ("inherit") has no id.
struct DispatchRule {
  std::optional<int64_t> id;
  int64_t project_id = 0;
  std::optional<int64_t> category_id;
  std::string mode;  // auto | grab | manual | inherit
};

// Replaces the rule of (project, category); mode "inherit" (only with a category) removes it.
struct PutDispatchRuleCommand {
  int64_t project_id = 0;
  std::optional<int64_t> category_id;
  std::string mode;
};

// A project's business hours: workdays "12345" (1 = Monday), minutes since midnight.
struct BusinessHours {
  int64_t project_id = 0;
  std::string workdays;
  int64_t day_start = 0, day_end = 0;
};

// New business hours: workdays sorted, each digit once; day_end after day_start.
struct PutCalendarCommand {
  std::string workdays;
  int64_t day_start = 0, day_end = 0;
};

// A company holiday (off) or make-up workday (work), "YYYY-MM-DD".
struct Holiday {
  std::string day, kind, name;
};

// A year's holidays, replacing the stored ones (days in the year, each once).
struct HolidayYear {
  int64_t year = 0;
  std::vector<Holiday> items;
};

// A handler of the project as the dispatcher sees them now (skills and buildings sorted).
struct StaffMember {
  int64_t id = 0;
  std::string name, trade;
  std::vector<std::string> skills;
  std::vector<int64_t> building_ids;
  bool on_duty = false;
  int64_t open_orders = 0;
};

// A staff member's skills (each once) and responsible buildings, replacing the stored ones.
struct PutStaffCommand {
  std::vector<std::string> skills;
  std::vector<int64_t> building_ids;
};

// The stored skills and buildings of staff member `id`.
struct StaffSkills {
  int64_t id = 0;
  std::vector<std::string> skills;
  std::vector<int64_t> building_ids;
};

// A planned shift (instants in UTC).
struct Shift {
  int64_t id = 0, user_id = 0;
  std::string user_name;
  Millis starts_at = 0, ends_at = 0;
};

// One shift per person and date from `start` to `end` (China time; an end at or before the
// start ends the next day). `days` are the dates' China midnights.
struct NewShiftsCommand {
  int64_t project_id = 0;
  std::vector<int64_t> user_ids;
  std::vector<Millis> days;
  std::string start, end;           // "HH:MM" as entered (kept in the audit row)
  int64_t start_minutes = 0, end_minutes = 0;
};

class WorkOrderSettings {
 public:
  WorkOrderSettings(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Categories are readable by anyone who reports or handles orders (the report form);
  // residents see the active ones only.
  Result<std::vector<Category>> ListCategories(const TenantContext& ctx);
  // Company-wide settings holders only (RequireCompanyWide).
  Result<Category> CreateCategory(const TenantContext& ctx, const NewCategoryCommand& c);
  Result<Category> UpdateCategory(const TenantContext& ctx, int64_t id, const CategoryChange& c);

  Result<std::vector<SlaRule>> ListSlaRules(const TenantContext& ctx);
  Result<SlaRule> PutSlaRule(const TenantContext& ctx, const PutSlaRuleCommand& c);
  // The rules of the projects where the caller holds workorder:settings.
  Result<std::vector<DispatchRule>> ListDispatchRules(const TenantContext& ctx,
                                                      std::optional<int64_t> project_id);
  Result<DispatchRule> PutDispatchRule(const TenantContext& ctx, const PutDispatchRuleCommand& c);
  // The stored hours or the default (12345, 08:30–17:30).
  Result<BusinessHours> GetCalendar(const TenantContext& ctx, int64_t project_id);
  Result<BusinessHours> PutCalendar(const TenantContext& ctx, int64_t project_id,
                                    const PutCalendarCommand& c);
  Result<std::vector<Holiday>> ListHolidays(const TenantContext& ctx);
  Result<HolidayYear> PutHolidays(const TenantContext& ctx, const HolidayYear& c);

  // staff_settings.cc
  Result<std::vector<StaffMember>> ListStaff(const TenantContext& ctx, int64_t project_id);
  // The staff member must handle orders in a project where the caller manages settings,
  // each building be in such a project (404 WO_STAFF_NOT_FOUND otherwise).
  Result<StaffSkills> PutStaff(const TenantContext& ctx, int64_t user_id,
                               const PutStaffCommand& c);
  // Shifts overlapping the dates from … to ("YYYY-MM-DD", China time; 400 otherwise).
  Result<std::vector<Shift>> ListShifts(const TenantContext& ctx, int64_t project_id,
                                        const std::string& from, const std::string& to);
  // The number of shifts created (one overlapping a planned shift is skipped).
  Result<int64_t> CreateShifts(const TenantContext& ctx, const NewShiftsCommand& c);
  Status DeleteShift(const TenantContext& ctx, int64_t id);

  // The default tree and SLA rules of a new company (demo, `anju company add`).
  static void SeedDefaults(db::Tx& tx, int64_t company_id, Millis now);

 private:
  db::Database& db_;
  const Clock& clock_;
};

// The category tree, SLA rules and holidays are the company's: changing them needs
// workorder:settings company-wide (403 otherwise), not just for one project.
Status RequireCompanyWide(const TenantContext& ctx);
// The other settings need workorder:settings in some project (403 otherwise). Routes check
// the caller with these before reading the body, as the service does again.
Status RequireSettings(const TenantContext& ctx);

// "08:30" → 510; nullopt unless HH:MM within a day (24:00 allowed for an end).
std::optional<int64_t> ParseClock(const std::string& s);
std::string FormatClock(int64_t minutes);

}  // namespace anju::workorder
