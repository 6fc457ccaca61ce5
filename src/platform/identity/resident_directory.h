// A port: what identity needs from the property registry to build a resident's context.
//
// Identity is a platform module below property, so it cannot include property's headers;
// it declares this interface instead, property implements it
// (`property::ResidentDirectoryOf()`), and the app wires it with
// `IdentityService::SetResidentDirectory`. Without one, resident accounts reach no houses.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "db/database.h"

namespace anju::identity {

struct ResidentLinks {
  std::vector<int64_t> house_ids;     // linked on `day` (owner, family or tenant), ascending
  std::vector<int64_t> resident_ids;  // the account's resident records, first seen first
};

class ResidentDirectory {
 public:
  virtual ~ResidentDirectory() = default;
  // The houses the resident account `user_id` of the company is linked to on `day`
  // (YYYY-MM-DD, China time) and its resident records (also when no link is current).
  // Reads inside `tx`; stateless and thread-safe.
  virtual ResidentLinks LinksOf(db::Tx& tx, int64_t company_id, int64_t user_id,
                                std::string_view day) const = 0;
};

}  // namespace anju::identity
