// Entrances (单元) and floors (楼层) at transaction level (property_tx.h). A house's code
// embeds its entrance's code, so renaming an entrance recomputes the codes of its houses in
// the same transaction — after checking that none of the new codes is taken in the project.
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

constexpr std::string_view kEntranceCodeUsed =
    "SELECT 1 FROM entrances WHERE building_id = ? AND code = ? AND id <> ?";
constexpr std::string_view kInsertEntrance =
    "INSERT INTO entrances (company_id, project_id, building_id, code, name, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateEntrance =
    "UPDATE entrances SET code = ?, name = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kEntranceHasHouses =
    "SELECT 1 FROM houses WHERE entrance_id = ? LIMIT 1";
constexpr std::string_view kDeleteEntranceFloors = "DELETE FROM floors WHERE entrance_id = ?";
constexpr std::string_view kDeleteEntrance = "DELETE FROM entrances WHERE id = ?";

constexpr std::string_view kFloorNumberUsed =
    "SELECT 1 FROM floors WHERE entrance_id = ? AND number = ? AND id <> ?";
constexpr std::string_view kInsertFloor =
    "INSERT INTO floors (company_id, project_id, building_id, entrance_id, number, name, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateFloor =
    "UPDATE floors SET number = ?, name = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kFloorHasHouses = "SELECT 1 FROM houses WHERE floor_id = ? LIMIT 1";
constexpr std::string_view kDeleteFloor = "DELETE FROM floors WHERE id = ?";

// The houses of one entrance keep distinct codes under a new entrance code (their numbers
// differ), so a rename can only clash with houses outside the entrance.
constexpr std::string_view kRecodeClashes =
    "SELECT 1 FROM houses h JOIN buildings b ON b.id = h.building_id WHERE h.entrance_id = ? "
    "AND EXISTS (SELECT 1 FROM houses o WHERE o.project_id = h.project_id AND "
    "o.entrance_id <> h.entrance_id AND o.code = b.code || '-' || CAST(? AS TEXT) || '-' || "
    "h.number) LIMIT 1";
constexpr std::string_view kRecodeHouses =
    "UPDATE houses SET code = (SELECT b.code FROM buildings b WHERE b.id = houses.building_id) "
    "|| '-' || (SELECT e.code FROM entrances e WHERE e.id = houses.entrance_id) || '-' || "
    "houses.number, updated_at = ? WHERE entrance_id = ?";

// "12层" above ground, "B2" below.
std::string DefaultFloorName(int64_t number) {
  return number > 0 ? std::to_string(number) + "层" : "B" + std::to_string(-number);
}

}  // namespace

// ---- entrances ----------------------------------------------------------------------------

Result<Entrance> CreateEntrance(db::Tx& tx, const TenantContext& ctx,
                                const CreateEntranceCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  auto b = Find<Building>(tx, ctx, kSelectBuilding, cmd.building_id, perm::kStructureWrite,
                          kBuildingNotFound);
  if (!b.ok()) return FieldErr(b.error(), "building_id", "not_found");
  if (tx.QueryOne(kEntranceCodeUsed, {b->id, cmd.code, int64_t{0}}))
    return FieldErr(kEntranceCodeTaken, "code", "taken");
  Entrance e{0, b->project_id, b->id, cmd.code, cmd.name, now, now};
  e.id = tx.InsertId(kInsertEntrance,
                     {ctx.company_id, e.project_id, e.building_id, e.code, e.name, now, now});
  audit::Append(
      tx, audit::Actor::Of(ctx),
      {"property.entrance.create", "entrance", e.id, e.project_id, nullptr, EntranceJson(e)}, now);
  return e;
}

Result<Entrance> UpdateEntrance(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateEntranceCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  const auto& [code, name] = cmd;
  auto found =
      Find<Entrance>(tx, ctx, kSelectEntrance, id, perm::kStructureWrite, kEntranceNotFound);
  if (!found.ok()) return found.take_error();
  Entrance e = *found;
  json::value before = EntranceJson(e);
  bool recode = code && *code != e.code;
  if (recode && tx.QueryOne(kEntranceCodeUsed, {e.building_id, *code, e.id}))
    return FieldErr(kEntranceCodeTaken, "code", "taken");
  if (recode && tx.QueryOne(kRecodeClashes, {e.id, *code}))
    return FieldErr(kHouseCodeTaken, "code", "taken");
  e.code = code.value_or(e.code);
  e.name = name.value_or(e.name);
  e.updated_at = now;
  tx.Exec(kUpdateEntrance, {e.code, e.name, now, e.id});
  if (recode) tx.Exec(kRecodeHouses, {now, e.id});
  audit::Append(
      tx, audit::Actor::Of(ctx),
      {"property.entrance.update", "entrance", e.id, e.project_id, before, EntranceJson(e)}, now);
  return e;
}

Status DeleteEntrance(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  auto e = Find<Entrance>(tx, ctx, kSelectEntrance, id, perm::kStructureWrite, kEntranceNotFound);
  if (!e.ok()) return e.take_error();
  if (tx.QueryOne(kEntranceHasHouses, {id})) return Error(kEntranceNotEmpty);
  tx.Exec(kDeleteEntranceFloors, {id});
  tx.Exec(kDeleteEntrance, {id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.entrance.delete", "entrance", id, e->project_id, EntranceJson(*e), nullptr},
                now);
  return Status::Ok();
}

// ---- floors -------------------------------------------------------------------------------

Result<Floor> CreateFloor(db::Tx& tx, const TenantContext& ctx, const CreateFloorCommand& cmd,
                          Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  auto e = Find<Entrance>(tx, ctx, kSelectEntrance, cmd.entrance_id, perm::kStructureWrite,
                          kEntranceNotFound);
  if (!e.ok()) return FieldErr(e.error(), "entrance_id", "not_found");
  if (tx.QueryOne(kFloorNumberUsed, {e->id, cmd.number, int64_t{0}}))
    return FieldErr(kFloorNumberTaken, "number", "taken");
  Floor f{0,
          e->project_id,
          e->building_id,
          e->id,
          cmd.number,
          cmd.name.value_or(DefaultFloorName(cmd.number)),
          now,
          now};
  f.id = tx.InsertId(kInsertFloor, {ctx.company_id, f.project_id, f.building_id, f.entrance_id,
                                    f.number, f.name, now, now});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.floor.create", "floor", f.id, f.project_id, nullptr, FloorJson(f)}, now);
  return f;
}

Result<Floor> UpdateFloor(db::Tx& tx, const TenantContext& ctx, int64_t id,
                          const UpdateFloorCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  const auto& [number, name] = cmd;
  auto found = Find<Floor>(tx, ctx, kSelectFloor, id, perm::kStructureWrite, kFloorNotFound);
  if (!found.ok()) return found.take_error();
  Floor f = *found;
  json::value before = FloorJson(f);
  if (number && *number != f.number &&
      tx.QueryOne(kFloorNumberUsed, {f.entrance_id, *number, f.id}))
    return FieldErr(kFloorNumberTaken, "number", "taken");
  f.number = number.value_or(f.number);
  f.name = name.value_or(f.name);
  f.updated_at = now;
  tx.Exec(kUpdateFloor, {f.number, f.name, now, f.id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.floor.update", "floor", f.id, f.project_id, before, FloorJson(f)}, now);
  return f;
}

Status DeleteFloor(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  auto f = Find<Floor>(tx, ctx, kSelectFloor, id, perm::kStructureWrite, kFloorNotFound);
  if (!f.ok()) return f.take_error();
  if (tx.QueryOne(kFloorHasHouses, {id})) return Error(kFloorNotEmpty);
  tx.Exec(kDeleteFloor, {id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.floor.delete", "floor", id, f->project_id, FloorJson(*f), nullptr}, now);
  return Status::Ok();
}

// ---- look-ups -----------------------------------------------------------------------------

std::optional<Entrance> FindEntranceByCode(db::Tx& tx, int64_t company_id, int64_t building_id,
                                           std::string_view code) {
  auto r = tx.QueryOne(std::string(kEntranceColumns) +
                           " FROM entrances WHERE company_id = ? AND building_id = ? AND code = ?",
                       {company_id, building_id, std::string(code)});
  if (!r) return std::nullopt;
  return RowOf<Entrance>(*r);
}

std::optional<Floor> FindFloorByNumber(db::Tx& tx, int64_t company_id, int64_t entrance_id,
                                       int64_t number) {
  auto r = tx.QueryOne(std::string(kFloorColumns) +
                           " FROM floors WHERE company_id = ? AND entrance_id = ? AND number = ?",
                       {company_id, entrance_id, number});
  if (!r) return std::nullopt;
  return RowOf<Floor>(*r);
}

}  // namespace anju::property::tx
