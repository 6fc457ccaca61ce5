// Buildings (楼栋), entrances (单元) and floors (楼层): the skeleton houses hang from.
// A house's code embeds its building's and entrance's codes, so renaming either code
// recomputes the codes of the houses below in the same transaction.
#include <map>

#include "modules/audit/audit_log.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_service.h"

namespace anju::property {

using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kSelectBuilding =
    "SELECT id, project_id, code, name, kind, floors_above, floors_below, created_at, "
    "updated_at FROM buildings WHERE id = ? AND company_id = ?";
constexpr std::string_view kBuildingColumns =
    "SELECT id, project_id, code, name, kind, floors_above, floors_below, created_at, "
    "updated_at";
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

constexpr std::string_view kSelectEntrance =
    "SELECT id, project_id, building_id, code, name, created_at, updated_at FROM entrances "
    "WHERE id = ? AND company_id = ?";
constexpr std::string_view kEntranceColumns =
    "SELECT id, project_id, building_id, code, name, created_at, updated_at";
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

constexpr std::string_view kSelectFloor =
    "SELECT id, project_id, building_id, entrance_id, number, name, created_at, updated_at "
    "FROM floors WHERE id = ? AND company_id = ?";
constexpr std::string_view kFloorColumns =
    "SELECT id, project_id, building_id, entrance_id, number, name, created_at, updated_at";
constexpr std::string_view kFloorNumberUsed =
    "SELECT 1 FROM floors WHERE entrance_id = ? AND number = ? AND id <> ?";
constexpr std::string_view kInsertFloor =
    "INSERT INTO floors (company_id, project_id, building_id, entrance_id, number, name, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateFloor =
    "UPDATE floors SET number = ?, name = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kFloorHasHouses = "SELECT 1 FROM houses WHERE floor_id = ? LIMIT 1";
constexpr std::string_view kDeleteFloor = "DELETE FROM floors WHERE id = ?";

// House codes are "<building code>-<entrance code>-<number>".
constexpr std::string_view kRecodeHousesOfBuilding =
    "UPDATE houses SET code = (SELECT b.code FROM buildings b WHERE b.id = houses.building_id) "
    "|| '-' || (SELECT e.code FROM entrances e WHERE e.id = houses.entrance_id) || '-' || "
    "houses.number, updated_at = ? WHERE building_id = ?";
constexpr std::string_view kRecodeHousesOfEntrance =
    "UPDATE houses SET code = (SELECT b.code FROM buildings b WHERE b.id = houses.building_id) "
    "|| '-' || (SELECT e.code FROM entrances e WHERE e.id = houses.entrance_id) || '-' || "
    "houses.number, updated_at = ? WHERE entrance_id = ?";

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

const std::initializer_list<std::string_view> kBuildingKinds = {"residential", "commercial",
                                                                "parking", "office", "mixed"};

// "12层" above ground, "B2" below.
std::string DefaultFloorName(int64_t number) {
  return number > 0 ? std::to_string(number) + "层" : "B" + std::to_string(-number);
}

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
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  auto project_id = r.Int("project_id", true, 1, kMaxId);
  auto code = r.Str("code", true, 20);
  auto name = r.Str("name", true, 50);
  auto kind = r.Enum("kind", true, kBuildingKinds);
  auto above = r.Int("floors_above", false, 0, 200);
  auto below = r.Int("floors_below", false, 0, 10);
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kBuildingCodeTaken, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, perm::kStructureWrite, *project_id));
    if (tx.QueryOne(kBuildingCodeUsed, {*project_id, *code, int64_t{0}}))
      return FieldErr(kBuildingCodeTaken, "code", "taken");
    Millis now = clock_.Now();
    Building b{0, *project_id, *code, *name, *kind, above.value_or(0), below.value_or(0), now, now};
    b.id = tx.InsertId(kInsertBuilding, {ctx.company_id, b.project_id, b.code, b.name, b.kind,
                                         b.floors_above, b.floors_below, now, now});
    json::value after = b.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.building.create", "building", b.id, b.project_id, nullptr, after},
                  now);
    return after;
  });
}

JsonResult PropertyService::UpdateBuilding(const TenantContext& ctx, int64_t id,
                                           const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  auto code = r.Str("code", false, 20, 1);
  auto name = r.Str("name", false, 50, 1);
  auto kind = r.Enum("kind", false, kBuildingKinds);
  auto above = r.Int("floors_above", false, 0, 200);
  auto below = r.Int("floors_below", false, 0, 10);
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kHouseCodeTaken, [&](db::Tx& tx) -> JsonResult {
    auto found =
        Find<Building>(tx, ctx, kSelectBuilding, id, perm::kStructureWrite, kBuildingNotFound);
    if (!found.ok()) return found.take_error();
    Building b = *found;
    json::value before = b.Json();
    bool recode = code && *code != b.code;
    if (recode && tx.QueryOne(kBuildingCodeUsed, {b.project_id, *code, b.id}))
      return FieldErr(kBuildingCodeTaken, "code", "taken");
    Millis now = clock_.Now();
    b.code = code.value_or(b.code);
    b.name = name.value_or(b.name);
    b.kind = kind.value_or(b.kind);
    b.floors_above = above.value_or(b.floors_above);
    b.floors_below = below.value_or(b.floors_below);
    b.updated_at = now;
    tx.Exec(kUpdateBuilding, {b.code, b.name, b.kind, b.floors_above, b.floors_below, now, b.id});
    if (recode) tx.Exec(kRecodeHousesOfBuilding, {now, b.id});
    json::value after = b.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.building.update", "building", b.id, b.project_id, before, after}, now);
    return after;
  });
}

Status PropertyService::DeleteBuilding(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto b = Find<Building>(tx, ctx, kSelectBuilding, id, perm::kStructureWrite, kBuildingNotFound);
    if (!b.ok()) return b.take_error();
    if (tx.QueryOne(kBuildingHasHouses, {id})) return Error(kBuildingNotEmpty);
    tx.Exec(kDeleteBuildingFloors, {id});
    tx.Exec(kDeleteBuildingEntrances, {id});
    tx.Exec(kDeleteBuilding, {id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.building.delete", "building", id, b->project_id, b->Json(), nullptr},
                  clock_.Now());
    return Status::Ok();
  });
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
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  auto building_id = r.Int("building_id", true, 1, kMaxId);
  auto code = r.Str("code", true, 20);
  auto name = r.Str("name", true, 50);
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kEntranceCodeTaken, [&](db::Tx& tx) -> JsonResult {
    auto b = Find<Building>(tx, ctx, kSelectBuilding, *building_id, perm::kStructureWrite,
                            kBuildingNotFound);
    if (!b.ok()) return FieldErr(b.error(), "building_id", "not_found");
    if (tx.QueryOne(kEntranceCodeUsed, {b->id, *code, int64_t{0}}))
      return FieldErr(kEntranceCodeTaken, "code", "taken");
    Millis now = clock_.Now();
    Entrance e{0, b->project_id, b->id, *code, *name, now, now};
    e.id = tx.InsertId(kInsertEntrance,
                       {ctx.company_id, e.project_id, e.building_id, e.code, e.name, now, now});
    json::value after = e.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.entrance.create", "entrance", e.id, e.project_id, nullptr, after},
                  now);
    return after;
  });
}

JsonResult PropertyService::UpdateEntrance(const TenantContext& ctx, int64_t id,
                                           const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id", "building_id"});
  auto code = r.Str("code", false, 20, 1);
  auto name = r.Str("name", false, 50, 1);
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kHouseCodeTaken, [&](db::Tx& tx) -> JsonResult {
    auto found =
        Find<Entrance>(tx, ctx, kSelectEntrance, id, perm::kStructureWrite, kEntranceNotFound);
    if (!found.ok()) return found.take_error();
    Entrance e = *found;
    json::value before = e.Json();
    bool recode = code && *code != e.code;
    if (recode && tx.QueryOne(kEntranceCodeUsed, {e.building_id, *code, e.id}))
      return FieldErr(kEntranceCodeTaken, "code", "taken");
    Millis now = clock_.Now();
    e.code = code.value_or(e.code);
    e.name = name.value_or(e.name);
    e.updated_at = now;
    tx.Exec(kUpdateEntrance, {e.code, e.name, now, e.id});
    if (recode) tx.Exec(kRecodeHousesOfEntrance, {now, e.id});
    json::value after = e.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.entrance.update", "entrance", e.id, e.project_id, before, after}, now);
    return after;
  });
}

Status PropertyService::DeleteEntrance(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto e = Find<Entrance>(tx, ctx, kSelectEntrance, id, perm::kStructureWrite, kEntranceNotFound);
    if (!e.ok()) return e.take_error();
    if (tx.QueryOne(kEntranceHasHouses, {id})) return Error(kEntranceNotEmpty);
    tx.Exec(kDeleteEntranceFloors, {id});
    tx.Exec(kDeleteEntrance, {id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.entrance.delete", "entrance", id, e->project_id, e->Json(), nullptr},
                  clock_.Now());
    return Status::Ok();
  });
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
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id", "building_id"});
  auto entrance_id = r.Int("entrance_id", true, 1, kMaxId);
  auto number = r.Int("number", true, -10, 200);
  auto name = r.Str("name", false, 20, 1);
  if (number && *number == 0) r.Fail("number", "invalid", "There is no floor 0");
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kFloorNumberTaken, [&](db::Tx& tx) -> JsonResult {
    auto e = Find<Entrance>(tx, ctx, kSelectEntrance, *entrance_id, perm::kStructureWrite,
                            kEntranceNotFound);
    if (!e.ok()) return FieldErr(e.error(), "entrance_id", "not_found");
    if (tx.QueryOne(kFloorNumberUsed, {e->id, *number, int64_t{0}}))
      return FieldErr(kFloorNumberTaken, "number", "taken");
    Millis now = clock_.Now();
    Floor f{0,
            e->project_id,
            e->building_id,
            e->id,
            *number,
            name.value_or(DefaultFloorName(*number)),
            now,
            now};
    f.id = tx.InsertId(kInsertFloor, {ctx.company_id, f.project_id, f.building_id, f.entrance_id,
                                      f.number, f.name, now, now});
    json::value after = f.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.floor.create", "floor", f.id, f.project_id, nullptr, after}, now);
    return after;
  });
}

JsonResult PropertyService::UpdateFloor(const TenantContext& ctx, int64_t id,
                                        const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id", "building_id", "entrance_id"});
  auto number = r.Int("number", false, -10, 200);
  auto name = r.Str("name", false, 20, 1);
  if (number && *number == 0) r.Fail("number", "invalid", "There is no floor 0");
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kFloorNumberTaken, [&](db::Tx& tx) -> JsonResult {
    auto found = Find<Floor>(tx, ctx, kSelectFloor, id, perm::kStructureWrite, kFloorNotFound);
    if (!found.ok()) return found.take_error();
    Floor f = *found;
    json::value before = f.Json();
    if (number && *number != f.number &&
        tx.QueryOne(kFloorNumberUsed, {f.entrance_id, *number, f.id}))
      return FieldErr(kFloorNumberTaken, "number", "taken");
    Millis now = clock_.Now();
    f.number = number.value_or(f.number);
    f.name = name.value_or(f.name);
    f.updated_at = now;
    tx.Exec(kUpdateFloor, {f.number, f.name, now, f.id});
    json::value after = f.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.floor.update", "floor", f.id, f.project_id, before, after}, now);
    return after;
  });
}

Status PropertyService::DeleteFloor(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kStructureWrite));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto f = Find<Floor>(tx, ctx, kSelectFloor, id, perm::kStructureWrite, kFloorNotFound);
    if (!f.ok()) return f.take_error();
    if (tx.QueryOne(kFloorHasHouses, {id})) return Error(kFloorNotEmpty);
    tx.Exec(kDeleteFloor, {id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.floor.delete", "floor", id, f->project_id, f->Json(), nullptr},
                  clock_.Now());
    return Status::Ok();
  });
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
