// What a bill run bills from meter readings: house meters' consumption, and shared meters
// (公摊) priced once and apportioned over their building's houses by gross area.
#include <sstream>

#include "modules/billing/calc/bill_calc.h"
#include "modules/billing/calc/tiers.h"
#include "modules/billing/fee_items.h"
#include "modules/metering/meter_errors.h"
#include "modules/metering/meters.h"
#include "modules/property/property_service.h"

namespace anju::metering {

namespace calc = billing::calc;

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
           "SELECT m.building_id, m.fee_item_id, m.id, r.id, r.consumption, m.code "
           "FROM meter_readings r JOIN meters m ON m.id = r.meter_id "
           "WHERE r.company_id = ? AND r.project_id = ? AND r.period = ? AND "
           "r.status IN ('ok', 'approved') AND m.house_id IS NULL ORDER BY m.id",
           {company_id, project_id, period})) {
    const std::string meter = "shared meter " + r.Str(5);
    // The fee item's prices through billing (it owns fee items), in this transaction.
    auto f = billing::FindFeeItem(tx, company_id, r.Int(1));
    if (!f) continue;  // no such item of the company: nothing to bill (as a join would)
    // The whole meter is priced and rounded once; only then is the amount split, so the
    // shares sum to exactly what the meter costs.
    auto amount = calc::MeteredAmount(f->tiers, f->unit_price, r.Int(4),
                                      calc::RoundRuleOf(f->rounding, f->round_to));
    if (!amount.ok()) {
      Error e = amount.take_error();
      e.message = meter + ": " + e.message;
      return e;
    }
    std::vector<int64_t> houses, areas;
    for (const auto& h : property::BuildingHouseFacts(tx, company_id, r.Int(0)))
      if (KindListed(f->house_kinds, h.kind) && h.gross_area > 0) {
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

}  // namespace anju::metering
