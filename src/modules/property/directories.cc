#include "modules/property/directories.h"

#include <algorithm>

#include "platform/identity/access.h"

namespace anju::property {

namespace {

class Residents final : public identity::ResidentDirectory {
 public:
  identity::ResidentLinks LinksOf(db::Tx& tx, int64_t company_id, int64_t user_id,
                                  std::string_view day) const override {
    identity::ResidentLinks out;
    std::string d(day);
    for (const db::Row& r :
         tx.Query("SELECT hr.house_id, r.id FROM residents r "
                  "JOIN house_residents hr ON hr.resident_id = r.id "
                  "WHERE r.user_id = ? AND r.company_id = ? AND hr.start_date <= ? "
                  "AND (hr.end_date IS NULL OR hr.end_date >= ?) ORDER BY hr.house_id",
                  {user_id, company_id, d, d})) {
      out.house_ids.push_back(r.Int(0));
      if (std::find(out.resident_ids.begin(), out.resident_ids.end(), r.Int(1)) ==
          out.resident_ids.end())
        out.resident_ids.push_back(r.Int(1));
    }
    // An account whose links all ended still has its resident record.
    if (out.resident_ids.empty())
      if (auto r = tx.QueryOne("SELECT id FROM residents WHERE user_id = ?", {user_id}))
        out.resident_ids.push_back(r->Int(0));
    return out;
  }
};

class Houses final : public org::HouseDirectory {
 public:
  std::set<int64_t> ProjectsOfHouses(db::Tx& tx, int64_t company_id,
                                     const std::vector<int64_t>& house_ids) const override {
    std::set<int64_t> out;
    if (house_ids.empty()) return out;
    std::string sql = "SELECT DISTINCT project_id FROM houses WHERE company_id = ?";
    db::Params params{company_id};
    identity::AppendIdIn("id", house_ids, sql, params);
    for (const db::Row& r : tx.Query(sql, params)) out.insert(r.Int(0));
    return out;
  }
};

}  // namespace

const identity::ResidentDirectory& ResidentDirectoryOf() {
  static const Residents kResidents;
  return kResidents;
}

const org::HouseDirectory& HouseDirectoryOf() {
  static const Houses kHouses;
  return kHouses;
}

}  // namespace anju::property
