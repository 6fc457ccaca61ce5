// Houses (房屋) at transaction level (property_tx.h).
//
// A house hangs from a floor; its company, project, building and entrance are copied from
// the floor so that scoping and reports need no joins, and its code
// "<building code>-<entrance code>-<number>" is unique in the project.
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/house_rows.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"

namespace anju::property::tx {

namespace json = boost::json;
using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

// The floor a house hangs from, with the codes its own code is made of.
constexpr std::string_view kFloorForHouse =
    "SELECT f.project_id, f.building_id, f.entrance_id, b.code, e.code FROM floors f "
    "JOIN buildings b ON b.id = f.building_id JOIN entrances e ON e.id = f.entrance_id "
    "WHERE f.id = ? AND f.company_id = ?";
constexpr std::string_view kHouseCodeUsed =
    "SELECT 1 FROM houses WHERE project_id = ? AND code = ? AND id <> ?";
constexpr std::string_view kInsertHouse =
    "INSERT INTO houses (company_id, project_id, building_id, entrance_id, floor_id, number, "
    "code, kind, status, gross_area, net_area, delivered_on, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateHouse =
    "UPDATE houses SET building_id = ?, entrance_id = ?, floor_id = ?, number = ?, code = ?, "
    "kind = ?, status = ?, gross_area = ?, net_area = ?, delivered_on = ?, updated_at = ? "
    "WHERE id = ?";
constexpr std::string_view kAnyResidentOfHouse =
    "SELECT 1 FROM house_residents WHERE house_id = ? LIMIT 1";
constexpr std::string_view kAnyVehicleOfHouse = "SELECT 1 FROM vehicles WHERE house_id = ? LIMIT 1";
constexpr std::string_view kAnyParkingOfHouse =
    "SELECT 1 FROM parking_spaces WHERE house_id = ? LIMIT 1";
constexpr std::string_view kDeleteHouse = "DELETE FROM houses WHERE id = ?";

struct FloorOfHouse {
  int64_t project_id, building_id, entrance_id;
  std::string building_code, entrance_code;
};

Result<FloorOfHouse> FindFloor(db::Tx& tx, const TenantContext& ctx, int64_t floor_id) {
  auto r = tx.QueryOne(kFloorForHouse, {floor_id, ctx.company_id});
  if (!r || !InScope(ctx, perm::kHouseWrite, r->Int(0), kFloorNotFound).ok())
    return FieldErr(kFloorNotFound, "floor_id", "not_found");
  return FloorOfHouse{r->Int(0), r->Int(1), r->Int(2), r->Str(3), r->Str(4)};
}

std::string HouseCode(const FloorOfHouse& f, const std::string& number) {
  return f.building_code + "-" + f.entrance_code + "-" + number;
}

}  // namespace

Result<House> CreateHouse(db::Tx& tx, const TenantContext& ctx, const CreateHouseCommand& cmd,
                          Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kHouseWrite));
  auto floor = FindFloor(tx, ctx, cmd.floor_id);
  if (!floor.ok()) return floor.take_error();
  std::string code = HouseCode(*floor, cmd.number);
  if (tx.QueryOne(kHouseCodeUsed, {floor->project_id, code, int64_t{0}}))
    return FieldErr(kHouseCodeTaken, "number", "taken");
  int64_t id = tx.InsertId(
      kInsertHouse,
      {ctx.company_id, floor->project_id, floor->building_id, floor->entrance_id, cmd.floor_id,
       cmd.number, code, cmd.kind, cmd.status, cmd.gross_area, cmd.net_area,
       Nullable(cmd.delivered_on), now, now});
  House after = *LoadHouse(tx, ctx.company_id, id);
  audit::Append(
      tx, audit::Actor::Of(ctx),
      {"property.house.create", "house", id, floor->project_id, nullptr, HouseJson(after)}, now);
  return after;
}

Result<House> UpdateHouse(db::Tx& tx, const TenantContext& ctx, int64_t id,
                          const UpdateHouseCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kHouseWrite));
  const auto& [floor_id, number, kind, status, gross, net, delivered_on, clear_delivered] = cmd;
  auto found = FindHouse(tx, ctx, id, perm::kHouseWrite);
  if (!found.ok()) return found.take_error();
  House h = std::move(*found);
  json::value before = HouseJson(h);
  h.gross_area = gross.value_or(h.gross_area);
  h.net_area = net.value_or(h.net_area);
  if (h.net_area > h.gross_area)
    return FieldErr(errors::kValidation, "net_area", "greater_than_gross",
                    "The net area cannot exceed the gross area");
  if (floor_id || number) {
    auto floor = FindFloor(tx, ctx, floor_id.value_or(h.floor_id));
    if (!floor.ok()) return floor.take_error();
    if (floor->project_id != h.project_id)
      return FieldErr(errors::kValidation, "floor_id", "other_project",
                      "A house cannot move to another project");
    h.floor_id = floor_id.value_or(h.floor_id);
    h.building_id = floor->building_id;
    h.entrance_id = floor->entrance_id;
    h.number = number.value_or(h.number);
    std::string code = HouseCode(*floor, h.number);
    if (code != h.code && tx.QueryOne(kHouseCodeUsed, {h.project_id, code, h.id}))
      return FieldErr(kHouseCodeTaken, "number", "taken");
    h.code = code;
  }
  h.kind = kind.value_or(h.kind);
  h.status = status.value_or(h.status);
  if (delivered_on) h.delivered_on = delivered_on;
  if (clear_delivered) h.delivered_on.reset();
  tx.Exec(kUpdateHouse, {h.building_id, h.entrance_id, h.floor_id, h.number, h.code, h.kind,
                         h.status, h.gross_area, h.net_area, Nullable(h.delivered_on), now, h.id});
  House after = *LoadHouse(tx, ctx.company_id, id);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.house.update", "house", id, h.project_id, before, HouseJson(after)},
                now);
  return after;
}

Status DeleteHouse(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now,
                   const HouseBills& bills) {
  ANJU_TRY(identity::Require(ctx, perm::kHouseWrite));
  auto h = FindHouse(tx, ctx, id, perm::kHouseWrite);
  if (!h.ok()) return h.take_error();
  if (tx.QueryOne(kAnyResidentOfHouse, {id})) return Error(kHouseHasResidents);
  if (tx.QueryOne(kAnyVehicleOfHouse, {id})) return Error(kHouseHasVehicles);
  if (tx.QueryOne(kAnyParkingOfHouse, {id})) return Error(kHouseHasParking);
  // Bills name their house by a foreign key: a clear refusal, not a constraint failure.
  if (bills.HasBills(tx, id)) return Error(kHouseHasBills);
  tx.Exec(kDeleteHouse, {id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.house.delete", "house", id, h->project_id, HouseJson(*h), nullptr}, now);
  return Status::Ok();
}

std::optional<House> FindHouseByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                     std::string_view code) {
  return LoadHouseWhere(tx, company_id, " AND h.project_id = ? AND h.code = ?",
                        {project_id, std::string(code)});
}

}  // namespace anju::property::tx
