// Online payments (WeChat Pay, Alipay): orders, provider notifies, order queries.
//
// An order is written before the provider is asked for it, with the amount and the bills
// it pays. A confirmation — a notify the provider adapter has verified (signature, time,
// merchant, amount) or the answer to an order query — settles the order inside one
// transaction: the order row is read FOR UPDATE (PostgreSQL; SQLite has one writer), and
// only a pending order is settled, with the provider's transaction id stored UNIQUE on the
// payment. A notify repeated or racing another one, or a query racing a notify, therefore
// posts nothing the second time and answers success.
#include <fmt/format.h>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_sql.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_json.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/counters.h"
#include "modules/billing/ledger.h"
#include "modules/pay/alipay.h"
#include "modules/pay/pay_errors.h"
#include "modules/pay/wechat_pay.h"
#include "modules/billing/settle.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"

namespace anju::billing {

namespace perm = identity::perm;

namespace {

constexpr std::string_view kOrderColumns =
    "SELECT id, company_id, project_id, house_id, order_no, channel, amount, bill_ids, status, "
    "payment_id, created_at, paid_at FROM online_orders";

OnlineOrder OrderOf(const db::Row& r) {
  return {.id = r.Int(0),
          .project_id = r.Int(2),
          .house_id = r.Int(3),
          .order_no = r.Str(4),
          .channel = r.Str(5),
          .amount = r.Int(6),
          .status = r.Str(8),
          .created_at = r.Int(10),
          .payment_id = r.OptInt(9),
          .paid_at = r.OptInt(11)};
}

std::vector<int64_t> ParseIds(const std::string& text) {
  std::vector<int64_t> ids;
  std::istringstream in(text);
  for (int64_t id; in >> id;) ids.push_back(id);
  return ids;
}

}  // namespace

BillingService::BillingService(db::Database& db, const Clock& clock, Ports ports)
    : db_(db), clock_(clock), ports_(ports) {}

BillingService::~BillingService() = default;

pay::PaySimulator& BillingService::simulator() {
  std::call_once(providers_once_, [this] {
    sim_ = std::make_unique<pay::PaySimulator>(clock_);
    auto wechat = pay::WechatPay::Create(sim_->wechat.AdapterConfig(), sim_->wechat, clock_);
    auto alipay = pay::Alipay::Create(sim_->alipay.AdapterConfig(), sim_->alipay, clock_);
    if (!wechat.ok() || !alipay.ok()) throw std::runtime_error("payment simulators do not load");
    wechat_ = std::move(wechat.value());
    alipay_ = std::move(alipay.value());
  });
  return *sim_;
}

pay::PaymentProvider* BillingService::Provider(std::string_view channel) {
  simulator();  // builds the providers on first use
  if (channel == "wechat") return wechat_.get();
  if (channel == "alipay") return alipay_.get();
  return nullptr;
}

Status BillingService::MayOpenOnlineOrders(const TenantContext& ctx) const {
  if (ctx.IsResident()) return Status::Ok();
  return identity::Require(ctx, perm::kPaymentCreate);
}

Result<OnlineOrderOpened> BillingService::CreateOnlineOrder(
    const TenantContext& ctx, const OpenOnlineOrderCommand& cmd,
    const IdempotentAnswer<OnlineOrderOpened>& answer) {
  ANJU_TRY(MayOpenOnlineOrders(ctx));
  if (cmd.channel != "wechat" && cmd.channel != "alipay")
    return Error(errors::kValidation).WithField("channel", "invalid");
  if (cmd.amount && (*cmd.amount < 1 || *cmd.amount > kMaxPaymentFen))
    return Error(errors::kValidation).WithField("amount", "out_of_range");
  Millis now = clock_.Now();
  auto order = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<OnlineOrder> {
    auto h = property::FindHouseFacts(tx, ctx.company_id, cmd.house_id);
    bool allowed = h && (ctx.IsResident() ? ctx.OwnsHouse(h->id)
                                          : ctx.access.HasIn(std::string(perm::kPaymentCreate),
                                                             h->project_id));
    if (!allowed) return Error(property::kHouseNotFound).WithField("house_id", "not_found");
    int64_t due = 0;
    std::string ids_text;
    if (cmd.bill_ids.empty()) {
      due = ledger::Balance(tx, ctx.company_id, ledger::ReceivableOf(h->id)) +
            ledger::Balance(tx, ctx.company_id, ledger::LateOf(h->id));
    } else {
      for (int64_t id : cmd.bill_ids) {
        auto b = tx.QueryOne("SELECT " + std::string(kOpenPrincipalSql) + " + " +
                                 std::string(kOpenLateSql) +
                                 " FROM bills b WHERE b.id = ? AND b.house_id = ?",
                             {id, h->id});
        if (!b || b->Int(0) <= 0)
          return Error(kBillNotPayable).WithField("bill_ids", "not_payable",
                                                  "Bill " + std::to_string(id));
        due += b->Int(0);
        ids_text += (ids_text.empty() ? "" : " ") + std::to_string(id);
      }
    }
    int64_t pay = cmd.amount.value_or(due);
    if (pay <= 0) return Error(kNothingToPay);
    std::string ymd = DayStamp(now);
    std::string order_no = fmt::format("AJ{}{}{:07d}", ctx.company_id, ymd,
                                       NextCounter(tx, ctx.company_id, "online:" + ymd));
    int64_t id = tx.InsertId(
        "INSERT INTO online_orders (company_id, project_id, house_id, order_no, channel, amount, "
        "bill_ids, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) "
        "RETURNING id",
        {ctx.company_id, h->project_id, h->id, order_no, cmd.channel, pay, ids_text, ctx.user_id,
         now});
    OnlineOrder o = OrderOf(*tx.QueryOne(std::string(kOrderColumns) + " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.online_order.create", "online_order", id, h->project_id, nullptr,
                   OnlineOrderJson(o)},
                  now);
    return o;
  });
  if (!order.ok()) return order.take_error();
  // The provider is asked outside the transaction; the caller's answer is stored after it
  // answered (IdempotentAnswer: not stored here).
  auto params = Provider(cmd.channel)->CreateOrder(
      {order->order_no, order->amount, "物业费 " + std::to_string(cmd.house_id)});
  if (!params.ok()) return Error(kProviderDown, params.error().message);
  return OnlineOrderOpened{std::move(*order), boost::json::serialize(params.value())};
}

Result<OnlineOrder> BillingService::ConfirmOrder(const pay::Confirmed& c) {
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<OnlineOrder> {
    std::string lock = tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : "";
    auto o = tx.QueryOne(std::string(kOrderColumns) + " WHERE order_no = ?" + lock, {c.order_no});
    if (!o) return Error(kUnknownOrder);
    if (o->Str(5) != c.channel || o->Int(6) != c.amount_fen) return Error(pay::kPayOrderMismatch, "The confirmation does not match the order");
    if (o->Str(8) == "paid") return OrderOf(*o);  // a repeated confirmation: nothing new
    int64_t company = o->Int(1);
    auto h = property::FindHouseFacts(tx, company, o->Int(3));
    if (!h) return Error(property::kHouseNotFound);
    SettleArgs args{company, *h, c.amount_fen, c.channel, ParseIds(o->Str(7)),
                    "online " + c.order_no, c.provider_txn_id, std::nullopt};
    auto paid = Settle(tx, args, now, &ports_.receipts);
    if (!paid.ok() && paid.error().code == std::string(kBillNotPayable.code)) {
      args.bill_ids.clear();  // a picked bill was settled meanwhile: the money still counts
      paid = Settle(tx, args, now, &ports_.receipts);
    }
    if (!paid.ok()) return paid.take_error();
    int64_t payment_id = paid->id;
    tx.Exec("UPDATE online_orders SET status = 'paid', payment_id = ?, paid_at = ? WHERE id = ?",
            {payment_id, now, o->Int(0)});
    audit::Append(tx, {company, std::nullopt, "provider:" + c.channel, "", ""},
                  {"billing.payment.create", "payment", payment_id, h->project_id, nullptr,
                   PaymentJson(*paid)},
                  now);
    return OrderOf(*tx.QueryOne(std::string(kOrderColumns) + " WHERE id = ?", {o->Int(0)}));
  });
}

pay::NotifyReply BillingService::HandleNotify(const std::string& channel,
                                              const std::string& body,
                                              const pay::Headers& headers) {
  pay::PaymentProvider* p = Provider(channel);
  auto confirmed = p->VerifyNotify(body, headers, clock_.Now());
  if (!confirmed.ok()) return p->FailureReply(confirmed.error());
  auto settled = ConfirmOrder(*confirmed);
  if (!settled.ok()) return p->FailureReply(settled.error());
  return p->SuccessReply();
}

Result<OnlineOrder> BillingService::VisibleOrder(db::Tx& tx, const TenantContext& ctx,
                                                 const std::string& order_no) {
  auto o = tx.QueryOne(std::string(kOrderColumns) + " WHERE order_no = ? AND company_id = ?",
                       {order_no, ctx.company_id});
  bool allowed = o && (ctx.IsResident() ? ctx.OwnsHouse(o->Int(3))
                                        : ctx.access.HasIn(std::string(perm::kPaymentRead),
                                                           o->Int(2)));
  if (!allowed) return Error(kUnknownOrder);
  return OrderOf(*o);
}

Result<OnlineOrder> BillingService::FindOnlineOrder(const TenantContext& ctx,
                                                    const std::string& order_no) {
  auto o = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) { return VisibleOrder(tx, ctx, order_no); });
  if (!o.ok() || o->status != "pending") return o;
  // The notify may have been lost: ask the provider.
  auto found = Provider(o->channel)->QueryOrder(order_no);
  if (found.ok() && found->has_value()) return ConfirmOrder(**found);
  return o;
}

BillingService::OrderSweep BillingService::SweepPendingOrders(Millis min_age, Millis max_age) {
  Millis now = clock_.Now();
  std::vector<std::pair<std::string, std::string>> pending;  // order_no, channel
  db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    for (auto& r : tx.Query("SELECT order_no, channel FROM online_orders WHERE status = "
                            "'pending' AND created_at <= ? AND created_at > ? ORDER BY id",
                            {now - min_age, now - max_age}))
      pending.emplace_back(r.Str(0), r.Str(1));
  });
  OrderSweep sweep;
  for (const auto& [order_no, channel] : pending) {
    ++sweep.checked;
    auto found = Provider(channel)->QueryOrder(order_no);
    if (!found.ok()) {
      ++sweep.failed;
      continue;
    }
    if (!found->has_value()) continue;  // not paid (yet)
    auto settled = ConfirmOrder(**found);
    if (settled.ok()) ++sweep.settled;
    else ++sweep.failed;
  }
  return sweep;
}

Result<OnlineOrder> BillingService::SimulatePayment(const TenantContext& ctx,
                                                    const std::string& order_no) {
  auto o = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) { return VisibleOrder(tx, ctx, order_no); });
  if (!o.ok()) return o;
  std::string channel = o->channel;
  int64_t amount = o->amount;
  // The simulator marks the order paid and signs the notify the provider would send; it goes
  // through the same verification as a real one.
  std::string body;
  pay::Headers headers;
  if (channel == "wechat") {
    pay::SimNotify n = simulator().MakeWechatNotify(order_no, amount, clock_.Now());
    body = n.body;
    headers = n.headers;
  } else {
    body = simulator().MakeAlipayNotify(order_no, amount, clock_.Now());
    headers = {{"content-type", "application/x-www-form-urlencoded"}};
  }
  pay::NotifyReply reply = HandleNotify(channel, body, headers);
  if (reply.status >= 300) return Error(pay::kPayOrderMismatch, "The simulated notify was refused");
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) { return VisibleOrder(tx, ctx, order_no); });
}

}  // namespace anju::billing
