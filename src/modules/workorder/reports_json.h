// The JSON replies of the work-order reports (reports.h), as api/openapi.yaml describes them.
#pragma once

#include <boost/json.hpp>

#include "modules/workorder/reports.h"

namespace anju::workorder {

// {group, rows: [{key, name, volume, completed, sla_met, sla_total, sla_rate (‰),
//  avg_accept_minutes, avg_finish_minutes, first_time_fix_rate (‰), rated,
//  avg_rating_x100}], totals: {…}} — unmeasured rates and averages are null.
boost::json::object ReportJson(const WorkOrderReport& r);
// {places: [{name, count}], categories: [{name, count}]}
boost::json::object HotspotsJson(const WorkOrderHotspots& h);

}  // namespace anju::workorder
