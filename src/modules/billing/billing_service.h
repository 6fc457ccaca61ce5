// Billing (收费管理): fee items, bill runs, bills, the cashier desk and house accounts.
//
// Contract
// - Money is int64 分 everywhere; prices are 1/100 分; the calculation rules live in calc/.
// - Every bill and every payment posts its ledger entry (ledger.h) in the same transaction
//   as the rows it writes; a bill is never edited or deleted once posted.
// - Bill runs are idempotent: one bill per house, fee item and period (a UNIQUE key); a
//   run commits in batches, so a run that dies half-way keeps the finished batches and the
//   next run of the same period adds only the missing bills.
// - A payment settles the house's open bills oldest due date first (or the bills the payer
//   picks, in that order); what is left over becomes the house's prepaid balance.
// - Payments need an Idempotency-Key (idempotency.h): the money-moving calls take an
//   IdempotentAnswer and store their caller's answer in the transaction that moves the money.
// - Services take typed commands and return typed results; the routes (billing_routes.cc)
//   parse requests into commands and shape results into replies (billing_json.h).
// - Tenant scope: staff need the billing code in the house's project; residents read their
//   own houses' bills and accounts only.
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/discounts.h"
#include "modules/billing/idempotency.h"
#include "modules/billing/ports.h"
#include "modules/billing/settle.h"
#include "modules/pay/provider.h"
#include "modules/pay/simulator.h"

namespace anju::billing {

using JsonResult = Result<boost::json::value>;

inline constexpr int64_t kBillRunBatch = 2000;  // houses per transaction
inline constexpr int64_t kMaxPaymentFen = 100'000'000'00;  // 1 亿元

struct BillFilter {
  std::optional<int64_t> project_id, house_id;
  std::string period;  // "YYYY-MM" or ""
  std::string status;  // "open" | "paid" | ""
};

// The cashier desk takes money by these (online channels come by order).
struct TakePaymentCommand {
  int64_t house_id = 0;
  int64_t amount = 0;             // 分, 1 .. kMaxPaymentFen
  std::string channel;            // kCashierChannels (settle.h)
  std::vector<int64_t> bill_ids;  // settle these first, in this order; else the company's order
  std::string note;               // ≤ 200 characters
};

// 预缴: `months` (1..36) months ahead of one fee item for a house, billed now and paid at once.
struct TakePrepaymentCommand {
  int64_t house_id = 0, fee_item_id = 0, months = 0;
  std::string channel;              // kCashierChannels
  std::optional<std::string> note;  // default "预缴 N 个月"
};

// The bills a prepayment posts (or would post: the quote), oldest first; the last
// offer->months_free of them free under a prepay offer.
struct PrepaymentPlan {
  struct Bill {
    std::string period;  // "YYYY-MM"
    int64_t amount = 0, discount = 0;
  };
  int64_t house_id = 0, fee_item_id = 0;
  std::vector<Bill> bills;
  int64_t amount = 0, discount = 0;  // sums over the bills
  std::optional<PrepayOffer> offer;
};

struct PrepaymentTaken {
  PrepaymentPlan plan;
  PaymentTaken payment;
};

// An owner (or a cashier) opens an online order for a house's bills.
struct OpenOnlineOrderCommand {
  int64_t house_id = 0;
  std::string channel;            // "wechat" | "alipay"
  std::optional<int64_t> amount;  // 分; default: what the bills (or the house) owe
  std::vector<int64_t> bill_ids;  // the bills it pays; none: whatever the house owes
};

struct OnlineOrder {
  int64_t id = 0, project_id = 0, house_id = 0;
  std::string order_no, channel;
  int64_t amount = 0;
  std::string status;  // "pending" | "paid"
  Millis created_at = 0;
  std::optional<int64_t> payment_id;
  std::optional<Millis> paid_at;
};

struct OnlineOrderOpened {
  OnlineOrder order;
  // What the payer's app needs, as the provider adapter gives it (pay/provider.h
  // CreateOrder): WeChat {"code_url"}; Alipay {"order_string", "pay_url"}.
  boost::json::value pay_params;
};

class BillingService {
 public:
  // The payment providers are the in-process simulators (pay/simulator.h) with test keys:
  // the only providers configured so far (the demo and the tests use them). They are built
  // on first use: generating their keys takes most of a second.
  // `ports`: what bill runs ask the modules above billing (ports.h); they must outlive it.
  BillingService(db::Database& db, const Clock& clock, Ports ports);
  ~BillingService();

  JsonResult ListFeeItems(const TenantContext& ctx, std::optional<int64_t> project_id);
  JsonResult CreateFeeItem(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateFeeItem(const TenantContext& ctx, int64_t id, const boost::json::object& body);

  // {project_id | project_ids | neither (= every project the caller may bill), period:
  // "YYYY-MM", dry_run}. A dry run writes nothing. One project answers its run; several
  // answer their sums and {"projects": [run…]}.
  JsonResult RunBills(const TenantContext& ctx, const boost::json::object& body);
  JsonResult ListBills(const TenantContext& ctx, const BillFilter& f, const Page& page);
  // What a house owes (open bills oldest first) and holds (prepaid balance).
  JsonResult HouseAccount(const TenantContext& ctx, int64_t house_id);

  // Whether the caller may take payments and prepayments (billing:payment:create somewhere):
  // checked before the Idempotency-Key is taken. TakePayment checks it again.
  Status MayTakePayments(const TenantContext& ctx) const;
  // Cashier desk: the payment, settled and posted (settle.h), its answer stored by `answer`
  // in the same transaction. Errors: HOUSE_NOT_FOUND (also outside the caller's projects),
  // BILL_NOT_PAYABLE, VALIDATION_FAILED for a command out of range.
  Result<PaymentTaken> TakePayment(const TenantContext& ctx, const TakePaymentCommand& cmd,
                                   const IdempotentAnswer<PaymentTaken>& answer = {});
  JsonResult ListPayments(const TenantContext& ctx, std::optional<int64_t> house_id,
                          const Page& page);

  // 预缴 (prepayments.cc): `months` months ahead of one fee item for a house, billed now and
  // paid at once (with an Idempotency-Key), the last months free under a prepay offer
  // (discounts.h). The quote is the same plan, written nowhere. Errors: HOUSE_NOT_FOUND,
  // PREPAY_NOT_APPLICABLE, BAD_QUERY_PARAMETER (quote) / VALIDATION_FAILED for months
  // outside 1..36.
  Result<PrepaymentPlan> QuotePrepayment(const TenantContext& ctx, int64_t house_id,
                                         int64_t fee_item_id, int64_t months);
  Result<PrepaymentTaken> TakePrepayment(const TenantContext& ctx,
                                         const TakePrepaymentCommand& cmd,
                                         const IdempotentAnswer<PrepaymentTaken>& answer = {});

  // Online payments. An owner (or staff with billing:payment:create) opens an order at a
  // provider for a house's bills (Idempotency-Key); the provider's notify — verified by
  // pay/ — or an order query confirms it, and then it settles exactly like the cashier
  // desk, once: a repeated notify finds the order paid and posts nothing.
  // Whether the caller may open orders (a resident, or staff with billing:payment:create):
  // checked before the Idempotency-Key is taken. CreateOnlineOrder checks it again.
  Status MayOpenOnlineOrders(const TenantContext& ctx) const;
  // The order is committed, then registered at the provider; its answer is stored after the
  // provider answered. Errors: HOUSE_NOT_FOUND, BILL_NOT_PAYABLE, NOTHING_TO_PAY,
  // PAY_PROVIDER_UNAVAILABLE (503: the order stays pending, unpaid; the key is released).
  Result<OnlineOrderOpened> CreateOnlineOrder(
      const TenantContext& ctx, const OpenOnlineOrderCommand& cmd,
      const IdempotentAnswer<OnlineOrderOpened>& answer = {});
  // Public: the provider's notify (the raw body exactly as received, headers with lower-case
  // names), answered in the provider's own format.
  pay::NotifyReply HandleNotify(const std::string& channel, const std::string& body,
                                const pay::Headers& headers);
  // The order's state; a pending order is looked up at the provider (a lost notify).
  Result<OnlineOrder> FindOnlineOrder(const TenantContext& ctx, const std::string& order_no);
  // Demo and tests: the simulator pays the order and sends its signed notify to us.
  Result<OnlineOrder> SimulatePayment(const TenantContext& ctx, const std::string& order_no);
  pay::PaySimulator& simulator();
  // The job behind lost notifies: asks the provider about every order still pending at
  // least `min_age` after it was opened (and opened less than `max_age` ago) and settles the
  // ones the provider reports paid, exactly as a notify would. Never throws for one order's
  // failure: it is counted and tried again next time.
  struct OrderSweep {
    int64_t checked = 0, settled = 0, failed = 0;
  };
  OrderSweep SweepPendingOrders(Millis min_age = 2 * kMinute, Millis max_age = 2 * kDay);

  // Seeds demo fee items for a project (property fee by area with a late-fee rule, parking
  // fixed, water metered with two tiers: code "SF") and a discount rule (shops, 2027-01..02).
  void SeedDemoFeeItems(db::Tx& tx, int64_t company_id, int64_t project_id, Millis now);

  // The adapter of an online channel ("wechat", "alipay"), or nullptr (refunds use it).
  pay::PaymentProvider* Provider(std::string_view channel);

 private:
  // One project's run (bill_runs.cc); `period` is a valid "YYYY-MM".
  JsonResult RunProjectBills(const TenantContext& ctx, int64_t project_id,
                             const std::string& period, bool dry_run);
  // Settles a confirmed order once (idempotent on the order and the provider's txn id).
  Result<OnlineOrder> ConfirmOrder(const pay::Confirmed& confirmed);
  // Loads an order the caller may see.
  Result<OnlineOrder> VisibleOrder(db::Tx& tx, const TenantContext& ctx,
                                   const std::string& order_no);

  db::Database& db_;
  const Clock& clock_;
  Ports ports_;
  std::once_flag providers_once_;
  std::unique_ptr<pay::PaySimulator> sim_;
  std::unique_ptr<pay::PaymentProvider> wechat_, alipay_;
};

}  // namespace anju::billing
