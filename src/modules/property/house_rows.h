// The SQL of houses (房屋) and of house↔resident links and their rows as values
// (property_types.h), shared by the reads (house_service.cc) and the writes
// (property_tx_house.cc, property_tx_link.cc). Not part of the module's interface.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_types.h"

namespace anju::property::internal {

inline constexpr std::string_view kHouseColumns =
    "SELECT h.id, h.project_id, h.building_id, h.entrance_id, h.floor_id, h.number, h.code, "
    "h.kind, h.status, h.gross_area, h.net_area, h.delivered_on, h.created_at, h.updated_at, "
    "b.name, e.name, f.name, f.number, "
    "(SELECT COUNT(*) FROM house_residents hr WHERE hr.house_id = h.id)";
inline constexpr std::string_view kHouseFrom =
    "FROM houses h JOIN buildings b ON b.id = h.building_id "
    "JOIN entrances e ON e.id = h.entrance_id JOIN floors f ON f.id = h.floor_id "
    "WHERE h.company_id = ?";
// The same rows without the joins that only add names (every house has its floor etc.).
inline constexpr std::string_view kHouseCountFrom = "FROM houses h WHERE h.company_id = ?";

inline constexpr std::string_view kLinkColumns =
    "SELECT hr.id, hr.house_id, hr.resident_id, r.name, r.phone_enc, r.phone_last4, "
    "hr.relation, hr.start_date, hr.end_date, hr.created_at, hr.updated_at "
    "FROM house_residents hr JOIN residents r ON r.id = hr.resident_id";
inline constexpr std::string_view kLinksOfHouse =
    " WHERE hr.house_id = ? ORDER BY hr.start_date, hr.id";
inline constexpr std::string_view kLinkById = " WHERE hr.id = ? AND hr.house_id = ?";

inline const std::initializer_list<std::string_view> kHouseKinds = {"residential", "shop",
                                                                    "parking", "office", "storage"};
inline const std::initializer_list<std::string_view> kHouseStatuses = {"vacant", "self_occupied",
                                                                       "rented", "decorating"};
inline const std::initializer_list<std::string_view> kRelations = {"owner", "family", "tenant"};

template <>
inline House RowOf<House>(const db::Row& r) {
  return {r.Int(0),  r.Int(1),  r.Int(2),  r.Int(3),  r.Int(4),     r.Str(5),  r.Str(6),
          r.Str(7),  r.Str(8),  r.Int(9),  r.Int(10), r.OptStr(11), r.Int(12), r.Int(13),
          r.Str(14), r.Str(15), r.Str(16), r.Int(17), r.Int(18)};
}

// A house of the company, or nullopt; `where` is more conditions on h with their params.
inline std::optional<House> LoadHouseWhere(db::Tx& tx, int64_t company_id, std::string_view where,
                                           db::Params params) {
  std::string sql = std::string(kHouseColumns) + " " + std::string(kHouseFrom) + std::string(where);
  params.insert(params.begin(), company_id);
  auto r = tx.QueryOne(sql, params);
  if (!r) return std::nullopt;
  return RowOf<House>(*r);
}

inline std::optional<House> LoadHouse(db::Tx& tx, int64_t company_id, int64_t id) {
  return LoadHouseWhere(tx, company_id, " AND h.id = ?", {id});
}

// A house the caller may reach: a resident's own house, or one in a project where a staff
// caller holds `code`. HOUSE_NOT_FOUND otherwise (403 when the code is not held at all).
inline Result<House> FindHouse(db::Tx& tx, const TenantContext& ctx, int64_t id,
                               std::string_view code) {
  auto h = LoadHouse(tx, ctx.company_id, id);
  if (!h) return Error(kHouseNotFound);
  if (ctx.IsResident()) {
    if (!ctx.OwnsHouse(id)) return Error(kHouseNotFound);
  } else {
    ANJU_TRY(InScope(ctx, code, h->project_id, kHouseNotFound));
  }
  return std::move(*h);
}

// A row of kLinkColumns as its value, the phone masked with `key`.
inline HouseLink LinkOf(const db::Row& r, const crypto::SecretKey& key) {
  return {r.Int(0),  r.Int(1),    r.Int(2),
          r.Str(3),  MaskedPhone(key, r.Str(4), r.Str(5)),
          r.Str(6),  r.Str(7),    r.OptStr(8),
          r.Int(9),  r.Int(10)};
}

}  // namespace anju::property::internal
