#pragma once

#include "http/router.h"
#include "modules/billing/idempotency.h"
#include "modules/corrections/corrections.h"

namespace anju::corrections {

// GET/POST /api/v1/adjustments, POST /api/v1/adjustments/{id}/approve|reject;
// GET/POST /api/v1/refunds, POST /api/v1/refunds/{id}/approve|reject. POST /api/v1/refunds
// runs under its Idempotency-Key in `idempotency` (billing's store). (The company's billing
// settings, with the approval threshold, are billing's: billing_routes.h.)
void RegisterCorrectionRoutes(http::Router& router, CorrectionService& corrections,
                              billing::Idempotency& idempotency);

}  // namespace anju::corrections
