#pragma once

#include "http/router.h"
#include "modules/billing/meters.h"

namespace anju::billing {

// GET/POST /api/v1/meters, PATCH /api/v1/meters/{id}, GET/POST /api/v1/meter-readings,
// PATCH /api/v1/meter-readings/{id} (correct while unbilled),
// POST /api/v1/meter-readings/{id}/review {approve, note}.
void RegisterMeterRoutes(http::Router& router, MeterService& meters);

}  // namespace anju::billing
