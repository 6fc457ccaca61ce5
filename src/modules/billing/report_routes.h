#pragma once

#include "core/clock.h"
#include "db/database.h"
#include "http/router.h"
#include "modules/billing/billing_service.h"

namespace anju::billing {

// GET /api/v1/reports/daily (JSON), and the .xlsx exports GET /api/v1/reports/daily.xlsx,
// /api/v1/reports/collection.xlsx and /api/v1/arrears.xlsx (report_exports.h), each with
// the query parameters of its JSON twin. `clock` gives the default date of the arrears.
void RegisterReportRoutes(http::Router& router, BillingService& billing, db::Database& db,
                          const Clock& clock);

}  // namespace anju::billing
