// Collection (催收): assignments of overdue houses to specialists, and their follow-up log.
// Who sees what: billing:remind:read — every assignment of its projects; billing:collect —
// the caller's own assignments in the projects where the caller holds it. Others: 403 with
// neither code, 404 for a row out of reach.
#include "platform/audit/audit_log.h"
#include "modules/billing/bill_queries.h"
#include "modules/billing/billing_service.h"
#include "modules/collection/collection_json.h"
#include "modules/collection/reminder_errors.h"
#include "modules/collection/reminders.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"

namespace anju::collection {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

const std::string kAssignmentColumns =
    "SELECT a.id, a.project_id, a.house_id, a.assignee_id, a.status, a.oldest_due_date, "
    "a.owed_at_open, a.opened_at, a.closed_at, (SELECT COUNT(*) FROM collection_follow_ups f "
    "WHERE f.assignment_id = a.id), (SELECT MAX(f.created_at) FROM collection_follow_ups f "
    "WHERE f.assignment_id = a.id) FROM collection_assignments a";

// An assignment with what its house owes now on bills due before `today` (billing's query).
Assignment AssignmentOf(db::Tx& tx, int64_t company_id, const db::Row& r,
                        const std::string& today) {
  auto house = property::FindHouseFacts(tx, company_id, r.Int(2));
  Assignment a;
  a.id = r.Int(0);
  a.project_id = r.Int(1);
  a.house_id = r.Int(2);
  a.house_code = house ? house->code : "";
  a.assignee_id = r.Int(3);
  a.assignee_name = identity::UserName(tx, company_id, r.Int(3));
  a.status = r.Str(4);
  a.oldest_due_date = r.Str(5);
  a.owed_at_open = r.Int(6);
  a.overdue = billing::OwedDueBefore(tx, company_id, r.Int(2), today);
  a.follow_ups = r.Int(9);
  a.last_follow_up_at = r.OptInt(10);
  a.opened_at = r.Int(7);
  a.closed_at = r.OptInt(8);
  return a;
}

// 403 unless the caller holds billing:remind:read or billing:collect somewhere.
Status RequireCollectionRead(const TenantContext& ctx) {
  if (!ctx.IsResident() && ctx.access.Has(std::string(perm::kCollect))) return Status::Ok();
  return identity::Require(ctx, perm::kRemindRead);
}

bool Reaches(const TenantContext& ctx, const db::Row& a) {
  int64_t project = a.Int(1);
  return ctx.access.HasIn(std::string(perm::kRemindRead), project) ||
         (a.Int(3) == ctx.user_id && ctx.access.HasIn(std::string(perm::kCollect), project));
}

// The assignment if the caller reaches it.
Result<db::Row> VisibleAssignment(db::Tx& tx, const TenantContext& ctx, int64_t id) {
  auto a = tx.QueryOne(std::string(kAssignmentColumns) + " WHERE a.id = ? AND a.company_id = ?",
                       {id, ctx.company_id});
  if (!a || !Reaches(ctx, *a)) return Error(kAssignmentNotFound);
  return std::move(*a);
}

FollowUp FollowUpOf(db::Tx& tx, int64_t company_id, const db::Row& r) {
  FollowUp f;
  f.id = r.Int(0);
  f.assignment_id = r.Int(1);
  f.user_id = r.Int(2);
  f.user_name = identity::UserName(tx, company_id, r.Int(2));
  f.method = r.Str(3);
  f.outcome = r.Str(4);
  if (!r.IsNull(5)) f.promised_date = r.Str(5);
  f.promised_amount = r.OptInt(6);
  f.created_at = r.Int(7);
  return f;
}

constexpr std::string_view kFollowUpColumns =
    "SELECT id, assignment_id, user_id, method, outcome, promised_date, promised_amount, "
    "created_at FROM collection_follow_ups";

}  // namespace

Status ReminderService::MayReadCollection(const TenantContext& ctx) const {
  return RequireCollectionRead(ctx);
}

Result<AssignmentPage> ReminderService::ListAssignments(const TenantContext& ctx,
                                                        const AssignmentFilter& f,
                                                        const Page& page) {
  ANJU_TRY(RequireCollectionRead(ctx));
  if (!f.status.empty() && f.status != "open" && f.status != "closed")
    return Error(errors::kBadQuery).WithField("status", "invalid", "open or closed");
  std::string today = CivilDate(clock_.Now());
  bool all = !f.mine && ctx.access.Has(std::string(perm::kRemindRead));
  std::string where = " WHERE a.company_id = ?";
  db::Params params{ctx.company_id};
  if (all) {
    identity::AppendProjectScope(ctx, perm::kRemindRead, "a.project_id", where, params);
  } else {
    where += " AND a.assignee_id = ?";
    params.emplace_back(ctx.user_id);
    identity::AppendProjectScope(ctx, perm::kCollect, "a.project_id", where, params);
  }
  if (f.project_id) where += " AND a.project_id = ?", params.emplace_back(*f.project_id);
  // Houses that paid close on reading (the job closes the others' too).
  std::optional<std::set<int64_t>> projects;
  db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto open = tx.Query("SELECT DISTINCT a.project_id FROM collection_assignments a" + where +
                             " AND a.status = 'open'",
                         params);
    projects.emplace();
    for (auto& r : open) projects->insert(r.Int(0));
  });
  if (!projects->empty()) CloseSettled(ctx.company_id, today, projects);
  if (!f.status.empty()) where += " AND a.status = ?", params.emplace_back(f.status);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<AssignmentPage> {
    AssignmentPage out;
    out.page = page;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM collection_assignments a" + where, params)
                    ->Int(0);
    db::Params p = params;
    p.emplace_back(page.size);
    p.emplace_back(page.offset());
    for (const db::Row& r : tx.Query(std::string(kAssignmentColumns) + where +
                                         " ORDER BY CASE WHEN a.status = 'open' THEN 0 ELSE 1 "
                                         "END, a.id DESC LIMIT ? OFFSET ?",
                                     p))
      out.items.push_back(AssignmentOf(tx, ctx.company_id, r, today));
    return out;
  });
}

Result<Assignment> ReminderService::Reassign(const TenantContext& ctx, int64_t id,
                                             int64_t assignee_id) {
  ANJU_TRY(MayWriteReminders(ctx));
  std::string today = CivilDate(clock_.Now());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Assignment> {
    auto a = VisibleAssignment(tx, ctx, id);
    if (!a.ok() || !ctx.access.HasIn(std::string(perm::kRemindWrite), a->Int(1)))
      return Error(kAssignmentNotFound);
    if (a->Str(4) != "open") return Error(kAssignmentClosed);
    bool collector = false;
    for (const auto& s : identity::StaffHolding(tx, ctx.company_id, a->Int(1), perm::kCollect))
      collector = collector || s.id == assignee_id;
    if (!collector)
      return Error(errors::kValidation)
          .WithField("assignee_id", "not_collector",
                     "Must be active staff holding billing:collect in the project");
    Millis now = clock_.Now();
    tx.Exec("UPDATE collection_assignments SET assignee_id = ?, updated_at = ? WHERE id = ?",
            {assignee_id, now, id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.collection.reassign", "collection_assignment", id, a->Int(1),
                   json::object{{"assignee_id", a->Int(3)}},
                   json::object{{"assignee_id", assignee_id}}},
                  now);
    auto row = tx.QueryOne(std::string(kAssignmentColumns) + " WHERE a.id = ?", {id});
    return AssignmentOf(tx, ctx.company_id, *row, today);
  });
}

Result<std::vector<FollowUp>> ReminderService::ListFollowUps(const TenantContext& ctx,
                                                             int64_t assignment_id) {
  ANJU_TRY(RequireCollectionRead(ctx));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<FollowUp>> {
    auto a = VisibleAssignment(tx, ctx, assignment_id);
    if (!a.ok()) return a.take_error();
    std::vector<FollowUp> items;
    for (const db::Row& r : tx.Query(std::string(kFollowUpColumns) +
                                         " WHERE assignment_id = ? ORDER BY id DESC",
                                     {assignment_id}))
      items.push_back(FollowUpOf(tx, ctx.company_id, r));
    return items;
  });
}

Result<FollowUp> ReminderService::AddFollowUp(const TenantContext& ctx, int64_t assignment_id,
                                              const AddFollowUpCommand& cmd) {
  ANJU_TRY(RequireCollectionRead(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<FollowUp> {
    auto a = VisibleAssignment(tx, ctx, assignment_id);
    if (!a.ok()) return a.take_error();
    // The assignee, or a manager with billing:remind:write in the project.
    bool own = a->Int(3) == ctx.user_id;
    if (!own && !ctx.access.HasIn(std::string(perm::kRemindWrite), a->Int(1)))
      return Error(errors::kForbidden);
    if (a->Str(4) != "open") return Error(kAssignmentClosed);
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO collection_follow_ups (company_id, assignment_id, user_id, method, outcome, "
        "promised_date, promised_amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, assignment_id, ctx.user_id, cmd.method, cmd.outcome,
         cmd.promised_date ? db::Value(*cmd.promised_date) : db::kNull,
         cmd.promised_amount ? db::Value(*cmd.promised_amount) : db::kNull, now});
    FollowUp out =
        FollowUpOf(tx, ctx.company_id, *tx.QueryOne(std::string(kFollowUpColumns) +
                                                        " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.collection.follow_up", "collection_follow_up", id, a->Int(1), nullptr,
                   FollowUpJson(out)},
                  now);
    return out;
  });
}

}  // namespace anju::collection
