// The reminder job: reminders by rule, closing paid assignments, assigning collection, and
// delivering the messages (design in reminders.h).
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include <boost/json.hpp>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_queries.h"
#include "modules/collection/reminders.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/template.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"

namespace anju::collection {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

// "1234.50" (元) from 分.
std::string Yuan(int64_t fen) { return fmt::format("{}.{:02d}", fen / 100, fen % 100); }

// " AND <column> IN (…)" for a set of projects; nothing for nullopt.
void AppendProjects(const std::optional<std::set<int64_t>>& projects, std::string_view column,
                    std::string& sql, db::Params& params) {
  if (!projects) return;
  sql += " AND " + std::string(column) + " IN (NULL";
  for (int64_t p : *projects) sql += ", ?", params.emplace_back(p);
  sql += ")";
}

}  // namespace

void ReminderService::RemindByRule(const db::Row& rule, const std::string& as_of,
                                   ReminderReport& rep) {
  int64_t rule_id = rule.Int(0), company_id = rule.Int(1), project_id = rule.Int(2),
          offset = rule.Int(3);
  std::string channels = rule.Str(4), tmpl = rule.Str(5);
  // Due dates D with as_of − D in [offset, offset + window), and D after as_of for a
  // before-due rule.
  std::string first = AddDays(as_of, -(offset + kReminderWindowDays - 1));
  std::string last = AddDays(as_of, -offset);
  if (offset < 0) first = std::max(first, AddDays(as_of, 1));
  // The houses owing on bills due in the window (billing's query), less those this rule
  // reminded already of that due date.
  auto due = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    std::vector<billing::HouseDueDate> owing =
        billing::OwingDueDates(tx, company_id, project_id, first, last);
    std::set<std::pair<int64_t, std::string>> sent;
    for (auto& r : tx.Query("SELECT house_id, due_date FROM reminders_sent WHERE rule_id = ? "
                            "AND due_date >= ? AND due_date <= ?",
                            {rule_id, first, last}))
      sent.emplace(r.Int(0), r.Str(1));
    std::erase_if(owing, [&](const billing::HouseDueDate& d) {
      return sent.count({d.house_id, d.due_date}) > 0;
    });
    return owing;
  });
  bool sms = channels.find("sms") != std::string::npos;
  bool in_app = channels.find("in_app") != std::string::npos;
  for (const billing::HouseDueDate& d : due) {
    int64_t house_id = d.house_id;
    std::string due_date = d.due_date;
    Millis now = clock_.Now();
    auto [sent, messages] = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> std::pair<int, int> {
      // What the house owes on bills due by the due date (before the day after it).
      int64_t amount =
          billing::OwedDueBefore(tx, company_id, house_id, AddDays(due_date, 1));
      auto inserted = tx.Query(
          "INSERT INTO reminders_sent (company_id, project_id, rule_id, house_id, due_date, "
          "amount, as_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (rule_id, house_id, due_date) DO NOTHING RETURNING id",
          {company_id, project_id, rule_id, house_id, due_date, amount, as_of, now});
      if (inserted.empty()) return {0, 0};  // another run sent it
      int64_t reminder_id = inserted.front().Int(0);
      auto house = property::FindHouseFacts(tx, company_id, house_id);
      int64_t overdue = std::max<int64_t>(0, DaysFromCivil(as_of) - DaysFromCivil(due_date));
      std::map<std::string, std::string, std::less<>> values{
          {"house", house ? house->code : ""}, {"amount", Yuan(amount)},
          {"due_date", due_date}, {"days_overdue", std::to_string(overdue)}};
      json::object params;
      for (auto& [k, v] : values) params[k] = v;
      notify::Outgoing o;
      o.company_id = company_id;
      o.project_id = project_id;
      o.template_code = "reminder";
      o.params = params;
      o.title = overdue > 0 ? "缴费提醒（已逾期）" : "缴费提醒";
      o.text = notify::Render(tmpl, values);
      o.ref_type = "reminder";
      o.ref_id = reminder_id;
      int n = 0;
      for (const property::HouseOwner& owner :
           property::HouseOwners(tx, key_, company_id, house_id, as_of)) {
        if (in_app && owner.user_id) {
          o.channel = "in_app";
          o.user_id = owner.user_id;
          o.user_name = owner.name;
          notifier_.Enqueue(tx, o, now), ++n;
        }
        if (sms && !owner.phone.empty()) {
          o.channel = "sms";
          o.user_id.reset();
          o.phone = owner.phone;
          notifier_.Enqueue(tx, o, now), ++n;
        }
      }
      tx.Exec("UPDATE reminders_sent SET messages = ? WHERE id = ?", {int64_t(n), reminder_id});
      return {1, n};
    });
    rep.reminders += sent;
    rep.messages += messages;
  }
}

int64_t ReminderService::CloseSettled(int64_t company_id, const std::string& day,
                                      const std::optional<std::set<int64_t>>& projects) {
  std::string sql = "SELECT a.id, a.project_id, a.house_id FROM collection_assignments a WHERE "
                    "a.company_id = ? AND a.status = 'open'";
  db::Params params{company_id};
  AppendProjects(projects, "a.project_id", sql, params);
  // The open assignments whose house owes nothing due before the day (billing's query).
  db::Rows settled = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    db::Rows open = tx.Query(sql + " ORDER BY a.id", params);
    std::erase_if(open, [&](const db::Row& a) {
      return billing::OwedDueBefore(tx, company_id, a.Int(2), day) > 0;
    });
    return open;
  });
  int64_t closed = 0;
  for (const db::Row& a : settled) {
    closed += db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      Millis now = clock_.Now();
      if (tx.Exec("UPDATE collection_assignments SET status = 'closed', closed_at = ?, "
                  "updated_at = ? WHERE id = ? AND status = 'open'",
                  {now, now, a.Int(0)}) == 0)
        return 0;
      audit::Append(tx, {company_id, std::nullopt, "job:reminders", "", ""},
                    {"billing.collection.close", "collection_assignment", a.Int(0), a.Int(1),
                     json::object{{"status", "open"}},
                     json::object{{"status", "closed"}, {"house_id", a.Int(2)}, {"as_of", day}}},
                    now);
      return 1;
    });
  }
  return closed;
}

void ReminderService::AssignProject(int64_t company_id, int64_t project_id, int64_t after_days,
                                    const std::string& as_of, ReminderReport& rep) {
  std::string threshold = AddDays(as_of, -after_days);
  // Houses overdue past the threshold (billing's query) with no open assignment.
  auto houses = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    std::vector<billing::OverdueHouse> overdue =
        billing::OverdueHouses(tx, company_id, project_id, as_of);
    std::erase_if(overdue, [&](const billing::OverdueHouse& h) {
      return h.oldest_due_date > threshold ||
             tx.QueryOne("SELECT 1 FROM collection_assignments WHERE house_id = ? AND "
                         "status = 'open'",
                         {h.house_id}).has_value();
    });
    return overdue;
  });
  for (const billing::OverdueHouse& h : houses) {
    bool done = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      auto staff = identity::StaffHolding(tx, company_id, project_id, perm::kCollect);
      if (staff.empty()) return false;
      std::map<int64_t, int64_t> load;
      for (auto& r : tx.Query("SELECT assignee_id, COUNT(*) FROM collection_assignments WHERE "
                              "company_id = ? AND status = 'open' GROUP BY assignee_id",
                              {company_id}))
        load[r.Int(0)] = r.Int(1);
      const identity::StaffRef* pick = &staff.front();  // staff are in id order: ties → lowest
      for (const auto& s : staff)
        if (load[s.id] < load[pick->id]) pick = &s;
      Millis now = clock_.Now();
      auto id = tx.Query(
          "INSERT INTO collection_assignments (company_id, project_id, house_id, assignee_id, "
          "status, oldest_due_date, owed_at_open, opened_at, updated_at) VALUES "
          "(?, ?, ?, ?, 'open', ?, ?, ?, ?) ON CONFLICT (house_id) WHERE status = 'open' "
          "DO NOTHING RETURNING id",
          {company_id, project_id, h.house_id, pick->id, h.oldest_due_date, h.owed, now, now});
      if (id.empty()) return true;  // assigned meanwhile by another run
      ++rep.assigned;
      audit::Append(tx, {company_id, std::nullopt, "job:reminders", "", ""},
                    {"billing.collection.assign", "collection_assignment", id.front().Int(0),
                     project_id, nullptr,
                     json::object{{"house_id", h.house_id}, {"assignee_id", pick->id},
                                  {"owed", h.owed}, {"as_of", as_of}}},
                    now);
      return true;
    });
    if (!done) ++rep.unassigned;
  }
}

ReminderReport ReminderService::Run(const std::string& as_of, std::optional<int64_t> company_id,
                                    const std::optional<std::set<int64_t>>& projects) {
  ReminderReport rep;
  std::vector<int64_t> companies = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    std::vector<int64_t> ids = org::CompanyIds(tx);
    if (company_id) std::erase_if(ids, [&](int64_t id) { return id != *company_id; });
    return ids;
  });
  for (int64_t cid : companies) {
    ReminderReport before = rep;
    std::string rules_sql =
        "SELECT id, company_id, project_id, offset_days, channels, template FROM "
        "reminder_rules WHERE company_id = ? AND active = 1";
    db::Params rp{cid};
    AppendProjects(projects, "project_id", rules_sql, rp);
    std::string settings_sql =
        "SELECT project_id, assign_after_days FROM collection_settings WHERE company_id = ? "
        "AND active = 1";
    db::Params sp{cid};
    AppendProjects(projects, "project_id", settings_sql, sp);
    auto [rules, settings] = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return std::pair(tx.Query(rules_sql + " ORDER BY id", rp),
                       tx.Query(settings_sql + " ORDER BY project_id", sp));
    });
    for (const db::Row& rule : rules) RemindByRule(rule, as_of, rep);
    rep.closed += CloseSettled(cid, as_of, projects);
    for (const db::Row& s : settings) AssignProject(cid, s.Int(0), s.Int(1), as_of, rep);
    if (rep.reminders == before.reminders && rep.assigned == before.assigned &&
        rep.closed == before.closed && rep.unassigned == before.unassigned)
      continue;
    db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      audit::Append(tx, {cid, std::nullopt, "job:reminders", "", ""},
                    {"billing.reminder.run", "company", cid, std::nullopt, nullptr,
                     json::object{{"as_of", as_of},
                                  {"reminders", rep.reminders - before.reminders},
                                  {"messages", rep.messages - before.messages},
                                  {"assigned", rep.assigned - before.assigned},
                                  {"unassigned", rep.unassigned - before.unassigned},
                                  {"closed", rep.closed - before.closed}}},
                    clock_.Now());
    });
  }
  // Deliver what was queued (a batch at a time; failures wait for their backoff).
  for (int i = 0; i < 100; ++i) {
    notify::DeliveryReport d = notifier_.Deliver(company_id);
    rep.delivery.sent += d.sent;
    rep.delivery.retrying += d.retrying;
    rep.delivery.failed += d.failed;
    if (d.sent + d.retrying + d.failed == 0) break;
  }
  return rep;
}

Result<ReminderRun> ReminderService::RunNow(const TenantContext& ctx,
                                           const std::optional<std::string>& as_of) {
  ANJU_TRY(MayWriteReminders(ctx));
  std::string day = as_of.value_or(CivilDate(clock_.Now()));
  const Scope* scope = ctx.access.ScopeOf(std::string(perm::kRemindWrite));
  std::optional<std::set<int64_t>> projects;
  if (!scope->all_projects) projects = scope->projects;
  return ReminderRun{day, Run(day, ctx.company_id, projects)};
}

}  // namespace anju::collection
