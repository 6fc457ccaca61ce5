// The JSON forms of billing's typed results: the reply bodies of the routes
// (billing_routes.cc) and the records the audit log keeps of the same
// events, so that the audit shows what the cashier saw. The API contract (api/openapi.yaml)
// describes these shapes; key order is part of the bytes a replayed answer repeats.
#pragma once

#include <boost/json.hpp>

#include "modules/billing/billing_service.h"
#include "modules/billing/settings.h"
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

// POST /api/v1/bill-runs: {project_id? | project_ids?, period: "YYYY-MM", dry_run}, read
// strictly. Errors: VALIDATION_FAILED (fields).
Result<BillRunCommand> ReadBillRun(const boost::json::object& body);
// One project's run: {project_id, period, dry_run, houses, bills, amount, existing,
// discount, prepaid_applied, items: [{fee_item_id, code, name, bills, amount, discount,
// existing}], run_id}; several: {period, dry_run, houses, bills, amount, existing,
// projects: [run…]}.
boost::json::object BillRunJson(const BillRunResult& r);
// {id, project_id, house_id, fee_item_id, fee_item_name, fee_item_code, period, number,
//  quantity, unit_price, amount, paid, discount, credited, owed, late_fee, late_paid,
//  late_waived, late_owed, status: open | paid, due_date, created_at}
boost::json::object BillJson(const Bill& b);
// {items: [bill…], total, page, size}
boost::json::object BillPageJson(const BillPage& list, const Page& page);
// {house_id, house_code, owed, late_fees, prepaid, open_bills: [bill…]}
boost::json::object HouseBalanceJson(const HouseBalance& h);
// {items: [{id, number, house_id, project_id, channel, amount, to_prepayment, note,
//  created_at}], total, page, size}
boost::json::object PaymentPageJson(const PaymentPage& list, const Page& page);

// PUT /api/v1/billing-settings: {approval_threshold: 分 0..kMaxPaymentFen, allocation_order:
// late_fees_first | principal_first, auto_apply_prepayment}, all three required.
// Errors: VALIDATION_FAILED (fields).
Result<BillingSettings> ReadBillingSettings(const boost::json::object& body);
// {approval_threshold, allocation_order, auto_apply_prepayment}; also the audit documents.
boost::json::object SettingsJson(const BillingSettings& s);

}  // namespace anju::billing
