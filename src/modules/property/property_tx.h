// The property registry's writes at transaction level: the very code behind the HTTP routes
// (PropertyService's write methods are one-line wrappers around these), for callers that
// write many rows in one transaction of their own — the importer (modules/importer).
//
// Contract
// - Each write takes the caller's transaction, the caller's TenantContext and the command
//   the route takes (property_types.h; read from a JSON body by property_json.h, as the
//   route reads it); it checks the permission code and the project scope, validates what
//   needs the database exactly like the route, writes, appends its one audit row
//   (`property.<entity>.<verb>`) in `tx` stamped `now`, and returns the value the route
//   replies with. Refusals are returned as an Error (same code, kind and `fields` as
//   the route's 4xx reply), never thrown, and leave nothing written in `tx`: every check
//   runs before the first write. The route runs MayWrite (property_service.h) before it
//   reads the body, so a caller without the write code gets 403 even for a bad body; a
//   caller that reads bodies itself and wants the same answer does the same.
// - Uniqueness (codes, numbers, plates, ID numbers, links) is checked by reading the
//   conflicting row first, so a duplicate — also one written earlier in the same
//   transaction — is a field error (*_TAKEN / RESIDENT_ALREADY_LINKED), not an exception.
// - db::DbError can still escape (and, on PostgreSQL, poisons the transaction), so run each
//   call inside a SAVEPOINT when one bad row must not end the batch:
//   * any function: connection loss, kSerialization, or a kUniqueViolation when a
//     concurrent transaction inserts the same key between the check and the insert
//     (PostgreSQL READ COMMITTED; PropertyService maps that one to the *_TAKEN code);
//   * DeleteHouse: kForeignKeyViolation when rows of other modules still name the house
//     beyond those it checks (payments without bills, meters, work orders, reminders…);
//   * DeleteBuilding: kForeignKeyViolation when meters or work orders name the building.
// - Lookups are plain reads of the given company (no permission checks: the caller has
//   decided who acts) returning the value the route's GET shows, or nullopt.
// Thread-safety: stateless; `tx` is used by one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/property/house_bills.h"
#include "modules/property/property_types.h"

namespace anju::property::tx {

// ---- structure (楼栋 / 单元 / 楼层) --------------------------------------------------------
// Renaming a building's or an entrance's code recomputes the codes of its houses; a clash
// with another house of the project is HOUSE_CODE_TAKEN (field "code"). Deleting refuses
// while houses remain below (*_NOT_EMPTY) and takes the empty entrances/floors with it.
Result<Building> CreateBuilding(db::Tx& tx, const TenantContext& ctx,
                                const CreateBuildingCommand& cmd, Millis now);
Result<Building> UpdateBuilding(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateBuildingCommand& cmd, Millis now);
Status DeleteBuilding(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now);
Result<Entrance> CreateEntrance(db::Tx& tx, const TenantContext& ctx,
                                const CreateEntranceCommand& cmd, Millis now);
Result<Entrance> UpdateEntrance(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateEntranceCommand& cmd, Millis now);
Status DeleteEntrance(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now);
Result<Floor> CreateFloor(db::Tx& tx, const TenantContext& ctx, const CreateFloorCommand& cmd,
                          Millis now);
Result<Floor> UpdateFloor(db::Tx& tx, const TenantContext& ctx, int64_t id,
                          const UpdateFloorCommand& cmd, Millis now);
Status DeleteFloor(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now);

// ---- houses (房屋) and their residents -------------------------------------------------
// DeleteHouse refuses while residents, vehicles, parking spaces (HOUSE_HAS_*) or bills
// (HOUSE_HAS_BILLS, asked of `bills`: billing's HouseBillsOf()) hang from the house.
Result<House> CreateHouse(db::Tx& tx, const TenantContext& ctx, const CreateHouseCommand& cmd,
                          Millis now);
Result<House> UpdateHouse(db::Tx& tx, const TenantContext& ctx, int64_t id,
                          const UpdateHouseCommand& cmd, Millis now);
Status DeleteHouse(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now,
                   const HouseBills& bills);
// start_date defaults to CivilDate(now).
Result<HouseLink> LinkResident(db::Tx& tx, const TenantContext& ctx, int64_t house_id,
                               const LinkResidentCommand& cmd, const crypto::SecretKey& key,
                               Millis now);
Result<HouseLink> UpdateLink(db::Tx& tx, const TenantContext& ctx, int64_t house_id,
                             int64_t link_id, const UpdateLinkCommand& cmd,
                             const crypto::SecretKey& key, Millis now);
Status UnlinkResident(db::Tx& tx, const TenantContext& ctx, int64_t house_id, int64_t link_id,
                      const crypto::SecretKey& key, Millis now);

// ---- residents (住户): phone and ID number encrypted, blind-indexed, replied masked -------
// The result lists the links the caller may see ("houses"; none when created without a
// house).
Result<Resident> CreateResident(db::Tx& tx, const TenantContext& ctx,
                                const CreateResidentCommand& cmd, const crypto::SecretKey& key,
                                Millis now);
Result<Resident> UpdateResident(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateResidentCommand& cmd, const crypto::SecretKey& key,
                                Millis now);
// Deletes a resident with at most one house link (removed with it), no account and no
// vehicles — what an import created and a rollback undoes; RESIDENT_IN_USE otherwise.
// Not an HTTP route: residents who lived somewhere stay on record.
Status DeleteResident(db::Tx& tx, const TenantContext& ctx, int64_t id,
                      const crypto::SecretKey& key, Millis now);

// ---- vehicles (车辆, plates unique per company) and parking spaces (车位) ----------------
Result<Vehicle> CreateVehicle(db::Tx& tx, const TenantContext& ctx,
                              const CreateVehicleCommand& cmd, Millis now);
Result<Vehicle> UpdateVehicle(db::Tx& tx, const TenantContext& ctx, int64_t id,
                              const UpdateVehicleCommand& cmd, Millis now);
Status DeleteVehicle(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now);
Result<ParkingSpace> CreateParkingSpace(db::Tx& tx, const TenantContext& ctx,
                                        const CreateParkingSpaceCommand& cmd, Millis now);
// Deletes a parking space (an import's rollback; not an HTTP route): PARKING_SPACE_NOT_FOUND.
Status DeleteParkingSpace(db::Tx& tx, const TenantContext& ctx, int64_t id, Millis now);
Result<ParkingSpace> UpdateParkingSpace(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                        const UpdateParkingSpaceCommand& cmd, Millis now);

// ---- look-ups by natural key (the company's rows only; nullopt when absent) ---------------
// What GET buildings/{id}, GET entrances/{id} and an item of GET floors show.
std::optional<Building> FindBuildingByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                           std::string_view code);
std::optional<Entrance> FindEntranceByCode(db::Tx& tx, int64_t company_id, int64_t building_id,
                                           std::string_view code);
std::optional<Floor> FindFloorByNumber(db::Tx& tx, int64_t company_id, int64_t entrance_id,
                                       int64_t number);
// What GET houses/{id} shows; `code` is the derived "<building>-<entrance>-<number>".
std::optional<House> FindHouseByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                     std::string_view code);
// GET residents/{id} as a company-wide reader sees it ("houses": every link). The number is
// normalised first (pii::NormalizeIdNumber / NormalizePhone); an invalid one finds nothing.
// Phones are not unique: FindResidentByPhone answers the resident with the lowest id.
std::optional<Resident> FindResidentByIdNumber(db::Tx& tx, const crypto::SecretKey& key,
                                               int64_t company_id, std::string_view id_number);
std::optional<Resident> FindResidentByPhone(db::Tx& tx, const crypto::SecretKey& key,
                                            int64_t company_id, std::string_view phone);
// The link between a house and a resident (an item of GET houses/{id}/residents; the key
// masks the resident's phone), if any.
std::optional<HouseLink> FindLink(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                                  int64_t house_id, int64_t resident_id);
// What GET vehicles/{id} shows; the plate is normalised first (NormalizePlate).
std::optional<Vehicle> FindVehicleByPlate(db::Tx& tx, int64_t company_id, std::string_view plate);
// What GET parking-spaces/{id} shows.
std::optional<ParkingSpace> FindParkingSpaceByCode(db::Tx& tx, int64_t company_id,
                                                   int64_t project_id, std::string_view code);

}  // namespace anju::property::tx
