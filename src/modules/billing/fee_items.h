// Fee items (收费项目) at transaction level: the code behind POST and PATCH
// /api/v1/fee-items, for the routes (BillingService wraps them in a transaction) and the
// importer (which calls them inside its own). Both read the body into the command with the
// same readers (fee_item_json.h); each function here checks billing:fee:write again, does
// the checks that need the database, writes inside `tx` with its audit row and returns the
// fee item.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::billing {

// 滞纳金 rule of a fee item: a daily rate or a flat amount per day after the grace days,
// capped at cap_bp of the bill; none before start_date.
struct LateFeeRule {
  int64_t grace_days = 0;     // 0..365
  int64_t daily_rate_bp = 0;  // 0..10000 (万分之 per day)
  int64_t flat_per_day = 0;   // 分, 0..100'000'00
  int64_t cap_bp = 0;         // 0..100000
  std::optional<std::string> start_date;  // "YYYY-MM-DD"
};

// A fee item (收费标准) as stored: what the API shows of it (fee_item_json.h FeeItemJson).
struct FeeItem {
  int64_t id = 0, project_id = 0;
  std::string code, name, kind, method, area_basis;
  int64_t unit_price = 0;                // 1/100 分
  std::vector<std::string> house_kinds;  // the house kinds it bills
  std::string rounding, round_to;
  int64_t due_days = 0;
  std::string valid_from;                // "YYYY-MM-DD"
  std::optional<std::string> valid_to;   // "YYYY-MM-DD"
  bool active = true;
  LateFeeRule late_fee;
  int64_t cycle_months = 1;
  std::string tiers;  // stored JSON tiers [[up_to | null, price]…], "" = none
};

// A new fee item, read and checked as the API reads it (fee_item_json.h ReadCreateFeeItem):
// every field within its range; the defaults already filled in.
struct CreateFeeItemCommand {
  int64_t project_id = 0;
  std::string code, name, kind, method;
  std::string area_basis = "gross";
  int64_t unit_price = 0;                // 1/100 分
  std::vector<std::string> house_kinds;  // non-empty, known kinds
  std::string rounding = "half_up", round_to = "fen";
  int64_t due_days = 15;
  std::string valid_from;
  std::optional<std::string> valid_to;
  LateFeeRule late_fee;
  int64_t cycle_months = 1;
  std::string tiers;  // the body's tiers serialized, "" = none
};

// A change of a fee item: only names, validity, due days and the on/off switch change (a
// price change is a new fee item). Absent fields stay as they are.
struct UpdateFeeItemCommand {
  std::optional<std::string> name;
  std::optional<std::string> valid_to;
  bool clear_valid_to = false;  // valid_to: null in the body
  std::optional<bool> active;
  std::optional<int64_t> due_days;
};

// Whether the caller may write fee items somewhere (billing:fee:write): checked before the
// body is read. The functions below check it again.
Status MayWriteFeeItems(const TenantContext& ctx);

// Errors: FORBIDDEN, PROJECT_NOT_FOUND (project_id; also outside the caller's projects),
// FEE_ITEM_CODE_TAKEN (code).
Result<FeeItem> CreateFeeItemIn(db::Tx& tx, const TenantContext& ctx,
                                const CreateFeeItemCommand& cmd, Millis now);
// Errors: FORBIDDEN, FEE_ITEM_NOT_FOUND.
Result<FeeItem> UpdateFeeItemIn(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateFeeItemCommand& cmd, Millis now);
// The fee item `code` of a project of the company, or nullopt. No scope check: the caller
// has checked its project.
std::optional<FeeItem> FindFeeItemByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                         std::string_view code);

// What metering needs of a fee item: its project, kind and method to check a meter against
// it, and its prices to price a shared meter (calc/tiers.h).
struct FeeItemFacts {
  int64_t id = 0, project_id = 0;
  std::string code, kind, method;
  int64_t unit_price = 0;   // 1/100 分
  std::string tiers;        // JSON tiers, "" = one tier at unit_price
  std::string rounding, round_to;
  std::string house_kinds;  // space-separated house kinds the item bills
};
// The fee item `fee_item_id` of the company, or nullopt. No scope check.
std::optional<FeeItemFacts> FindFeeItem(db::Tx& tx, int64_t company_id, int64_t fee_item_id);

}  // namespace anju::billing
