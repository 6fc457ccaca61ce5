// Shared by meters.cc, meter_readings.cc and meter_billing.cc; not part of the module's API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/metering/meter_readings.h"

namespace anju::metering::meter_internal {

// What the reading rules and bill runs need of a meter.
struct MeterFacts {
  int64_t id = 0, project_id = 0;
  std::optional<int64_t> house_id;
  int64_t building_id = 0;
  std::string code;
  int64_t fee_item_id = 0, multiplier = 1, digits = 5, initial_reading = 0;
  bool active = true;
};

// A meter of the company, or nullopt.
std::optional<MeterFacts> LoadMeter(db::Tx& tx, int64_t company_id, int64_t meter_id);

// Meters and readings are read with billing:bill:read or billing:meter:read (a meter
// reader walks a round without seeing bills). 403 without either code anywhere.
Status RequireMeterRead(const TenantContext& ctx);
bool CanReadMetersIn(const TenantContext& ctx, int64_t project_id);
// Appends " AND <column> IN (…)" for the projects where the caller holds either code.
void AppendMeterReadScope(const TenantContext& ctx, std::string_view column, std::string& sql,
                          db::Params& params);

// Records one reading inside `tx` (a write transaction): the rules of
// POST /api/v1/meter-readings, the caller having checked billing:meter:read somewhere.
// (meter_readings.h has the importer's version, the meter named by code.)
Result<Reading> RecordReadingById(db::Tx& tx, const TenantContext& ctx,
                                  const RecordReadingCommand& cmd, Millis now);

}  // namespace anju::metering::meter_internal
