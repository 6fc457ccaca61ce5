// SLA rules, dispatch modes, business hours (营业时间) and holidays (节假日与调休).
#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr int64_t kMaxMinutes = 60 * 24 * 60;  // 60 days

json::value OptId(const db::Row& r, size_t i) {
  return r.IsNull(i) ? json::value() : json::value(r.Int(i));
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

JsonResult WorkOrderSettings::ListSlaRules(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    json::array items;
    for (auto& r : tx.Query("SELECT id, category_id, urgency, accept_minutes, finish_minutes, "
                            "calendar, warn_percent, manager_percent, hq_percent FROM "
                            "wo_sla_rules WHERE company_id = ? ORDER BY category_id IS NOT NULL, "
                            "category_id, urgency",
                            {ctx.company_id}))
      items.push_back(json::object{{"id", r.Int(0)},          {"category_id", OptId(r, 1)},
                                   {"urgency", r.Str(2)},     {"accept_minutes", r.Int(3)},
                                   {"finish_minutes", r.Int(4)}, {"calendar", r.Str(5)},
                                   {"warn_percent", r.Int(6)}, {"manager_percent", r.Int(7)},
                                   {"hq_percent", r.Int(8)}});
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

JsonResult WorkOrderSettings::PutSlaRule(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(RequireCompanyWide(ctx));
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
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckCategory(tx, ctx, category));
    db::Value cat = category ? db::Value(*category) : db::kNull;
    tx.Exec("DELETE FROM wo_sla_rules WHERE company_id = ? AND COALESCE(category_id, 0) = ? AND "
            "urgency = ?",
            {ctx.company_id, category.value_or(0), *urgency});
    int64_t id = tx.InsertId(
        "INSERT INTO wo_sla_rules (company_id, category_id, urgency, accept_minutes, "
        "finish_minutes, calendar, warn_percent, manager_percent, hq_percent, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, cat, *urgency, *accept, *finish, *calendar, warn.value_or(80),
         manager.value_or(100), hq.value_or(200), now});
    json::object out{{"id", id},
                     {"category_id", category ? json::value(*category) : json::value()},
                     {"urgency", *urgency},      {"accept_minutes", *accept},
                     {"finish_minutes", *finish}, {"calendar", *calendar},
                     {"warn_percent", warn.value_or(80)}, {"manager_percent", manager.value_or(100)},
                     {"hq_percent", hq.value_or(200)}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.sla_rule.put", "wo_sla_rule", id, std::nullopt, nullptr, out}, now);
    return json::value(std::move(out));
  });
}

JsonResult WorkOrderSettings::ListDispatchRules(const TenantContext& ctx,
                                                std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  std::string sql = "SELECT id, project_id, category_id, mode FROM wo_dispatch_rules WHERE company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kWorkOrderSettings, "project_id", sql, p);
  if (project_id) sql += " AND project_id = ?", p.push_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    json::array items;
    for (auto& r : tx.Query(sql + " ORDER BY project_id, category_id IS NOT NULL, category_id", p))
      items.push_back(json::object{{"id", r.Int(0)}, {"project_id", r.Int(1)},
                                   {"category_id", OptId(r, 2)}, {"mode", r.Str(3)}});
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

JsonResult WorkOrderSettings::PutDispatchRule(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  BodyReader r(b);
  r.ReadOnly({"id", "company_id"});
  auto project = r.Int("project_id", true, 1, INT64_MAX);
  auto category = r.Int("category_id", false, 1, INT64_MAX);  // absent or null: the default
  // "inherit" removes a category's own rule: the project's default applies again.
  auto mode = r.Enum("mode", true, {"auto", "grab", "manual", "inherit"});
  if (mode == "inherit" && !category) r.Fail("mode", "invalid", "Only a category's rule can inherit");
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, *project, perm::kWorkOrderSettings));
    ANJU_TRY(CheckCategory(tx, ctx, category));
    tx.Exec("DELETE FROM wo_dispatch_rules WHERE project_id = ? AND COALESCE(category_id, 0) = ?",
            {*project, category.value_or(0)});
    if (*mode == "inherit") {
      json::object out{{"project_id", *project}, {"category_id", *category}, {"mode", "inherit"}};
      audit::Append(tx, audit::Actor::Of(ctx),
                    {"workorder.dispatch_rule.delete", "wo_dispatch_rule", std::nullopt, *project,
                     nullptr, out},
                    now);
      return json::value(std::move(out));
    }
    int64_t id = tx.InsertId(
        "INSERT INTO wo_dispatch_rules (company_id, project_id, category_id, mode, updated_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, *project, category ? db::Value(*category) : db::kNull, *mode, now});
    json::object out{{"id", id}, {"project_id", *project},
                     {"category_id", category ? json::value(*category) : json::value()},
                     {"mode", *mode}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.dispatch_rule.put", "wo_dispatch_rule", id, *project, nullptr, out}, now);
    return json::value(std::move(out));
  });
}

JsonResult WorkOrderSettings::GetCalendar(const TenantContext& ctx, int64_t project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, project_id, perm::kWorkOrderSettings));
    auto r = tx.QueryOne("SELECT workdays, day_start, day_end FROM wo_calendars WHERE project_id = ?",
                         {project_id});
    return json::value(json::object{{"project_id", project_id},
                                    {"workdays", r ? r->Str(0) : "12345"},
                                    {"day_start", FormatClock(r ? r->Int(1) : 510)},
                                    {"day_end", FormatClock(r ? r->Int(2) : 1050)}});
  });
}

JsonResult WorkOrderSettings::PutCalendar(const TenantContext& ctx, int64_t project_id,
                                          const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
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
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, project_id, perm::kWorkOrderSettings));
    tx.Exec("DELETE FROM wo_calendars WHERE project_id = ?", {project_id});
    tx.Exec("INSERT INTO wo_calendars (project_id, company_id, workdays, day_start, day_end, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            {project_id, ctx.company_id, days, *s, *e, now});
    json::object out{{"project_id", project_id}, {"workdays", days},
                     {"day_start", FormatClock(*s)}, {"day_end", FormatClock(*e)}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.calendar.put", "project", project_id, project_id, nullptr, out}, now);
    return json::value(std::move(out));
  });
}

JsonResult WorkOrderSettings::ListHolidays(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    json::array items;
    for (auto& r : tx.Query("SELECT day, kind, name FROM wo_holidays WHERE company_id = ? ORDER BY day",
                            {ctx.company_id}))
      items.push_back(json::object{{"day", r.Str(0)}, {"kind", r.Str(1)}, {"name", r.Str(2)}});
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

// {year, items: [{day, kind, name}]} replaces the year's list (days must be in the year).
JsonResult WorkOrderSettings::PutHolidays(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(RequireCompanyWide(ctx));
  BodyReader r(b);
  auto year = r.Int("year", true, 2000, 2100);
  struct Day { std::string day, kind, name; };
  std::vector<Day> days;
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
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    std::string y = std::to_string(*year);
    tx.Exec("DELETE FROM wo_holidays WHERE company_id = ? AND day >= ? AND day <= ?",
            {ctx.company_id, y + "-01-01", y + "-12-31"});
    json::array items;
    for (auto& d : days) {
      tx.Exec("INSERT INTO wo_holidays (company_id, day, kind, name) VALUES (?, ?, ?, ?)",
              {ctx.company_id, d.day, d.kind, d.name});
      items.push_back(json::object{{"day", d.day}, {"kind", d.kind}, {"name", d.name}});
    }
    json::object out{{"year", *year}, {"items", std::move(items)}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.holidays.put", "company", ctx.company_id, std::nullopt, nullptr, out}, now);
    return json::value(std::move(out));
  });
}

}  // namespace anju::workorder
