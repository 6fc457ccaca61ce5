// The property registry (房产档案): buildings → entrances → floors → houses, the residents
// linked to houses, their vehicles and the project's parking spaces.
//
// Contract
// - Every use case takes the caller's TenantContext and never reads or writes rows of
//   another company. Rows of a project outside the caller's scope for the needed code are
//   invisible (lists leave them out, single rows answer 404); holding the code nowhere is
//   403 (identity/access.h). Structure reads use property:house:read.
// - Residents (ctx.IsResident()) read only their own houses (ctx.house_ids), those houses'
//   residents and vehicles, and their own resident records (ctx.resident_ids). Every
//   other call from a resident answers 403 (writes) or an empty list / 404 (reads).
// - Writes take typed commands (property_types.h); the routes and the importer read request
//   bodies into them strictly (property_json.h): unknown fields and server-owned fields (id,
//   company_id, derived codes, timestamps) are rejected with 400 before the use case runs.
// - Every write appends one audit row in its own transaction (platform/audit). Audit rows
//   and replies carry phone and ID numbers masked; only UnmaskResident returns them in
//   clear, and it is audited with the caller's reason.
// - Phone and ID numbers are stored encrypted with a keyed blind index for exact look-up.
// - Results are values (property_types.h): areas as integer 0.01 m², times as Millis, lists
//   as a Listing of one page. property_json.h shapes them as the API replies.
// Thread-safe: holds no mutable state of its own.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/property/house_bills.h"
#include "modules/property/property_types.h"

namespace anju::property {

struct HouseFilter {
  std::optional<int64_t> project_id, building_id, entrance_id, floor_id;
  std::string kind, status;
  std::string q;  // code or number contains q, or a linked resident's name contains q
};

struct ResidentFilter {
  std::optional<int64_t> project_id, house_id;  // via house_residents
  std::string q;  // a phone number or ID number (exact) or part of the name
};

struct VehicleFilter {
  std::optional<int64_t> project_id, house_id;
  std::string q;  // part of the plate
};

struct ParkingFilter {
  std::optional<int64_t> project_id;
  std::string kind, status;
  std::string q;  // part of the code
};

// What other modules (billing) need to know of a house, read without access checks: the
// caller has already decided the caller may act on the house's project.
struct HouseFacts {
  int64_t id = 0, company_id = 0, project_id = 0, building_id = 0;
  std::string code, kind, status;
  int64_t gross_area = 0, net_area = 0;  // 0.01 m²
  std::optional<std::string> delivered_on;
};
// One house of a company, or nullopt.
std::optional<HouseFacts> FindHouseFacts(db::Tx& tx, int64_t company_id, int64_t house_id);
// The houses of a project with id > after_id, in id order, at most `limit`.
std::vector<HouseFacts> HouseFactsPage(db::Tx& tx, int64_t company_id, int64_t project_id,
                                       int64_t after_id, int64_t limit);
// The houses of one building of a company, in id order (billing apportions shared meters
// over them).
std::vector<HouseFacts> BuildingHouseFacts(db::Tx& tx, int64_t company_id, int64_t building_id);
// The project of a building of the company, or nullopt when there is no such building.
std::optional<int64_t> BuildingProjectId(db::Tx& tx, int64_t company_id, int64_t building_id);
// The codes ("1-1-0101") of the company's houses among `ids`, and the names of its
// buildings among `ids` (unknown ids left out): one query, for a page of rows that show
// them (work orders).
std::map<int64_t, std::string> HouseCodes(db::Tx& tx, int64_t company_id,
                                          const std::vector<int64_t>& ids);
std::map<int64_t, std::string> BuildingNames(db::Tx& tx, int64_t company_id,
                                             const std::vector<int64_t>& ids);
// The ids of a project's buildings, ascending.
std::vector<int64_t> BuildingIds(db::Tx& tx, int64_t company_id, int64_t project_id);

// An owner (业主) of a house, for notifications (billing reminders). `phone` is in clear:
// never log it or put it in a reply; show pii::MaskPhone(phone).
struct HouseOwner {
  int64_t resident_id = 0;
  std::string name;
  std::optional<int64_t> user_id;  // the resident's account, if any
  std::string phone;               // "" when it does not decrypt (a rotated key)
};
// The owners (relation owner, linked on `date` "YYYY-MM-DD") of a house of a company, by
// resident id. No access checks: the caller (a job) acts for the company.
std::vector<HouseOwner> HouseOwners(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                                    int64_t house_id, const std::string& date);

// "沪A12345", "粤BD12345": spaces and middle dots removed, letters upper-cased; a province
// character, a letter and 5–6 letters or digits. nullopt when it is not a plate.
std::optional<std::string> NormalizePlate(std::string_view plate);

// The areas of the registry's writes, each with its permission code.
enum class WriteArea { kStructure, kHouses, kResidents, kVehicles, kParking };
// The check every write of `area` starts with: 403 unless a staff caller holds the area's
// write code in some project (property:structure:write, property:house:write,
// property:resident:write, property:vehicle:write, property:parking:write). Routes run it
// before reading a body, so a caller who may not write learns that first, as the use case
// would tell them.
Status MayWrite(const TenantContext& ctx, WriteArea area);
// The check POST residents/{id}/unmask starts with: a resident account is refused (403).
Status MayUnmask(const TenantContext& ctx);

class PropertyService {
 public:
  PropertyService(db::Database& db, const Clock& clock, const crypto::SecretKey& key)
      : db_(db), clock_(clock), key_(key) {}

  // Billing's answer to "does this house have bills?" (house_bills.h), which DeleteHouse
  // needs; the app wires it before serving. Not owned; must outlive the service.
  void SetHouseBills(const HouseBills* bills) { bills_ = bills; }

  // Structure (楼栋 / 单元 / 楼层), needing property:house:read to read and
  // property:structure:write to write (property_tx.h says what a write refuses). Lists are
  // in code order (floors by entrance and number); residents read empty lists. Deleting
  // refuses while houses remain below; a building's or entrance's empty floors and
  // entrances go with it.
  Result<Listing<Building>> ListBuildings(const TenantContext& ctx,
                                          std::optional<int64_t> project_id, const Page& page);
  Result<Building> GetBuilding(const TenantContext& ctx, int64_t id);
  Result<Building> CreateBuilding(const TenantContext& ctx, const CreateBuildingCommand& cmd);
  Result<Building> UpdateBuilding(const TenantContext& ctx, int64_t id,
                                  const UpdateBuildingCommand& cmd);
  Status DeleteBuilding(const TenantContext& ctx, int64_t id);

  // One of building_id / project_id is required (BAD_QUERY_PARAMETER otherwise).
  Result<Listing<Entrance>> ListEntrances(const TenantContext& ctx,
                                          std::optional<int64_t> building_id,
                                          std::optional<int64_t> project_id, const Page& page);
  Result<Entrance> GetEntrance(const TenantContext& ctx, int64_t id);
  Result<Entrance> CreateEntrance(const TenantContext& ctx, const CreateEntranceCommand& cmd);
  Result<Entrance> UpdateEntrance(const TenantContext& ctx, int64_t id,
                                  const UpdateEntranceCommand& cmd);
  Status DeleteEntrance(const TenantContext& ctx, int64_t id);

  // One of entrance_id / building_id is required (BAD_QUERY_PARAMETER otherwise).
  Result<Listing<Floor>> ListFloors(const TenantContext& ctx, std::optional<int64_t> entrance_id,
                                    std::optional<int64_t> building_id, const Page& page);
  Result<Floor> CreateFloor(const TenantContext& ctx, const CreateFloorCommand& cmd);
  Result<Floor> UpdateFloor(const TenantContext& ctx, int64_t id, const UpdateFloorCommand& cmd);
  Status DeleteFloor(const TenantContext& ctx, int64_t id);

  // The project's buildings → entrances → floors with their house counts. A project of
  // another company or outside the caller's scope is PROJECT_NOT_FOUND.
  Result<ProjectTree> Tree(const TenantContext& ctx, int64_t project_id);

  // Houses (房屋). The server derives company, project, building and entrance from the
  // floor, and the code "<building code>-<entrance code>-<number>" (unique per project).
  // Lists are in code order; an unknown kind or status filter is BAD_QUERY_PARAMETER.
  Result<Listing<House>> ListHouses(const TenantContext& ctx, const HouseFilter& f,
                                    const Page& page);
  Result<House> GetHouse(const TenantContext& ctx, int64_t id);
  Result<House> CreateHouse(const TenantContext& ctx, const CreateHouseCommand& cmd);
  Result<House> UpdateHouse(const TenantContext& ctx, int64_t id, const UpdateHouseCommand& cmd);
  Status DeleteHouse(const TenantContext& ctx, int64_t id);

  // A house's residents (业主 / 家属 / 租户), by start date: the whole list as one page.
  // Staff need property:resident:read / write in the house's project.
  Result<Listing<HouseLink>> ListHouseResidents(const TenantContext& ctx, int64_t house_id);
  Result<HouseLink> LinkResident(const TenantContext& ctx, int64_t house_id,
                                 const LinkResidentCommand& cmd);
  Result<HouseLink> UpdateLink(const TenantContext& ctx, int64_t house_id, int64_t link_id,
                               const UpdateLinkCommand& cmd);
  Status UnlinkResident(const TenantContext& ctx, int64_t house_id, int64_t link_id);

  // Residents. A staff caller sees a resident linked to a house in a project where they
  // hold property:resident:read; company-wide readers also see unlinked residents. Lists
  // are by id and carry no `houses`; a single resident (and the writes' result) lists the
  // links the caller may see — except CreateResident without a house, which has none.
  Result<Listing<Resident>> ListResidents(const TenantContext& ctx, const ResidentFilter& f,
                                          const Page& page);
  Result<Resident> GetResident(const TenantContext& ctx, int64_t id);
  Result<Resident> CreateResident(const TenantContext& ctx, const CreateResidentCommand& cmd);
  Result<Resident> UpdateResident(const TenantContext& ctx, int64_t id,
                                  const UpdateResidentCommand& cmd);
  // Phone and ID number in clear. Needs pii:unmask in a project the resident is linked to,
  // or company-wide; the reason goes into the audit row. Residents: 403 (MayUnmask).
  Result<UnmaskedResident> UnmaskResident(const TenantContext& ctx, int64_t id,
                                          const UnmaskCommand& cmd);

  // Vehicles (车辆): plates are unique per company. Lists are in plate order.
  Result<Listing<Vehicle>> ListVehicles(const TenantContext& ctx, const VehicleFilter& f,
                                        const Page& page);
  Result<Vehicle> GetVehicle(const TenantContext& ctx, int64_t id);
  Result<Vehicle> CreateVehicle(const TenantContext& ctx, const CreateVehicleCommand& cmd);
  Result<Vehicle> UpdateVehicle(const TenantContext& ctx, int64_t id,
                                const UpdateVehicleCommand& cmd);
  Status DeleteVehicle(const TenantContext& ctx, int64_t id);

  // Parking spaces (车位): codes are unique per project. Lists are in code order; an unknown
  // kind or status filter is BAD_QUERY_PARAMETER.
  Result<Listing<ParkingSpace>> ListParkingSpaces(const TenantContext& ctx,
                                                  const ParkingFilter& f, const Page& page);
  Result<ParkingSpace> GetParkingSpace(const TenantContext& ctx, int64_t id);
  Result<ParkingSpace> CreateParkingSpace(const TenantContext& ctx,
                                          const CreateParkingSpaceCommand& cmd);
  Result<ParkingSpace> UpdateParkingSpace(const TenantContext& ctx, int64_t id,
                                          const UpdateParkingSpaceCommand& cmd);

 private:
  db::Database& db_;
  const Clock& clock_;
  const crypto::SecretKey& key_;
  const HouseBills* bills_ = nullptr;
};

}  // namespace anju::property
