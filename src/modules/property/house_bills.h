// A port: whether billing has bills on a house, so that deleting it is a clear refusal
// (409 HOUSE_HAS_BILLS) rather than a foreign-key failure.
//
// Property sits below billing (billing reads houses through property_service.h), so it
// cannot include billing's headers; it declares this interface, billing implements it
// (`billing::HouseBillsOf()`), and the callers pass it in: the app through
// `PropertyService::SetHouseBills`, the importer to `tx::DeleteHouse`.
#pragma once

#include <cstdint>

#include "db/database.h"

namespace anju::property {

class HouseBills {
 public:
  virtual ~HouseBills() = default;
  // Whether any bill names the house. Reads inside `tx`; stateless and thread-safe.
  virtual bool HasBills(db::Tx& tx, int64_t house_id) const = 0;
};

}  // namespace anju::property
