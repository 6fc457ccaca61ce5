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

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/discounts.h"
#include "modules/billing/fee_items.h"
#include "modules/billing/idempotency.h"
#include "modules/billing/ports.h"
#include "modules/billing/settle.h"
#include "modules/pay/provider.h"
#include "modules/pay/simulator.h"

namespace anju::billing {

inline constexpr int64_t kBillRunBatch = 2000;  // houses per transaction
inline constexpr int64_t kMaxPaymentFen = 100'000'000'00;  // 1 亿元

// A bill run asked for (billing_json.h ReadBillRun): one project, several, or neither (=
// every project the caller may bill); a dry run writes nothing.
struct BillRunCommand {
  std::optional<int64_t> project_id;
  std::vector<int64_t> project_ids;  // not with project_id
  std::string period;                // "YYYY-MM", valid
  bool dry_run = true;
};

// What one project's run billed per fee item.
struct ItemRun {
  int64_t fee_item_id = 0;
  std::string code, name;
  int64_t bills = 0, amount = 0, discount = 0, existing = 0;
};

// One project's run: the houses it went through, the bills it posted (or would post) and
// their sums, the bills that existed already, the prepaid balances it applied; run_id unless
// a dry run.
struct ProjectRun {
  int64_t project_id = 0;
  std::string period;
  bool dry_run = true;
  int64_t houses = 0, bills = 0, amount = 0, existing = 0, discount = 0, prepaid_applied = 0;
  std::vector<ItemRun> items;
  std::optional<int64_t> run_id;
};

// The answer of a run: `one_project` when the command named project_id (then the answer is
// that project's run), else the sums over `projects`, in project id order.
struct BillRunResult {
  std::string period;
  bool dry_run = true;
  bool one_project = false;
  int64_t houses = 0, bills = 0, amount = 0, existing = 0;
  std::vector<ProjectRun> projects;
};

// A bill with what it still owes (bill_sql.h): open while principal or late fee is owed.
struct Bill {
  int64_t id = 0, project_id = 0, house_id = 0, fee_item_id = 0;
  std::string fee_item_name, fee_item_code, period, number;
  int64_t quantity = 0, unit_price = 0, amount = 0, paid = 0, discount = 0, credited = 0;
  int64_t owed = 0, late_fee = 0, late_paid = 0, late_waived = 0, late_owed = 0;
  std::string due_date;
  Millis created_at = 0;
  bool open() const { return owed > 0 || late_owed > 0; }
};

// A page of bills (due date, then id) and how many the filter matches.
struct BillPage {
  std::vector<Bill> items;
  int64_t total = 0;
};

// What a house owes (its open bills, oldest due first) and holds (prepaid balance), from its
// ledger accounts.
struct HouseBalance {
  int64_t house_id = 0;
  std::string house_code;
  int64_t owed = 0, late_fees = 0, prepaid = 0;
  std::vector<Bill> open_bills;
};

// A payment as the payments list shows it.
struct PaymentRecord {
  int64_t id = 0;
  std::string number;
  int64_t house_id = 0, project_id = 0;
  std::string channel;
  int64_t amount = 0, to_prepayment = 0;
  std::string note;
  Millis created_at = 0;
};

// A page of payments, newest first, and how many there are.
struct PaymentPage {
  std::vector<PaymentRecord> items;
  int64_t total = 0;
};

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
  // CreateOrder), serialized: WeChat {"code_url"}; Alipay {"order_string", "pay_url"}.
  std::string pay_params;
};

class BillingService {
 public:
  // The payment providers are the in-process simulators (pay/simulator.h) with test keys:
  // the only providers configured so far (the demo and the tests use them). They are built
  // on first use: generating their keys takes most of a second.
  // `ports`: what bill runs ask the modules above billing (ports.h); they must outlive it.
  BillingService(db::Database& db, const Clock& clock, Ports ports);
  ~BillingService();

  // The fee items of the caller's projects (billing:fee:read), or of one of them, by
  // project and code.
  Result<std::vector<FeeItem>> ListFeeItems(const TenantContext& ctx,
                                            std::optional<int64_t> project_id);
  // CreateFeeItemIn / UpdateFeeItemIn (fee_items.h) in a transaction of their own.
  Result<FeeItem> CreateFeeItem(const TenantContext& ctx, const CreateFeeItemCommand& cmd);
  Result<FeeItem> UpdateFeeItem(const TenantContext& ctx, int64_t id,
                                const UpdateFeeItemCommand& cmd);

  // Runs the bills of the command's projects, one run each in id order. Errors: FORBIDDEN
  // (no billing:bill:run), PROJECT_NOT_FOUND (project_id / project_ids: outside the
  // caller's projects).
  Result<BillRunResult> RunBills(const TenantContext& ctx, const BillRunCommand& cmd);
  // Staff need billing:bill:read (their projects' bills); residents see their houses'.
  // Errors: BAD_QUERY_PARAMETER (period, status).
  Result<BillPage> ListBills(const TenantContext& ctx, const BillFilter& f, const Page& page);
  // What a house owes (open bills oldest first) and holds (prepaid balance). Errors:
  // FORBIDDEN, HOUSE_NOT_FOUND (also outside the caller's scope).
  Result<HouseBalance> HouseAccount(const TenantContext& ctx, int64_t house_id);

  // Whether the caller may take payments and prepayments (billing:payment:create somewhere):
  // checked before the Idempotency-Key is taken. TakePayment checks it again.
  Status MayTakePayments(const TenantContext& ctx) const;
  // Cashier desk: the payment, settled and posted (settle.h), its answer stored by `answer`
  // in the same transaction. Errors: HOUSE_NOT_FOUND (also outside the caller's projects),
  // BILL_NOT_PAYABLE, VALIDATION_FAILED for a command out of range.
  Result<PaymentTaken> TakePayment(const TenantContext& ctx, const TakePaymentCommand& cmd,
                                   const IdempotentAnswer<PaymentTaken>& answer = {});
  // Newest first; staff need billing:payment:read, residents see their houses'.
  Result<PaymentPage> ListPayments(const TenantContext& ctx, std::optional<int64_t> house_id,
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
  // fixed, water metered with two tiers: code "SF") and a discount rule (shops, the next
  // January and February).
  void SeedDemoFeeItems(db::Tx& tx, int64_t company_id, int64_t project_id, Millis now);

  // The adapter of an online channel ("wechat", "alipay"), or nullptr (refunds use it).
  pay::PaymentProvider* Provider(std::string_view channel);

 private:
  // One project's run (bill_runs.cc); `period` is a valid "YYYY-MM".
  Result<ProjectRun> RunProjectBills(const TenantContext& ctx, int64_t project_id,
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
