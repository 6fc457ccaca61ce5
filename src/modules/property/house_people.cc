#include "modules/property/house_people.h"

namespace anju::property {

std::vector<HousePerson> HousePeopleOn(db::Tx& tx, int64_t company_id, int64_t house_id,
                                       const std::string& date) {
  std::vector<HousePerson> out;
  for (const db::Row& r : tx.Query(
           "SELECT r.id, r.name, hr.relation, r.user_id FROM house_residents hr JOIN residents r "
           "ON r.id = hr.resident_id WHERE hr.house_id = ? AND hr.company_id = ? AND "
           "hr.start_date <= ? AND (hr.end_date IS NULL OR hr.end_date >= ?) ORDER BY CASE "
           "hr.relation WHEN 'owner' THEN 0 WHEN 'family' THEN 1 ELSE 2 END, r.id",
           {house_id, company_id, date, date}))
    out.push_back({r.Int(0), r.Str(1), r.Str(2), r.OptInt(3)});
  return out;
}

}  // namespace anju::property
