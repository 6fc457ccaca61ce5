#pragma once

#include "http/router.h"
#include "modules/metering/meters.h"

namespace anju::metering {

// GET/POST /api/v1/meters, PATCH /api/v1/meters/{id}, GET/POST /api/v1/meter-readings,
// PATCH /api/v1/meter-readings/{id} (correct while unbilled),
// POST /api/v1/meter-readings/{id}/review {approve, note}.
void RegisterMeterRoutes(http::Router& router, MeterService& meters);

}  // namespace anju::metering
