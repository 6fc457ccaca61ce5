#pragma once

#include "http/router.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/idempotency.h"
#include "modules/billing/settings.h"

namespace anju::billing {

// /api/v1/fee-items, /bill-runs, /bills, /houses/{id}/account, /payments,
// /payments/online[/{orderNo}[/simulate]], /payments/notify/{wechat,alipay} (public).
// The money-moving POSTs run under their Idempotency-Key in `idempotency`.
void RegisterRoutes(http::Router& router, BillingService& billing, Idempotency& idempotency);

// GET/PUT /api/v1/billing-settings (settings.h: approval threshold, allocation order,
// automatic prepayment).
void RegisterSettingsRoutes(http::Router& router, SettingsService& settings);

}  // namespace anju::billing
