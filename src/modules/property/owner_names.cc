#include "modules/property/owner_names.h"

namespace anju::property {

std::vector<std::string> HouseOwnerNames(db::Tx& tx, int64_t company_id, int64_t house_id,
                                         const std::string& date) {
  std::vector<std::string> out;
  for (const db::Row& r :
       tx.Query("SELECT r.name FROM house_residents hr JOIN residents r ON r.id = hr.resident_id "
                "WHERE hr.house_id = ? AND hr.company_id = ? AND hr.relation = 'owner' AND "
                "hr.start_date <= ? AND (hr.end_date IS NULL OR hr.end_date >= ?) ORDER BY r.id",
                {house_id, company_id, date, date}))
    out.push_back(r.Str(0));
  return out;
}

}  // namespace anju::property
