// Reminder rules (催缴规则) and the per-project collection setting (催收).
#include <sstream>

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "modules/collection/reminder_errors.h"
#include "modules/collection/reminders.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/template.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"

namespace anju::collection {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr std::string_view kRuleColumns =
    "SELECT id, project_id, name, offset_days, channels, template, active, created_at, "
    "updated_at FROM reminder_rules";
const std::set<std::string, std::less<>> kPlaceholders = {"house", "amount", "due_date",
                                                          "days_overdue"};

json::object RuleJson(const db::Row& r) {
  json::array channels;
  std::istringstream in(r.Str(4));
  for (std::string c; in >> c;) channels.emplace_back(c);
  return json::object{{"id", r.Int(0)},           {"project_id", r.Int(1)},
                      {"name", r.Str(2)},         {"offset_days", r.Int(3)},
                      {"channels", std::move(channels)}, {"template", r.Str(5)},
                      {"active", r.Int(6) != 0},  {"created_at", FormatUtc(r.Int(7))},
                      {"updated_at", FormatUtc(r.Int(8))}};
}

// The rule's fields from a body (all required on create); errors recorded in the reader.
struct RuleFields {
  std::optional<std::string> name, channels, tmpl;
  std::optional<int64_t> offset_days;
  std::optional<bool> active;
};
RuleFields ReadRule(BodyReader& r, bool create) {
  r.ReadOnly({"id", "company_id", "created_at", "updated_at"});
  if (!create) r.ReadOnly({"project_id"});
  RuleFields f;
  f.name = r.Str("name", create, 50, 1);
  f.offset_days = r.Int("offset_days", create, kMinOffsetDays, kMaxOffsetDays);
  if (const json::array* a = r.Array("channels", create, 2)) {
    std::set<std::string> seen;
    for (size_t i = 0; i < a->size(); ++i) {
      const json::value& v = (*a)[i];
      std::string field = "channels[" + std::to_string(i) + "]";
      if (!v.is_string() || (v.as_string() != "sms" && v.as_string() != "in_app"))
        r.Fail(field, "invalid", "sms or in_app");
      else if (!seen.insert(std::string(v.as_string())).second)
        r.Fail(field, "duplicate", "Listed twice");
    }
    if (a->empty()) r.Fail("channels", "required", "At least one channel");
    if (r.ok()) {
      // Stored in a fixed order: "sms", "in_app" or "sms in_app".
      f.channels = seen.count("sms") ? (seen.count("in_app") ? "sms in_app" : "sms") : "in_app";
    }
  }
  f.tmpl = r.Str("template", create, notify::kMaxTemplateChars, 1);
  if (f.tmpl) {
    if (auto bad = notify::CheckTemplate(*f.tmpl, kPlaceholders)) {
      std::string code = bad->substr(0, bad->find(':'));
      r.Fail("template", code, *bad);
    }
  }
  f.active = r.Bool("active", false);
  return f;
}

Result<db::Row> VisibleRule(db::Tx& tx, const TenantContext& ctx, int64_t id,
                            std::string_view code) {
  auto r = tx.QueryOne(std::string(kRuleColumns) + " WHERE id = ? AND company_id = ?",
                       {id, ctx.company_id});
  if (!r || !ctx.access.HasIn(std::string(code), r->Int(1))) return Error(kReminderRuleNotFound);
  return std::move(*r);
}

// Runs a write; a unique violation (a name taken concurrently) becomes `on_unique`.
template <class F>
Result<json::value> Write(db::Database& db, F&& fn) {
  try {
    return db.Run(db::TxMode::kWrite, std::forward<F>(fn));
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return Error(kReminderRuleNameTaken).WithField("name", "taken");
  }
}

}  // namespace

Result<json::value> ReminderService::ListRules(const TenantContext& ctx,
                                               std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindRead));
  std::string sql = std::string(kRuleColumns) + " WHERE company_id = ?";
  db::Params params{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kRemindRead, "project_id", sql, params);
  if (project_id) sql += " AND project_id = ?", params.emplace_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    json::array items;
    for (const db::Row& r : tx.Query(sql + " ORDER BY project_id, offset_days, id", params))
      items.push_back(RuleJson(r));
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

Result<json::value> ReminderService::CreateRule(const TenantContext& ctx,
                                                const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindWrite));
  BodyReader r(body);
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  RuleFields f = ReadRule(r, true);
  ANJU_TRY(r.Finish());
  return Write(db_, [&](db::Tx& tx) -> Result<json::value> {
    if (!org::ProjectCode(tx, ctx.company_id, *project_id) || !ctx.access.HasIn(std::string(perm::kRemindWrite), *project_id))
      return Error(org::kProjectNotFound).WithField("project_id", "not_found");
    if (tx.QueryOne("SELECT 1 FROM reminder_rules WHERE project_id = ? AND name = ?",
                    {*project_id, *f.name}))
      return Error(kReminderRuleNameTaken).WithField("name", "taken");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO reminder_rules (company_id, project_id, name, offset_days, channels, "
        "template, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {ctx.company_id, *project_id, *f.name, *f.offset_days, *f.channels, *f.tmpl,
         int64_t(f.active.value_or(true) ? 1 : 0), now, now});
    json::object out = RuleJson(*tx.QueryOne(std::string(kRuleColumns) + " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.reminder_rule.create", "reminder_rule", id, *project_id, nullptr, out},
                  now);
    return json::value(std::move(out));
  });
}

Result<json::value> ReminderService::UpdateRule(const TenantContext& ctx, int64_t id,
                                                const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindWrite));
  BodyReader r(body);
  RuleFields f = ReadRule(r, false);
  ANJU_TRY(r.Finish());
  return Write(db_, [&](db::Tx& tx) -> Result<json::value> {
    auto row = VisibleRule(tx, ctx, id, perm::kRemindWrite);
    if (!row.ok()) return row.take_error();
    json::object before = RuleJson(*row);
    int64_t project_id = row->Int(1);
    if (f.name && *f.name != row->Str(2) &&
        tx.QueryOne("SELECT 1 FROM reminder_rules WHERE project_id = ? AND name = ?",
                    {project_id, *f.name}))
      return Error(kReminderRuleNameTaken).WithField("name", "taken");
    Millis now = clock_.Now();
    tx.Exec("UPDATE reminder_rules SET name = ?, offset_days = ?, channels = ?, template = ?, "
            "active = ?, updated_at = ? WHERE id = ?",
            {f.name.value_or(row->Str(2)), f.offset_days.value_or(row->Int(3)),
             f.channels.value_or(row->Str(4)), f.tmpl.value_or(row->Str(5)),
             int64_t(f.active.value_or(row->Int(6) != 0) ? 1 : 0), now, id});
    json::object out = RuleJson(*tx.QueryOne(std::string(kRuleColumns) + " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.reminder_rule.update", "reminder_rule", id, project_id, before, out},
                  now);
    return json::value(std::move(out));
  });
}

Status ReminderService::DeleteRule(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindWrite));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto row = VisibleRule(tx, ctx, id, perm::kRemindWrite);
    if (!row.ok()) return row.take_error();
    if (tx.QueryOne("SELECT 1 FROM reminders_sent WHERE rule_id = ?", {id}))
      return Error(kReminderRuleInUse);
    tx.Exec("DELETE FROM reminder_rules WHERE id = ?", {id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.reminder_rule.delete", "reminder_rule", id, row->Int(1),
                   RuleJson(*row), nullptr},
                  clock_.Now());
    return Status::Ok();
  });
}

Result<json::value> ReminderService::ListSettings(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindRead));
  std::string sql =
      "SELECT project_id, assign_after_days, active, updated_at, id FROM collection_settings "
      "WHERE company_id = ?";
  db::Params params{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kRemindRead, "project_id", sql, params);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    json::array items;
    for (const db::Row& r : tx.Query(sql + " ORDER BY project_id", params))
      items.push_back(json::object{{"id", r.Int(4)},
                                   {"project_id", r.Int(0)},
                                   {"assign_after_days", r.Int(1)},
                                   {"active", r.Int(2) != 0},
                                   {"updated_at", FormatUtc(r.Int(3))}});
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

Result<json::value> ReminderService::PutSetting(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindWrite));
  BodyReader r(body);
  r.ReadOnly({"updated_at"});
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto days = r.Int("assign_after_days", true, 1, 3650);
  auto active = r.Bool("active", false);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    if (!org::ProjectCode(tx, ctx.company_id, *project_id) || !ctx.access.HasIn(std::string(perm::kRemindWrite), *project_id))
      return Error(org::kProjectNotFound).WithField("project_id", "not_found");
    auto old = tx.QueryOne(
        "SELECT assign_after_days, active FROM collection_settings WHERE project_id = ?",
        {*project_id});
    Millis now = clock_.Now();
    int64_t on = active.value_or(true) ? 1 : 0;
    tx.Exec("INSERT INTO collection_settings (company_id, project_id, assign_after_days, active, "
            "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
            "assign_after_days = excluded.assign_after_days, active = excluded.active, "
            "updated_at = excluded.updated_at",
            {ctx.company_id, *project_id, *days, on, now});
    int64_t id = tx.QueryOne("SELECT id FROM collection_settings WHERE project_id = ?",
                             {*project_id})->Int(0);
    json::object out{{"id", id}, {"project_id", *project_id}, {"assign_after_days", *days},
                     {"active", on != 0}, {"updated_at", FormatUtc(now)}};
    json::value before = nullptr;
    if (old)
      before = json::object{{"assign_after_days", old->Int(0)}, {"active", old->Int(1) != 0}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.collection_setting.put", "project", *project_id, *project_id,
                   before, out},
                  now);
    return json::value(std::move(out));
  });
}

void SeedDemoReminders(db::Tx& tx, int64_t company_id, int64_t project_id, Millis now) {
  const char* kRules[][4] = {
      {"到期前提醒", "-3", "in_app",
       "{house} 业主您好：您有费用 {amount} 元将于 {due_date} 到期，请及时缴纳。"},
      {"逾期催缴", "7", "sms in_app",
       "{house} 业主您好：您有费用 {amount} 元已于 {due_date} 到期，已逾期 {days_overdue} "
       "天，请尽快缴纳，以免产生滞纳金。"},
  };
  for (auto& r : kRules)
    tx.Exec("INSERT INTO reminder_rules (company_id, project_id, name, offset_days, channels, "
            "template, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
            {company_id, project_id, std::string(r[0]), int64_t(std::stoi(r[1])),
             std::string(r[2]), std::string(r[3]), now, now});
  tx.Exec("INSERT INTO collection_settings (company_id, project_id, assign_after_days, active, "
          "updated_at) VALUES (?, ?, 30, 1, ?)",
          {company_id, project_id, now});
}

}  // namespace anju::collection
