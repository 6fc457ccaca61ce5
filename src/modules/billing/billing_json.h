// The JSON forms of billing's typed results: the reply bodies of the routes
// (billing_routes.cc) and the records the audit log keeps of the same
// events, so that the audit shows what the cashier saw. The API contract (api/openapi.yaml)
// describes these shapes; key order is part of the bytes a replayed answer repeats.
#pragma once

#include <boost/json.hpp>

#include "modules/billing/billing_service.h"
#include "modules/billing/settle.h"

namespace anju::billing {

// {receipt, id, number, house_id, project_id, channel, amount, settled, to_prepayment,
//  allocations: [{bill_id, kind, amount}], late_fee_settled, owed_after, prepaid_after,
//  created_at}
boost::json::object PaymentJson(const PaymentTaken& p);
// {house_id, fee_item_id, months, amount, discount, bills: [{period, amount, discount}], offer}
boost::json::object PlanJson(const PrepaymentPlan& plan);
// The plan with "payment".
boost::json::object PrepaymentJson(const PrepaymentTaken& p);
// {id, project_id, house_id, order_no, channel, amount, status, created_at, payment_id,
//  paid_at}
boost::json::object OnlineOrderJson(const OnlineOrder& o);
// The order with "pay_params".
boost::json::object OnlineOrderJson(const OnlineOrderOpened& o);

}  // namespace anju::billing
