// A port: what org needs from the property registry to show a resident the projects their
// houses are in.
//
// Org is a platform module below property, so it cannot include property's headers; it
// declares this interface instead, property implements it (`property::HouseDirectoryOf()`),
// and the app wires it with `OrgService::SetHouseDirectory`. Without one, residents see no
// projects.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "db/database.h"

namespace anju::org {

class HouseDirectory {
 public:
  virtual ~HouseDirectory() = default;
  // The projects of the company that hold at least one of `house_ids`. Reads inside `tx`;
  // stateless and thread-safe.
  virtual std::set<int64_t> ProjectsOfHouses(db::Tx& tx, int64_t company_id,
                                             const std::vector<int64_t>& house_ids) const = 0;
};

}  // namespace anju::org
