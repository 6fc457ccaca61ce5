// Rows of buildings (楼栋), entrances (单元) and floors (楼层) as the API shows them, shared
// by the reads (structure_service.cc) and the writes (property_tx_structure.cc). Not part of
// the module's interface.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/property/property_internal.h"

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

struct Building {
  int64_t id = 0, project_id = 0;
  std::string code, name, kind;
  int64_t floors_above = 0, floors_below = 0;
  Millis created_at = 0, updated_at = 0;

  static Building Of(const db::Row& r) {
    return {r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4),
            r.Int(5), r.Int(6), r.Int(7), r.Int(8)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"code", code},
                        {"name", name},
                        {"kind", kind},
                        {"floors_above", floors_above},
                        {"floors_below", floors_below},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

struct Entrance {
  int64_t id = 0, project_id = 0, building_id = 0;
  std::string code, name;
  Millis created_at = 0, updated_at = 0;

  static Entrance Of(const db::Row& r) {
    return {r.Int(0), r.Int(1), r.Int(2), r.Str(3), r.Str(4), r.Int(5), r.Int(6)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"building_id", building_id},
                        {"code", code},
                        {"name", name},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

struct Floor {
  int64_t id = 0, project_id = 0, building_id = 0, entrance_id = 0, number = 0;
  std::string name;
  Millis created_at = 0, updated_at = 0;

  static Floor Of(const db::Row& r) {
    return {r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Str(5), r.Int(6), r.Int(7)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"building_id", building_id},
                        {"entrance_id", entrance_id},
                        {"number", number},
                        {"name", name},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

// Loads a row of the caller's company that the caller may reach with `code`.
template <class T>
Result<T> Find(db::Tx& tx, const TenantContext& ctx, std::string_view sql, int64_t id,
               std::string_view code, const ErrorDef& not_found) {
  auto r = tx.QueryOne(sql, {id, ctx.company_id});
  if (!r) return Error(not_found);
  T row = T::Of(*r);
  ANJU_TRY(InScope(ctx, code, row.project_id, not_found));
  return row;
}

}  // namespace anju::property::internal
