// Who is told about a house: the resident accounts (owner-app logins) of the people linked to
// it today. Billing tells them of payments; other modules of bills, orders and notices.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"

namespace anju::property {

struct HouseAccountHolder {
  int64_t user_id = 0;
  std::string name;  // the resident's name
};

// Linked today (no end date, or one from `today` on), each account once, by user id.
std::vector<HouseAccountHolder> AccountsOfHouse(db::Tx& tx, int64_t company_id, int64_t house_id,
                                                const std::string& today);

}  // namespace anju::property
