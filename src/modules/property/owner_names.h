// The names of a house's owners on a day, for documents that name who paid (receipts'
// 交款人). Names only: nothing is decrypted, so the caller needs no key.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"

namespace anju::property {

// The names of the owners (relation owner, linked on `date` "YYYY-MM-DD") of a house of a
// company, by resident id. No access checks: the caller has checked the house.
std::vector<std::string> HouseOwnerNames(db::Tx& tx, int64_t company_id, int64_t house_id,
                                         const std::string& date);

}  // namespace anju::property
