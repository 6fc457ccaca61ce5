// Meter readings (抄表): the reading as the service returns it, the commands that record one,
// and the readings at transaction level for the importer (the rules of
// POST /api/v1/meter-readings, the meter named by its code in a project).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/metering/meter_rules.h"

namespace anju::metering {

// A recorded reading with its meter's facts. Readings and consumption in 1/100 unit.
struct Reading {
  int64_t id = 0, project_id = 0, meter_id = 0;
  std::string meter_code;
  std::optional<int64_t> house_id, building_id;
  std::string kind;  // the meter's: water | electricity | gas
  int64_t fee_item_id = 0;
  std::string period;  // "YYYY-MM"
  int64_t reading = 0, previous_reading = 0, consumption = 0;
  std::vector<std::string> flags;  // rollover | replaced | high
  std::string status;              // ok | review | approved | rejected
  std::optional<int64_t> read_by;
  Millis read_at = 0;
  std::string note;
  std::optional<int64_t> reviewed_by;
  std::string review_note;
  std::optional<Millis> reviewed_at;
  std::optional<Replacement> replaced;
};

// The dial part of a reading: what was read, a rollover or a meter replacement, a note.
struct Dial {
  int64_t reading = 0;
  bool rollover = false;
  std::optional<Replacement> replaced;
  std::optional<std::string> note;  // nullopt: none given (a correction keeps the old note)
};

// A reading of a meter named by its id (POST /api/v1/meter-readings).
struct RecordReadingCommand {
  int64_t meter_id = 0;
  std::string period;  // "YYYY-MM", checked by the reader
  Dial dial;
};

// A reading of a meter named by its code in a project (the importer): `read_day`
// "YYYY-MM-DD", not after today (checked by the reader), or nullopt for now.
struct RecordReadingByCodeCommand {
  int64_t project_id = 0;
  std::string meter_code;
  std::string period;
  Dial dial;
  std::optional<std::string> read_day;
};

// Recording readings needs billing:meter:read somewhere (FORBIDDEN otherwise).
Status MayRecordReadings(const TenantContext& ctx);

// Records the reading inside `tx` with its audit row (meter_rules.h: below previous,
// rollover, replacement, high consumption held for review) and returns it. Needs
// billing:meter:read in the project. Errors: FORBIDDEN, NOT_FOUND (project_id),
// METER_NOT_FOUND (meter_code), VALIDATION_FAILED (meter_code inactive, dial rules),
// READING_EXISTS (period: the meter has a reading of the period; FindReading tells whether
// it is the same), READING_OUT_OF_ORDER, READING_BELOW_PREVIOUS. The body is read into the
// command by metering_json.h (ReadReadingByCode), as the route would.
Result<Reading> RecordReadingIn(db::Tx& tx, const TenantContext& ctx,
                                const RecordReadingByCodeCommand& cmd, Millis now);

// Removes a reading an import wrote (its rollback): refused with READING_IN_USE when the
// period is already billed for the meter's fee item, or a later reading of the meter exists.
Status DeleteReadingIn(db::Tx& tx, const TenantContext& ctx, int64_t reading_id, Millis now);

// The reading of meter `meter_code` of the project for `period` (any status), or nullopt.
// No scope check: the caller has checked its project.
std::optional<Reading> FindReading(db::Tx& tx, int64_t company_id, int64_t project_id,
                                   std::string_view meter_code, std::string_view period);

// The newest reading of the project's first active house meter (walk order) that has one and
// nothing after it, or nullopt: what an import template shows as the example to follow (the
// next period of that meter). Rejected readings do not count.
std::optional<Reading> NewestHouseReading(db::Tx& tx, int64_t company_id, int64_t project_id);

}  // namespace anju::metering
