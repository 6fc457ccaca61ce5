// The JSON side of the property registry: the readers that turn a request body into a
// command (property_types.h) and the shapes of its values in replies and audit rows. The
// routes (property_routes.cc) use both; the importer reads its spreadsheet rows into the
// same bodies and through the same readers, so an import is validated exactly like the API,
// and keeps a row's JSON as the document it restores on rollback.
//
// Readers read strictly (core/json_body.h): unknown fields and server-owned ones (id,
// company_id, created_at, updated_at, derived codes…) fail with 400 VALIDATION_FAILED and
// one entry in `fields` per problem, in the order the fields are read. They check only what
// the body itself says; the use case checks what needs the database. The shapes are the API
// contract (api/openapi.yaml): snake_case keys in a fixed order, ids as numbers, times as
// FormatUtc strings, absent optional values as null.
#pragma once

#include <boost/json.hpp>

#include "core/error.h"
#include "core/tenant.h"
#include "modules/property/property_types.h"

namespace anju::property {

// {items: [shape(item)…], total, page, size}
template <class T, class Shape>
boost::json::object ListingJson(const Listing<T>& l, Shape&& shape) {
  boost::json::array items;
  items.reserve(l.items.size());
  for (const T& item : l.items) items.push_back(shape(item));
  return boost::json::object{{"items", std::move(items)},
                             {"total", l.total},
                             {"page", l.page.page},
                             {"size", l.page.size}};
}

// ---- structure ----------------------------------------------------------------------------

// {id, project_id, code, name, kind, floors_above, floors_below, created_at, updated_at}
boost::json::object BuildingJson(const Building& b);
// {id, project_id, building_id, code, name, created_at, updated_at}
boost::json::object EntranceJson(const Entrance& e);
// {id, project_id, building_id, entrance_id, number, name, created_at, updated_at}
boost::json::object FloorJson(const Floor& f);
// {project_id, buildings: [{id, code, name, kind, house_count,
//   entrances: [{id, code, name, house_count, floors: [{id, number, name, house_count}]}]}]}
boost::json::object ProjectTreeJson(const ProjectTree& t);

// {project_id, code (≤ 20), name (≤ 50), kind, floors_above? (0–200), floors_below? (0–10)}
Result<CreateBuildingCommand> ReadCreateBuildingCommand(const boost::json::object& body);
// {code?, name?, kind?, floors_above?, floors_below?}; project_id is read-only.
Result<UpdateBuildingCommand> ReadUpdateBuildingCommand(const boost::json::object& body);
// {building_id, code (≤ 20), name (≤ 50)}; project_id is read-only.
Result<CreateEntranceCommand> ReadCreateEntranceCommand(const boost::json::object& body);
// {code?, name?}; project_id and building_id are read-only.
Result<UpdateEntranceCommand> ReadUpdateEntranceCommand(const boost::json::object& body);
// {entrance_id, number (-10–200, not 0), name? (≤ 20)}; project_id, building_id read-only.
Result<CreateFloorCommand> ReadCreateFloorCommand(const boost::json::object& body);
// {number?, name?}; project_id, building_id and entrance_id are read-only.
Result<UpdateFloorCommand> ReadUpdateFloorCommand(const boost::json::object& body);

// ---- houses and their residents ----------------------------------------------------------

// {id, project_id, building_id, building_name, entrance_id, entrance_name, floor_id,
//  floor_name, floor_number, number, code, kind, status, gross_area, net_area, delivered_on,
//  resident_count, created_at, updated_at}
boost::json::object HouseJson(const House& h);
// {id, house_id, resident_id, resident_name, phone, relation, start_date, end_date,
//  created_at, updated_at}
boost::json::object HouseLinkJson(const HouseLink& l);

// {floor_id, number (≤ 20), kind, status, gross_area, net_area (1–100 000 000, net ≤ gross),
//  delivered_on?}; code, project_id, building_id, entrance_id, resident_count read-only.
Result<CreateHouseCommand> ReadCreateHouseCommand(const boost::json::object& body);
// The same fields, each optional; delivered_on may be null (cleared).
Result<UpdateHouseCommand> ReadUpdateHouseCommand(const boost::json::object& body);
// {resident_id, relation (owner | family | tenant), start_date?, end_date?}; house_id and
// project_id read-only.
Result<LinkResidentCommand> ReadLinkResidentCommand(const boost::json::object& body);
// {relation?, start_date?, end_date? (null clears)}; house_id, project_id, resident_id
// read-only.
Result<UpdateLinkCommand> ReadUpdateLinkCommand(const boost::json::object& body);

// ---- residents ----------------------------------------------------------------------------

// {id, name, phone, id_number, user_id, created_at, updated_at} and, when the value lists
// them, houses: [{id, house_id, house_code, project_id, relation, start_date, end_date}].
boost::json::object ResidentJson(const Resident& x);
// {id, phone, id_number} in clear.
boost::json::object UnmaskedResidentJson(const UnmaskedResident& x);

// {name (≤ 50), phone (an 11-digit mainland mobile), id_number? (18 characters, check
// character and birth date valid), house_id?, relation?}; house_id and relation come
// together, and a caller without company-wide property:resident:write must give a house
// (so the reader needs the caller's context). user_id and houses are read-only.
Result<CreateResidentCommand> ReadCreateResidentCommand(const boost::json::object& body,
                                                        const TenantContext& ctx);
// {name?, phone?, id_number? (null clears)}; user_id and houses are read-only.
Result<UpdateResidentCommand> ReadUpdateResidentCommand(const boost::json::object& body);
// {reason (2–200 characters)}.
Result<UnmaskCommand> ReadUnmaskCommand(const boost::json::object& body);

// ---- vehicles and parking spaces ----------------------------------------------------------

// {id, project_id, house_id, resident_id, plate, kind, brand, color, created_at, updated_at}
boost::json::object VehicleJson(const Vehicle& v);
// {id, project_id, code, zone, kind, status, area, house_id, vehicle_id, created_at,
//  updated_at}
boost::json::object ParkingSpaceJson(const ParkingSpace& p);

// {project_id, plate (a plate like 沪A12345, normalised), kind, brand? (≤ 30), color? (≤ 20),
//  house_id?, resident_id?}
Result<CreateVehicleCommand> ReadCreateVehicleCommand(const boost::json::object& body);
// The same fields, each optional; house_id and resident_id may be null; project_id
// read-only.
Result<UpdateVehicleCommand> ReadUpdateVehicleCommand(const boost::json::object& body);
// {project_id, code (≤ 20), zone? (≤ 20), kind, status, area? (0–100 000 000), house_id?,
//  vehicle_id?}
Result<CreateParkingSpaceCommand> ReadCreateParkingSpaceCommand(const boost::json::object& body);
// The same fields, each optional; house_id and vehicle_id may be null; project_id read-only.
Result<UpdateParkingSpaceCommand> ReadUpdateParkingSpaceCommand(const boost::json::object& body);

}  // namespace anju::property
