// The JSON side of the work-order service (workorder_service.h): the readers of the request
// bodies (the strict checks of core/json_body.h: 400 with the same fields as ever) and the
// shapes of the replies and of the live stream's events. docs/API.md "Work orders" and
// api/openapi.yaml describe these shapes; key order is part of the bytes.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/error.h"
#include "modules/workorder/workorder_types.h"

namespace anju::workorder {

// {kind, description, category_id?, urgency?, house_id?, building_id?, project_id?, place?,
//  preferred_time?, photos?} and, from staff (resident = false), reporter_name?,
// reporter_phone? (an 11-digit mobile number), channel? (phone | api).
Result<NewOrderCommand> ReadNewOrder(const boost::json::object& b, bool resident);
// The body of POST /work-orders/{id}/{action}: note? and the action's own fields.
Result<ActionCommand> ReadAction(const std::string& action, const boost::json::object& b);
// {result, rating?, note?}
Result<FollowUpCommand> ReadFollowUp(const boost::json::object& b);
// {project_id, place, building_id?, category_id?}
Result<NewReportPointCommand> ReadNewReportPoint(const boost::json::object& b);
// {phone, name?, description, urgency?}
Result<PublicReportCommand> ReadPublicReport(const boost::json::object& b);

// {seq, action, from_status, to_status, actor_name, note, data, at} and, on the live
// stream, status.
boost::json::object TimelineEventJson(const TimelineEvent& e);
// A list row: {id, number, …, sla: {…}, version}; a resident's without dispatch_reason.
boost::json::object OrderRowJson(const OrderRow& o);
// The row with timeline, photos, signature and actions; a resident's without
// dispatch_reason and responsible_id.
boost::json::object OrderViewJson(const OrderView& v);
// {items, total, page, size}
boost::json::object OrderPageJson(const OrderPage& p);
// {items, total}
boost::json::object OrderRowsJson(const std::vector<OrderRow>& rows);
// {open, today, overdue, by_status: {status: count}}
boost::json::object OrderSummaryJson(const OrderSummary& s);
// {items: [row with follow_ups: [{result, rating, note, by, at}]], total, page, size}
boost::json::object FollowUpPageJson(const FollowUpPage& p);
// {id, project_id, token, place, building_id, category_id, active, url, qr_url}
boost::json::object ReportPointJson(const ReportPoint& p);
// {items, total}
boost::json::object ReportPointsJson(const std::vector<ReportPoint>& points);
// {project_name, place}
boost::json::object PublicPointJson(const PublicPointInfo& p);

}  // namespace anju::workorder
