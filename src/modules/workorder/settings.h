// Work-order settings (工单设置), all needing workorder:settings: the company's category
// tree and SLA rules, each project's dispatch modes, business hours and the company's
// holidays, staff skills and responsible buildings, shifts (排班).
#pragma once

#include <optional>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::workorder {

using JsonResult = Result<boost::json::value>;

class WorkOrderSettings {
 public:
  WorkOrderSettings(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Categories are readable by anyone who reports or handles orders (the report form).
  JsonResult ListCategories(const TenantContext& ctx);
  JsonResult CreateCategory(const TenantContext& ctx, const boost::json::object& b);
  JsonResult UpdateCategory(const TenantContext& ctx, int64_t id, const boost::json::object& b);

  JsonResult ListSlaRules(const TenantContext& ctx);
  JsonResult PutSlaRule(const TenantContext& ctx, const boost::json::object& b);
  JsonResult ListDispatchRules(const TenantContext& ctx, std::optional<int64_t> project_id);
  JsonResult PutDispatchRule(const TenantContext& ctx, const boost::json::object& b);
  JsonResult GetCalendar(const TenantContext& ctx, int64_t project_id);
  JsonResult PutCalendar(const TenantContext& ctx, int64_t project_id, const boost::json::object& b);
  JsonResult ListHolidays(const TenantContext& ctx);
  JsonResult PutHolidays(const TenantContext& ctx, const boost::json::object& b);

  // staff_settings.cc
  JsonResult ListStaff(const TenantContext& ctx, int64_t project_id);
  JsonResult PutStaff(const TenantContext& ctx, int64_t user_id, const boost::json::object& b);
  JsonResult ListShifts(const TenantContext& ctx, int64_t project_id, const std::string& from,
                        const std::string& to);
  JsonResult CreateShifts(const TenantContext& ctx, const boost::json::object& b);
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

// "08:30" → 510; nullopt unless HH:MM within a day (24:00 allowed for an end).
std::optional<int64_t> ParseClock(const std::string& s);
std::string FormatClock(int64_t minutes);

}  // namespace anju::workorder
