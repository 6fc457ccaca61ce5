#pragma once

#include "http/router.h"
#include "modules/billing/billing_service.h"

namespace anju::billing {

// /api/v1/fee-items, /bill-runs, /bills, /houses/{id}/account, /payments.
void RegisterRoutes(http::Router& router, BillingService& billing);

}  // namespace anju::billing
