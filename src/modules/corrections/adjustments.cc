// Adjustments (调账): credit notes and late-fee waivers with approval. The design — what each
// kind posts and where its limit comes from — is at the top of corrections.h.
#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/bill_corrections.h"
#include "modules/billing/bill_queries.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settings.h"
#include "modules/corrections/approvals.h"
#include "modules/corrections/correction_errors.h"
#include "modules/corrections/corrections.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"

namespace anju::corrections {

namespace json = boost::json;
namespace perm = identity::perm;
namespace ledger = billing::ledger;

namespace {

const ApprovalKind kAdjustments{"adjustments", perm::kAdjustApprove, kAdjustmentNotFound};

// Columns 10 and 13 are left empty here: the requester's and decider's names are
// identity's (filled in by AdjustmentJson).
constexpr std::string_view kColumns =
    "SELECT a.id, a.project_id, a.house_id, a.bill_id, a.kind, a.amount, a.reason, a.status, "
    "a.to_prepayment, a.requested_by, NULL, a.requested_at, a.decided_by, NULL, "
    "a.decided_at, a.decision_note FROM adjustments a";

json::value OptInt(const db::Row& r, int i) {
  return r.IsNull(i) ? json::value(nullptr) : json::value(r.Int(i));
}

// An adjustment with its bill's number and period (billing's FindBill).
json::object AdjustmentJson(db::Tx& tx, int64_t company_id, const db::Row& r) {
  auto house = property::FindHouseFacts(tx, company_id, r.Int(2));
  auto bill = billing::FindBill(tx, company_id, r.Int(3));
  return {{"id", r.Int(0)},
          {"project_id", r.Int(1)},
          {"house_id", r.Int(2)},
          {"house_code", house ? house->code : ""},
          {"bill_id", r.Int(3)},
          {"bill_number", bill ? bill->number : ""},
          {"period", bill ? bill->period : ""},
          {"kind", r.Str(4)},
          {"amount", r.Int(5)},
          {"reason", r.Str(6)},
          {"status", r.Str(7)},
          {"to_prepayment", r.Int(8)},
          {"requested_by", r.Int(9)},
          {"requested_by_name", identity::UserName(tx, company_id, r.Int(9))},
          {"requested_at", FormatUtc(r.Int(11))},
          {"decided_by", OptInt(r, 12)},
          {"decided_by_name", r.IsNull(12)
                                  ? json::value(nullptr)
                                  : json::value(identity::UserName(tx, company_id, r.Int(12)))},
          {"decided_at", r.IsNull(14) ? json::value(nullptr) : json::value(FormatUtc(r.Int(14)))},
          {"decision_note", r.Str(15)}};
}

json::object LoadJson(db::Tx& tx, int64_t company_id, int64_t id) {
  return AdjustmentJson(tx, company_id,
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

Result<json::value> CorrectionService::RequestAdjustment(const TenantContext& ctx,
                                                         const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kAdjustCreate));
  BodyReader r(body);
  r.ReadOnly({"id", "status", "company_id", "project_id", "house_id", "to_prepayment",
              "requested_by", "decided_by"});
  auto bill_id = r.Int("bill_id", true, 1, INT64_MAX);
  auto kind = r.Enum("kind", true, {"credit_note", "write_off", "late_fee_waiver"});
  auto amount = r.Int("amount", true, 1, billing::kMaxPaymentFen);
  auto reason = r.Str("reason", true, 200, 2);
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto b = LoadBill(tx, ctx.company_id, *bill_id);
    if (!b || !ctx.access.HasIn(std::string(perm::kAdjustCreate), b->project_id))
      return Error(kBillNotFound).WithField("bill_id", "not_found");
    if (*amount > Limit(*b, *kind)) return ExceedsOpen(Limit(*b, *kind));
    bool at_once = AppliesAtOnce(ctx, kAdjustments, b->project_id, *amount,
                                 billing::LoadSettings(tx, ctx.company_id).approval_threshold);
    int64_t id = tx.InsertId(
        "INSERT INTO adjustments (company_id, project_id, house_id, bill_id, kind, amount, "
        "reason, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', "
        "?, ?) RETURNING id",
        {ctx.company_id, b->project_id, b->house_id, *bill_id, *kind, *amount, *reason,
         ctx.user_id, now});
    if (at_once) {
      ANJU_TRY(ApplyAdjustment(tx, id, now));
      Decide(tx, kAdjustments, id, "pending", "applied", ctx, "", now);
    }
    json::object out = LoadJson(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.adjustment.request", "adjustment", id, b->project_id, nullptr, out},
                  now);
    return json::value(std::move(out));
  });
}

Result<json::value> CorrectionService::DecideAdjustment(const TenantContext& ctx, int64_t id,
                                                        bool approve, const json::object& body) {
  auto note = ReadDecision(body, approve);
  if (!note.ok()) return note.take_error();
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto p = TakePending(tx, ctx, kAdjustments, id);
    if (!p.ok()) return p.take_error();
    json::object before = LoadJson(tx, ctx.company_id, id);
    if (approve) ANJU_TRY(ApplyAdjustment(tx, id, now));
    Decide(tx, kAdjustments, id, "pending", approve ? "applied" : "rejected", ctx, *note, now);
    json::object after = LoadJson(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {approve ? "billing.adjustment.approve" : "billing.adjustment.reject",
                   "adjustment", id, p->project_id, before, after},
                  now);
    return json::value(std::move(after));
  });
}

Result<json::value> CorrectionService::ListAdjustments(const TenantContext& ctx,
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    int64_t total = tx.QueryOne("SELECT COUNT(*) FROM adjustments a" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    json::array items;
    for (auto& r : tx.Query(std::string(kColumns) + where + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
                            q))
      items.push_back(AdjustmentJson(tx, ctx.company_id, r));
    return json::value(json::object{
        {"items", std::move(items)}, {"total", total}, {"page", page.page}, {"size", page.size}});
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
