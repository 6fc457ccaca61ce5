#include "modules/property/property_routes.h"

#include <optional>
#include <string>

#include "http/handlers.h"

namespace anju::property {

namespace json = boost::json;
using http::Request;
using http::Response;

using http::ById;
using http::NotFound;
using http::QueryReader;
using http::WithBody;

namespace {

void RegisterStructure(http::Router& router, PropertyService& s) {
  router.Add("GET", "/api/v1/buildings", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListBuildings(ctx, project_id, page));
  });
  router.Add("POST", "/api/v1/buildings",
             WithBody(201, 0, [&s](auto& ctx, auto& body) { return s.CreateBuilding(ctx, body); }));
  router.Add("GET", "/api/v1/buildings/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.GetBuilding(ctx, id); }));
  router.Add("PATCH", "/api/v1/buildings/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UpdateBuilding(ctx, id, body);
             }));
  router.Add("DELETE", "/api/v1/buildings/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteBuilding(ctx, id); }));

  router.Add("GET", "/api/v1/entrances", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto building_id = q.Id("building_id");
    auto project_id = q.Id("project_id");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListEntrances(ctx, building_id, project_id, page));
  });
  router.Add("POST", "/api/v1/entrances",
             WithBody(201, 0, [&s](auto& ctx, auto& body) { return s.CreateEntrance(ctx, body); }));
  router.Add("GET", "/api/v1/entrances/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.GetEntrance(ctx, id); }));
  router.Add("PATCH", "/api/v1/entrances/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UpdateEntrance(ctx, id, body);
             }));
  router.Add("DELETE", "/api/v1/entrances/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteEntrance(ctx, id); }));

  router.Add("GET", "/api/v1/floors", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto entrance_id = q.Id("entrance_id");
    auto building_id = q.Id("building_id");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListFloors(ctx, entrance_id, building_id, page));
  });
  router.Add("POST", "/api/v1/floors",
             WithBody(201, 0, [&s](auto& ctx, auto& body) { return s.CreateFloor(ctx, body); }));
  router.Add("PATCH", "/api/v1/floors/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UpdateFloor(ctx, id, body);
             }));
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
    return http::Reply(req, s.Tree(ctx, *project_id));
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
    return http::Reply(req, s.ListHouses(ctx, f, page));
  });
  router.Add("POST", "/api/v1/houses",
             WithBody(201, 0, [&s](auto& ctx, auto& body) { return s.CreateHouse(ctx, body); }));
  router.Add("GET", "/api/v1/houses/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.GetHouse(ctx, id); }));
  router.Add("PATCH", "/api/v1/houses/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UpdateHouse(ctx, id, body);
             }));
  router.Add("DELETE", "/api/v1/houses/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteHouse(ctx, id); }));

  router.Add("GET", "/api/v1/houses/{id}/residents",
             ById([&s](auto& ctx, int64_t id) { return s.ListHouseResidents(ctx, id); }));
  router.Add("POST", "/api/v1/houses/{id}/residents",
             WithBody(201, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.LinkResident(ctx, id, body);
             }));
  router.Add("PATCH", "/api/v1/houses/{id}/residents/{linkId}",
             WithBody(200, 2, [&s](auto& ctx, int64_t id, int64_t link, auto& body) {
               return s.UpdateLink(ctx, id, link, body);
             }));
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
    return http::Reply(req, s.ListResidents(ctx, f, page));
  });
  router.Add("POST", "/api/v1/residents",
             WithBody(201, 0, [&s](auto& ctx, auto& body) { return s.CreateResident(ctx, body); }));
  router.Add("GET", "/api/v1/residents/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.GetResident(ctx, id); }));
  router.Add("PATCH", "/api/v1/residents/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UpdateResident(ctx, id, body);
             }));
  router.Add("POST", "/api/v1/residents/{id}/unmask",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UnmaskResident(ctx, id, body);
             }));
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
    return http::Reply(req, s.ListVehicles(ctx, f, page));
  });
  router.Add("POST", "/api/v1/vehicles",
             WithBody(201, 0, [&s](auto& ctx, auto& body) { return s.CreateVehicle(ctx, body); }));
  router.Add("GET", "/api/v1/vehicles/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.GetVehicle(ctx, id); }));
  router.Add("PATCH", "/api/v1/vehicles/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UpdateVehicle(ctx, id, body);
             }));
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
    return http::Reply(req, s.ListParkingSpaces(ctx, f, page));
  });
  router.Add("POST", "/api/v1/parking-spaces", WithBody(201, 0, [&s](auto& ctx, auto& body) {
               return s.CreateParkingSpace(ctx, body);
             }));
  router.Add("GET", "/api/v1/parking-spaces/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.GetParkingSpace(ctx, id); }));
  router.Add("PATCH", "/api/v1/parking-spaces/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& body) {
               return s.UpdateParkingSpace(ctx, id, body);
             }));
}

}  // namespace

void RegisterRoutes(http::Router& router, PropertyService& service) {
  RegisterStructure(router, service);
  RegisterHouses(router, service);
  RegisterResidents(router, service);
  RegisterVehiclesAndParking(router, service);
}

}  // namespace anju::property
