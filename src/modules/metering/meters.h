// Meters and meter readings (抄表): the meters of a project (per house, or shared by a
// building), reading rounds, the reading rules (meter_rules.h) and the review of unusual
// readings; and what a bill run bills from them (BillableReadings).
//
// Contract
// - A meter belongs to one project. A house meter (house_id set) records its house's
//   building; a shared meter (house_id null, building_id set, 公摊) is apportioned over the
//   building's houses of its fee item's house kinds, by gross area.
// - One bill line per house, fee item and period: a house has at most one active meter per
//   fee item, a building at most one active shared meter per fee item, and a fee item bills
//   either house meters or shared meters (METER_FEE_ITEM_CONFLICT).
// - One reading per meter and period (READING_EXISTS), recorded in period order
//   (READING_OUT_OF_ORDER). A reading is "ok", or "review" (flag high) until someone with
//   billing:fee:write or billing:bill:run approves or rejects it. Only ok and approved
//   readings are billed. A reading is corrected (PATCH) or rejected only while it is the
//   meter's latest and not billed (READING_BILLED).
// - Permissions: meter lists and readings are read with billing:bill:read or
//   billing:meter:read; meters are configured with billing:fee:write; readings are recorded
//   and corrected with billing:meter:read (抄表). Rows outside the caller's projects are 404.
// - Every write appends an audit row in its own transaction. Services take commands and
//   return typed values (readings and consumption in 1/100 unit); metering_json.h reads the
//   API's bodies into commands and shapes the replies.
// - Import of readings from a file is not here (the import feature owns it).
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/ports.h"
#include "modules/metering/meter_readings.h"

namespace anju::metering {

struct MeterFilter {
  std::optional<int64_t> project_id, building_id, house_id;
  std::string kind;  // water | electricity | gas | ""
};

struct ReadingFilter {
  std::optional<int64_t> project_id, building_id, meter_id;
  std::string period;  // "YYYY-MM" | ""
  std::string status;  // ok | review | approved | rejected | ""
};

using billing::MeteredLine;

// The billable lines of a project's period: every ok or approved reading of a house meter,
// and every house's share of every ok or approved reading of a shared meter. Ordered by
// house, then fee item. Reads houses through property/property_service.h and fee items
// through billing/fee_items.h (FindFeeItem). Errors:
// CALC_BAD_TIERS / CALC_OVERFLOW for a shared meter's fee item, METER_NO_HOUSES when a
// shared meter's building has no house of the item's kinds with area (message names the
// meter). No access checks: the caller (a bill run) has done them.
Result<std::vector<MeteredLine>> BillableReadings(db::Tx& tx, int64_t company_id,
                                                  int64_t project_id, const std::string& period);

// A meter with its latest accepted reading (last_period, last_reading).
struct Meter {
  int64_t id = 0, project_id = 0;
  std::optional<int64_t> house_id, building_id;
  std::string code, kind;  // kind: water | electricity | gas
  bool shared = false;     // no house: apportioned over the building (公摊)
  int64_t fee_item_id = 0, multiplier = 1, digits = 5, initial_reading = 0, walk_order = 0;
  bool active = true;
  Millis created_at = 0, updated_at = 0;
  std::optional<std::string> last_period;
  std::optional<int64_t> last_reading;
  std::optional<std::string> house_code;  // the house meter's house
};

// A page of meters or readings: the rows of `page` and how many match in all.
template <class T>
struct Listed {
  std::vector<T> items;
  int64_t total = 0;
  Page page;
};

// A new meter: house_id for a house meter, building_id (without house_id) for a shared
// one; the reader (metering_json.h) has checked ranges and that one of them is given.
struct CreateMeterCommand {
  int64_t project_id = 0;
  std::optional<int64_t> house_id, building_id;
  std::string code, kind;
  int64_t fee_item_id = 0;
  std::optional<int64_t> multiplier, digits, initial_reading, walk_order;
};

// The fields to change (nullopt: keep).
struct UpdateMeterCommand {
  std::optional<std::string> code;
  std::optional<int64_t> fee_item_id, multiplier, digits, walk_order;
  std::optional<bool> active;
};

// A reading round from a file (抄表导入): the CSV's text as uploaded.
struct ImportReadingsCommand {
  int64_t project_id = 0;
  std::string period;  // "YYYY-MM"
  std::string csv;
  bool dry_run = true;
};

// One row of a reading round as recorded (or as it would be, in a dry run).
struct ImportedReading {
  int64_t line = 0;  // the file's line number
  std::string meter_code;
  int64_t meter_id = 0, reading = 0, consumption = 0;
  std::string status;  // ok | review
  std::vector<std::string> flags;
};

// What a reading round did: every row, and how many are ok or held for review.
struct ReadingImport {
  int64_t project_id = 0;
  std::string period;
  bool dry_run = true;
  int64_t ok = 0, review = 0;
  std::vector<ImportedReading> items;
};

// A reviewer's decision on a reading held for review.
struct ReviewReadingCommand {
  bool approve = false;
  std::optional<std::string> note;
};

// Also what bill runs ask of metering (billing/ports.h: MeteredReadings), wired in
// src/app/app.cc. Commands come from the readers of metering_json.h; the permission each
// write needs is also offered alone (May…) so that a route checks it before the body, as
// the API always has.
class MeterService : public billing::MeteredReadings {
 public:
  MeterService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // BillableReadings, for billing's bill runs.
  Result<std::vector<MeteredLine>> Billable(db::Tx& tx, int64_t company_id, int64_t project_id,
                                            const std::string& period) override {
    return BillableReadings(tx, company_id, project_id, period);
  }

  // Meters are configured with billing:fee:write (FORBIDDEN otherwise).
  Status MayConfigureMeters(const TenantContext& ctx) const;
  // Readings are recorded, corrected and imported with billing:meter:read.
  Status MayRecordReadings(const TenantContext& ctx) const;
  // Readings are reviewed with billing:fee:write or billing:bill:run.
  Status MayReviewReadings(const TenantContext& ctx) const;

  // Ordered by building, walk_order, code: per building, the reading round in walking order.
  // BAD_QUERY_PARAMETER for an unknown kind.
  Result<Listed<Meter>> ListMeters(const TenantContext& ctx, const MeterFilter& f,
                                   const Page& page);
  // Errors: NOT_FOUND (project_id, building_id), HOUSE_NOT_FOUND, VALIDATION_FAILED
  // (building_id not the house's, fee item not metered or of another kind),
  // FEE_ITEM_NOT_FOUND, METER_CODE_TAKEN, METER_FEE_ITEM_CONFLICT.
  Result<Meter> CreateMeter(const TenantContext& ctx, const CreateMeterCommand& cmd);
  // The house, building and kind are what the meter is; a new place is a new meter.
  Result<Meter> UpdateMeter(const TenantContext& ctx, int64_t id, const UpdateMeterCommand& cmd);

  // BAD_QUERY_PARAMETER for a malformed period or an unknown status.
  Result<Listed<Reading>> ListReadings(const TenantContext& ctx, const ReadingFilter& f,
                                       const Page& page);
  // The reading with its consumption, flags and status (meter_readings.h has the rules).
  Result<Reading> RecordReading(const TenantContext& ctx, const RecordReadingCommand& cmd);
  // A reading round from a file (抄表导入). The CSV has a header naming meter_code (表号),
  // reading (读数) and optionally note (备注); each row is recorded by the rules of
  // RecordReading, all in one transaction: if any row fails, nothing is written
  // (READING_IMPORT_INVALID lists every failed row); a dry run reports what each row would
  // be (ok, or held for review) and writes nothing.
  Result<ReadingImport> ImportReadings(const TenantContext& ctx,
                                       const ImportReadingsCommand& cmd);
  // The same rules again, while unbilled (READING_BILLED) and latest
  // (READING_OUT_OF_ORDER).
  Result<Reading> CorrectReading(const TenantContext& ctx, int64_t id, const Dial& dial);
  // For a reading in review (READING_NOT_IN_REVIEW): approved is billed, rejected never is.
  Result<Reading> ApproveReading(const TenantContext& ctx, int64_t id,
                                 const ReviewReadingCommand& cmd);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::metering
