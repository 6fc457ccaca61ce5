// The second-person rule (四眼原则) shared by adjustments and refunds.
//
// A request (an adjustment or a refund) whose amount is at or below the company's
// approval_threshold (settings.h), made by someone who holds the approve code in its
// project, is applied at once. Otherwise it is recorded 'pending' and waits for a decision
// by ANOTHER user holding the approve code in the project: approve (then it is applied) or
// reject (with a reason). The requester deciding their own request is 403
// APPROVAL_BY_REQUESTER; deciding one that is no longer pending is 409 APPROVAL_NOT_PENDING.
//
// Races: TakePending reads the row FOR UPDATE (PostgreSQL; SQLite has one writer) and
// Decide changes the status only WHERE status = 'pending' inside the same transaction as
// the application, so two approvals racing apply the request once; the other one answers
// 409. Both tables share the columns status, requested_by, decided_by, decided_at and
// decision_note (0007_adjustments.sql).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::corrections {

struct ApprovalKind {
  std::string_view table;         // "adjustments" | "refunds"
  std::string_view approve_code;  // the permission that decides
  ErrorDef not_found;
};

// Whether a request applies without waiting for a second person.
bool AppliesAtOnce(const TenantContext& ctx, const ApprovalKind& kind, int64_t project_id,
                   int64_t amount, int64_t threshold);

struct PendingRequest {
  int64_t id = 0, project_id = 0, requested_by = 0;
  std::string status;
};

// Loads the request for a decision by `ctx` inside a write transaction: 403 without the
// approve code at all, 404 outside the caller's scope, 409 unless its status is one of
// `statuses` (usually just "pending"), 403 when the caller requested it and `second_person`.
Result<PendingRequest> TakePending(db::Tx& tx, const TenantContext& ctx, const ApprovalKind& kind,
                                   int64_t id, bool second_person = true,
                                   std::initializer_list<std::string_view> statuses = {"pending"});

// Moves the request from `from` to `to`, recording the decider and note. Throws
// DbError(kSerialization) when the row is no longer in `from` (cannot happen after
// TakePending in the same transaction; it guards against a caller that skipped it).
void Decide(db::Tx& tx, const ApprovalKind& kind, int64_t id, std::string_view from,
            std::string_view to, const TenantContext& ctx, const std::string& note, Millis now);

// The decision body's reader is correction_json.h ReadDecision.

}  // namespace anju::corrections
