// The JSON side of fee items (收费项目): reading POST/PATCH /api/v1/fee-items bodies into
// commands — for the routes and the importer alike, so both refuse the same rows with the
// same codes and fields — and the fee item's JSON, for the replies and the audit rows.
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "core/error.h"
#include "modules/billing/fee_items.h"

namespace anju::billing {

// {project_id, code, name, kind, method, area_basis?, unit_price, house_kinds, rounding?,
//  round_to?, due_days?, valid_from, valid_to?, late_fee?, cycle_months?, tiers?}, read
// strictly. Errors: VALIDATION_FAILED (fields).
Result<CreateFeeItemCommand> ReadCreateFeeItem(const boost::json::object& body);
// {name?, valid_to? (null clears it), active?, due_days?}; the other fields are read-only.
// Errors: VALIDATION_FAILED (fields).
Result<UpdateFeeItemCommand> ReadUpdateFeeItem(const boost::json::object& body);

// {id, project_id, code, name, kind, method, area_basis, unit_price, house_kinds, rounding,
//  round_to, due_days, valid_from, active, valid_to, late_fee: {grace_days, daily_rate_bp,
//  flat_per_day, cap_bp, start_date}, cycle_months, tiers}
boost::json::object FeeItemJson(const FeeItem& f);
// {items: [fee item…], total}
boost::json::object FeeItemListJson(const std::vector<FeeItem>& items);

}  // namespace anju::billing
