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

#include <boost/json.hpp>

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

class ReminderService {
 public:
  ReminderService(db::Database& db, const Clock& clock, const crypto::SecretKey& key,
                  notify::Notifier& notifier)
      : db_(db), clock_(clock), key_(key), notifier_(notifier) {}

  // The job (see above) for every company, or one company's projects (all when nullopt).
  ReminderReport Run(const std::string& as_of, std::optional<int64_t> company_id = std::nullopt,
                     const std::optional<std::set<int64_t>>& projects = std::nullopt);
  // POST /api/v1/reminders/run {as_of?}: the job for the caller's company, in the projects
  // where the caller holds billing:remind:write.
  Result<boost::json::value> RunNow(const TenantContext& ctx, const boost::json::object& body);

  Result<boost::json::value> ListRules(const TenantContext& ctx, std::optional<int64_t> project_id);
  // {project_id, name, offset_days, channels: ["sms"|"in_app"], template, active?}
  Result<boost::json::value> CreateRule(const TenantContext& ctx, const boost::json::object& body);
  // {name?, offset_days?, channels?, template?, active?}
  Result<boost::json::value> UpdateRule(const TenantContext& ctx, int64_t id,
                                        const boost::json::object& body);
  // Only a rule that never sent anything (REMINDER_RULE_IN_USE: deactivate it instead).
  Status DeleteRule(const TenantContext& ctx, int64_t id);

  // Per project: {project_id, assign_after_days, active}.
  Result<boost::json::value> ListSettings(const TenantContext& ctx);
  Result<boost::json::value> PutSetting(const TenantContext& ctx, const boost::json::object& body);

  // billing:remind:read sees every assignment in scope; billing:collect alone its own.
  Result<boost::json::value> ListAssignments(const TenantContext& ctx, const AssignmentFilter& f,
                                             const Page& page);
  // {assignee_id}: an open assignment to another holder of billing:collect in the project.
  Result<boost::json::value> Reassign(const TenantContext& ctx, int64_t id,
                                      const boost::json::object& body);
  Result<boost::json::value> ListFollowUps(const TenantContext& ctx, int64_t assignment_id);
  // {method: call|visit|sms|other, outcome, promised_date?, promised_amount?}
  Result<boost::json::value> AddFollowUp(const TenantContext& ctx, int64_t assignment_id,
                                         const boost::json::object& body);

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
