// Buildings (楼栋) at transaction level (property_tx.h). A house's code embeds its
// building's code, so renaming a building recomputes the codes of its houses in the same
// transaction — after checking that none of the new codes is taken in the project.
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"
#include "modules/property/structure_rows.h"

namespace anju::property::tx {

namespace json = boost::json;
using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kBuildingCodeUsed =
    "SELECT 1 FROM buildings WHERE project_id = ? AND code = ? AND id <> ?";
constexpr std::string_view kInsertBuilding =
    "INSERT INTO buildings (company_id, project_id, code, name, kind, floors_above, "
    "floors_below, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateBuilding =
    "UPDATE buildings SET code = ?, name = ?, kind = ?, floors_above = ?, floors_below = ?, "
    "updated_at = ? WHERE id = ?";
constexpr std::string_view kBuildingHasHouses =
    "SELECT 1 FROM houses WHERE building_id = ? LIMIT 1";
constexpr std::string_view kDeleteBuildingFloors = "DELETE FROM floors WHERE building_id = ?";
constexpr std::string_view kDeleteBuildingEntrances = "DELETE FROM entrances WHERE building_id = ?";
constexpr std::string_view kDeleteBuilding = "DELETE FROM buildings WHERE id = ?";
constexpr std::string_view kBuildingByCode =
    " WHERE company_id = ? AND project_id = ? AND code = ?";

// House codes are "<building code>-<entrance code>-<number>". The houses of one building
// keep distinct codes under a new building code (their suffixes differ), so a rename can
// only clash with houses of the project's other buildings.
constexpr std::string_view kRecodeClashes =
    "SELECT 1 FROM houses h JOIN entrances e ON e.id = h.entrance_id WHERE h.building_id = ? "
    "AND EXISTS (SELECT 1 FROM houses o WHERE o.project_id = h.project_id AND "
    "o.building_id <> h.building_id AND o.code = CAST(? AS TEXT) || '-' || e.code || '-' || "
    "h.number) LIMIT 1";
constexpr std::string_view kRecodeHouses =
    "UPDATE houses SET code = (SELECT b.code FROM buildings b WHERE b.id = houses.building_id) "
    "|| '-' || (SELECT e.code FROM entrances e WHERE e.id = houses.entrance_id) || '-' || "
    "houses.number, updated_at = ? WHERE building_id = ?";

}  // namespace

Result<Building> CreateBuilding(db::Tx& tx, const TenantContext& ctx,
                                const CreateBuildingCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  ANJU_TRY(CheckProject(tx, ctx, perm::kStructureWrite, cmd.project_id));
  if (tx.QueryOne(kBuildingCodeUsed, {cmd.project_id, cmd.code, int64_t{0}}))
    return FieldErr(kBuildingCodeTaken, "code", "taken");
  Building b{0,        cmd.project_id,
             cmd.code, cmd.name,
             cmd.kind, cmd.floors_above.value_or(0),
             cmd.floors_below.value_or(0), now,
             now};
  b.id = tx.InsertId(kInsertBuilding, {ctx.company_id, b.project_id, b.code, b.name, b.kind,
                                       b.floors_above, b.floors_below, now, now});
  audit::Append(
      tx, audit::Actor::Of(ctx),
      {"property.building.create", "building", b.id, b.project_id, nullptr, BuildingJson(b)}, now);
  return b;
}

Result<Building> UpdateBuilding(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateBuildingCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  const auto& [code, name, kind, above, below] = cmd;
  auto found =
      Find<Building>(tx, ctx, kSelectBuilding, id, perm::kStructureWrite, kBuildingNotFound);
  if (!found.ok()) return found.take_error();
  Building b = *found;
  json::value before = BuildingJson(b);
  bool recode = code && *code != b.code;
  if (recode && tx.QueryOne(kBuildingCodeUsed, {b.project_id, *code, b.id}))
    return FieldErr(kBuildingCodeTaken, "code", "taken");
  if (recode && tx.QueryOne(kRecodeClashes, {b.id, *code}))
    return FieldErr(kHouseCodeTaken, "code", "taken");
  b.code = code.value_or(b.code);
  b.name = name.value_or(b.name);
  b.kind = kind.value_or(b.kind);
  b.floors_above = above.value_or(b.floors_above);
  b.floors_below = below.value_or(b.floors_below);
  b.updated_at = now;
  tx.Exec(kUpdateBuilding, {b.code, b.name, b.kind, b.floors_above, b.floors_below, now, b.id});
  if (recode) tx.Exec(kRecodeHouses, {now, b.id});
  audit::Append(
      tx, audit::Actor::Of(ctx),
      {"property.building.update", "building", b.id, b.project_id, before, BuildingJson(b)}, now);
  return b;
}

Status DeleteBuilding(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  auto b = Find<Building>(tx, ctx, kSelectBuilding, id, perm::kStructureWrite, kBuildingNotFound);
  if (!b.ok()) return b.take_error();
  if (tx.QueryOne(kBuildingHasHouses, {id})) return Error(kBuildingNotEmpty);
  tx.Exec(kDeleteBuildingFloors, {id});
  tx.Exec(kDeleteBuildingEntrances, {id});
  tx.Exec(kDeleteBuilding, {id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.building.delete", "building", id, b->project_id, BuildingJson(*b), nullptr},
                now);
  return Status::Ok();
}

std::optional<Building> FindBuildingByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                           std::string_view code) {
  auto r =
      tx.QueryOne(std::string(kBuildingColumns) + " FROM buildings" + std::string(kBuildingByCode),
                  {company_id, project_id, std::string(code)});
  if (!r) return std::nullopt;
  return RowOf<Building>(*r);
}

}  // namespace anju::property::tx
