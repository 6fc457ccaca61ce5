// The property registry's values and commands: the rows as its use cases return them
// (property_service.h, property_tx.h) and the inputs of its writes. Plain structs, no JSON:
// the routes read request bodies into the commands and shape the values into replies
// (property_json.h), and the importer reads its spreadsheet rows through the same readers.
//
// Conventions: ids are positive; areas are integer 0.01 m²; dates are "YYYY-MM-DD"; times
// are Millis (UTC). In an Update*Command a field left nullopt keeps the stored value; a
// `clear_*` flag sets an optional value to null (the body said `null`). Commands hold what
// the body said after the readers' checks (plates and personal data already normalised);
// the checks that need the database (existence, scope, uniqueness) are the use case's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/page.h"

namespace anju::property {

// One page of a list: its rows, the number of rows of the whole list, and the page asked.
template <class T>
struct Listing {
  std::vector<T> items;
  int64_t total = 0;
  Page page;
};

// ---- structure (楼栋 / 单元 / 楼层) --------------------------------------------------------

// A building (楼栋) of a project; `kind` is one of residential, commercial, parking, office,
// mixed.
struct Building {
  int64_t id = 0, project_id = 0;
  std::string code, name, kind;
  int64_t floors_above = 0, floors_below = 0;
  Millis created_at = 0, updated_at = 0;
};

// An entrance (单元) of a building.
struct Entrance {
  int64_t id = 0, project_id = 0, building_id = 0;
  std::string code, name;
  Millis created_at = 0, updated_at = 0;
};

// A floor (楼层) of an entrance: number -10..200 without 0 (negative below ground).
struct Floor {
  int64_t id = 0, project_id = 0, building_id = 0, entrance_id = 0, number = 0;
  std::string name;
  Millis created_at = 0, updated_at = 0;
};

// The skeleton of a project with the number of houses on each level (GET tree).
struct TreeFloor {
  int64_t id = 0, number = 0;
  std::string name;
  int64_t house_count = 0;
};
struct TreeEntrance {
  int64_t id = 0;
  std::string code, name;
  int64_t house_count = 0;
  std::vector<TreeFloor> floors;  // by number
};
struct TreeBuilding {
  int64_t id = 0;
  std::string code, name, kind;
  int64_t house_count = 0;
  std::vector<TreeEntrance> entrances;  // by code
};
struct ProjectTree {
  int64_t project_id = 0;
  std::vector<TreeBuilding> buildings;  // by code
};

// POST buildings. Floors default to 0.
struct CreateBuildingCommand {
  int64_t project_id = 0;
  std::string code, name, kind;
  std::optional<int64_t> floors_above, floors_below;
};
// PATCH buildings/{id}.
struct UpdateBuildingCommand {
  std::optional<std::string> code, name, kind;
  std::optional<int64_t> floors_above, floors_below;
};
// POST entrances: the project comes from the building.
struct CreateEntranceCommand {
  int64_t building_id = 0;
  std::string code, name;
};
// PATCH entrances/{id}.
struct UpdateEntranceCommand {
  std::optional<std::string> code, name;
};
// POST floors: the name defaults to "12层" / "B2".
struct CreateFloorCommand {
  int64_t entrance_id = 0, number = 0;
  std::optional<std::string> name;
};
// PATCH floors/{id}.
struct UpdateFloorCommand {
  std::optional<int64_t> number;
  std::optional<std::string> name;
};

// ---- houses (房屋) and their residents ----------------------------------------------------

// A house with the names of its building, entrance and floor and how many residents are
// linked to it. `kind`: residential, shop, parking, office, storage; `status`: vacant,
// self_occupied, rented, decorating. `code` is "<building>-<entrance>-<number>".
struct House {
  int64_t id = 0, project_id = 0, building_id = 0, entrance_id = 0, floor_id = 0;
  std::string number, code, kind, status;
  int64_t gross_area = 0, net_area = 0;
  std::optional<std::string> delivered_on;
  Millis created_at = 0, updated_at = 0;
  std::string building_name, entrance_name, floor_name;
  int64_t floor_number = 0, resident_count = 0;
};

// A resident linked to a house (业主 owner / 家属 family / 租户 tenant); `phone` is masked
// ("138****5678").
struct HouseLink {
  int64_t id = 0, house_id = 0, resident_id = 0;
  std::string resident_name, phone, relation, start_date;
  std::optional<std::string> end_date;
  Millis created_at = 0, updated_at = 0;
};

// POST houses: net_area ≤ gross_area.
struct CreateHouseCommand {
  int64_t floor_id = 0;
  std::string number, kind, status;
  int64_t gross_area = 0, net_area = 0;
  std::optional<std::string> delivered_on;
};
// PATCH houses/{id}: a new floor or number recomputes the code.
struct UpdateHouseCommand {
  std::optional<int64_t> floor_id;
  std::optional<std::string> number, kind, status;
  std::optional<int64_t> gross_area, net_area;
  std::optional<std::string> delivered_on;
  bool clear_delivered_on = false;
};
// POST houses/{id}/residents: start_date defaults to the day of the write.
struct LinkResidentCommand {
  int64_t resident_id = 0;
  std::string relation;
  std::optional<std::string> start_date, end_date;
};
// PATCH houses/{id}/residents/{linkId}.
struct UpdateLinkCommand {
  std::optional<std::string> relation, start_date, end_date;
  bool clear_end_date = false;
};

// ---- residents (住户) ----------------------------------------------------------------------

// A house a resident is linked to, as the resident's record shows it.
struct ResidentHouse {
  int64_t id = 0, house_id = 0;  // id: the link's
  std::string house_code;
  int64_t project_id = 0;
  std::string relation, start_date;
  std::optional<std::string> end_date;
};

// A resident with personal data masked: phone "138****5678", ID number "1101**********1234"
// (nullopt when none). `houses` are the links the reader may see, by start date; nullopt
// where the use case does not list them (a resident created without a house).
struct Resident {
  int64_t id = 0;
  std::string name, phone;
  std::optional<std::string> id_number;
  std::optional<int64_t> user_id;  // the resident's account, if any
  Millis created_at = 0, updated_at = 0;
  std::optional<std::vector<ResidentHouse>> houses;
};

// A resident's personal data in clear (POST residents/{id}/unmask).
struct UnmaskedResident {
  int64_t id = 0;
  std::string phone;
  std::optional<std::string> id_number;
};

// POST residents: phone and ID number already normalised (pii::NormalizePhone,
// pii::NormalizeIdNumber); house_id and relation come together (a first link, starting on
// the day of the write).
struct CreateResidentCommand {
  std::string name, phone;
  std::optional<std::string> id_number;
  std::optional<int64_t> house_id;
  std::optional<std::string> relation;
};
// PATCH residents/{id}: normalised like CreateResidentCommand; clear_id_number removes it.
struct UpdateResidentCommand {
  std::optional<std::string> name, phone, id_number;
  bool clear_id_number = false;
};
// POST residents/{id}/unmask: why (2–200 characters), for the audit row.
struct UnmaskCommand {
  std::string reason;
};

// ---- vehicles (车辆) and parking spaces (车位) ----------------------------------------------

// A vehicle of a project; `plate` normalised ("沪A12345"), `kind` car, ev or motorcycle.
struct Vehicle {
  int64_t id = 0, project_id = 0;
  std::optional<int64_t> house_id, resident_id;
  std::string plate, kind, brand, color;
  Millis created_at = 0, updated_at = 0;
};

// A parking space of a project; `kind` owned, rented, public or visitor; `status` vacant,
// occupied or reserved; `area` in 0.01 m².
struct ParkingSpace {
  int64_t id = 0, project_id = 0;
  std::string code, zone, kind, status;
  int64_t area = 0;
  std::optional<int64_t> house_id, vehicle_id;
  Millis created_at = 0, updated_at = 0;
};

// POST vehicles: the plate already normalised (NormalizePlate).
struct CreateVehicleCommand {
  int64_t project_id = 0;
  std::string plate, kind;
  std::optional<std::string> brand, color;
  std::optional<int64_t> house_id, resident_id;
};
// PATCH vehicles/{id}: clear_* unties the vehicle from its house or resident.
struct UpdateVehicleCommand {
  std::optional<std::string> plate, kind, brand, color;
  std::optional<int64_t> house_id, resident_id;
  bool clear_house_id = false, clear_resident_id = false;
};
// POST parking-spaces.
struct CreateParkingSpaceCommand {
  int64_t project_id = 0;
  std::string code;
  std::optional<std::string> zone;
  std::string kind, status;
  std::optional<int64_t> area, house_id, vehicle_id;
};
// PATCH parking-spaces/{id}: clear_* empties the house or the vehicle.
struct UpdateParkingSpaceCommand {
  std::optional<std::string> code, zone, kind, status;
  std::optional<int64_t> area, house_id, vehicle_id;
  bool clear_house_id = false, clear_vehicle_id = false;
};

}  // namespace anju::property
