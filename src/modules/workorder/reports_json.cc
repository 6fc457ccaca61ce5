#include "modules/workorder/reports_json.h"

namespace anju::workorder {

namespace json = boost::json;

namespace {

json::value Opt(const std::optional<int64_t>& v) { return v ? json::value(*v) : json::value(); }

json::object RowJson(const ReportRow& r) {
  return json::object{{"key", r.key},
                      {"name", r.name},
                      {"volume", r.volume},
                      {"completed", r.completed},
                      {"sla_met", r.sla_met},
                      {"sla_total", r.sla_total},
                      {"sla_rate", Opt(r.sla_rate)},
                      {"avg_accept_minutes", Opt(r.avg_accept_minutes)},
                      {"avg_finish_minutes", Opt(r.avg_finish_minutes)},
                      {"first_time_fix_rate", Opt(r.first_time_fix_rate)},
                      {"rated", r.rated},
                      {"avg_rating_x100", Opt(r.avg_rating_x100)}};
}

json::array CountsJson(const std::vector<HotspotCount>& counts) {
  json::array out;
  for (const HotspotCount& c : counts) out.push_back(json::object{{"name", c.name}, {"count", c.count}});
  return out;
}

}  // namespace

json::object ReportJson(const WorkOrderReport& r) {
  json::array rows;
  for (const ReportRow& row : r.rows) rows.push_back(RowJson(row));
  return json::object{{"group", r.group}, {"rows", std::move(rows)}, {"totals", RowJson(r.totals)}};
}

json::object HotspotsJson(const WorkOrderHotspots& h) {
  json::object out;
  out["places"] = CountsJson(h.places);
  out["categories"] = CountsJson(h.categories);
  return out;
}

}  // namespace anju::workorder
