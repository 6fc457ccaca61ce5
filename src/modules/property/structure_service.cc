// Buildings (楼栋), entrances (单元) and floors (楼层): the skeleton houses hang from.
// Reads here; the writes are property_tx_building.cc / property_tx_entrance.cc, wrapped
// in a transaction of their own.
#include <map>

#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_service.h"
#include "modules/property/property_tx.h"
#include "modules/property/structure_rows.h"

namespace anju::property {

using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kTreeBuildings =
    "SELECT id, code, name, kind FROM buildings WHERE company_id = ? AND project_id = ? "
    "ORDER BY code, id";
constexpr std::string_view kTreeEntrances =
    "SELECT id, building_id, code, name FROM entrances WHERE company_id = ? AND project_id = ? "
    "ORDER BY code, id";
constexpr std::string_view kTreeFloors =
    "SELECT id, entrance_id, number, name FROM floors WHERE company_id = ? AND project_id = ? "
    "ORDER BY number, id";
constexpr std::string_view kTreeHouseCounts =
    "SELECT floor_id, COUNT(*) FROM houses WHERE company_id = ? AND project_id = ? "
    "GROUP BY floor_id";

Result<json::value> EmptyList(const Page& page) { return ListJson(json::array(), 0, page); }

}  // namespace

// ---- buildings ----------------------------------------------------------------------------

JsonResult PropertyService::ListBuildings(const TenantContext& ctx,
                                          std::optional<int64_t> project_id, const Page& page) {
  if (ctx.IsResident()) return EmptyList(page);
  ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
  std::string where = "FROM buildings WHERE company_id = ?";
  db::Params params{ctx.company_id};
  if (project_id) {
    where += " AND project_id = ?";
    params.emplace_back(*project_id);
  }
  identity::AppendProjectScope(ctx, perm::kHouseRead, "project_id", where, params);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    PageRows pr =
        QueryPage(tx, kBuildingColumns, where, params, ByteOrder(tx, "code") + ", id", page);
    json::array items;
    for (const db::Row& r : pr.rows) items.push_back(Building::Of(r).Json());
    return ListJson(std::move(items), pr.total, page);
  });
}

JsonResult PropertyService::GetBuilding(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto b = Find<Building>(tx, ctx, kSelectBuilding, id, perm::kHouseRead, kBuildingNotFound);
    if (!b.ok()) return b.take_error();
    return b->Json();
  });
}

JsonResult PropertyService::CreateBuilding(const TenantContext& ctx, const json::object& body) {
  return WriteTx(db_, kBuildingCodeTaken,
                 [&](db::Tx& tx) { return tx::CreateBuilding(tx, ctx, body, clock_.Now()); });
}

JsonResult PropertyService::UpdateBuilding(const TenantContext& ctx, int64_t id,
                                           const json::object& body) {
  return WriteTx(db_, kHouseCodeTaken,
                 [&](db::Tx& tx) { return tx::UpdateBuilding(tx, ctx, id, body, clock_.Now()); });
}

Status PropertyService::DeleteBuilding(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return tx::DeleteBuilding(tx, ctx, id, clock_.Now()); });
}

// ---- entrances ----------------------------------------------------------------------------

JsonResult PropertyService::ListEntrances(const TenantContext& ctx,
                                          std::optional<int64_t> building_id,
                                          std::optional<int64_t> project_id, const Page& page) {
  if (!building_id && !project_id)
    return FieldErr(errors::kBadQuery, "building_id", "required",
                    "building_id or project_id is required");
  if (ctx.IsResident()) return EmptyList(page);
  ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
  std::string where = "FROM entrances WHERE company_id = ?";
  db::Params params{ctx.company_id};
  if (building_id) {
    where += " AND building_id = ?";
    params.emplace_back(*building_id);
  }
  if (project_id) {
    where += " AND project_id = ?";
    params.emplace_back(*project_id);
  }
  identity::AppendProjectScope(ctx, perm::kHouseRead, "project_id", where, params);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    PageRows pr =
        QueryPage(tx, kEntranceColumns, where, params, ByteOrder(tx, "code") + ", id", page);
    json::array items;
    for (const db::Row& r : pr.rows) items.push_back(Entrance::Of(r).Json());
    return ListJson(std::move(items), pr.total, page);
  });
}

JsonResult PropertyService::GetEntrance(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto e = Find<Entrance>(tx, ctx, kSelectEntrance, id, perm::kHouseRead, kEntranceNotFound);
    if (!e.ok()) return e.take_error();
    return e->Json();
  });
}

JsonResult PropertyService::CreateEntrance(const TenantContext& ctx, const json::object& body) {
  return WriteTx(db_, kEntranceCodeTaken,
                 [&](db::Tx& tx) { return tx::CreateEntrance(tx, ctx, body, clock_.Now()); });
}

JsonResult PropertyService::UpdateEntrance(const TenantContext& ctx, int64_t id,
                                           const json::object& body) {
  return WriteTx(db_, kHouseCodeTaken,
                 [&](db::Tx& tx) { return tx::UpdateEntrance(tx, ctx, id, body, clock_.Now()); });
}

Status PropertyService::DeleteEntrance(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return tx::DeleteEntrance(tx, ctx, id, clock_.Now()); });
}

// ---- floors -------------------------------------------------------------------------------

JsonResult PropertyService::ListFloors(const TenantContext& ctx, std::optional<int64_t> entrance_id,
                                       std::optional<int64_t> building_id, const Page& page) {
  if (!entrance_id && !building_id)
    return FieldErr(errors::kBadQuery, "entrance_id", "required",
                    "entrance_id or building_id is required");
  if (ctx.IsResident()) return EmptyList(page);
  ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
  std::string where = "FROM floors WHERE company_id = ?";
  db::Params params{ctx.company_id};
  if (entrance_id) {
    where += " AND entrance_id = ?";
    params.emplace_back(*entrance_id);
  }
  if (building_id) {
    where += " AND building_id = ?";
    params.emplace_back(*building_id);
  }
  identity::AppendProjectScope(ctx, perm::kHouseRead, "project_id", where, params);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    PageRows pr = QueryPage(tx, kFloorColumns, where, params, "entrance_id, number, id", page);
    json::array items;
    for (const db::Row& r : pr.rows) items.push_back(Floor::Of(r).Json());
    return ListJson(std::move(items), pr.total, page);
  });
}

JsonResult PropertyService::CreateFloor(const TenantContext& ctx, const json::object& body) {
  return WriteTx(db_, kFloorNumberTaken,
                 [&](db::Tx& tx) { return tx::CreateFloor(tx, ctx, body, clock_.Now()); });
}

JsonResult PropertyService::UpdateFloor(const TenantContext& ctx, int64_t id,
                                        const json::object& body) {
  return WriteTx(db_, kFloorNumberTaken,
                 [&](db::Tx& tx) { return tx::UpdateFloor(tx, ctx, id, body, clock_.Now()); });
}

Status PropertyService::DeleteFloor(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return tx::DeleteFloor(tx, ctx, id, clock_.Now()); });
}

// ---- tree ---------------------------------------------------------------------------------

JsonResult PropertyService::Tree(const TenantContext& ctx, int64_t project_id) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, perm::kHouseRead, project_id));
    db::Params p{ctx.company_id, project_id};
    std::map<int64_t, int64_t> per_floor;
    for (const db::Row& r : tx.Query(kTreeHouseCounts, p)) per_floor[r.Int(0)] = r.Int(1);
    // Floors grouped by entrance, entrances by building, counting houses on the way up.
    std::map<int64_t, json::array> floors_of;
    std::map<int64_t, int64_t> per_entrance, per_building;
    for (const db::Row& r : tx.Query(kTreeFloors, p)) {
      int64_t n = per_floor[r.Int(0)];
      per_entrance[r.Int(1)] += n;
      floors_of[r.Int(1)].push_back(json::object{
          {"id", r.Int(0)}, {"number", r.Int(2)}, {"name", r.Str(3)}, {"house_count", n}});
    }
    std::map<int64_t, json::array> entrances_of;
    for (const db::Row& r : tx.Query(kTreeEntrances, p)) {
      int64_t n = per_entrance[r.Int(0)];
      per_building[r.Int(1)] += n;
      entrances_of[r.Int(1)].push_back(json::object{{"id", r.Int(0)},
                                                    {"code", r.Str(2)},
                                                    {"name", r.Str(3)},
                                                    {"house_count", n},
                                                    {"floors", std::move(floors_of[r.Int(0)])}});
    }
    json::array buildings;
    for (const db::Row& r : tx.Query(kTreeBuildings, p)) {
      buildings.push_back(json::object{{"id", r.Int(0)},
                                       {"code", r.Str(1)},
                                       {"name", r.Str(2)},
                                       {"kind", r.Str(3)},
                                       {"house_count", per_building[r.Int(0)]},
                                       {"entrances", std::move(entrances_of[r.Int(0)])}});
    }
    return json::value(
        json::object{{"project_id", project_id}, {"buildings", std::move(buildings)}});
  });
}

}  // namespace anju::property
