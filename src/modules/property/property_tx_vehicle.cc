// Vehicles (车辆) at transaction level (property_tx.h): registered per project, optionally
// tied to a house and a resident. Plates are normalised ("粤B D12345" → "粤BD12345") and
// unique per company.
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/property_service.h"
#include "modules/property/property_tx.h"
#include "modules/property/vehicle_rows.h"

namespace anju::property::tx {

namespace json = boost::json;
using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kPlateUsed =
    "SELECT 1 FROM vehicles WHERE company_id = ? AND plate = ? AND id <> ?";
constexpr std::string_view kInsertVehicle =
    "INSERT INTO vehicles (company_id, project_id, house_id, resident_id, plate, kind, brand, "
    "color, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateVehicle =
    "UPDATE vehicles SET house_id = ?, resident_id = ?, plate = ?, kind = ?, brand = ?, "
    "color = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kAnyParkingOfVehicle =
    "SELECT 1 FROM parking_spaces WHERE vehicle_id = ? LIMIT 1";
constexpr std::string_view kDeleteVehicle = "DELETE FROM vehicles WHERE id = ?";
constexpr std::string_view kResidentOfCompany =
    "SELECT 1 FROM residents WHERE id = ? AND company_id = ?";

// Checks the optional references of a vehicle body against its project.
Status CheckVehicleRefs(db::Tx& tx, const TenantContext& ctx, int64_t project_id,
                        const std::optional<int64_t>& house_id,
                        const std::optional<int64_t>& resident_id) {
  if (house_id && HouseProject(tx, ctx.company_id, *house_id) != project_id)
    return FieldErr(kHouseNotFound, "house_id", "not_found");
  // The resident must be one the caller reaches with vehicle:write (linked in their projects).
  if (resident_id && (!tx.QueryOne(kResidentOfCompany, {*resident_id, ctx.company_id}) ||
                      !ReachesResident(tx, ctx, perm::kVehicleWrite, *resident_id)))
    return FieldErr(kResidentNotFound, "resident_id", "not_found");
  return Status::Ok();
}

}  // namespace

Result<Vehicle> CreateVehicle(db::Tx& tx, const TenantContext& ctx,
                              const CreateVehicleCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kVehicleWrite));
  ANJU_TRY(CheckProject(tx, ctx, perm::kVehicleWrite, cmd.project_id));
  ANJU_TRY(CheckVehicleRefs(tx, ctx, cmd.project_id, cmd.house_id, cmd.resident_id));
  if (tx.QueryOne(kPlateUsed, {ctx.company_id, cmd.plate, int64_t{0}}))
    return FieldErr(kPlateTaken, "plate", "taken");
  Vehicle v{0,        cmd.project_id,          cmd.house_id,
            cmd.resident_id, cmd.plate,        cmd.kind,
            cmd.brand.value_or(""), cmd.color.value_or(""), now,
            now};
  v.id = tx.InsertId(kInsertVehicle,
                     {ctx.company_id, v.project_id, Nullable(v.house_id), Nullable(v.resident_id),
                      v.plate, v.kind, v.brand, v.color, now, now});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.vehicle.create", "vehicle", v.id, v.project_id, nullptr, VehicleJson(v)},
                now);
  return v;
}

Result<Vehicle> UpdateVehicle(db::Tx& tx, const TenantContext& ctx, int64_t id,
                              const UpdateVehicleCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kVehicleWrite));
  const auto& [plate, kind, brand, color, house_id, resident_id, clear_house, clear_resident] =
      cmd;
  auto row = tx.QueryOne(kSelectVehicle, {id, ctx.company_id});
  if (!row) return Error(kVehicleNotFound);
  Vehicle v = RowOf<Vehicle>(*row);
  ANJU_TRY(InScope(ctx, perm::kVehicleWrite, v.project_id, kVehicleNotFound));
  json::value before = VehicleJson(v);
  ANJU_TRY(CheckVehicleRefs(tx, ctx, v.project_id, house_id, resident_id));
  if (plate && *plate != v.plate && tx.QueryOne(kPlateUsed, {ctx.company_id, *plate, id}))
    return FieldErr(kPlateTaken, "plate", "taken");
  if (house_id || clear_house) v.house_id = house_id;
  if (resident_id || clear_resident) v.resident_id = resident_id;
  v.plate = plate.value_or(v.plate);
  v.kind = kind.value_or(v.kind);
  v.brand = brand.value_or(v.brand);
  v.color = color.value_or(v.color);
  v.updated_at = now;
  tx.Exec(kUpdateVehicle, {Nullable(v.house_id), Nullable(v.resident_id), v.plate, v.kind, v.brand,
                           v.color, now, id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.vehicle.update", "vehicle", id, v.project_id, before, VehicleJson(v)},
                now);
  return v;
}

Status DeleteVehicle(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kVehicleWrite));
  auto row = tx.QueryOne(kSelectVehicle, {id, ctx.company_id});
  if (!row) return Error(kVehicleNotFound);
  Vehicle v = RowOf<Vehicle>(*row);
  ANJU_TRY(InScope(ctx, perm::kVehicleWrite, v.project_id, kVehicleNotFound));
  if (tx.QueryOne(kAnyParkingOfVehicle, {id})) return Error(kVehicleHasParking);
  tx.Exec(kDeleteVehicle, {id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.vehicle.delete", "vehicle", id, v.project_id, VehicleJson(v), nullptr}, now);
  return Status::Ok();
}

std::optional<Vehicle> FindVehicleByPlate(db::Tx& tx, int64_t company_id, std::string_view plate) {
  auto normal = NormalizePlate(plate);
  if (!normal) return std::nullopt;
  auto r = tx.QueryOne(
      std::string(kVehicleColumns) + " FROM vehicles WHERE company_id = ? AND plate = ?",
      {company_id, *normal});
  if (!r) return std::nullopt;
  return RowOf<Vehicle>(*r);
}

}  // namespace anju::property::tx
