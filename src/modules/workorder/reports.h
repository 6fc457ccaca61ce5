// Work-order numbers (工单报表): per staff member, category, building and month — volume,
// completed, SLA attainment (both clocks met), average time to accept and to finish,
// first-time-fix rate (completed and never reopened), satisfaction (average rating) —
// plus hotspots (places and categories with the most repairs), for the orders submitted in
// a range of months (China time), over the projects the caller may report on.
#pragma once

#include <optional>
#include <string>

#include <boost/json.hpp>

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

class WorkOrderReports {
 public:
  WorkOrderReports(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // {rows: [{key, name, volume, completed, sla_met, sla_total, sla_rate (‰),
  //   avg_accept_minutes, avg_finish_minutes, first_time_fix_rate (‰), rated,
  //   avg_rating_x100}], totals: {…}}
  Result<boost::json::value> Report(const TenantContext& ctx, const ReportQuery& q);
  // {places: [{name, count}], categories: [{name, count}]} — repairs only, top 10 each.
  Result<boost::json::value> Hotspots(const TenantContext& ctx, const ReportQuery& q);
  // All four groupings and the hotspots as sheets of one workbook.
  Result<std::string> Export(const TenantContext& ctx, const ReportQuery& q);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::workorder
