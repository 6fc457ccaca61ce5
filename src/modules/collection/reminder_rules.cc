// Reminder rules (催缴规则) and the per-project collection setting (催收).
#include <sstream>

#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "modules/collection/collection_json.h"
#include "modules/collection/reminder_errors.h"
#include "modules/collection/reminders.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"

namespace anju::collection {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr std::string_view kRuleColumns =
    "SELECT id, project_id, name, offset_days, channels, template, active, created_at, "
    "updated_at FROM reminder_rules";
ReminderRule RuleOf(const db::Row& r) {
  ReminderRule rule;
  rule.id = r.Int(0);
  rule.project_id = r.Int(1);
  rule.name = r.Str(2);
  rule.offset_days = r.Int(3);
  std::istringstream in(r.Str(4));
  for (std::string c; in >> c;) rule.channels.push_back(c);
  rule.template_text = r.Str(5);
  rule.active = r.Int(6) != 0;
  rule.created_at = r.Int(7);
  rule.updated_at = r.Int(8);
  return rule;
}

// Channels as stored: "sms", "in_app" or "sms in_app".
std::string StoredChannels(const std::vector<std::string>& channels) {
  std::string out;
  for (const auto& c : channels) out += (out.empty() ? "" : " ") + c;
  return out;
}

Result<db::Row> VisibleRule(db::Tx& tx, const TenantContext& ctx, int64_t id,
                            std::string_view code) {
  auto r = tx.QueryOne(std::string(kRuleColumns) + " WHERE id = ? AND company_id = ?",
                       {id, ctx.company_id});
  if (!r || !ctx.access.HasIn(std::string(code), r->Int(1))) return Error(kReminderRuleNotFound);
  return std::move(*r);
}

// Runs a write; a unique violation (a name taken concurrently) becomes `on_unique`.
template <class T, class F>
Result<T> Write(db::Database& db, F&& fn) {
  try {
    return db.Run(db::TxMode::kWrite, std::forward<F>(fn));
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return Error(kReminderRuleNameTaken).WithField("name", "taken");
  }
}

}  // namespace

Status ReminderService::MayWriteReminders(const TenantContext& ctx) const {
  return identity::Require(ctx, perm::kRemindWrite);
}

Result<std::vector<ReminderRule>> ReminderService::ListRules(const TenantContext& ctx,
                                                             std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindRead));
  std::string sql = std::string(kRuleColumns) + " WHERE company_id = ?";
  db::Params params{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kRemindRead, "project_id", sql, params);
  if (project_id) sql += " AND project_id = ?", params.emplace_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<ReminderRule>> {
    std::vector<ReminderRule> items;
    for (const db::Row& r : tx.Query(sql + " ORDER BY project_id, offset_days, id", params))
      items.push_back(RuleOf(r));
    return items;
  });
}

Result<ReminderRule> ReminderService::CreateRule(const TenantContext& ctx,
                                                 const CreateRuleCommand& c) {
  ANJU_TRY(MayWriteReminders(ctx));
  return Write<ReminderRule>(db_, [&](db::Tx& tx) -> Result<ReminderRule> {
    if (!org::ProjectCode(tx, ctx.company_id, c.project_id) || !ctx.access.HasIn(std::string(perm::kRemindWrite), c.project_id))
      return Error(org::kProjectNotFound).WithField("project_id", "not_found");
    if (tx.QueryOne("SELECT 1 FROM reminder_rules WHERE project_id = ? AND name = ?",
                    {c.project_id, c.name}))
      return Error(kReminderRuleNameTaken).WithField("name", "taken");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO reminder_rules (company_id, project_id, name, offset_days, channels, "
        "template, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {ctx.company_id, c.project_id, c.name, c.offset_days, StoredChannels(c.channels), c.template_text,
         int64_t(c.active.value_or(true) ? 1 : 0), now, now});
    ReminderRule out = RuleOf(*tx.QueryOne(std::string(kRuleColumns) + " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.reminder_rule.create", "reminder_rule", id, c.project_id, nullptr,
                   RuleJson(out)},
                  now);
    return out;
  });
}

Result<ReminderRule> ReminderService::UpdateRule(const TenantContext& ctx, int64_t id,
                                                 const UpdateRuleCommand& f) {
  ANJU_TRY(MayWriteReminders(ctx));
  return Write<ReminderRule>(db_, [&](db::Tx& tx) -> Result<ReminderRule> {
    auto row = VisibleRule(tx, ctx, id, perm::kRemindWrite);
    if (!row.ok()) return row.take_error();
    json::object before = RuleJson(RuleOf(*row));
    int64_t project_id = row->Int(1);
    if (f.name && *f.name != row->Str(2) &&
        tx.QueryOne("SELECT 1 FROM reminder_rules WHERE project_id = ? AND name = ?",
                    {project_id, *f.name}))
      return Error(kReminderRuleNameTaken).WithField("name", "taken");
    Millis now = clock_.Now();
    tx.Exec("UPDATE reminder_rules SET name = ?, offset_days = ?, channels = ?, template = ?, "
            "active = ?, updated_at = ? WHERE id = ?",
            {f.name.value_or(row->Str(2)), f.offset_days.value_or(row->Int(3)),
             f.channels ? StoredChannels(*f.channels) : row->Str(4),
             f.template_text.value_or(row->Str(5)),
             int64_t(f.active.value_or(row->Int(6) != 0) ? 1 : 0), now, id});
    ReminderRule out = RuleOf(*tx.QueryOne(std::string(kRuleColumns) + " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.reminder_rule.update", "reminder_rule", id, project_id, before,
                   RuleJson(out)},
                  now);
    return out;
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
                   RuleJson(RuleOf(*row)), nullptr},
                  clock_.Now());
    return Status::Ok();
  });
}

Result<std::vector<CollectionSetting>> ReminderService::ListSettings(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindRead));
  std::string sql =
      "SELECT project_id, assign_after_days, active, updated_at, id FROM collection_settings "
      "WHERE company_id = ?";
  db::Params params{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kRemindRead, "project_id", sql, params);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<CollectionSetting>> {
    std::vector<CollectionSetting> items;
    for (const db::Row& r : tx.Query(sql + " ORDER BY project_id", params))
      items.push_back(CollectionSetting{r.Int(4), r.Int(0), r.Int(1), r.Int(2) != 0, r.Int(3)});
    return items;
  });
}

Result<CollectionSetting> ReminderService::PutSetting(const TenantContext& ctx,
                                                     const PutSettingCommand& c) {
  ANJU_TRY(MayWriteReminders(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<CollectionSetting> {
    if (!org::ProjectCode(tx, ctx.company_id, c.project_id) || !ctx.access.HasIn(std::string(perm::kRemindWrite), c.project_id))
      return Error(org::kProjectNotFound).WithField("project_id", "not_found");
    auto old = tx.QueryOne(
        "SELECT assign_after_days, active FROM collection_settings WHERE project_id = ?",
        {c.project_id});
    Millis now = clock_.Now();
    int64_t on = c.active.value_or(true) ? 1 : 0;
    tx.Exec("INSERT INTO collection_settings (company_id, project_id, assign_after_days, active, "
            "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
            "assign_after_days = excluded.assign_after_days, active = excluded.active, "
            "updated_at = excluded.updated_at",
            {ctx.company_id, c.project_id, c.assign_after_days, on, now});
    int64_t id = tx.QueryOne("SELECT id FROM collection_settings WHERE project_id = ?",
                             {c.project_id})->Int(0);
    CollectionSetting out{id, c.project_id, c.assign_after_days, on != 0, now};
    json::value before = nullptr;
    if (old)
      before = json::object{{"assign_after_days", old->Int(0)}, {"active", old->Int(1) != 0}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.collection_setting.put", "project", c.project_id, c.project_id,
                   before, SettingJson(out)},
                  now);
    return out;
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
