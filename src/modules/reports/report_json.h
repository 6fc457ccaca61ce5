// The JSON of the reports (report_routes.cc replies; the .xlsx exports reshape the same
// answers, report_exports.h). Amounts are integer 分; rates are basis points or null.
#pragma once

#include <boost/json.hpp>

#include "core/page.h"
#include "modules/reports/daily_report.h"
#include "modules/reports/report_service.h"

namespace anju::reports {

// {from, to, receivable, received, rate_bp, items: [{project_id, month, receivable,
//  received, arrears, rate_bp, recovered, recovery_bp}]}
boost::json::object CollectionJson(const CollectionSummary& r);
// {as_of, group, owed, items: [{<group>_id, owed, houses, buckets: {d0_30, d31_90, d91_180,
//  d181_365, d365_plus}, house_code?}], total, page, size}
boost::json::object ArrearsJson(const ArrearsSummary& r, const Page& page);
// {date, billed, late_fees, received, to_prepayment, arrears, channels: {cash, pos,
//  transfer, cheque, wechat, alipay}, items: [{project_id, billed, …, channels}]}
boost::json::object DailyJson(const DailyFigures& r);

}  // namespace anju::reports
