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
// - Write bodies are read strictly (core/json_body.h): unknown fields and server-owned
//   fields (id, company_id, derived codes, timestamps) are rejected with 400.
// - Every write appends one audit row in its own transaction (platform/audit). Audit rows
//   and replies carry phone and ID numbers masked; only UnmaskResident returns them in
//   clear, and it is audited with the caller's reason.
// - Phone and ID numbers are stored encrypted with a keyed blind index for exact look-up.
// - Replies: snake_case JSON, ids as numbers, times as FormatUtc strings, areas as integer
//   0.01 m², lists as {items, total, page, size}.
// Thread-safe: holds no mutable state of its own.
#pragma once

#include <boost/json.hpp>
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

namespace anju::property {

using JsonResult = Result<boost::json::value>;

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

class PropertyService {
 public:
  PropertyService(db::Database& db, const Clock& clock, const crypto::SecretKey& key)
      : db_(db), clock_(clock), key_(key) {}

  // Billing's answer to "does this house have bills?" (house_bills.h), which DeleteHouse
  // needs; the app wires it before serving. Not owned; must outlive the service.
  void SetHouseBills(const HouseBills* bills) { bills_ = bills; }

  // Structure (楼栋 / 单元 / 楼层). Deleting refuses while houses remain below; a
  // building's or entrance's empty floors and entrances go with it.
  JsonResult ListBuildings(const TenantContext& ctx, std::optional<int64_t> project_id,
                           const Page& page);
  JsonResult GetBuilding(const TenantContext& ctx, int64_t id);
  JsonResult CreateBuilding(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateBuilding(const TenantContext& ctx, int64_t id, const boost::json::object& body);
  Status DeleteBuilding(const TenantContext& ctx, int64_t id);

  // One of building_id / project_id is required.
  JsonResult ListEntrances(const TenantContext& ctx, std::optional<int64_t> building_id,
                           std::optional<int64_t> project_id, const Page& page);
  JsonResult GetEntrance(const TenantContext& ctx, int64_t id);
  JsonResult CreateEntrance(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateEntrance(const TenantContext& ctx, int64_t id, const boost::json::object& body);
  Status DeleteEntrance(const TenantContext& ctx, int64_t id);

  // One of entrance_id / building_id is required.
  JsonResult ListFloors(const TenantContext& ctx, std::optional<int64_t> entrance_id,
                        std::optional<int64_t> building_id, const Page& page);
  JsonResult CreateFloor(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateFloor(const TenantContext& ctx, int64_t id, const boost::json::object& body);
  Status DeleteFloor(const TenantContext& ctx, int64_t id);

  // {project_id, buildings: [{…, house_count, entrances: [{…, floors: [{…}]}]}]}
  JsonResult Tree(const TenantContext& ctx, int64_t project_id);

  // Houses (房屋). The server derives company, project, building and entrance from the
  // floor, and the code "<building code>-<entrance code>-<number>" (unique per project).
  JsonResult ListHouses(const TenantContext& ctx, const HouseFilter& f, const Page& page);
  JsonResult GetHouse(const TenantContext& ctx, int64_t id);
  JsonResult CreateHouse(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateHouse(const TenantContext& ctx, int64_t id, const boost::json::object& body);
  Status DeleteHouse(const TenantContext& ctx, int64_t id);

  // A house's residents (业主 / 家属 / 租户). Staff need property:resident:read / write in
  // the house's project.
  JsonResult ListHouseResidents(const TenantContext& ctx, int64_t house_id);
  JsonResult LinkResident(const TenantContext& ctx, int64_t house_id,
                          const boost::json::object& body);
  JsonResult UpdateLink(const TenantContext& ctx, int64_t house_id, int64_t link_id,
                        const boost::json::object& body);
  Status UnlinkResident(const TenantContext& ctx, int64_t house_id, int64_t link_id);

  // Residents. A staff caller sees a resident linked to a house in a project where they
  // hold property:resident:read; company-wide readers also see unlinked residents.
  JsonResult ListResidents(const TenantContext& ctx, const ResidentFilter& f, const Page& page);
  JsonResult GetResident(const TenantContext& ctx, int64_t id);
  JsonResult CreateResident(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateResident(const TenantContext& ctx, int64_t id, const boost::json::object& body);
  // {phone, id_number} in clear. Needs pii:unmask in a project the resident is linked to,
  // or company-wide; body {reason} (2–200 characters) goes into the audit row.
  JsonResult UnmaskResident(const TenantContext& ctx, int64_t id, const boost::json::object& body);

  // Vehicles (车辆): plates are unique per company.
  JsonResult ListVehicles(const TenantContext& ctx, const VehicleFilter& f, const Page& page);
  JsonResult GetVehicle(const TenantContext& ctx, int64_t id);
  JsonResult CreateVehicle(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateVehicle(const TenantContext& ctx, int64_t id, const boost::json::object& body);
  Status DeleteVehicle(const TenantContext& ctx, int64_t id);

  // Parking spaces (车位): codes are unique per project.
  JsonResult ListParkingSpaces(const TenantContext& ctx, const ParkingFilter& f, const Page& page);
  JsonResult GetParkingSpace(const TenantContext& ctx, int64_t id);
  JsonResult CreateParkingSpace(const TenantContext& ctx, const boost::json::object& body);
  JsonResult UpdateParkingSpace(const TenantContext& ctx, int64_t id,
                                const boost::json::object& body);

 private:
  db::Database& db_;
  const Clock& clock_;
  const crypto::SecretKey& key_;
  const HouseBills* bills_ = nullptr;
};

}  // namespace anju::property
