// Work-order numbers (工单报表): per staff member, category, building and month — volume,
// completed, SLA attainment (both clocks met), average time to accept and to finish,
// first-time-fix rate (completed and never reopened), satisfaction (average rating) —
// plus hotspots (places and categories with the most repairs), for the orders submitted in
// a range of months (China time), over the projects the caller may report on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::workorder {

struct ReportQuery {
  std::optional<int64_t> project_id;
  std::string from, to;  // "YYYY-MM", inclusive
  std::string group;     // staff | category | building | month
};

// One group's numbers. Rates are per mille and averages in whole minutes (rating × 100),
// nullopt where nothing was measured (no completed, accepted or rated order).
struct ReportRow {
  std::string key;   // the staff, category or building id ("0": none) or "YYYY-MM"; "" for totals
  std::string name;  // the staff member's, category's or building's name, the month, "合计"
  int64_t volume = 0, completed = 0, sla_met = 0, sla_total = 0;
  std::optional<int64_t> sla_rate, avg_accept_minutes, avg_finish_minutes, first_time_fix_rate;
  int64_t rated = 0;
  std::optional<int64_t> avg_rating_x100;
};

// The rows of a grouping (by key) and their totals.
struct WorkOrderReport {
  std::string group;
  std::vector<ReportRow> rows;
  ReportRow totals;
};

// A place ("<building> <place>") or category name and its number of repairs.
struct HotspotCount {
  std::string name;
  int64_t count = 0;
};

// The ten most frequent places and categories, most first, then by name (byte order).
struct WorkOrderHotspots {
  std::vector<HotspotCount> places, categories;
};

class WorkOrderReports {
 public:
  WorkOrderReports(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // The numbers of q.group (400 WO_REPORT_BAD_RANGE for another group or a range of
  // months that is malformed, reversed or 36 months or longer; 403 without workorder:report).
  Result<WorkOrderReport> Report(const TenantContext& ctx, const ReportQuery& q);
  // Repairs only (house and public areas), the same checks as Report.
  Result<WorkOrderHotspots> Hotspots(const TenantContext& ctx, const ReportQuery& q);
  // All four groupings and the hotspots as sheets of one workbook.
  Result<std::string> Export(const TenantContext& ctx, const ReportQuery& q);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::workorder
