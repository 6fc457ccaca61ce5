// The SQL of vehicles (车辆) and parking spaces (车位) and their rows as values
// (property_types.h), shared by the reads (vehicle_service.cc, parking_service.cc) and the
// writes (property_tx_vehicle.cc, property_tx_parking.cc). Not part of the module's interface.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "db/database.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_types.h"

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

template <>
inline Vehicle RowOf<Vehicle>(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.OptInt(2), r.OptInt(3), r.Str(4),
          r.Str(5), r.Str(6), r.Str(7),    r.Int(8),    r.Int(9)};
}

template <>
inline ParkingSpace RowOf<ParkingSpace>(const db::Row& r) {
  return {r.Int(0), r.Int(1),    r.Str(2),    r.Str(3), r.Str(4), r.Str(5),
          r.Int(6), r.OptInt(7), r.OptInt(8), r.Int(9), r.Int(10)};
}

}  // namespace anju::property::internal
