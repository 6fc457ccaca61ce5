// Who a house's people are on a day, by name: for documents that name who paid (receipts'
// 交款人) and for telling the owner-app accounts linked to a house (billing's 缴费成功).
// Names and account ids only: nothing is decrypted, so the caller needs no key. (The
// reminders' owners with phones in clear are HouseOwners in property_service.h.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"

namespace anju::property {

struct HousePerson {
  int64_t resident_id = 0;
  std::string name;
  std::string relation;            // owner | family | tenant
  std::optional<int64_t> user_id;  // the resident's owner-app account, if any
};

// The people linked to a house of a company on `date` ("YYYY-MM-DD": started by then, not
// ended before), owners first, then family, then tenants, each by resident id. No access
// checks: the caller has checked the house.
std::vector<HousePerson> HousePeopleOn(db::Tx& tx, int64_t company_id, int64_t house_id,
                                       const std::string& date);

}  // namespace anju::property
