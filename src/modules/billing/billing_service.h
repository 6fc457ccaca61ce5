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
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "http/reply.h"
#include "modules/billing/idempotency.h"

namespace anju::billing {

using JsonResult = Result<boost::json::value>;

inline constexpr int64_t kBillRunBatch = 500;  // houses per transaction
inline constexpr int64_t kMaxPaymentFen = 100'000'000'00;  // 1 亿元

struct BillFilter {
  std::optional<int64_t> project_id, house_id;
  std::string period;  // "YYYY-MM" or ""
  std::string status;  // "open" | "paid" | ""
};

class BillingService {
 public:
  BillingService(db::Database& db, const Clock& clock) : db_(db), clock_(clock), idem_(db, clock) {}

  JsonResult ListFeeItems(const TenantContext& ctx, std::optional<int64_t> project_id);
  JsonResult CreateFeeItem(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateFeeItem(const TenantContext& ctx, int64_t id, const boost::json::object& body);

  // {project_id, period: "YYYY-MM", dry_run}. A dry run writes nothing.
  JsonResult RunBills(const TenantContext& ctx, const boost::json::object& body);
  JsonResult ListBills(const TenantContext& ctx, const BillFilter& f, const http::Page& page);
  // What a house owes (open bills oldest first) and holds (prepaid balance).
  JsonResult HouseAccount(const TenantContext& ctx, int64_t house_id);

  // Cashier desk: {house_id, amount, channel, bill_ids?, note?}, with the request's
  // Idempotency-Key and raw body for the replay check. Returns the HTTP status and body.
  http::Response TakePayment(const TenantContext& ctx, const http::Request& req);
  JsonResult ListPayments(const TenantContext& ctx, std::optional<int64_t> house_id,
                          const http::Page& page);

  // Seeds demo fee items for a project (property fee by area, parking fixed).
  void SeedDemoFeeItems(db::Tx& tx, int64_t company_id, int64_t project_id, Millis now);

 private:
  db::Database& db_;
  const Clock& clock_;
  Idempotency idem_;
};

}  // namespace anju::billing
