#include "modules/property/house_people.h"

namespace anju::property {

std::vector<HouseAccountHolder> AccountsOfHouse(db::Tx& tx, int64_t company_id, int64_t house_id,
                                                const std::string& today) {
  std::vector<HouseAccountHolder> out;
  for (auto& r : tx.Query("SELECT r.user_id, MIN(r.name) FROM house_residents hr JOIN residents r "
                          "ON r.id = hr.resident_id WHERE hr.company_id = ? AND hr.house_id = ? "
                          "AND r.user_id IS NOT NULL AND (hr.end_date IS NULL OR hr.end_date >= ?) "
                          "GROUP BY r.user_id ORDER BY r.user_id",
                          {company_id, house_id, today}))
    out.push_back({r.Int(0), r.Str(1)});
  return out;
}

}  // namespace anju::property
