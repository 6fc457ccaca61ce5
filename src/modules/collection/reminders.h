// Reminders (催缴) and collection follow-ups (催收).
//
// Design
// Reminder rules belong to a project: a name, an offset in days from a bill's due date
// (negative = before it, 0 = on the day, positive = after), channels (sms, in_app) and a
// Chinese template with {house} {amount} {due_date} {days_overdue}. The reminder job
// (`Run`, hourly in `anju serve`, `anju jobs reminders --as-of`, POST /api/v1/reminders/run)
// does, per company:
//  1. Reminders. A rule with offset d fires for the houses with money still owed on bills
//     due on day D when the job's day lies in [D + d, D + d + kReminderWindowDays) — and,
//     for a before-due rule, before D — so a job that missed a day catches up, but a new
//     rule does not remind of bills long past its day. ONE reminder per rule, house and due
//     date: a `reminders_sent` row (UNIQUE rule_id, house_id, due_date, inserted with ON
//     CONFLICT DO NOTHING) is written in the same transaction as its messages' outbox rows
//     (notify/notifier.h), and only a row really inserted enqueues messages — so however
//     often, and wherever, the job runs, each reminder goes out once. The amount is what
//     the house owes on bills due by D, principal plus late fees. Recipients are the
//     house's owners on the job's day (property::HouseOwners): an in-app message to each
//     owner with an account, an SMS to each owner's phone.
//  2. Closing. An open collection assignment closes when its house owes nothing on bills
//     due before the day (also when the assignments are read).
//  3. Collection. With a project's setting "assign after N days overdue", each house owing
//     on a bill due N or more days ago that has no open assignment is assigned to the
//     active staff member holding billing:collect through a grant for the project (not
//     company-wide: an HQ admin holds every code) with the fewest open
//     assignments (ties: the lowest user id), once: at most one open assignment per house
//     (a partial UNIQUE index), inserted with ON CONFLICT DO NOTHING.
//  4. Delivery of the queued messages (Notifier::Deliver).
// One audit row per company and run summarises it; every API write is audited itself.
// What houses owe and since when is billing's to say: every step asks billing's public
// queries (billing/bill_queries.h: OwingDueDates, OwedDueBefore, OverdueHouses) inside its
// own transaction, and never reads `bills`. Late fees are billing's too (they post ledger
// entries and write bills).
//
// Permissions: billing:remind:read (rules, settings, every assignment in scope),
// billing:remind:write (rules, settings, reassigning, running the job for one's projects),
// billing:collect (being assigned; one's own assignments and their follow-ups).
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "platform/notify/notifier.h"

namespace anju::collection {

inline constexpr int64_t kReminderWindowDays = 7;
inline constexpr int64_t kMinOffsetDays = -60, kMaxOffsetDays = 365;

struct ReminderReport {
  int64_t reminders = 0;   // reminders_sent rows written
  int64_t messages = 0;    // outbox rows enqueued for them
  int64_t assigned = 0;    // collection assignments opened
  int64_t unassigned = 0;  // houses due for collection with nobody holding billing:collect
  int64_t closed = 0;      // assignments closed because the house paid
  notify::DeliveryReport delivery;
};

struct AssignmentFilter {
  std::optional<int64_t> project_id;
  std::string status;  // open | closed | ""
  bool mine = false;   // only the caller's own
};

// A reminder rule (催缴规则) of a project.
struct ReminderRule {
  int64_t id = 0, project_id = 0;
  std::string name;
  int64_t offset_days = 0;            // from the due date; negative = before it
  std::vector<std::string> channels;  // "sms", "in_app", in that order
  std::string template_text;          // with {house} {amount} {due_date} {days_overdue}
  bool active = true;
  Millis created_at = 0, updated_at = 0;
};

// A new rule; the reader (collection_json.h) has checked the fields, the channels (sms
// and/or in_app, stored in that order) and the template's placeholders.
struct CreateRuleCommand {
  int64_t project_id = 0;
  std::string name;
  int64_t offset_days = 0;
  std::vector<std::string> channels;
  std::string template_text;
  std::optional<bool> active;  // default true
};

// The fields of a rule to change (nullopt: keep).
struct UpdateRuleCommand {
  std::optional<std::string> name;
  std::optional<int64_t> offset_days;
  std::optional<std::vector<std::string>> channels;
  std::optional<std::string> template_text;
  std::optional<bool> active;
};

// A project's collection setting: assign a house owing on a bill due this many days ago.
struct CollectionSetting {
  int64_t id = 0, project_id = 0, assign_after_days = 0;
  bool active = true;
  Millis updated_at = 0;
};

// PUT /api/v1/collection/settings: the setting of one project (active defaults to true).
struct PutSettingCommand {
  int64_t project_id = 0, assign_after_days = 0;
  std::optional<bool> active;
};

// A collection assignment (催收) with what its house owes now on bills due before today.
struct Assignment {
  int64_t id = 0, project_id = 0, house_id = 0;
  std::string house_code;  // "" when the house is gone
  int64_t assignee_id = 0;
  std::string assignee_name;
  std::string status;  // open | closed
  std::string oldest_due_date;
  int64_t owed_at_open = 0, overdue = 0, follow_ups = 0;
  std::optional<Millis> last_follow_up_at;
  Millis opened_at = 0;
  std::optional<Millis> closed_at;
};

// A page of assignments and how many match in all.
struct AssignmentPage {
  std::vector<Assignment> items;
  int64_t total = 0;
  Page page;
};

// A follow-up (跟进记录) of an assignment.
struct FollowUp {
  int64_t id = 0, assignment_id = 0, user_id = 0;
  std::string user_name, method, outcome;  // method: call | visit | sms | other
  std::optional<std::string> promised_date;
  std::optional<int64_t> promised_amount;  // fen
  Millis created_at = 0;
};

// A follow-up to log; the reader has checked the method, outcome, date and amount.
struct AddFollowUpCommand {
  std::string method, outcome;
  std::optional<std::string> promised_date;
  std::optional<int64_t> promised_amount;
};

// What POST /api/v1/reminders/run did, for the day it ran as.
struct ReminderRun {
  std::string as_of;
  ReminderReport report;
};

// Commands come from the readers of collection_json.h; the permission a write needs is also
// offered alone (May…) so that a route checks it before the body, as the API always has.
class ReminderService {
 public:
  ReminderService(db::Database& db, const Clock& clock, const crypto::SecretKey& key,
                  notify::Notifier& notifier)
      : db_(db), clock_(clock), key_(key), notifier_(notifier) {}

  // The job (see above) for every company, or one company's projects (all when nullopt).
  ReminderReport Run(const std::string& as_of, std::optional<int64_t> company_id = std::nullopt,
                     const std::optional<std::set<int64_t>>& projects = std::nullopt);
  // Rules, settings, reassigning and running the job need billing:remind:write (FORBIDDEN).
  Status MayWriteReminders(const TenantContext& ctx) const;
  // Assignments and follow-ups need billing:remind:read or billing:collect (FORBIDDEN).
  Status MayReadCollection(const TenantContext& ctx) const;

  // POST /api/v1/reminders/run: the job for the caller's company as of `as_of` (today when
  // nullopt), in the projects where the caller holds billing:remind:write.
  Result<ReminderRun> RunNow(const TenantContext& ctx, const std::optional<std::string>& as_of);

  // The rules in the caller's reach, by project, offset and id.
  Result<std::vector<ReminderRule>> ListRules(const TenantContext& ctx,
                                              std::optional<int64_t> project_id);
  // Errors: NOT_FOUND (project_id), REMINDER_RULE_NAME_TAKEN.
  Result<ReminderRule> CreateRule(const TenantContext& ctx, const CreateRuleCommand& cmd);
  // Errors: REMINDER_RULE_NOT_FOUND, REMINDER_RULE_NAME_TAKEN.
  Result<ReminderRule> UpdateRule(const TenantContext& ctx, int64_t id,
                                  const UpdateRuleCommand& cmd);
  // Only a rule that never sent anything (REMINDER_RULE_IN_USE: deactivate it instead).
  Status DeleteRule(const TenantContext& ctx, int64_t id);

  // Per project in the caller's reach.
  Result<std::vector<CollectionSetting>> ListSettings(const TenantContext& ctx);
  // Errors: NOT_FOUND (project_id).
  Result<CollectionSetting> PutSetting(const TenantContext& ctx, const PutSettingCommand& cmd);

  // billing:remind:read sees every assignment in scope; billing:collect alone its own.
  // Houses that paid are closed first. BAD_QUERY_PARAMETER for an unknown status.
  Result<AssignmentPage> ListAssignments(const TenantContext& ctx, const AssignmentFilter& f,
                                         const Page& page);
  // An open assignment (COLLECTION_ASSIGNMENT_CLOSED) to `assignee_id`, another holder of
  // billing:collect in the project (VALIDATION_FAILED assignee_id otherwise).
  Result<Assignment> Reassign(const TenantContext& ctx, int64_t id, int64_t assignee_id);
  // Newest first.
  Result<std::vector<FollowUp>> ListFollowUps(const TenantContext& ctx, int64_t assignment_id);
  // By the assignee or a holder of billing:remind:write in the project (FORBIDDEN), on an
  // open assignment (COLLECTION_ASSIGNMENT_CLOSED).
  Result<FollowUp> AddFollowUp(const TenantContext& ctx, int64_t assignment_id,
                               const AddFollowUpCommand& cmd);

 private:
  // Step 1 of Run for one rule; adds to rep.
  void RemindByRule(const db::Row& rule, const std::string& as_of, ReminderReport& rep);
  // Step 2: closes the open assignments (of a company, or those listed) whose house owes
  // nothing due before `day`; returns how many.
  int64_t CloseSettled(int64_t company_id, const std::string& day,
                       const std::optional<std::set<int64_t>>& projects);
  // Step 3 for one project.
  void AssignProject(int64_t company_id, int64_t project_id, int64_t after_days,
                     const std::string& as_of, ReminderReport& rep);

  db::Database& db_;
  const Clock& clock_;
  const crypto::SecretKey& key_;
  notify::Notifier& notifier_;
};

// Demo data: a before-due rule (3 days before, in-app) and an after-due rule (7 days after,
// SMS and in-app) for the project, and "assign after 30 days overdue".
void SeedDemoReminders(db::Tx& tx, int64_t company_id, int64_t project_id, Millis now);

}  // namespace anju::collection
