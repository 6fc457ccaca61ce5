// Meter readings (抄表) at transaction level for the importer: the rules of
// POST /api/v1/meter-readings and of a reading round from a file (reading_import.cc), the
// meter named by its code in a project.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::metering {

// {project_id, meter_code, period: "YYYY-MM", reading, rollover?, replaced?: {…}, note?,
// read_at?: "YYYY-MM-DD" (the day it was read, not after today; default now)}: records the
// reading inside `tx` with its audit row (meter_rules.h: below previous, rollover,
// replacement, high consumption held for review) and returns it as the API's JSON. Needs
// billing:meter:read in the project. Errors: FORBIDDEN, VALIDATION_FAILED (fields),
// NOT_FOUND (project_id), METER_NOT_FOUND (meter_code), READING_EXISTS (period: the meter
// has a reading of the period; FindReading tells whether it is the same),
// READING_OUT_OF_ORDER, READING_BELOW_PREVIOUS.
Result<boost::json::value> RecordReadingIn(db::Tx& tx, const TenantContext& ctx,
                                           const boost::json::object& body, Millis now);

// Removes a reading an import wrote (its rollback): refused with READING_IN_USE when the
// period is already billed for the meter's fee item, or a later reading of the meter exists.
Status DeleteReadingIn(db::Tx& tx, const TenantContext& ctx, int64_t reading_id, Millis now);

// The reading of meter `meter_code` of the project for `period` as the API's JSON (any
// status), or nullopt. No scope check: the caller has checked its project.
std::optional<boost::json::object> FindReading(db::Tx& tx, int64_t company_id,
                                               int64_t project_id, std::string_view meter_code,
                                               std::string_view period);

}  // namespace anju::metering
