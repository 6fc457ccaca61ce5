// The property registry's error catalogue: code, kind (→ HTTP status), i18n key, message.
// A project named in a body that the caller cannot reach is org's PROJECT_NOT_FOUND
// (org_errors.h).
#pragma once

#include "core/error.h"

namespace anju::property {

inline constexpr ErrorDef kBuildingNotFound{"BUILDING_NOT_FOUND", ErrorKind::kNotFound,
                                            "property.building_not_found", "Building not found"};
inline constexpr ErrorDef kEntranceNotFound{"ENTRANCE_NOT_FOUND", ErrorKind::kNotFound,
                                            "property.entrance_not_found", "Entrance not found"};
inline constexpr ErrorDef kFloorNotFound{"FLOOR_NOT_FOUND", ErrorKind::kNotFound,
                                         "property.floor_not_found", "Floor not found"};
inline constexpr ErrorDef kHouseNotFound{"HOUSE_NOT_FOUND", ErrorKind::kNotFound,
                                         "property.house_not_found", "House not found"};
inline constexpr ErrorDef kResidentNotFound{"RESIDENT_NOT_FOUND", ErrorKind::kNotFound,
                                            "property.resident_not_found", "Resident not found"};
inline constexpr ErrorDef kLinkNotFound{"HOUSE_RESIDENT_NOT_FOUND", ErrorKind::kNotFound,
                                        "property.house_resident_not_found",
                                        "This resident is not linked to the house"};
inline constexpr ErrorDef kVehicleNotFound{"VEHICLE_NOT_FOUND", ErrorKind::kNotFound,
                                           "property.vehicle_not_found", "Vehicle not found"};
inline constexpr ErrorDef kParkingSpaceNotFound{"PARKING_SPACE_NOT_FOUND", ErrorKind::kNotFound,
                                                "property.parking_space_not_found",
                                                "Parking space not found"};

inline constexpr ErrorDef kBuildingCodeTaken{"BUILDING_CODE_TAKEN", ErrorKind::kConflict,
                                             "property.building_code_taken",
                                             "The project already has a building with this code"};
inline constexpr ErrorDef kEntranceCodeTaken{"ENTRANCE_CODE_TAKEN", ErrorKind::kConflict,
                                             "property.entrance_code_taken",
                                             "The building already has an entrance with this code"};
inline constexpr ErrorDef kFloorNumberTaken{"FLOOR_NUMBER_TAKEN", ErrorKind::kConflict,
                                            "property.floor_number_taken",
                                            "The entrance already has a floor with this number"};
inline constexpr ErrorDef kHouseCodeTaken{"HOUSE_CODE_TAKEN", ErrorKind::kConflict,
                                          "property.house_code_taken",
                                          "The project already has a house with this code"};
inline constexpr ErrorDef kIdNumberTaken{"RESIDENT_ID_NUMBER_TAKEN", ErrorKind::kConflict,
                                         "property.resident_id_number_taken",
                                         "A resident with this ID number already exists"};
inline constexpr ErrorDef kResidentAlreadyLinked{"RESIDENT_ALREADY_LINKED", ErrorKind::kConflict,
                                                 "property.resident_already_linked",
                                                 "The resident is already linked to this house"};
inline constexpr ErrorDef kPlateTaken{"PLATE_TAKEN", ErrorKind::kConflict, "property.plate_taken",
                                      "A vehicle with this plate is already registered"};
inline constexpr ErrorDef kParkingCodeTaken{
    "PARKING_CODE_TAKEN", ErrorKind::kConflict, "property.parking_code_taken",
    "The project already has a parking space with this code"};

inline constexpr ErrorDef kBuildingNotEmpty{"BUILDING_NOT_EMPTY", ErrorKind::kConflict,
                                            "property.building_not_empty",
                                            "The building still has houses"};
inline constexpr ErrorDef kEntranceNotEmpty{"ENTRANCE_NOT_EMPTY", ErrorKind::kConflict,
                                            "property.entrance_not_empty",
                                            "The entrance still has houses"};
inline constexpr ErrorDef kFloorNotEmpty{"FLOOR_NOT_EMPTY", ErrorKind::kConflict,
                                         "property.floor_not_empty", "The floor still has houses"};
inline constexpr ErrorDef kHouseHasResidents{"HOUSE_HAS_RESIDENTS", ErrorKind::kConflict,
                                             "property.house_has_residents",
                                             "Unlink the house's residents first"};
inline constexpr ErrorDef kResidentInUse{"RESIDENT_IN_USE", ErrorKind::kConflict,
                                         "property.resident_in_use",
                                         "The resident has an account, vehicles or other houses"};
inline constexpr ErrorDef kHouseHasVehicles{"HOUSE_HAS_VEHICLES", ErrorKind::kConflict,
                                            "property.house_has_vehicles",
                                            "Unlink the house's vehicles first"};
inline constexpr ErrorDef kHouseHasParking{"HOUSE_HAS_PARKING_SPACES", ErrorKind::kConflict,
                                           "property.house_has_parking_spaces",
                                           "Unlink the house's parking spaces first"};
// Bills are billing's; a house that has any keeps its account history and cannot go.
inline constexpr ErrorDef kHouseHasBills{"HOUSE_HAS_BILLS", ErrorKind::kConflict,
                                         "property.house_has_bills",
                                         "The house has bills and cannot be deleted"};
inline constexpr ErrorDef kVehicleHasParking{"VEHICLE_HAS_PARKING_SPACE", ErrorKind::kConflict,
                                             "property.vehicle_has_parking_space",
                                             "Release the vehicle's parking space first"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kPropertyErrors[] = {
    &kBuildingNotFound,  &kEntranceNotFound,      &kFloorNotFound,    &kHouseNotFound,
    &kResidentNotFound,  &kLinkNotFound,          &kVehicleNotFound,  &kParkingSpaceNotFound,
    &kBuildingCodeTaken, &kEntranceCodeTaken,     &kFloorNumberTaken, &kHouseCodeTaken,
    &kIdNumberTaken,     &kResidentAlreadyLinked, &kPlateTaken,       &kParkingCodeTaken,
    &kBuildingNotEmpty,  &kEntranceNotEmpty,      &kFloorNotEmpty,    &kHouseHasResidents,
    &kResidentInUse,     &kHouseHasVehicles,      &kHouseHasParking,  &kHouseHasBills,
    &kVehicleHasParking};

}  // namespace anju::property
