// Parking spaces (车位) at transaction level (property_tx.h): codes are unique per project;
// a space may be a property unit (house_id, a house of kind "parking") and may hold one
// vehicle, both of its project.
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"
#include "modules/property/vehicle_rows.h"

namespace anju::property::tx {

namespace json = boost::json;
using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kParkingCodeUsed =
    "SELECT 1 FROM parking_spaces WHERE project_id = ? AND code = ? AND id <> ?";
constexpr std::string_view kInsertParking =
    "INSERT INTO parking_spaces (company_id, project_id, code, zone, kind, status, area, "
    "house_id, vehicle_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kUpdateParking =
    "UPDATE parking_spaces SET code = ?, zone = ?, kind = ?, status = ?, area = ?, "
    "house_id = ?, vehicle_id = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kVehicleProject =
    "SELECT project_id FROM vehicles WHERE id = ? AND company_id = ?";

// The optional house and vehicle of a space must be of its project.
Status CheckParkingRefs(db::Tx& tx, const TenantContext& ctx, int64_t project_id,
                        const std::optional<int64_t>& house_id,
                        const std::optional<int64_t>& vehicle_id) {
  if (house_id && HouseProject(tx, ctx.company_id, *house_id) != project_id)
    return FieldErr(kHouseNotFound, "house_id", "not_found");
  if (vehicle_id) {
    auto r = tx.QueryOne(kVehicleProject, {*vehicle_id, ctx.company_id});
    if (!r || r->Int(0) != project_id) return FieldErr(kVehicleNotFound, "vehicle_id", "not_found");
  }
  return Status::Ok();
}

}  // namespace

Result<ParkingSpace> CreateParkingSpace(db::Tx& tx, const TenantContext& ctx,
                                        const CreateParkingSpaceCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kParkingWrite));
  ANJU_TRY(CheckProject(tx, ctx, perm::kParkingWrite, cmd.project_id));
  ANJU_TRY(CheckParkingRefs(tx, ctx, cmd.project_id, cmd.house_id, cmd.vehicle_id));
  if (tx.QueryOne(kParkingCodeUsed, {cmd.project_id, cmd.code, int64_t{0}}))
    return FieldErr(kParkingCodeTaken, "code", "taken");
  ParkingSpace p{0,           cmd.project_id,      cmd.code,     cmd.zone.value_or(""),
                 cmd.kind,    cmd.status,          cmd.area.value_or(0), cmd.house_id,
                 cmd.vehicle_id, now,              now};
  p.id =
      tx.InsertId(kInsertParking, {ctx.company_id, p.project_id, p.code, p.zone, p.kind, p.status,
                                   p.area, Nullable(p.house_id), Nullable(p.vehicle_id), now, now});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.parking_space.create", "parking_space", p.id, p.project_id, nullptr,
                 ParkingSpaceJson(p)},
                now);
  return p;
}

Result<ParkingSpace> UpdateParkingSpace(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                        const UpdateParkingSpaceCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kParkingWrite));
  const auto& [code, zone, kind, status, area, house_id, vehicle_id, clear_house, clear_vehicle] =
      cmd;
  auto row = tx.QueryOne(kSelectParking, {id, ctx.company_id});
  if (!row) return Error(kParkingSpaceNotFound);
  ParkingSpace p = RowOf<ParkingSpace>(*row);
  ANJU_TRY(InScope(ctx, perm::kParkingWrite, p.project_id, kParkingSpaceNotFound));
  json::value before = ParkingSpaceJson(p);
  ANJU_TRY(CheckParkingRefs(tx, ctx, p.project_id, house_id, vehicle_id));
  if (code && *code != p.code && tx.QueryOne(kParkingCodeUsed, {p.project_id, *code, id}))
    return FieldErr(kParkingCodeTaken, "code", "taken");
  p.code = code.value_or(p.code);
  p.zone = zone.value_or(p.zone);
  p.kind = kind.value_or(p.kind);
  p.status = status.value_or(p.status);
  p.area = area.value_or(p.area);
  if (house_id || clear_house) p.house_id = house_id;
  if (vehicle_id || clear_vehicle) p.vehicle_id = vehicle_id;
  p.updated_at = now;
  tx.Exec(kUpdateParking, {p.code, p.zone, p.kind, p.status, p.area, Nullable(p.house_id),
                           Nullable(p.vehicle_id), now, id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.parking_space.update", "parking_space", id, p.project_id, before,
                 ParkingSpaceJson(p)},
                now);
  return p;
}

std::optional<ParkingSpace> FindParkingSpaceByCode(db::Tx& tx, int64_t company_id,
                                                   int64_t project_id, std::string_view code) {
  auto r = tx.QueryOne(std::string(kParkingColumns) +
                           " FROM parking_spaces WHERE company_id = ? AND project_id = ? AND "
                           "code = ?",
                       {company_id, project_id, std::string(code)});
  if (!r) return std::nullopt;
  return RowOf<ParkingSpace>(*r);
}

Status DeleteParkingSpace(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kParkingWrite));
  auto r = tx.QueryOne("SELECT project_id, code FROM parking_spaces WHERE id = ? AND company_id = ?",
                       {id, ctx.company_id});
  if (!r || !ctx.access.HasIn(std::string(perm::kParkingWrite), r->Int(0)))
    return Error(kParkingSpaceNotFound);
  tx.Exec("DELETE FROM parking_spaces WHERE id = ?", {id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.parking_space.delete", "parking_space", id, r->Int(0),
                 json::object{{"code", r->Str(1)}}, nullptr},
                now);
  return {};
}

}  // namespace anju::property::tx
