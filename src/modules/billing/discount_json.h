// The JSON side of discount rules (优惠): reading POST/PATCH /api/v1/discount-rules bodies
// into commands, and the rule's JSON for the replies and the audit rows.
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "core/error.h"
#include "modules/billing/discounts.h"

namespace anju::billing {

// {project_id, fee_item_id, name, kind? (percent | prepay), rate_bp (percent: 1..10000) |
//  months_paid, months_free (prepay), period_from, period_to?, active?}, read strictly, then
// the terms checked (CheckDiscountTerms). Errors: VALIDATION_FAILED (fields).
Result<CreateDiscountRuleCommand> ReadCreateDiscountRule(const boost::json::object& body);
// {name?, rate_bp?, months_paid?, months_free?, period_from?, period_to? (null clears it),
//  active?}. Errors: VALIDATION_FAILED (fields).
Result<UpdateDiscountRuleCommand> ReadUpdateDiscountRule(const boost::json::object& body);

// {id, project_id, fee_item_id, name, kind, rate_bp, months_paid, months_free, period_from,
//  active, created_at, updated_at, period_to}
boost::json::object DiscountRuleJson(const DiscountRule& d);
// {items: [rule…], total}
boost::json::object DiscountRuleListJson(const std::vector<DiscountRule>& rules);

}  // namespace anju::billing
