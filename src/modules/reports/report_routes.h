#pragma once

#include "http/router.h"
#include "modules/reports/report_service.h"

namespace anju::reports {

// GET /api/v1/arrears, /api/v1/reports/collection and /api/v1/reports/daily (JSON), and the
// .xlsx exports GET /api/v1/reports/daily.xlsx, /api/v1/reports/collection.xlsx and
// /api/v1/arrears.xlsx (report_exports.h), each with the query parameters of its JSON twin.
// The arrears' default date is the service's today.
void RegisterReportRoutes(http::Router& router, ReportService& reports);

}  // namespace anju::reports
