// The JSON side of metering: the API's bodies read into commands (strictly, BodyReader) and
// the typed results shaped into the replies — also the documents the audit log keeps of
// meters and readings. Used by meter_routes.cc, by the services for their audit rows, and
// by the importer, which reads a spreadsheet row into the same body as the route.
// Snake_case keys, readings and consumption in 1/100 unit; key order is the API's.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "core/error.h"
#include "modules/metering/meter_readings.h"
#include "modules/metering/meters.h"

namespace anju::metering {

// {project_id, code, kind, fee_item_id, house_id? | building_id?, multiplier?, digits?,
//  initial_reading?, walk_order?}. VALIDATION_FAILED (fields) otherwise.
Result<CreateMeterCommand> ReadCreateMeter(const boost::json::object& body);
// {code?, fee_item_id?, multiplier?, digits?, walk_order?, active?}
Result<UpdateMeterCommand> ReadUpdateMeter(const boost::json::object& body);
// {meter_id, period, reading, rollover?, replaced?: {old_final_reading, new_start_reading},
//  note?}
Result<RecordReadingCommand> ReadRecordReading(const boost::json::object& body);
// {project_id, meter_code, period, reading, rollover?, replaced?, note?, read_at?:
//  "YYYY-MM-DD" not after `today`} (the importer's body).
Result<RecordReadingByCodeCommand> ReadReadingByCode(const boost::json::object& body,
                                                     const std::string& today);
// {reading, rollover?, replaced?, note?}
Result<Dial> ReadCorrectReading(const boost::json::object& body);
// {approve, note?}
Result<ReviewReadingCommand> ReadReviewReading(const boost::json::object& body);
// {project_id, period, csv, dry_run}
Result<ImportReadingsCommand> ReadImportReadings(const boost::json::object& body);

// {id, project_id, house_id, building_id, code, kind, shared, fee_item_id, multiplier,
//  digits, initial_reading, walk_order, active, created_at, updated_at, last_period,
//  last_reading, house_code}
boost::json::object MeterJson(const Meter& m);
// {id, project_id, meter_id, meter_code, house_id, building_id, kind, fee_item_id, period,
//  reading, previous_reading, consumption, flags: [..], status, read_by, read_at, note,
//  reviewed_by, review_note, reviewed_at, replaced: {old_final_reading, new_start_reading}
//  | null}
boost::json::object ReadingJson(const Reading& r);
// {items, total, page, size}
boost::json::object MetersJson(const Listed<Meter>& l);
boost::json::object ReadingsJson(const Listed<Reading>& l);
// {project_id, period, dry_run, rows, ok, review, items: [{line, meter_code, meter_id,
//  reading, consumption, status, flags}]}
boost::json::object ReadingImportJson(const ReadingImport& r);

}  // namespace anju::metering
