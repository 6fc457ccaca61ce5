// Collection (催收): assignments of overdue houses to specialists, and their follow-up log.
// Who sees what: billing:remind:read — every assignment of its projects; billing:collect —
// the caller's own assignments in the projects where the caller holds it. Others: 403 with
// neither code, 404 for a row out of reach.
#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/bill_queries.h"
#include "modules/billing/billing_service.h"
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
json::object AssignmentJson(db::Tx& tx, int64_t company_id, const db::Row& r,
                            const std::string& today) {
  auto house = property::FindHouseFacts(tx, company_id, r.Int(2));
  return json::object{
      {"id", r.Int(0)},
      {"project_id", r.Int(1)},
      {"house_id", r.Int(2)},
      {"house_code", house ? house->code : ""},
      {"assignee_id", r.Int(3)},
      {"assignee_name", identity::UserName(tx, company_id, r.Int(3))},
      {"status", r.Str(4)},
      {"oldest_due_date", r.Str(5)},
      {"owed_at_open", r.Int(6)},
      {"overdue", billing::OwedDueBefore(tx, company_id, r.Int(2), today)},
      {"follow_ups", r.Int(9)},
      {"last_follow_up_at", r.IsNull(10) ? json::value(nullptr) : json::value(FormatUtc(r.Int(10)))},
      {"opened_at", FormatUtc(r.Int(7))},
      {"closed_at", r.IsNull(8) ? json::value(nullptr) : json::value(FormatUtc(r.Int(8)))}};
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

json::object FollowUpJson(db::Tx& tx, int64_t company_id, const db::Row& r) {
  return json::object{
      {"id", r.Int(0)},
      {"assignment_id", r.Int(1)},
      {"user_id", r.Int(2)},
      {"user_name", identity::UserName(tx, company_id, r.Int(2))},
      {"method", r.Str(3)},
      {"outcome", r.Str(4)},
      {"promised_date", r.IsNull(5) ? json::value(nullptr) : json::value(r.Str(5))},
      {"promised_amount", r.IsNull(6) ? json::value(nullptr) : json::value(r.Int(6))},
      {"created_at", FormatUtc(r.Int(7))}};
}

constexpr std::string_view kFollowUpColumns =
    "SELECT id, assignment_id, user_id, method, outcome, promised_date, promised_amount, "
    "created_at FROM collection_follow_ups";

}  // namespace

Result<json::value> ReminderService::ListAssignments(const TenantContext& ctx,
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    int64_t total = tx.QueryOne("SELECT COUNT(*) FROM collection_assignments a" + where, params)
                        ->Int(0);
    db::Params p = params;
    p.emplace_back(page.size);
    p.emplace_back(page.offset());
    json::array items;
    for (const db::Row& r : tx.Query(std::string(kAssignmentColumns) + where +
                                         " ORDER BY CASE WHEN a.status = 'open' THEN 0 ELSE 1 "
                                         "END, a.id DESC LIMIT ? OFFSET ?",
                                     p))
      items.push_back(AssignmentJson(tx, ctx.company_id, r, today));
    return json::value(json::object{{"items", std::move(items)}, {"total", total},
                                    {"page", page.page}, {"size", page.size}});
  });
}

Result<json::value> ReminderService::Reassign(const TenantContext& ctx, int64_t id,
                                              const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kRemindWrite));
  BodyReader r(body);
  auto assignee = r.Int("assignee_id", true, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  std::string today = CivilDate(clock_.Now());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto a = VisibleAssignment(tx, ctx, id);
    if (!a.ok() || !ctx.access.HasIn(std::string(perm::kRemindWrite), a->Int(1)))
      return Error(kAssignmentNotFound);
    if (a->Str(4) != "open") return Error(kAssignmentClosed);
    bool collector = false;
    for (const auto& s : identity::StaffHolding(tx, ctx.company_id, a->Int(1), perm::kCollect))
      collector = collector || s.id == *assignee;
    if (!collector)
      return Error(errors::kValidation)
          .WithField("assignee_id", "not_collector",
                     "Must be active staff holding billing:collect in the project");
    Millis now = clock_.Now();
    tx.Exec("UPDATE collection_assignments SET assignee_id = ?, updated_at = ? WHERE id = ?",
            {*assignee, now, id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.collection.reassign", "collection_assignment", id, a->Int(1),
                   json::object{{"assignee_id", a->Int(3)}},
                   json::object{{"assignee_id", *assignee}}},
                  now);
    auto row = tx.QueryOne(std::string(kAssignmentColumns) + " WHERE a.id = ?", {id});
    return json::value(AssignmentJson(tx, ctx.company_id, *row, today));
  });
}

Result<json::value> ReminderService::ListFollowUps(const TenantContext& ctx,
                                                   int64_t assignment_id) {
  ANJU_TRY(RequireCollectionRead(ctx));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    auto a = VisibleAssignment(tx, ctx, assignment_id);
    if (!a.ok()) return a.take_error();
    json::array items;
    for (const db::Row& r : tx.Query(std::string(kFollowUpColumns) +
                                         " WHERE assignment_id = ? ORDER BY id DESC",
                                     {assignment_id}))
      items.push_back(FollowUpJson(tx, ctx.company_id, r));
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

Result<json::value> ReminderService::AddFollowUp(const TenantContext& ctx, int64_t assignment_id,
                                                 const json::object& body) {
  ANJU_TRY(RequireCollectionRead(ctx));
  BodyReader r(body);
  r.ReadOnly({"id", "assignment_id", "user_id", "created_at"});
  auto method = r.Enum("method", true, {"call", "visit", "sms", "other"});
  auto outcome = r.Str("outcome", true, 500, 1);
  auto promised_date = r.Date("promised_date", false);
  auto promised_amount = r.Int("promised_amount", false, 1, billing::kMaxPaymentFen);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
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
        {ctx.company_id, assignment_id, ctx.user_id, *method, *outcome,
         promised_date ? db::Value(*promised_date) : db::kNull,
         promised_amount ? db::Value(*promised_amount) : db::kNull, now});
    json::object out =
        FollowUpJson(tx, ctx.company_id, *tx.QueryOne(std::string(kFollowUpColumns) +
                                                          " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.collection.follow_up", "collection_follow_up", id, a->Int(1), nullptr,
                   out},
                  now);
    return json::value(std::move(out));
  });
}

}  // namespace anju::collection
