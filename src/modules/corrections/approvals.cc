#include "modules/corrections/approvals.h"

#include "modules/corrections/correction_errors.h"
#include "platform/identity/access.h"

namespace anju::corrections {

bool AppliesAtOnce(const TenantContext& ctx, const ApprovalKind& kind, int64_t project_id,
                   int64_t amount, int64_t threshold) {
  return amount <= threshold && ctx.access.HasIn(std::string(kind.approve_code), project_id);
}

Result<PendingRequest> TakePending(db::Tx& tx, const TenantContext& ctx, const ApprovalKind& kind,
                                   int64_t id, bool second_person,
                                   std::initializer_list<std::string_view> statuses) {
  ANJU_TRY(identity::Require(ctx, kind.approve_code));
  std::string lock = tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : "";
  auto r = tx.QueryOne("SELECT id, project_id, requested_by, status FROM " +
                           std::string(kind.table) + " WHERE id = ? AND company_id = ?" + lock,
                       {id, ctx.company_id});
  if (!r || !ctx.access.HasIn(std::string(kind.approve_code), r->Int(1)))
    return Error(kind.not_found);
  PendingRequest p{r->Int(0), r->Int(1), r->Int(2), r->Str(3)};
  bool allowed = false;
  for (std::string_view s : statuses) allowed = allowed || p.status == s;
  if (!allowed) return Error(kApprovalNotPending, "The request is " + p.status + " already");
  if (second_person && p.requested_by == ctx.user_id) return Error(kApprovalSelf);
  return p;
}

void Decide(db::Tx& tx, const ApprovalKind& kind, int64_t id, std::string_view from,
            std::string_view to, const TenantContext& ctx, const std::string& note, Millis now) {
  int64_t n = tx.Exec("UPDATE " + std::string(kind.table) +
                          " SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
                          "WHERE id = ? AND status = ?",
                      {std::string(to), ctx.user_id, now, note, id, std::string(from)});
  if (n != 1)
    throw db::DbError(db::DbError::Kind::kSerialization, std::string(kind.table) + " row changed");
}

}  // namespace anju::corrections
