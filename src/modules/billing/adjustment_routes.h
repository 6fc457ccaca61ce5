#pragma once

#include "http/router.h"
#include "modules/billing/corrections.h"
#include "modules/billing/idempotency.h"
#include "modules/billing/settings.h"

namespace anju::billing {

// GET/PUT /api/v1/billing-settings; GET/POST /api/v1/adjustments,
// POST /api/v1/adjustments/{id}/approve|reject; GET/POST /api/v1/refunds,
// POST /api/v1/refunds/{id}/approve|reject. POST /api/v1/refunds runs under its
// Idempotency-Key in `idempotency`.
void RegisterCorrectionRoutes(http::Router& router, SettingsService& settings,
                              CorrectionService& corrections, Idempotency& idempotency);

}  // namespace anju::billing
