#include "modules/property/property_routes.h"

#include <optional>
#include <string>
#include <type_traits>

#include "http/handlers.h"
#include "modules/property/property_json.h"

namespace anju::property {

namespace json = boost::json;
using http::Request;
using http::Response;

using http::ById;
using http::NotFound;
using http::QueryReader;
using http::WithCommand;

namespace {

// The permission check of the writes of `area`.
auto May(WriteArea area) {
  return [area](const TenantContext& ctx) { return MayWrite(ctx, area); };
}

// A typed single value in a reply: `shape(value)`, or the error reply.
template <class T, class Shape>
Response ReplyOne(const Request& req, const Result<T>& r, Shape shape) {
  return http::ReplyAs(req, r, shape);
}

// A typed page of a list: {items, total, page, size}, or the error reply.
template <class T, class Shape>
Response ReplyList(const Request& req, const Result<Listing<T>>& r, Shape shape) {
  return http::ReplyAs(req, r, [&](const Listing<T>& l) { return ListingJson(l, shape); });
}

// Typed single values by {id}: a malformed id answers 404.
template <class F, class Shape>
http::Handler OneById(F fn, Shape shape) {
  return [fn, shape](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return NotFound(req);
    return ReplyOne(req, fn(ctx, *id), shape);
  };
}

void RegisterStructure(http::Router& router, PropertyService& s) {
  router.Add("GET", "/api/v1/buildings", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return ReplyList(req, s.ListBuildings(ctx, project_id, page), BuildingJson);
  });
  router.Add(
      "POST", "/api/v1/buildings",
      WithCommand(
          201, 0, May(WriteArea::kStructure), ReadCreateBuildingCommand,
          [&s](auto& ctx, int64_t, int64_t, auto& cmd) { return s.CreateBuilding(ctx, cmd); },
          BuildingJson));
  router.Add("GET", "/api/v1/buildings/{id}",
             OneById([&s](auto& ctx, int64_t id) { return s.GetBuilding(ctx, id); }, BuildingJson));
  router.Add("PATCH", "/api/v1/buildings/{id}",
             WithCommand(
                 200, 1, May(WriteArea::kStructure), ReadUpdateBuildingCommand,
                 [&s](auto& ctx, int64_t id, int64_t, auto& cmd) {
                   return s.UpdateBuilding(ctx, id, cmd);
                 },
                 BuildingJson));
  router.Add("DELETE", "/api/v1/buildings/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteBuilding(ctx, id); }));

  router.Add("GET", "/api/v1/entrances", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto building_id = q.Id("building_id");
    auto project_id = q.Id("project_id");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return ReplyList(req, s.ListEntrances(ctx, building_id, project_id, page), EntranceJson);
  });
  router.Add(
      "POST", "/api/v1/entrances",
      WithCommand(
          201, 0, May(WriteArea::kStructure), ReadCreateEntranceCommand,
          [&s](auto& ctx, int64_t, int64_t, auto& cmd) { return s.CreateEntrance(ctx, cmd); },
          EntranceJson));
  router.Add("GET", "/api/v1/entrances/{id}",
             OneById([&s](auto& ctx, int64_t id) { return s.GetEntrance(ctx, id); }, EntranceJson));
  router.Add("PATCH", "/api/v1/entrances/{id}",
             WithCommand(
                 200, 1, May(WriteArea::kStructure), ReadUpdateEntranceCommand,
                 [&s](auto& ctx, int64_t id, int64_t, auto& cmd) {
                   return s.UpdateEntrance(ctx, id, cmd);
                 },
                 EntranceJson));
  router.Add("DELETE", "/api/v1/entrances/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteEntrance(ctx, id); }));

  router.Add("GET", "/api/v1/floors", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto entrance_id = q.Id("entrance_id");
    auto building_id = q.Id("building_id");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return ReplyList(req, s.ListFloors(ctx, entrance_id, building_id, page), FloorJson);
  });
  router.Add("POST", "/api/v1/floors",
             WithCommand(
                 201, 0, May(WriteArea::kStructure), ReadCreateFloorCommand,
                 [&s](auto& ctx, int64_t, int64_t, auto& cmd) { return s.CreateFloor(ctx, cmd); },
                 FloorJson));
  router.Add(
      "PATCH", "/api/v1/floors/{id}",
      WithCommand(
          200, 1, May(WriteArea::kStructure), ReadUpdateFloorCommand,
          [&s](auto& ctx, int64_t id, int64_t, auto& cmd) { return s.UpdateFloor(ctx, id, cmd); },
          FloorJson));
  router.Add("DELETE", "/api/v1/floors/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteFloor(ctx, id); }));

  router.Add("GET", "/api/v1/tree", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    if (!project_id) {
      Error e(errors::kBadQuery);
      e.WithField("project_id", "required", "This parameter is required");
      return http::ErrorReply(e, req.request_id);
    }
    return http::ReplyAs(req, s.Tree(ctx, *project_id), ProjectTreeJson);
  });
}

void RegisterHouses(http::Router& router, PropertyService& s) {
  router.Add("GET", "/api/v1/houses", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    HouseFilter f;
    f.project_id = q.Id("project_id");
    f.building_id = q.Id("building_id");
    f.entrance_id = q.Id("entrance_id");
    f.floor_id = q.Id("floor_id");
    f.kind = q.Text("kind");
    f.status = q.Text("status");
    f.q = q.Text("q");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return ReplyList(req, s.ListHouses(ctx, f, page), HouseJson);
  });
  router.Add("POST", "/api/v1/houses",
             WithCommand(
                 201, 0, May(WriteArea::kHouses), ReadCreateHouseCommand,
                 [&s](auto& ctx, int64_t, int64_t, auto& cmd) { return s.CreateHouse(ctx, cmd); },
                 HouseJson));
  router.Add("GET", "/api/v1/houses/{id}",
             OneById([&s](auto& ctx, int64_t id) { return s.GetHouse(ctx, id); }, HouseJson));
  router.Add(
      "PATCH", "/api/v1/houses/{id}",
      WithCommand(
          200, 1, May(WriteArea::kHouses), ReadUpdateHouseCommand,
          [&s](auto& ctx, int64_t id, int64_t, auto& cmd) { return s.UpdateHouse(ctx, id, cmd); },
          HouseJson));
  router.Add("DELETE", "/api/v1/houses/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteHouse(ctx, id); }));

  router.Add("GET", "/api/v1/houses/{id}/residents", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return NotFound(req);
    return ReplyList(req, s.ListHouseResidents(ctx, *id), HouseLinkJson);
  });
  router.Add(
      "POST", "/api/v1/houses/{id}/residents",
      WithCommand(
          201, 1, May(WriteArea::kResidents), ReadLinkResidentCommand,
          [&s](auto& ctx, int64_t id, int64_t, auto& cmd) { return s.LinkResident(ctx, id, cmd); },
          HouseLinkJson));
  router.Add("PATCH", "/api/v1/houses/{id}/residents/{linkId}",
             WithCommand(
                 200, 2, May(WriteArea::kResidents), ReadUpdateLinkCommand,
                 [&s](auto& ctx, int64_t id, int64_t link, auto& cmd) {
                   return s.UpdateLink(ctx, id, link, cmd);
                 },
                 HouseLinkJson));
  router.Add("DELETE", "/api/v1/houses/{id}/residents/{linkId}",
             [&s](Request& req, TenantContext& ctx) {
               auto id = req.IdParam(0), link = req.IdParam(1);
               if (!id || !link) return NotFound(req);
               return http::Reply(req, s.UnlinkResident(ctx, *id, *link));
             });
}

void RegisterResidents(http::Router& router, PropertyService& s) {
  router.Add("GET", "/api/v1/residents", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ResidentFilter f;
    f.project_id = q.Id("project_id");
    f.house_id = q.Id("house_id");
    f.q = q.Text("q");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return ReplyList(req, s.ListResidents(ctx, f, page), ResidentJson);
  });
  router.Add(
      "POST", "/api/v1/residents",
      WithCommand(
          201, 0, May(WriteArea::kResidents), ReadCreateResidentCommand,
          [&s](auto& ctx, int64_t, int64_t, auto& cmd) { return s.CreateResident(ctx, cmd); },
          ResidentJson));
  router.Add("GET", "/api/v1/residents/{id}",
             OneById([&s](auto& ctx, int64_t id) { return s.GetResident(ctx, id); }, ResidentJson));
  router.Add("PATCH", "/api/v1/residents/{id}",
             WithCommand(
                 200, 1, May(WriteArea::kResidents), ReadUpdateResidentCommand,
                 [&s](auto& ctx, int64_t id, int64_t, auto& cmd) {
                   return s.UpdateResident(ctx, id, cmd);
                 },
                 ResidentJson));
  router.Add("POST", "/api/v1/residents/{id}/unmask",
             WithCommand(
                 200, 1, MayUnmask, ReadUnmaskCommand,
                 [&s](auto& ctx, int64_t id, int64_t, auto& cmd) {
                   return s.UnmaskResident(ctx, id, cmd);
                 },
                 UnmaskedResidentJson));
}

void RegisterVehiclesAndParking(http::Router& router, PropertyService& s) {
  router.Add("GET", "/api/v1/vehicles", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    VehicleFilter f;
    f.project_id = q.Id("project_id");
    f.house_id = q.Id("house_id");
    f.q = q.Text("q");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return ReplyList(req, s.ListVehicles(ctx, f, page), VehicleJson);
  });
  router.Add("POST", "/api/v1/vehicles",
             WithCommand(
                 201, 0, May(WriteArea::kVehicles), ReadCreateVehicleCommand,
                 [&s](auto& ctx, int64_t, int64_t, auto& cmd) { return s.CreateVehicle(ctx, cmd); },
                 VehicleJson));
  router.Add("GET", "/api/v1/vehicles/{id}",
             OneById([&s](auto& ctx, int64_t id) { return s.GetVehicle(ctx, id); }, VehicleJson));
  router.Add(
      "PATCH", "/api/v1/vehicles/{id}",
      WithCommand(
          200, 1, May(WriteArea::kVehicles), ReadUpdateVehicleCommand,
          [&s](auto& ctx, int64_t id, int64_t, auto& cmd) { return s.UpdateVehicle(ctx, id, cmd); },
          VehicleJson));
  router.Add("DELETE", "/api/v1/vehicles/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteVehicle(ctx, id); }));

  router.Add("GET", "/api/v1/parking-spaces", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ParkingFilter f;
    f.project_id = q.Id("project_id");
    f.kind = q.Text("kind");
    f.status = q.Text("status");
    f.q = q.Text("q");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return ReplyList(req, s.ListParkingSpaces(ctx, f, page), ParkingSpaceJson);
  });
  router.Add(
      "POST", "/api/v1/parking-spaces",
      WithCommand(
          201, 0, May(WriteArea::kParking), ReadCreateParkingSpaceCommand,
          [&s](auto& ctx, int64_t, int64_t, auto& cmd) { return s.CreateParkingSpace(ctx, cmd); },
          ParkingSpaceJson));
  router.Add("GET", "/api/v1/parking-spaces/{id}",
             OneById([&s](auto& ctx, int64_t id) { return s.GetParkingSpace(ctx, id); },
                     ParkingSpaceJson));
  router.Add("PATCH", "/api/v1/parking-spaces/{id}",
             WithCommand(
                 200, 1, May(WriteArea::kParking), ReadUpdateParkingSpaceCommand,
                 [&s](auto& ctx, int64_t id, int64_t, auto& cmd) {
                   return s.UpdateParkingSpace(ctx, id, cmd);
                 },
                 ParkingSpaceJson));
}

}  // namespace

void RegisterRoutes(http::Router& router, PropertyService& service) {
  RegisterStructure(router, service);
  RegisterHouses(router, service);
  RegisterResidents(router, service);
  RegisterVehiclesAndParking(router, service);
}

}  // namespace anju::property
