// Adjustments (调账): credit notes and late-fee waivers with approval. The design — what each
// kind posts and where its limit comes from — is at the top of corrections.h.
#include "platform/audit/audit_log.h"
#include "modules/billing/bill_corrections.h"
#include "modules/billing/bill_queries.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settings.h"
#include "modules/corrections/approvals.h"
#include "modules/corrections/correction_errors.h"
#include "modules/corrections/correction_json.h"
#include "modules/corrections/corrections.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"

namespace anju::corrections {

namespace perm = identity::perm;
namespace ledger = billing::ledger;

namespace {

const ApprovalKind kAdjustments{"adjustments", perm::kAdjustApprove, kAdjustmentNotFound};

// Columns 10 and 13 are left empty here: the requester's and decider's names are
// identity's (filled in by AdjustmentOf).
constexpr std::string_view kColumns =
    "SELECT a.id, a.project_id, a.house_id, a.bill_id, a.kind, a.amount, a.reason, a.status, "
    "a.to_prepayment, a.requested_by, NULL, a.requested_at, a.decided_by, NULL, "
    "a.decided_at, a.decision_note FROM adjustments a";

// An adjustment with its bill's number and period (billing's FindBill).
Adjustment AdjustmentOf(db::Tx& tx, int64_t company_id, const db::Row& r) {
  auto house = property::FindHouseFacts(tx, company_id, r.Int(2));
  auto bill = billing::FindBill(tx, company_id, r.Int(3));
  Adjustment a;
  a.id = r.Int(0);
  a.project_id = r.Int(1);
  a.house_id = r.Int(2);
  a.house_code = house ? house->code : "";
  a.bill_id = r.Int(3);
  a.bill_number = bill ? bill->number : "";
  a.period = bill ? bill->period : "";
  a.kind = r.Str(4);
  a.amount = r.Int(5);
  a.reason = r.Str(6);
  a.status = r.Str(7);
  a.to_prepayment = r.Int(8);
  a.requested_by = r.Int(9);
  a.requested_by_name = identity::UserName(tx, company_id, r.Int(9));
  a.requested_at = r.Int(11);
  if (!r.IsNull(12)) {
    a.decided_by = r.Int(12);
    a.decided_by_name = identity::UserName(tx, company_id, r.Int(12));
  }
  if (!r.IsNull(14)) a.decided_at = r.Int(14);
  a.decision_note = r.Str(15);
  return a;
}

Adjustment Load(db::Tx& tx, int64_t company_id, int64_t id) {
  return AdjustmentOf(tx, company_id,
                      *tx.QueryOne(std::string(kColumns) + " WHERE a.id = ?", {id}));
}

// A bill as a correction sees it (billing's FindBill), read FOR UPDATE on PostgreSQL.
struct BillState {
  int64_t project_id = 0, house_id = 0, fee_item_id = 0;
  int64_t open_principal = 0;  // what the house still owes on it
  int64_t creditable = 0;      // amount − credited: what a credit note may still take off
  int64_t open_late = 0;       // late_fee − late_paid − late_waived
};

std::optional<BillState> LoadBill(db::Tx& tx, int64_t company_id, int64_t bill_id) {
  auto b = billing::FindBill(tx, company_id, bill_id, /*for_update=*/true);
  if (!b) return std::nullopt;
  return BillState{b->project_id,     b->house_id,           b->fee_item_id,
                   b->open_principal, b->amount - b->credited, b->open_late};
}

int64_t Limit(const BillState& b, std::string_view kind) {
  return kind == "credit_note" ? b.creditable
         : kind == "write_off" ? b.open_principal
                               : b.open_late;
}

Error ExceedsOpen(int64_t limit) {
  return Error(kAdjustmentExceedsOpen,
               "At most " + std::to_string(limit) + " 分 can be corrected on this bill now")
      .WithField("amount", "too_large", std::to_string(limit));
}

}  // namespace

CorrectionService::CorrectionService(db::Database& db, const Clock& clock, ProviderFor provider)
    : db_(db), clock_(clock), provider_(std::move(provider)) {}

Status CorrectionService::ApplyAdjustment(db::Tx& tx, int64_t id, Millis now) {
  auto a = tx.QueryOne("SELECT company_id, bill_id, kind, amount FROM adjustments WHERE id = ?",
                       {id});
  int64_t company = a->Int(0), amount = a->Int(3);
  std::string kind = a->Str(2);
  BillState b = *LoadBill(tx, company, a->Int(1));
  if (amount > Limit(b, kind)) return ExceedsOpen(Limit(b, kind));
  std::vector<ledger::Line> lines;
  int64_t to_prepayment = 0;
  if (kind == "credit_note") {
    int64_t owed_part = std::min(amount, b.open_principal);
    to_prepayment = amount - owed_part;
    lines.push_back({ledger::CreditOf(b.fee_item_id), ledger::AccountKind::kContraIncome, amount, 0});
    if (owed_part > 0)
      lines.push_back({ledger::ReceivableOf(b.house_id), ledger::AccountKind::kAsset, 0, owed_part});
    if (to_prepayment > 0)
      lines.push_back(
          {ledger::PrepaymentOf(b.house_id), ledger::AccountKind::kLiability, 0, to_prepayment});
    billing::AddCredit(tx, company, a->Int(1), amount, to_prepayment, now);
  } else if (kind == "write_off") {
    lines.push_back({std::string(ledger::kBadDebt), ledger::AccountKind::kExpense, amount, 0});
    lines.push_back({ledger::ReceivableOf(b.house_id), ledger::AccountKind::kAsset, 0, amount});
    billing::AddCredit(tx, company, a->Int(1), amount, 0, now);
  } else {
    lines.push_back({std::string(ledger::kLateFeeWaiver), ledger::AccountKind::kContraIncome,
                     amount, 0});
    lines.push_back({ledger::LateOf(b.house_id), ledger::AccountKind::kAsset, 0, amount});
    billing::AddLateWaiver(tx, a->Int(1), amount);
  }
  tx.Exec("UPDATE adjustments SET to_prepayment = ? WHERE id = ?", {to_prepayment, id});
  ledger::Post(tx,
               {company, b.project_id, kind, "adjustment", id,
                (kind == "credit_note" ? "冲减 "
                 : kind == "write_off" ? "坏账核销 "
                                       : "滞纳金减免 ") +
                    std::to_string(id)},
               std::move(lines), now);
  return Status::Ok();
}

Status CorrectionService::MayRequestAdjustments(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kAdjustCreate);
}

Result<Adjustment> CorrectionService::RequestAdjustment(const TenantContext& ctx,
                                                        const AdjustmentCommand& cmd) {
  ANJU_TRY(MayRequestAdjustments(ctx));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Adjustment> {
    auto b = LoadBill(tx, ctx.company_id, cmd.bill_id);
    if (!b || !ctx.access.HasIn(std::string(perm::kAdjustCreate), b->project_id))
      return Error(kBillNotFound).WithField("bill_id", "not_found");
    if (cmd.amount > Limit(*b, cmd.kind)) return ExceedsOpen(Limit(*b, cmd.kind));
    bool at_once = AppliesAtOnce(ctx, kAdjustments, b->project_id, cmd.amount,
                                 billing::LoadSettings(tx, ctx.company_id).approval_threshold);
    int64_t id = tx.InsertId(
        "INSERT INTO adjustments (company_id, project_id, house_id, bill_id, kind, amount, "
        "reason, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', "
        "?, ?) RETURNING id",
        {ctx.company_id, b->project_id, b->house_id, cmd.bill_id, cmd.kind, cmd.amount,
         cmd.reason, ctx.user_id, now});
    if (at_once) {
      ANJU_TRY(ApplyAdjustment(tx, id, now));
      Decide(tx, kAdjustments, id, "pending", "applied", ctx, "", now);
    }
    Adjustment out = Load(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.adjustment.request", "adjustment", id, b->project_id, nullptr,
                   AdjustmentJson(out)},
                  now);
    return out;
  });
}

Result<Adjustment> CorrectionService::DecideAdjustment(const TenantContext& ctx, int64_t id,
                                                       bool approve, const std::string& note) {
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Adjustment> {
    auto p = TakePending(tx, ctx, kAdjustments, id);
    if (!p.ok()) return p.take_error();
    Adjustment before = Load(tx, ctx.company_id, id);
    if (approve) ANJU_TRY(ApplyAdjustment(tx, id, now));
    Decide(tx, kAdjustments, id, "pending", approve ? "applied" : "rejected", ctx, note, now);
    Adjustment after = Load(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {approve ? "billing.adjustment.approve" : "billing.adjustment.reject",
                   "adjustment", id, p->project_id, AdjustmentJson(before),
                   AdjustmentJson(after)},
                  now);
    return after;
  });
}

Result<CorrectionPage<Adjustment>> CorrectionService::ListAdjustments(const TenantContext& ctx,
                                                                      const CorrectionFilter& f,
                                                                      const Page& page) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  if (!f.status.empty() && f.status != "pending" && f.status != "applied" &&
      f.status != "rejected")
    return Error(errors::kBadQuery).WithField("status", "invalid", "pending, applied or rejected");
  std::string where = " WHERE a.company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kBillRead, "a.project_id", where, p);
  if (f.project_id) where += " AND a.project_id = ?", p.emplace_back(*f.project_id);
  if (f.house_id) where += " AND a.house_id = ?", p.emplace_back(*f.house_id);
  if (!f.status.empty()) where += " AND a.status = ?", p.emplace_back(f.status);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<CorrectionPage<Adjustment>> {
    CorrectionPage<Adjustment> out;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM adjustments a" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    for (auto& r : tx.Query(std::string(kColumns) + where + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
                            q))
      out.items.push_back(AdjustmentOf(tx, ctx.company_id, r));
    return out;
  });
}

std::map<int64_t, int64_t> CorrectedBefore(db::Tx& tx, const billing::ReportScope& scope,
                                           Millis end) {
  std::string sql = "SELECT a.project_id, SUM(CASE WHEN a.kind = 'credit_note' THEN a.amount - "
                    "a.to_prepayment ELSE a.amount END) FROM adjustments a WHERE "
                    "a.company_id = ? AND a.status = 'applied' AND a.decided_at < ?";
  db::Params p{scope.ctx.company_id, end};
  billing::AppendReportScope(scope, "a.project_id", sql, p);
  std::map<int64_t, int64_t> out;
  for (auto& r : tx.Query(sql + " GROUP BY a.project_id", p)) out[r.Int(0)] = r.Int(1);
  return out;
}

}  // namespace anju::corrections
