// What a bill run bills from meter readings: house meters' consumption, and shared meters
// (公摊) priced once and apportioned over their building's houses by gross area.
#include <sstream>

#include "modules/billing/calc/bill_calc.h"
#include "modules/billing/meter_errors.h"
#include "modules/billing/meter_rules.h"
#include "modules/billing/meters.h"
#include "modules/property/property_service.h"

namespace anju::billing {

namespace {

bool KindListed(const std::string& kinds, const std::string& kind) {
  std::istringstream in(kinds);
  for (std::string k; in >> k;)
    if (k == kind) return true;
  return false;
}

}  // namespace

Result<std::vector<MeteredLine>> BillableReadings(db::Tx& tx, int64_t company_id,
                                                  int64_t project_id, const std::string& period) {
  std::vector<MeteredLine> out;
  for (auto& r : tx.Query(
           "SELECT m.house_id, m.fee_item_id, m.id, r.id, r.consumption FROM meter_readings r "
           "JOIN meters m ON m.id = r.meter_id WHERE r.company_id = ? AND r.project_id = ? AND "
           "r.period = ? AND r.status IN ('ok', 'approved') AND m.house_id IS NOT NULL",
           {company_id, project_id, period}))
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), std::nullopt});

  for (auto& r : tx.Query(
           "SELECT m.building_id, m.fee_item_id, m.id, r.id, r.consumption, m.code, "
           "f.unit_price, f.tiers, f.rounding, f.round_to, f.house_kinds FROM meter_readings r "
           "JOIN meters m ON m.id = r.meter_id JOIN fee_items f ON f.id = m.fee_item_id "
           "WHERE r.company_id = ? AND r.project_id = ? AND r.period = ? AND "
           "r.status IN ('ok', 'approved') AND m.house_id IS NULL ORDER BY m.id",
           {company_id, project_id, period})) {
    const std::string meter = "shared meter " + r.Str(5);
    // The whole meter is priced and rounded once; only then is the amount split, so the
    // shares sum to exactly what the meter costs.
    auto amount = MeteredAmount(r.Str(7), r.Int(6), r.Int(4), RoundRuleOf(r.Str(8), r.Str(9)));
    if (!amount.ok()) {
      Error e = amount.take_error();
      e.message = meter + ": " + e.message;
      return e;
    }
    std::vector<int64_t> houses, areas;
    for (const auto& h : property::BuildingHouseFacts(tx, company_id, r.Int(0)))
      if (KindListed(r.Str(10), h.kind) && h.gross_area > 0) {
        houses.push_back(h.id);
        areas.push_back(h.gross_area);
      }
    if (houses.empty()) return Error(kMeterNoHouses, meter + ": no houses to apportion over");
    auto parts = calc::Apportion(*amount, areas);
    if (!parts.ok()) return parts.take_error();
    for (size_t i = 0; i < houses.size(); ++i)
      out.push_back({houses[i], r.Int(1), r.Int(2), r.Int(3), r.Int(4), (*parts)[i]});
  }
  std::stable_sort(out.begin(), out.end(), [](const MeteredLine& a, const MeteredLine& b) {
    return std::tie(a.house_id, a.fee_item_id) < std::tie(b.house_id, b.fee_item_id);
  });
  return out;
}

}  // namespace anju::billing
