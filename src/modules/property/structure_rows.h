// The SQL of buildings (楼栋), entrances (单元) and floors (楼层) and their rows as values
// (property_types.h), shared by the reads (structure_service.cc) and the writes
// (property_tx_building.cc, property_tx_entrance.cc). Not part of the module's interface.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_types.h"

namespace anju::property::internal {

inline constexpr std::string_view kBuildingColumns =
    "SELECT id, project_id, code, name, kind, floors_above, floors_below, created_at, "
    "updated_at";
inline constexpr std::string_view kSelectBuilding =
    "SELECT id, project_id, code, name, kind, floors_above, floors_below, created_at, "
    "updated_at FROM buildings WHERE id = ? AND company_id = ?";
inline constexpr std::string_view kEntranceColumns =
    "SELECT id, project_id, building_id, code, name, created_at, updated_at";
inline constexpr std::string_view kSelectEntrance =
    "SELECT id, project_id, building_id, code, name, created_at, updated_at FROM entrances "
    "WHERE id = ? AND company_id = ?";
inline constexpr std::string_view kFloorColumns =
    "SELECT id, project_id, building_id, entrance_id, number, name, created_at, updated_at";
inline constexpr std::string_view kSelectFloor =
    "SELECT id, project_id, building_id, entrance_id, number, name, created_at, updated_at "
    "FROM floors WHERE id = ? AND company_id = ?";

inline const std::initializer_list<std::string_view> kBuildingKinds = {
    "residential", "commercial", "parking", "office", "mixed"};

// Rows of the k*Columns above as their values (property_types.h).
template <>
inline Building RowOf<Building>(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4),
          r.Int(5), r.Int(6), r.Int(7), r.Int(8)};
}
template <>
inline Entrance RowOf<Entrance>(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Str(3), r.Str(4), r.Int(5), r.Int(6)};
}
template <>
inline Floor RowOf<Floor>(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Str(5), r.Int(6), r.Int(7)};
}

// Loads a row of the caller's company that the caller may reach with `code`.
template <class T>
Result<T> Find(db::Tx& tx, const TenantContext& ctx, std::string_view sql, int64_t id,
               std::string_view code, const ErrorDef& not_found) {
  auto r = tx.QueryOne(sql, {id, ctx.company_id});
  if (!r) return Error(not_found);
  T row = RowOf<T>(*r);
  ANJU_TRY(InScope(ctx, code, row.project_id, not_found));
  return row;
}

}  // namespace anju::property::internal
