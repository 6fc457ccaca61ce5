#pragma once

#include "http/router.h"
#include "modules/billing/billing_service.h"

namespace anju::billing {

// /api/v1/fee-items, /bill-runs, /bills, /houses/{id}/account, /payments,
// /payments/online[/{orderNo}[/simulate]], /payments/notify/{wechat,alipay} (public).
void RegisterRoutes(http::Router& router, BillingService& billing);

}  // namespace anju::billing
