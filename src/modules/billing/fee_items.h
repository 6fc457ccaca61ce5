// Fee items (收费项目) at transaction level: the code behind POST and PATCH
// /api/v1/fee-items, for the routes (BillingService wraps them in a transaction) and the
// importer (which calls them inside its own). Each checks billing:fee:write, validates the
// body exactly as the route does, writes inside `tx` with its audit row and returns the
// fee item as the API's JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::billing {

// Errors: FORBIDDEN, VALIDATION_FAILED (fields), PROJECT_NOT_FOUND (project_id),
// FEE_ITEM_CODE_TAKEN (code).
Result<boost::json::value> CreateFeeItemIn(db::Tx& tx, const TenantContext& ctx,
                                           const boost::json::object& body, Millis now);
// {name?, valid_to?, active?, due_days?}. Errors: FORBIDDEN, VALIDATION_FAILED,
// FEE_ITEM_NOT_FOUND.
Result<boost::json::value> UpdateFeeItemIn(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                           const boost::json::object& body, Millis now);
// The fee item `code` of a project of the company as the API's JSON, or nullopt. No scope
// check: the caller has checked its project.
std::optional<boost::json::object> FindFeeItemByCode(db::Tx& tx, int64_t company_id,
                                                     int64_t project_id,
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
