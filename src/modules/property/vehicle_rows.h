// Rows of vehicles (车辆) and parking spaces (车位) as the API shows them, shared by the
// reads (vehicle_service.cc, parking_service.cc) and the writes (property_tx_vehicle.cc).
// Not part of the module's interface.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "db/database.h"
#include "modules/property/property_internal.h"

namespace anju::property::internal {

inline constexpr std::string_view kVehicleColumns =
    "SELECT id, project_id, house_id, resident_id, plate, kind, brand, color, created_at, "
    "updated_at";
inline constexpr std::string_view kSelectVehicle =
    "SELECT id, project_id, house_id, resident_id, plate, kind, brand, color, created_at, "
    "updated_at FROM vehicles WHERE id = ? AND company_id = ?";
inline constexpr std::string_view kParkingColumns =
    "SELECT id, project_id, code, zone, kind, status, area, house_id, vehicle_id, created_at, "
    "updated_at";
inline constexpr std::string_view kSelectParking =
    "SELECT id, project_id, code, zone, kind, status, area, house_id, vehicle_id, created_at, "
    "updated_at FROM parking_spaces WHERE id = ? AND company_id = ?";

inline const std::initializer_list<std::string_view> kVehicleKinds = {"car", "ev", "motorcycle"};
inline const std::initializer_list<std::string_view> kParkingKinds = {"owned", "rented", "public",
                                                                      "visitor"};
inline const std::initializer_list<std::string_view> kParkingStatuses = {"vacant", "occupied",
                                                                         "reserved"};

struct Vehicle {
  int64_t id = 0, project_id = 0;
  std::optional<int64_t> house_id, resident_id;
  std::string plate, kind, brand, color;
  Millis created_at = 0, updated_at = 0;

  static Vehicle Of(const db::Row& r) {
    return {r.Int(0), r.Int(1), r.OptInt(2), r.OptInt(3), r.Str(4),
            r.Str(5), r.Str(6), r.Str(7),    r.Int(8),    r.Int(9)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"house_id", JsonOf(house_id)},
                        {"resident_id", JsonOf(resident_id)},
                        {"plate", plate},
                        {"kind", kind},
                        {"brand", brand},
                        {"color", color},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

struct ParkingSpace {
  int64_t id = 0, project_id = 0;
  std::string code, zone, kind, status;
  int64_t area = 0;
  std::optional<int64_t> house_id, vehicle_id;
  Millis created_at = 0, updated_at = 0;

  static ParkingSpace Of(const db::Row& r) {
    return {r.Int(0), r.Int(1),    r.Str(2),    r.Str(3), r.Str(4), r.Str(5),
            r.Int(6), r.OptInt(7), r.OptInt(8), r.Int(9), r.Int(10)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"code", code},
                        {"zone", zone},
                        {"kind", kind},
                        {"status", status},
                        {"area", area},
                        {"house_id", JsonOf(house_id)},
                        {"vehicle_id", JsonOf(vehicle_id)},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

}  // namespace anju::property::internal
