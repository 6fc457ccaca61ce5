// The property registry's use cases with JSON in and out, as their routes run them: the
// body read into the command (modules/property/property_json.h), the typed use case, the
// value shaped as the reply. For tests that state cases as request bodies and replies.
#pragma once

#include <memory>

#include <boost/json.hpp>

#include "modules/property/property_json.h"
#include "modules/property/property_service.h"

namespace anju::testing {

namespace json = boost::json;
using JsonResult = Result<json::value>;

// A list's shape from its items' shape.
template <class Shape>
auto ListShape(Shape shape) {
  return [shape](const auto& l) { return property::ListingJson(l, shape); };
}

// The use cases with JSON in and out, as their routes run them: the body read into the
// command (property_json.h), the typed use case, the value shaped as the reply.
class JsonApi {
  template <class T, class Shape>
  static JsonResult Out(const Result<T>& r, Shape shape) {
    if (!r.ok()) return r.error();
    return json::value(shape(r.value()));
  }
  template <class Command, class Run, class Shape>
  static JsonResult In(Result<Command> cmd, Run run, Shape shape) {
    if (!cmd.ok()) return cmd.take_error();
    return Out(run(*cmd), shape);
  }

 public:
  explicit JsonApi(std::unique_ptr<property::PropertyService>& s) : s_(s) {}

  JsonResult CreateHouse(const TenantContext& c, const json::object& b) {
    return In(property::ReadCreateHouseCommand(b), [&](auto& cmd) { return s_->CreateHouse(c, cmd); },
              property::HouseJson);
  }
  JsonResult UpdateHouse(const TenantContext& c, int64_t id, const json::object& b) {
    return In(property::ReadUpdateHouseCommand(b), [&](auto& cmd) { return s_->UpdateHouse(c, id, cmd); },
              property::HouseJson);
  }
  JsonResult GetHouse(const TenantContext& c, int64_t id) {
    return Out(s_->GetHouse(c, id), property::HouseJson);
  }
  JsonResult ListHouses(const TenantContext& c, const property::HouseFilter& f, const Page& p) {
    return Out(s_->ListHouses(c, f, p), ListShape(property::HouseJson));
  }
  JsonResult CreateResident(const TenantContext& c, const json::object& b) {
    return In(property::ReadCreateResidentCommand(b, c),
              [&](auto& cmd) { return s_->CreateResident(c, cmd); }, property::ResidentJson);
  }
  JsonResult UpdateResident(const TenantContext& c, int64_t id, const json::object& b) {
    return In(property::ReadUpdateResidentCommand(b),
              [&](auto& cmd) { return s_->UpdateResident(c, id, cmd); }, property::ResidentJson);
  }
  JsonResult GetResident(const TenantContext& c, int64_t id) {
    return Out(s_->GetResident(c, id), property::ResidentJson);
  }
  JsonResult ListResidents(const TenantContext& c, const property::ResidentFilter& f, const Page& p) {
    return Out(s_->ListResidents(c, f, p), ListShape(property::ResidentJson));
  }
  JsonResult UnmaskResident(const TenantContext& c, int64_t id, const json::object& b) {
    if (Status may = property::MayUnmask(c); !may.ok()) return may.error();
    return In(property::ReadUnmaskCommand(b), [&](auto& cmd) { return s_->UnmaskResident(c, id, cmd); },
              property::UnmaskedResidentJson);
  }
  JsonResult ListHouseResidents(const TenantContext& c, int64_t house_id) {
    return Out(s_->ListHouseResidents(c, house_id), ListShape(property::HouseLinkJson));
  }
  JsonResult LinkResident(const TenantContext& c, int64_t house_id, const json::object& b) {
    return In(property::ReadLinkResidentCommand(b),
              [&](auto& cmd) { return s_->LinkResident(c, house_id, cmd); }, property::HouseLinkJson);
  }
  JsonResult UpdateLink(const TenantContext& c, int64_t house_id, int64_t link_id,
                        const json::object& b) {
    return In(property::ReadUpdateLinkCommand(b),
              [&](auto& cmd) { return s_->UpdateLink(c, house_id, link_id, cmd); },
              property::HouseLinkJson);
  }
  JsonResult CreateVehicle(const TenantContext& c, const json::object& b) {
    return In(property::ReadCreateVehicleCommand(b), [&](auto& cmd) { return s_->CreateVehicle(c, cmd); },
              property::VehicleJson);
  }
  JsonResult UpdateVehicle(const TenantContext& c, int64_t id, const json::object& b) {
    return In(property::ReadUpdateVehicleCommand(b),
              [&](auto& cmd) { return s_->UpdateVehicle(c, id, cmd); }, property::VehicleJson);
  }
  JsonResult GetVehicle(const TenantContext& c, int64_t id) {
    return Out(s_->GetVehicle(c, id), property::VehicleJson);
  }
  JsonResult ListVehicles(const TenantContext& c, const property::VehicleFilter& f, const Page& p) {
    return Out(s_->ListVehicles(c, f, p), ListShape(property::VehicleJson));
  }
  JsonResult CreateParkingSpace(const TenantContext& c, const json::object& b) {
    return In(property::ReadCreateParkingSpaceCommand(b),
              [&](auto& cmd) { return s_->CreateParkingSpace(c, cmd); }, property::ParkingSpaceJson);
  }
  JsonResult UpdateParkingSpace(const TenantContext& c, int64_t id, const json::object& b) {
    return In(property::ReadUpdateParkingSpaceCommand(b),
              [&](auto& cmd) { return s_->UpdateParkingSpace(c, id, cmd); }, property::ParkingSpaceJson);
  }
  JsonResult GetParkingSpace(const TenantContext& c, int64_t id) {
    return Out(s_->GetParkingSpace(c, id), property::ParkingSpaceJson);
  }

 private:
  std::unique_ptr<property::PropertyService>& s_;
};

}  // namespace anju::testing
