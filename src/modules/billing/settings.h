// Company billing settings (收费设置): one row per company in `billing_settings`; a company
// without a row has the defaults below.
//
// - approval_threshold (分): an adjustment or refund whose amount is ABOVE it needs a second
//   person's approval (approvals.h); at or below it, a requester who may approve applies
//   it at once.
// - allocation_order: what a payment settles when the payer picks no bills (settle.h):
//   late_fees_first — every open late fee, oldest bill first, then the principals oldest
//   due first; principal_first — bill by bill, oldest due first, its principal then its
//   late fee.
// - auto_apply_prepayment: whether bill runs apply a house's prepaid balance to its new
//   bills (stored and exposed here; bill runs read it).
// GET /api/v1/billing-settings needs billing:bill:read; PUT needs billing:settings:write
// held company-wide (HQ), and is audited.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::billing {

inline constexpr int64_t kDefaultApprovalThreshold = 50000;  // 500 元

struct BillingSettings {
  int64_t approval_threshold = kDefaultApprovalThreshold;
  bool principal_first = false;  // allocation_order; default late_fees_first
  bool auto_apply_prepayment = false;
};

// The company's settings inside `tx` (the defaults when it has no row).
BillingSettings LoadSettings(db::Tx& tx, int64_t company_id);

// The JSON side (the body's reader, the reply) is billing_json.h.
class SettingsService {
 public:
  SettingsService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // The caller's company's settings. Errors: FORBIDDEN (no billing:bill:read).
  Result<BillingSettings> Get(const TenantContext& ctx);
  // Whether the caller may change the settings (billing:settings:write company-wide, staff
  // only): checked before the body is read. Put checks it again.
  static Status MayPut(const TenantContext& ctx);
  // Replaces the company's settings (all three; approval_threshold 0..kMaxPaymentFen),
  // audited; returns them. Errors: FORBIDDEN.
  Result<BillingSettings> Put(const TenantContext& ctx, const BillingSettings& settings);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::billing
