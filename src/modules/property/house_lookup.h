// 查找房屋 (the cashier's and the service desk's lookup): one box that finds a project's
// houses by what a person at the counter says — the house code ("3-1-0502", "502"), an
// owner's or resident's name, a plate, the last four digits of a phone, or a whole phone —
// and shows each house with its current owners (name, masked phone), so the cashier sees
// whose house it is before taking money.
//
// Contract
// - Staff only, with property:house:read in the project (403 without the code, 404
//   PROJECT_NOT_FOUND outside the caller's projects); project_id is required: a search by
//   four digits is only meaningful, and only allowed, within one project.
// - A search that matched on phone digits (last four, or a whole number) is written to the
//   audit log (property.house.lookup: who, which project, how, how many houses; never the
//   digits), because it reaches personal data by a fragment of it.
// - At most `limit` (≤ 50) houses, by code in byte order; each says what it matched on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::property {

struct HouseLookup {
  int64_t project_id = 0;
  std::string q;  // trimmed; 1..64 characters
  int64_t limit = 20;
};

struct HouseOwner {
  int64_t resident_id = 0;
  std::string name, phone;  // phone masked: 138****1234
  std::string relation;     // owner | family | tenant
};

struct HouseMatch {
  int64_t id = 0, project_id = 0, building_id = 0;
  std::string code, building_name, kind, status;
  std::string matched_by;  // code | name | plate | phone_last4 | phone
  std::vector<HouseOwner> people;  // current links: owners first, then family and tenants
};

// Errors: FORBIDDEN, PROJECT_NOT_FOUND, BAD_QUERY_PARAMETER (q empty or over 64 characters).
Result<std::vector<HouseMatch>> LookupHouses(db::Database& db, const crypto::SecretKey& key,
                                             const Clock& clock, const TenantContext& ctx,
                                             const HouseLookup& q);

}  // namespace anju::property
