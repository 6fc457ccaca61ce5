// Vehicles and parking spaces as JSON, and the bodies of their writes (property_json.h).
#include "core/json_body.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/property_service.h"
#include "modules/property/vehicle_rows.h"

namespace anju::property {

namespace json = boost::json;
using internal::DeclareServerOwned;
using internal::kMaxArea;
using internal::kMaxId;
using internal::kParkingKinds;
using internal::kParkingStatuses;
using internal::kVehicleKinds;

namespace {

json::value OrNull(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::object VehicleJson(const Vehicle& v) {
  return json::object{{"id", v.id},
                      {"project_id", v.project_id},
                      {"house_id", OrNull(v.house_id)},
                      {"resident_id", OrNull(v.resident_id)},
                      {"plate", v.plate},
                      {"kind", v.kind},
                      {"brand", v.brand},
                      {"color", v.color},
                      {"created_at", FormatUtc(v.created_at)},
                      {"updated_at", FormatUtc(v.updated_at)}};
}

json::object ParkingSpaceJson(const ParkingSpace& p) {
  return json::object{{"id", p.id},
                      {"project_id", p.project_id},
                      {"code", p.code},
                      {"zone", p.zone},
                      {"kind", p.kind},
                      {"status", p.status},
                      {"area", p.area},
                      {"house_id", OrNull(p.house_id)},
                      {"vehicle_id", OrNull(p.vehicle_id)},
                      {"created_at", FormatUtc(p.created_at)},
                      {"updated_at", FormatUtc(p.updated_at)}};
}

Result<CreateVehicleCommand> ReadCreateVehicleCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  auto project_id = r.Int("project_id", true, 1, kMaxId);
  auto raw_plate = r.Str("plate", true, 20);
  auto kind = r.Enum("kind", true, kVehicleKinds);
  auto brand = r.Str("brand", false, 30);
  auto color = r.Str("color", false, 20);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto resident_id = r.Int("resident_id", false, 1, kMaxId);
  std::optional<std::string> plate;
  if (raw_plate && !(plate = NormalizePlate(*raw_plate)))
    r.Fail("plate", "invalid", "Must be a plate like 沪A12345");
  ANJU_TRY(r.Finish());
  return CreateVehicleCommand{*project_id, *plate, *kind, brand, color, house_id, resident_id};
}

Result<UpdateVehicleCommand> ReadUpdateVehicleCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  UpdateVehicleCommand cmd;
  auto raw_plate = r.Str("plate", false, 20, 1);
  cmd.kind = r.Enum("kind", false, kVehicleKinds);
  cmd.brand = r.Str("brand", false, 30);
  cmd.color = r.Str("color", false, 20);
  cmd.house_id = r.Int("house_id", false, 1, kMaxId);
  cmd.resident_id = r.Int("resident_id", false, 1, kMaxId);
  cmd.clear_house_id = r.IsNull("house_id");
  cmd.clear_resident_id = r.IsNull("resident_id");
  if (raw_plate && !(cmd.plate = NormalizePlate(*raw_plate)))
    r.Fail("plate", "invalid", "Must be a plate like 沪A12345");
  ANJU_TRY(r.Finish());
  return cmd;
}

Result<CreateParkingSpaceCommand> ReadCreateParkingSpaceCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  auto project_id = r.Int("project_id", true, 1, kMaxId);
  auto code = r.Str("code", true, 20);
  auto zone = r.Str("zone", false, 20);
  auto kind = r.Enum("kind", true, kParkingKinds);
  auto status = r.Enum("status", true, kParkingStatuses);
  auto area = r.Int("area", false, 0, kMaxArea);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto vehicle_id = r.Int("vehicle_id", false, 1, kMaxId);
  ANJU_TRY(r.Finish());
  return CreateParkingSpaceCommand{*project_id, *code, zone, *kind, *status,
                                   area,        house_id, vehicle_id};
}

Result<UpdateParkingSpaceCommand> ReadUpdateParkingSpaceCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  UpdateParkingSpaceCommand cmd;
  cmd.code = r.Str("code", false, 20, 1);
  cmd.zone = r.Str("zone", false, 20);
  cmd.kind = r.Enum("kind", false, kParkingKinds);
  cmd.status = r.Enum("status", false, kParkingStatuses);
  cmd.area = r.Int("area", false, 0, kMaxArea);
  cmd.house_id = r.Int("house_id", false, 1, kMaxId);
  cmd.vehicle_id = r.Int("vehicle_id", false, 1, kMaxId);
  cmd.clear_house_id = r.IsNull("house_id");
  cmd.clear_vehicle_id = r.IsNull("vehicle_id");
  ANJU_TRY(r.Finish());
  return cmd;
}

}  // namespace anju::property
