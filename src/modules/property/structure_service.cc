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

template <class T>
Listing<T> EmptyList(const Page& page) {
  return Listing<T>{{}, 0, page};
}

// A page of rows as values.
template <class T>
Listing<T> ListingOf(const PageRows& pr, const Page& page) {
  Listing<T> out{{}, pr.total, page};
  out.items.reserve(pr.rows.size());
  for (const db::Row& r : pr.rows) out.items.push_back(RowOf<T>(r));
  return out;
}

}  // namespace

// ---- buildings ----------------------------------------------------------------------------

Result<Listing<Building>> PropertyService::ListBuildings(const TenantContext& ctx,
                                                         std::optional<int64_t> project_id,
                                                         const Page& page) {
  if (ctx.IsResident()) return EmptyList<Building>(page);
  ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
  std::string where = "FROM buildings WHERE company_id = ?";
  db::Params params{ctx.company_id};
  if (project_id) {
    where += " AND project_id = ?";
    params.emplace_back(*project_id);
  }
  identity::AppendProjectScope(ctx, perm::kHouseRead, "project_id", where, params);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<Building>> {
    PageRows pr =
        QueryPage(tx, kBuildingColumns, where, params, ByteOrder(tx, "code") + ", id", page);
    return ListingOf<Building>(pr, page);
  });
}

Result<Building> PropertyService::GetBuilding(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return Find<Building>(tx, ctx, kSelectBuilding, id, perm::kHouseRead, kBuildingNotFound);
  });
}

Result<Building> PropertyService::CreateBuilding(const TenantContext& ctx,
                                                 const CreateBuildingCommand& cmd) {
  return WriteTx(db_, kBuildingCodeTaken,
                 [&](db::Tx& tx) { return tx::CreateBuilding(tx, ctx, cmd, clock_.Now()); });
}

Result<Building> PropertyService::UpdateBuilding(const TenantContext& ctx, int64_t id,
                                                 const UpdateBuildingCommand& cmd) {
  return WriteTx(db_, kHouseCodeTaken,
                 [&](db::Tx& tx) { return tx::UpdateBuilding(tx, ctx, id, cmd, clock_.Now()); });
}

Status PropertyService::DeleteBuilding(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return tx::DeleteBuilding(tx, ctx, id, clock_.Now()); });
}

// ---- entrances ----------------------------------------------------------------------------

Result<Listing<Entrance>> PropertyService::ListEntrances(const TenantContext& ctx,
                                                         std::optional<int64_t> building_id,
                                                         std::optional<int64_t> project_id,
                                                         const Page& page) {
  if (!building_id && !project_id)
    return FieldErr(errors::kBadQuery, "building_id", "required",
                    "building_id or project_id is required");
  if (ctx.IsResident()) return EmptyList<Entrance>(page);
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<Entrance>> {
    PageRows pr =
        QueryPage(tx, kEntranceColumns, where, params, ByteOrder(tx, "code") + ", id", page);
    return ListingOf<Entrance>(pr, page);
  });
}

Result<Entrance> PropertyService::GetEntrance(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return Find<Entrance>(tx, ctx, kSelectEntrance, id, perm::kHouseRead, kEntranceNotFound);
  });
}

Result<Entrance> PropertyService::CreateEntrance(const TenantContext& ctx,
                                                 const CreateEntranceCommand& cmd) {
  return WriteTx(db_, kEntranceCodeTaken,
                 [&](db::Tx& tx) { return tx::CreateEntrance(tx, ctx, cmd, clock_.Now()); });
}

Result<Entrance> PropertyService::UpdateEntrance(const TenantContext& ctx, int64_t id,
                                                 const UpdateEntranceCommand& cmd) {
  return WriteTx(db_, kHouseCodeTaken,
                 [&](db::Tx& tx) { return tx::UpdateEntrance(tx, ctx, id, cmd, clock_.Now()); });
}

Status PropertyService::DeleteEntrance(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return tx::DeleteEntrance(tx, ctx, id, clock_.Now()); });
}

// ---- floors -------------------------------------------------------------------------------

Result<Listing<Floor>> PropertyService::ListFloors(const TenantContext& ctx,
                                                   std::optional<int64_t> entrance_id,
                                                   std::optional<int64_t> building_id,
                                                   const Page& page) {
  if (!entrance_id && !building_id)
    return FieldErr(errors::kBadQuery, "entrance_id", "required",
                    "entrance_id or building_id is required");
  if (ctx.IsResident()) return EmptyList<Floor>(page);
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<Floor>> {
    PageRows pr = QueryPage(tx, kFloorColumns, where, params, "entrance_id, number, id", page);
    return ListingOf<Floor>(pr, page);
  });
}

Result<Floor> PropertyService::CreateFloor(const TenantContext& ctx,
                                           const CreateFloorCommand& cmd) {
  return WriteTx(db_, kFloorNumberTaken,
                 [&](db::Tx& tx) { return tx::CreateFloor(tx, ctx, cmd, clock_.Now()); });
}

Result<Floor> PropertyService::UpdateFloor(const TenantContext& ctx, int64_t id,
                                           const UpdateFloorCommand& cmd) {
  return WriteTx(db_, kFloorNumberTaken,
                 [&](db::Tx& tx) { return tx::UpdateFloor(tx, ctx, id, cmd, clock_.Now()); });
}

Status PropertyService::DeleteFloor(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return tx::DeleteFloor(tx, ctx, id, clock_.Now()); });
}

// ---- tree ---------------------------------------------------------------------------------

Result<ProjectTree> PropertyService::Tree(const TenantContext& ctx, int64_t project_id) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ProjectTree> {
    ANJU_TRY(CheckProject(tx, ctx, perm::kHouseRead, project_id));
    db::Params p{ctx.company_id, project_id};
    std::map<int64_t, int64_t> per_floor;
    for (const db::Row& r : tx.Query(kTreeHouseCounts, p)) per_floor[r.Int(0)] = r.Int(1);
    // Floors grouped by entrance, entrances by building, counting houses on the way up.
    std::map<int64_t, std::vector<TreeFloor>> floors_of;
    std::map<int64_t, int64_t> per_entrance, per_building;
    for (const db::Row& r : tx.Query(kTreeFloors, p)) {
      int64_t n = per_floor[r.Int(0)];
      per_entrance[r.Int(1)] += n;
      floors_of[r.Int(1)].push_back(TreeFloor{r.Int(0), r.Int(2), r.Str(3), n});
    }
    std::map<int64_t, std::vector<TreeEntrance>> entrances_of;
    for (const db::Row& r : tx.Query(kTreeEntrances, p)) {
      int64_t n = per_entrance[r.Int(0)];
      per_building[r.Int(1)] += n;
      entrances_of[r.Int(1)].push_back(
          TreeEntrance{r.Int(0), r.Str(2), r.Str(3), n, std::move(floors_of[r.Int(0)])});
    }
    ProjectTree tree{project_id, {}};
    for (const db::Row& r : tx.Query(kTreeBuildings, p))
      tree.buildings.push_back(TreeBuilding{r.Int(0), r.Str(1), r.Str(2), r.Str(3),
                                            per_building[r.Int(0)],
                                            std::move(entrances_of[r.Int(0)])});
    return tree;
  });
}

}  // namespace anju::property
