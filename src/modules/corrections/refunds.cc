// Refunds (退款) of a house's prepaid balance, with approval; online ones through the
// provider. The design — limits, the 'processing' claim, retries — is in corrections.h.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_queries.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/counters.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settings.h"
#include "modules/billing/settle.h"
#include "modules/corrections/approvals.h"
#include "modules/corrections/correction_errors.h"
#include "modules/corrections/correction_json.h"
#include "modules/corrections/corrections.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/pay/pay_errors.h"
#include "modules/property/property_service.h"

namespace anju::corrections {

namespace json = boost::json;
namespace perm = identity::perm;
namespace ledger = billing::ledger;

namespace {

const ApprovalKind kRefunds{"refunds", perm::kRefundApprove, kRefundNotFound};

// Columns 12 and 15 are left empty here: the requester's and decider's names are
// identity's (RefundOf asks identity::UserName).
constexpr std::string_view kColumns =
    "SELECT r.id, r.project_id, r.house_id, r.payment_id, r.number, r.channel, r.amount, "
    "r.reason, r.status, r.provider_refund_id, r.failure, r.requested_by, NULL, "
    "r.requested_at, r.decided_by, NULL, r.decided_at, r.decision_note, r.refunded_at "
    "FROM refunds r";

std::optional<std::string> OptStr(const db::Row& r, int i) {
  return r.IsNull(i) ? std::nullopt : std::optional(r.Str(i));
}

// A refund with its house's code and its payment's number (billing's FindPayment).
Refund RefundOf(db::Tx& tx, int64_t company_id, const db::Row& r) {
  auto house = property::FindHouseFacts(tx, company_id, r.Int(2));
  std::optional<std::string> payment_number;
  if (!r.IsNull(3))
    if (auto p = billing::FindPayment(tx, company_id, r.Int(3))) payment_number = p->number;
  return {.id = r.Int(0),
          .project_id = r.Int(1),
          .house_id = r.Int(2),
          .house_code = house ? house->code : "",
          .payment_id = r.OptInt(3),
          .payment_number = payment_number,
          .number = r.Str(4),
          .channel = r.Str(5),
          .amount = r.Int(6),
          .reason = r.Str(7),
          .status = r.Str(8),
          .provider_refund_id = OptStr(r, 9),
          .failure = r.Str(10),
          .requested_by = r.Int(11),
          .requested_by_name = identity::UserName(tx, company_id, r.Int(11)),
          .requested_at = r.Int(13),
          .decided_by = r.OptInt(14),
          .decided_by_name = r.IsNull(14) ? std::nullopt
                                           : std::optional<std::string>(
                                                 identity::UserName(tx, company_id, r.Int(14))),
          .decided_at = r.OptInt(16),
          .decision_note = r.Str(17),
          .refunded_at = r.OptInt(18)};
}

Refund LoadRefund(db::Tx& tx, int64_t company_id, int64_t id) {
  return RefundOf(tx, company_id, *tx.QueryOne(std::string(kColumns) + " WHERE r.id = ?", {id}));
}

bool IsOnline(std::string_view channel) { return channel == "wechat" || channel == "alipay"; }

// The refund's limits now, leaving out refund `self` (0 when it is being requested): the
// house's prepaid balance less refunds still processing, and what its payment can still
// refund. The prepayment account is read FOR UPDATE on PostgreSQL.
Status CheckLimits(db::Tx& tx, int64_t company_id, int64_t house_id, int64_t amount,
                   std::optional<int64_t> payment_id, int64_t self) {
  int64_t available = -ledger::BalanceForUpdate(tx, company_id, ledger::PrepaymentOf(house_id)) -
                      ReservedRefunds(tx, house_id, self);
  if (amount > available)
    return Error(kRefundExceedsBalance, "At most " + std::to_string(std::max<int64_t>(available, 0)) +
                                            " 分 of prepaid balance can be refunded")
        .WithField("amount", "too_large", std::to_string(std::max<int64_t>(available, 0)));
  if (payment_id) {
    // The payment's amount (billing's) less what its other refunds took or hold.
    int64_t left = billing::FindPayment(tx, company_id, *payment_id)->amount -
                   tx.QueryOne("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE "
                               "payment_id = ? AND status IN ('processing', 'refunded') AND "
                               "id <> ?",
                               {*payment_id, self})->Int(0);
    if (amount > left)
      return Error(kRefundExceedsPayment,
                   "At most " + std::to_string(left) + " 分 of this payment can be refunded")
          .WithField("amount", "too_large", std::to_string(left));
  }
  return Status::Ok();
}

// Records the money leaving: the refund's ledger entry and its time (status set by caller).
void PostRefund(db::Tx& tx, int64_t id, Millis now) {
  auto r = tx.QueryOne("SELECT company_id, project_id, house_id, channel, amount, number FROM "
                       "refunds WHERE id = ?",
                       {id});
  int64_t amount = r->Int(4);
  ledger::Post(tx, {r->Int(0), r->Int(1), "refund", "refund", id, r->Str(5)},
               {{ledger::PrepaymentOf(r->Int(2)), ledger::AccountKind::kLiability, amount, 0},
                {ledger::ClearingOf(r->Str(3)), ledger::AccountKind::kAsset, 0, amount}},
               now);
  tx.Exec("UPDATE refunds SET refunded_at = ? WHERE id = ?", {now, id});
}

}  // namespace

int64_t ReservedRefunds(db::Tx& tx, int64_t house_id, int64_t except) {
  return tx.QueryOne("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE house_id = ? AND "
                     "status = 'processing' AND id <> ?",
                     {house_id, except})->Int(0);
}

int64_t CorrectionService::ReservedRefunds(db::Tx& tx, int64_t house_id) {
  return corrections::ReservedRefunds(tx, house_id, 0);
}

bool CorrectionService::BillHasAdjustments(db::Tx& tx, int64_t bill_id) {
  return tx.QueryOne("SELECT 1 FROM adjustments WHERE bill_id = ?", {bill_id}).has_value();
}

Status CorrectionService::MayRequestRefunds(const TenantContext& ctx) const {
  return identity::Require(ctx, perm::kRefundCreate);
}

Result<Refund> CorrectionService::RequestRefund(const TenantContext& ctx,
                                                const RefundCommand& b,
                                                const billing::IdempotentAnswer<Refund>& answer) {
  ANJU_TRY(MayRequestRefunds(ctx));
  if (b.amount < 1 || b.amount > billing::kMaxPaymentFen)
    return Error(errors::kValidation).WithField("amount", "out_of_range");
  Millis now = clock_.Now();
  bool online = false;
  auto result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Refund> {
    online = false;
    auto h = property::FindHouseFacts(tx, ctx.company_id, b.house_id);
    if (!h || !ctx.access.HasIn(std::string(perm::kRefundCreate), h->project_id))
      return Error(property::kHouseNotFound).WithField("house_id", "not_found");
    std::string channel = "cash";  // without a payment, the cashier pays out
    if (b.payment_id) {
      auto p = billing::FindPayment(tx, ctx.company_id, *b.payment_id);
      // (A prepaid balance applied to bills is not money that came in: not refundable.)
      if (!p || p->house_id != h->id || p->channel == billing::kPrepaymentChannel)
        return Error(kPaymentNotFound).WithField("payment_id", "not_found");
      channel = p->channel;
    }
    ANJU_TRY(CheckLimits(tx, ctx.company_id, h->id, b.amount, b.payment_id, 0));
    std::string ymd = billing::DayStamp(now);
    std::string number = fmt::format("RF{}{}{:06d}", ctx.company_id, ymd,
                                     billing::NextCounter(tx, ctx.company_id, "refund:" + ymd));
    int64_t id = tx.InsertId(
        "INSERT INTO refunds (company_id, project_id, house_id, payment_id, number, channel, "
        "amount, reason, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "'pending', ?, ?) RETURNING id",
        {ctx.company_id, h->project_id, h->id,
         b.payment_id ? db::Value(*b.payment_id) : db::kNull, number, channel, b.amount,
         b.reason, ctx.user_id, now});
    if (AppliesAtOnce(ctx, kRefunds, h->project_id, b.amount,
                      billing::LoadSettings(tx, ctx.company_id).approval_threshold)) {
      online = IsOnline(channel);
      Decide(tx, kRefunds, id, "pending", online ? "processing" : "refunded", ctx, "", now);
      if (!online) PostRefund(tx, id, now);
    }
    Refund out = LoadRefund(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.refund.request", "refund", id, h->project_id, nullptr,
                   RefundJson(out)},
                  now);
    // An online refund's answer is stored once the provider has answered.
    if (!online) answer.Store(tx, out);
    return out;
  });
  if (!result.ok() || !online) return result;
  // Claimed: from here a retry under the same key must not claim it again (approving it
  // again re-sends it).
  answer.Hold();
  return CompleteRefund(ctx, result->id);
}

Result<Refund> CorrectionService::CompleteRefund(const TenantContext& ctx, int64_t id) {
  // The refund and the online order its payment settled (billing's OrderOfPayment).
  auto [row, order] = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto r = tx.QueryOne("SELECT channel, number, amount, reason, payment_id FROM refunds "
                         "WHERE id = ?",
                         {id});
    std::optional<billing::PaidOrder> o;
    if (r && !r->IsNull(4)) o = billing::OrderOfPayment(tx, r->Int(4));
    return std::pair(r, o);
  });
  if (!row || !order) return Error(errors::kInternal, "an online refund without its order");
  pay::PaymentProvider* provider = provider_(row->Str(0));
  auto answer = provider->Refund(
      {order->order_no, row->Str(1), row->Int(2), order->amount, row->Str(3)});
  bool refused = !answer.ok() && answer.error().code == std::string(pay::kPayRefundRefused.code);
  if (!answer.ok() && !refused)  // the outcome is unknown: stays processing
    return Error(kRefundProviderDown, "Refund " + row->Str(1) + ": " + answer.error().message);
  Millis now = clock_.Now();
  auto recorded = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    std::string lock = tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : "";
    auto r = tx.QueryOne("SELECT status, project_id FROM refunds WHERE id = ?" + lock, {id});
    // Another approval carried it to the end meanwhile (the provider deduplicated).
    if (r->Str(0) != "processing") return LoadRefund(tx, ctx.company_id, id);
    Refund before = LoadRefund(tx, ctx.company_id, id);
    if (refused) {
      tx.Exec("UPDATE refunds SET status = 'failed', failure = ? WHERE id = ?",
              {answer.error().message, id});
    } else {
      tx.Exec("UPDATE refunds SET status = 'refunded', provider_refund_id = ? WHERE id = ?",
              {answer->provider_refund_id, id});
      PostRefund(tx, id, now);
    }
    Refund after = LoadRefund(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {refused ? "billing.refund.fail" : "billing.refund.complete", "refund", id,
                   r->Int(1), RefundJson(before), RefundJson(after)},
                  now);
    return after;
  });
  // A refusal is committed as 'failed' (nothing posted); the caller is told why.
  if (recorded.status == "failed")
    return Error(kRefundRefused, "The provider refused: " + recorded.failure);
  return recorded;
}

Result<Refund> CorrectionService::DecideRefund(const TenantContext& ctx, int64_t id,
                                               bool approve, const std::string& note) {
  Millis now = clock_.Now();
  bool online = false;
  auto decided = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Refund> {
    // A refund left processing (the provider did not answer) may be approved again to
    // re-send it; the second-person rule was met when it left 'pending'.
    auto p = TakePending(tx, ctx, kRefunds, id, false,
                         approve ? std::initializer_list<std::string_view>{"pending", "processing"}
                                 : std::initializer_list<std::string_view>{"pending"});
    if (!p.ok()) return p.take_error();
    if (p->status == "pending" && p->requested_by == ctx.user_id) return Error(kApprovalSelf);
    auto r = tx.QueryOne("SELECT house_id, amount, payment_id, channel FROM refunds WHERE id = ?",
                         {id});
    online = approve && IsOnline(r->Str(3));
    // Only online refunds are ever processing: CompleteRefund below re-sends it.
    if (p->status == "processing") return LoadRefund(tx, ctx.company_id, id);
    Refund before = LoadRefund(tx, ctx.company_id, id);
    if (approve) {
      ANJU_TRY(CheckLimits(tx, ctx.company_id, r->Int(0), r->Int(1),
                           r->OptInt(2), id));
    }
    Decide(tx, kRefunds, id, "pending", !approve ? "rejected" : online ? "processing" : "refunded",
           ctx, note, now);
    if (approve && !online) PostRefund(tx, id, now);
    Refund after = LoadRefund(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {approve ? "billing.refund.approve" : "billing.refund.reject", "refund", id,
                   p->project_id, RefundJson(before), RefundJson(after)},
                  now);
    return after;
  });
  if (!decided.ok() || !online) return decided;
  return CompleteRefund(ctx, id);
}

Result<CorrectionPage<Refund>> CorrectionService::ListRefunds(const TenantContext& ctx,
                                                              const CorrectionFilter& f,
                                                              const Page& page) {
  ANJU_TRY(identity::Require(ctx, perm::kPaymentRead));
  static const std::set<std::string> kStatuses = {"pending", "processing", "refunded", "rejected",
                                                  "failed"};
  if (!f.status.empty() && !kStatuses.count(f.status))
    return Error(errors::kBadQuery)
        .WithField("status", "invalid", "pending, processing, refunded, rejected or failed");
  std::string where = " WHERE r.company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kPaymentRead, "r.project_id", where, p);
  if (f.project_id) where += " AND r.project_id = ?", p.emplace_back(*f.project_id);
  if (f.house_id) where += " AND r.house_id = ?", p.emplace_back(*f.house_id);
  if (!f.status.empty()) where += " AND r.status = ?", p.emplace_back(f.status);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<CorrectionPage<Refund>> {
    CorrectionPage<Refund> out;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM refunds r" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    for (auto& r : tx.Query(std::string(kColumns) + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?",
                            q))
      out.items.push_back(RefundOf(tx, ctx.company_id, r));
    return out;
  });
}

}  // namespace anju::corrections
