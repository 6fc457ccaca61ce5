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
// - Every write appends an audit row in its own transaction. Replies are snake_case JSON,
//   readings and consumption in 1/100 unit, lists as {items, total, page, size}.
// - Import of readings from a file is not here (the import feature owns it).
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/ports.h"

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

using JsonResult = Result<boost::json::value>;

// Also what bill runs ask of metering (billing/ports.h: MeteredReadings), wired in
// src/app/app.cc.
class MeterService : public billing::MeteredReadings {
 public:
  MeterService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // BillableReadings, for billing's bill runs.
  Result<std::vector<MeteredLine>> Billable(db::Tx& tx, int64_t company_id, int64_t project_id,
                                            const std::string& period) override {
    return BillableReadings(tx, company_id, project_id, period);
  }

  // Ordered by building, walk_order, code: per building, the reading round in walking order.
  // Each meter carries its latest accepted reading (last_period, last_reading).
  JsonResult ListMeters(const TenantContext& ctx, const MeterFilter& f, const Page& page);
  // {project_id, code, kind, fee_item_id, house_id? | building_id?, multiplier?, digits?,
  //  initial_reading?, walk_order?}
  JsonResult CreateMeter(const TenantContext& ctx, const boost::json::object& body);
  // {code?, fee_item_id?, multiplier?, digits?, walk_order?, active?}
  JsonResult UpdateMeter(const TenantContext& ctx, int64_t id, const boost::json::object& body);

  JsonResult ListReadings(const TenantContext& ctx, const ReadingFilter& f,
                          const Page& page);
  // {meter_id, period, reading, rollover?, replaced?: {old_final_reading,
  //  new_start_reading}, note?} → the reading with its consumption, flags and status.
  JsonResult RecordReading(const TenantContext& ctx, const boost::json::object& body);
  // {project_id, period, csv, dry_run}: a reading round from a file (抄表导入). The CSV has a
  // header naming meter_code (表号), reading (读数) and optionally note (备注); each row is
  // recorded by the rules of RecordReading, all in one transaction: if any row fails,
  // nothing is written (READING_IMPORT_INVALID lists every failed row); a dry run reports
  // what each row would be (ok, or held for review) and writes nothing.
  JsonResult ImportReadings(const TenantContext& ctx, const boost::json::object& body);
  // {reading, rollover?, replaced?, note?}: the same rules again, while unbilled and latest.
  JsonResult CorrectReading(const TenantContext& ctx, int64_t id,
                            const boost::json::object& body);
  // {approve, note?} for a reading in review: approved is billed, rejected never is.
  JsonResult ApproveReading(const TenantContext& ctx, int64_t id,
                            const boost::json::object& body);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::metering
