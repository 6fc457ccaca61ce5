#include "modules/billing/bill_queries.h"

#include <string>

namespace anju::billing {

bool PeriodBilled(db::Tx& tx, int64_t fee_item_id, std::string_view period,
                  std::optional<int64_t> house_id, std::optional<int64_t> building_id) {
  if (!house_id && !building_id) return false;
  std::string sql = "SELECT 1 FROM bills WHERE fee_item_id = ? AND period = ? AND (";
  db::Params params{fee_item_id, std::string(period)};
  if (house_id) sql += "house_id = ?", params.emplace_back(*house_id);
  if (house_id && building_id) sql += " OR ";
  if (building_id) sql += "building_id = ?", params.emplace_back(*building_id);
  return tx.QueryOne(sql + ")", params).has_value();
}

}  // namespace anju::billing
