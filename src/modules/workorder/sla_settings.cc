// SLA rules, dispatch modes, business hours (营业时间) and holidays (节假日与调休).
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/settings_json.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

std::optional<int64_t> OptId(const db::Row& r, size_t i) {
  return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

Status CheckCategory(db::Tx& tx, const TenantContext& ctx, std::optional<int64_t> id) {
  if (id && !tx.QueryOne("SELECT 1 FROM wo_categories WHERE id = ? AND company_id = ?",
                         {*id, ctx.company_id}))
    return Error(kCategoryNotFound).WithField("category_id", "not_found");
  return {};
}

// 404 unless the project is the company's and the caller holds `code` in it.
Status CheckProject(db::Tx& tx, const TenantContext& ctx, int64_t project_id, std::string_view code) {
  if (!org::ProjectCode(tx, ctx.company_id, project_id) ||
      !ctx.access.HasIn(std::string(code), project_id))
    return Error(org::kProjectNotFound).WithField("project_id", "not_found");
  return {};
}

}  // namespace

Result<std::vector<SlaRule>> WorkOrderSettings::ListSlaRules(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<SlaRule>> {
    std::vector<SlaRule> items;
    for (auto& r : tx.Query("SELECT id, category_id, urgency, accept_minutes, finish_minutes, "
                            "calendar, warn_percent, manager_percent, hq_percent FROM "
                            "wo_sla_rules WHERE company_id = ? ORDER BY category_id IS NOT NULL, "
                            "category_id, urgency",
                            {ctx.company_id}))
      items.push_back(SlaRule{r.Int(0), OptId(r, 1), r.Str(2), r.Int(3), r.Int(4), r.Str(5),
                              r.Int(6), r.Int(7), r.Int(8)});
    return items;
  });
}

Result<SlaRule> WorkOrderSettings::PutSlaRule(const TenantContext& ctx,
                                              const PutSlaRuleCommand& c) {
  ANJU_TRY(RequireCompanyWide(ctx));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<SlaRule> {
    ANJU_TRY(CheckCategory(tx, ctx, c.category_id));
    db::Value cat = c.category_id ? db::Value(*c.category_id) : db::kNull;
    tx.Exec("DELETE FROM wo_sla_rules WHERE company_id = ? AND COALESCE(category_id, 0) = ? AND "
            "urgency = ?",
            {ctx.company_id, c.category_id.value_or(0), c.urgency});
    int64_t id = tx.InsertId(
        "INSERT INTO wo_sla_rules (company_id, category_id, urgency, accept_minutes, "
        "finish_minutes, calendar, warn_percent, manager_percent, hq_percent, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, cat, c.urgency, c.accept_minutes, c.finish_minutes, c.calendar,
         c.warn_percent, c.manager_percent, c.hq_percent, now});
    SlaRule out{id, c.category_id, c.urgency, c.accept_minutes, c.finish_minutes, c.calendar,
                c.warn_percent, c.manager_percent, c.hq_percent};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.sla_rule.put", "wo_sla_rule", id, std::nullopt, nullptr,
                   SlaRuleJson(out)},
                  now);
    return out;
  });
}

Result<std::vector<DispatchRule>> WorkOrderSettings::ListDispatchRules(
    const TenantContext& ctx, std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  std::string sql = "SELECT id, project_id, category_id, mode FROM wo_dispatch_rules WHERE company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kWorkOrderSettings, "project_id", sql, p);
  if (project_id) sql += " AND project_id = ?", p.push_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<DispatchRule>> {
    std::vector<DispatchRule> items;
    for (auto& r : tx.Query(sql + " ORDER BY project_id, category_id IS NOT NULL, category_id", p))
      items.push_back(DispatchRule{r.Int(0), r.Int(1), OptId(r, 2), r.Str(3)});
    return items;
  });
}

Result<DispatchRule> WorkOrderSettings::PutDispatchRule(const TenantContext& ctx,
                                                        const PutDispatchRuleCommand& c) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<DispatchRule> {
    ANJU_TRY(CheckProject(tx, ctx, c.project_id, perm::kWorkOrderSettings));
    ANJU_TRY(CheckCategory(tx, ctx, c.category_id));
    tx.Exec("DELETE FROM wo_dispatch_rules WHERE project_id = ? AND COALESCE(category_id, 0) = ?",
            {c.project_id, c.category_id.value_or(0)});
    if (c.mode == "inherit") {
      DispatchRule out{std::nullopt, c.project_id, c.category_id, "inherit"};
      audit::Append(tx, audit::Actor::Of(ctx),
                    {"workorder.dispatch_rule.delete", "wo_dispatch_rule", std::nullopt,
                     c.project_id, nullptr, DispatchRuleJson(out)},
                    now);
      return out;
    }
    int64_t id = tx.InsertId(
        "INSERT INTO wo_dispatch_rules (company_id, project_id, category_id, mode, updated_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, c.project_id, c.category_id ? db::Value(*c.category_id) : db::kNull,
         c.mode, now});
    DispatchRule out{id, c.project_id, c.category_id, c.mode};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.dispatch_rule.put", "wo_dispatch_rule", id, c.project_id, nullptr,
                   DispatchRuleJson(out)},
                  now);
    return out;
  });
}

Result<BusinessHours> WorkOrderSettings::GetCalendar(const TenantContext& ctx,
                                                     int64_t project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<BusinessHours> {
    ANJU_TRY(CheckProject(tx, ctx, project_id, perm::kWorkOrderSettings));
    auto r = tx.QueryOne("SELECT workdays, day_start, day_end FROM wo_calendars WHERE project_id = ?",
                         {project_id});
    return BusinessHours{project_id, r ? r->Str(0) : "12345", r ? r->Int(1) : 510,
                         r ? r->Int(2) : 1050};
  });
}

Result<BusinessHours> WorkOrderSettings::PutCalendar(const TenantContext& ctx, int64_t project_id,
                                                     const PutCalendarCommand& c) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<BusinessHours> {
    ANJU_TRY(CheckProject(tx, ctx, project_id, perm::kWorkOrderSettings));
    tx.Exec("DELETE FROM wo_calendars WHERE project_id = ?", {project_id});
    tx.Exec("INSERT INTO wo_calendars (project_id, company_id, workdays, day_start, day_end, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            {project_id, ctx.company_id, c.workdays, c.day_start, c.day_end, now});
    BusinessHours out{project_id, c.workdays, c.day_start, c.day_end};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.calendar.put", "project", project_id, project_id, nullptr,
                   BusinessHoursJson(out)},
                  now);
    return out;
  });
}

Result<std::vector<Holiday>> WorkOrderSettings::ListHolidays(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Holiday>> {
    std::vector<Holiday> items;
    for (auto& r : tx.Query("SELECT day, kind, name FROM wo_holidays WHERE company_id = ? ORDER BY day",
                            {ctx.company_id}))
      items.push_back(Holiday{r.Str(0), r.Str(1), r.Str(2)});
    return items;
  });
}

// Replaces the year's list (the reader checked that the days are in the year).
Result<HolidayYear> WorkOrderSettings::PutHolidays(const TenantContext& ctx, const HolidayYear& c) {
  ANJU_TRY(RequireCompanyWide(ctx));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<HolidayYear> {
    std::string y = std::to_string(c.year);
    tx.Exec("DELETE FROM wo_holidays WHERE company_id = ? AND day >= ? AND day <= ?",
            {ctx.company_id, y + "-01-01", y + "-12-31"});
    for (const Holiday& d : c.items)
      tx.Exec("INSERT INTO wo_holidays (company_id, day, kind, name) VALUES (?, ?, ?, ?)",
              {ctx.company_id, d.day, d.kind, d.name});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.holidays.put", "company", ctx.company_id, std::nullopt, nullptr,
                   HolidayYearJson(c)},
                  now);
    return c;
  });
}

}  // namespace anju::workorder
