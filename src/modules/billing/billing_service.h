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
// - Payments need an Idempotency-Key (idempotency.h).
// - Tenant scope: staff need the billing code in the house's project; residents read their
//   own houses' bills and accounts only.
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "http/reply.h"
#include "modules/billing/idempotency.h"
#include "modules/billing/ports.h"
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

struct ArrearsQuery {
  std::optional<int64_t> project_id;
  std::string group = "house";  // project | building | house
  std::string as_of;            // "YYYY-MM-DD"
};

class BillingService {
 public:
  // The payment providers are the in-process simulators (pay/simulator.h) with test keys:
  // the only providers configured so far (the demo and the tests use them). They are built
  // on first use: generating their keys takes most of a second.
  // `ports`: what bill runs ask the modules above billing (ports.h); they must outlive it.
  BillingService(db::Database& db, const Clock& clock, Ports ports);
  // Today's civil date in China time, by the service's clock.
  std::string Today() const { return CivilDate(clock_.Now()); }
  ~BillingService();

  JsonResult ListFeeItems(const TenantContext& ctx, std::optional<int64_t> project_id);
  JsonResult CreateFeeItem(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateFeeItem(const TenantContext& ctx, int64_t id, const boost::json::object& body);

  // {project_id | project_ids | neither (= every project the caller may bill), period:
  // "YYYY-MM", dry_run}. A dry run writes nothing. One project answers its run; several
  // answer their sums and {"projects": [run…]}.
  JsonResult RunBills(const TenantContext& ctx, const boost::json::object& body);
  JsonResult ListBills(const TenantContext& ctx, const BillFilter& f, const http::Page& page);
  // What a house owes (open bills oldest first) and holds (prepaid balance).
  JsonResult HouseAccount(const TenantContext& ctx, int64_t house_id);

  // Arrears (欠费) on a day with aging buckets, grouped by project, building or house.
  JsonResult Arrears(const TenantContext& ctx, const ArrearsQuery& q, const http::Page& page);

  // 应收 / 实收 / 欠收, 当期收缴率 and 清欠率 per project and month ("YYYY-MM" .. "YYYY-MM").
  JsonResult CollectionReport(const TenantContext& ctx, const std::string& from,
                              const std::string& to, std::optional<int64_t> project_id);

  // Cashier desk: {house_id, amount, channel, bill_ids?, note?}, with the request's
  // Idempotency-Key and raw body for the replay check. Returns the HTTP status and body.
  http::Response TakePayment(const TenantContext& ctx, const http::Request& req);
  JsonResult ListPayments(const TenantContext& ctx, std::optional<int64_t> house_id,
                          const http::Page& page);

  // 预缴 (prepayments.cc): `months` months ahead of one fee item for a house, billed now and
  // paid at once ({house_id, fee_item_id, months, channel, note?} with an Idempotency-Key),
  // the last months free under a prepay offer (discounts.h). The quote is the same plan,
  // written nowhere.
  JsonResult QuotePrepayment(const TenantContext& ctx, int64_t house_id, int64_t fee_item_id,
                             int64_t months);
  http::Response TakePrepayment(const TenantContext& ctx, const http::Request& req);

  // Online payments. An owner (or staff with billing:payment:create) opens an order at a
  // provider for a house's bills (Idempotency-Key); the provider's notify — verified by
  // pay/ — or an order query confirms it, and then it settles exactly like the cashier
  // desk, once: a repeated notify finds the order paid and posts nothing.
  http::Response CreateOnlineOrder(const TenantContext& ctx, const http::Request& req);
  // Public: the provider's notify, answered in the provider's own format.
  http::Response HandleNotify(const std::string& channel, const http::Request& req);
  // The order's state; a pending order is looked up at the provider (a lost notify).
  JsonResult OnlineOrder(const TenantContext& ctx, const std::string& order_no);
  // Demo and tests: the simulator pays the order and sends its signed notify to us.
  JsonResult SimulatePayment(const TenantContext& ctx, const std::string& order_no);
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
  Result<boost::json::object> ConfirmOrder(const pay::Confirmed& confirmed);
  // Loads an order the caller may see, as JSON with "channel", "status", "amount"…
  JsonResult VisibleOrder(db::Tx& tx, const TenantContext& ctx, const std::string& order_no);

  db::Database& db_;
  const Clock& clock_;
  Ports ports_;
  Idempotency idem_;
  std::once_flag providers_once_;
  std::unique_ptr<pay::PaySimulator> sim_;
  std::unique_ptr<pay::PaymentProvider> wechat_, alipay_;
};

}  // namespace anju::billing
