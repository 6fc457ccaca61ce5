// The fixture of the tests of the property registry's transaction-level functions
// (property_tx.h): the demo company's admin as a TenantContext, a write transaction, the
// shape of a refusal, from a function and from a route, to compare them, and the functions
// driven by JSON bodies as the importer drives them (namespace jtx).
#pragma once

#include <gtest/gtest.h>

#include "http/message.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"
#include "support/test_app.h"

namespace anju::testing {

namespace json = boost::json;
namespace perm = identity::perm;
namespace ptx = property::tx;

// The transaction-level writes and look-ups with JSON in and out, as the importer uses them:
// the body read by the route's reader (property_json.h), the typed function, the result as
// the route's JSON.
namespace jtx {

using JsonResult = Result<json::value>;
using OptJson = std::optional<json::value>;

template <class Read, class Write, class Shape>
JsonResult Via(const json::object& body, Read read, Write write, Shape shape) {
  auto cmd = read(body);
  if (!cmd.ok()) return cmd.take_error();
  auto r = write(*cmd);
  if (!r.ok()) return r.take_error();
  return json::value(shape(*r));
}
template <class T, class Shape>
OptJson AsJson(const std::optional<T>& v, Shape shape) {
  if (!v) return std::nullopt;
  return json::value(shape(*v));
}

inline JsonResult CreateBuilding(db::Tx& tx, const TenantContext& ctx, const json::object& body,
                                 Millis now) {
  return Via(
      body, property::ReadCreateBuildingCommand,
      [&](const auto& cmd) { return ptx::CreateBuilding(tx, ctx, cmd, now); },
      property::BuildingJson);
}
inline JsonResult UpdateBuilding(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                 const json::object& body, Millis now) {
  return Via(
      body, property::ReadUpdateBuildingCommand,
      [&](const auto& cmd) { return ptx::UpdateBuilding(tx, ctx, id, cmd, now); },
      property::BuildingJson);
}
inline JsonResult CreateEntrance(db::Tx& tx, const TenantContext& ctx, const json::object& body,
                                 Millis now) {
  return Via(
      body, property::ReadCreateEntranceCommand,
      [&](const auto& cmd) { return ptx::CreateEntrance(tx, ctx, cmd, now); },
      property::EntranceJson);
}
inline JsonResult UpdateEntrance(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                 const json::object& body, Millis now) {
  return Via(
      body, property::ReadUpdateEntranceCommand,
      [&](const auto& cmd) { return ptx::UpdateEntrance(tx, ctx, id, cmd, now); },
      property::EntranceJson);
}
inline JsonResult CreateFloor(db::Tx& tx, const TenantContext& ctx, const json::object& body,
                              Millis now) {
  return Via(
      body, property::ReadCreateFloorCommand,
      [&](const auto& cmd) { return ptx::CreateFloor(tx, ctx, cmd, now); }, property::FloorJson);
}
inline OptJson FindBuildingByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                  std::string_view code) {
  return AsJson(ptx::FindBuildingByCode(tx, company_id, project_id, code), property::BuildingJson);
}
inline OptJson FindEntranceByCode(db::Tx& tx, int64_t company_id, int64_t building_id,
                                  std::string_view code) {
  return AsJson(ptx::FindEntranceByCode(tx, company_id, building_id, code),
                property::EntranceJson);
}
inline OptJson FindFloorByNumber(db::Tx& tx, int64_t company_id, int64_t entrance_id,
                                 int64_t number) {
  return AsJson(ptx::FindFloorByNumber(tx, company_id, entrance_id, number), property::FloorJson);
}

inline JsonResult CreateHouse(db::Tx& tx, const TenantContext& ctx, const json::object& body,
                              Millis now) {
  return Via(
      body, property::ReadCreateHouseCommand,
      [&](const auto& cmd) { return ptx::CreateHouse(tx, ctx, cmd, now); }, property::HouseJson);
}
inline JsonResult CreateResident(db::Tx& tx, const TenantContext& ctx, const json::object& body,
                                 const crypto::SecretKey& key, Millis now) {
  return Via(
      body, [&](const json::object& b) { return property::ReadCreateResidentCommand(b, ctx); },
      [&](const auto& cmd) { return ptx::CreateResident(tx, ctx, cmd, key, now); },
      property::ResidentJson);
}
inline JsonResult LinkResident(db::Tx& tx, const TenantContext& ctx, int64_t house_id,
                               const json::object& body, const crypto::SecretKey& key,
                               Millis now) {
  return Via(
      body, property::ReadLinkResidentCommand,
      [&](const auto& cmd) { return ptx::LinkResident(tx, ctx, house_id, cmd, key, now); },
      property::HouseLinkJson);
}
inline JsonResult CreateVehicle(db::Tx& tx, const TenantContext& ctx, const json::object& body,
                                Millis now) {
  return Via(
      body, property::ReadCreateVehicleCommand,
      [&](const auto& cmd) { return ptx::CreateVehicle(tx, ctx, cmd, now); },
      property::VehicleJson);
}
inline JsonResult CreateParkingSpace(db::Tx& tx, const TenantContext& ctx,
                                     const json::object& body, Millis now) {
  return Via(
      body, property::ReadCreateParkingSpaceCommand,
      [&](const auto& cmd) { return ptx::CreateParkingSpace(tx, ctx, cmd, now); },
      property::ParkingSpaceJson);
}
inline OptJson FindHouseByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                               std::string_view code) {
  return AsJson(ptx::FindHouseByCode(tx, company_id, project_id, code), property::HouseJson);
}
inline OptJson FindResidentByIdNumber(db::Tx& tx, const crypto::SecretKey& key,
                                      int64_t company_id, std::string_view id_number) {
  return AsJson(ptx::FindResidentByIdNumber(tx, key, company_id, id_number),
                property::ResidentJson);
}
inline OptJson FindResidentByPhone(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                                   std::string_view phone) {
  return AsJson(ptx::FindResidentByPhone(tx, key, company_id, phone), property::ResidentJson);
}
inline OptJson FindLink(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                        int64_t house_id, int64_t resident_id) {
  return AsJson(ptx::FindLink(tx, key, company_id, house_id, resident_id),
                property::HouseLinkJson);
}
inline OptJson FindVehicleByPlate(db::Tx& tx, int64_t company_id, std::string_view plate) {
  return AsJson(ptx::FindVehicleByPlate(tx, company_id, plate), property::VehicleJson);
}
inline OptJson FindParkingSpaceByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                      std::string_view code) {
  return AsJson(ptx::FindParkingSpaceByCode(tx, company_id, project_id, code),
                property::ParkingSpaceJson);
}

// The deletes take no body.
using ptx::DeleteHouse;
using ptx::UnlinkResident;

}  // namespace jtx

class PropertyTxApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { app_ = new TestApp(); }
  static void TearDownTestSuite() { delete app_; }
  void TearDown() override { EXPECT_TRUE(app_->AuditChainOk()); }

  // The demo company's admin, as the importer would act for them.
  static TenantContext Admin() {
    TenantContext ctx;
    ctx.company_id = app_->company_id();
    ctx.user_id = app_->Count("SELECT id FROM users WHERE login = 'admin'");
    ctx.login = "admin";
    for (std::string_view code :
         {perm::kHouseRead, perm::kHouseWrite, perm::kStructureWrite, perm::kResidentRead,
          perm::kResidentWrite, perm::kVehicleRead, perm::kVehicleWrite, perm::kParkingRead,
          perm::kParkingWrite, perm::kPiiUnmask})
      ctx.access.Grant(std::string(code), std::nullopt);
    return ctx;
  }
  static int64_t Jhy() { return ProjectId(*app_, app_->company_id(), "JHY"); }
  static std::unique_ptr<db::Tx> Write() { return app_->app().db().Begin(db::TxMode::kWrite); }
  static Millis Now() { return app_->clock().Now(); }
  static const crypto::SecretKey& Key() { return app_->app().key(); }

  // "CODE status field:code …" of a refusal, from the function and from the route.
  static std::string Shape(const Error& e) {
    std::string s = e.code + " " + std::to_string(http::StatusOf(e.kind));
    for (const FieldError& f : e.fields) s += " " + f.field + ":" + f.code;
    return s;
  }
  static std::string Shape(const Reply& r) {
    json::value j = r.json();
    const json::object& e = j.at("error").as_object();
    std::string s = std::string(e.at("code").as_string()) + " " + std::to_string(r.status);
    if (auto* fields = e.if_contains("fields"))
      for (const json::value& f : fields->as_array())
        s += " " + std::string(f.at("field").as_string()) + ":" +
             std::string(f.at("code").as_string());
    return s;
  }

  static TestApp* app_;
};
inline TestApp* PropertyTxApiTest::app_ = nullptr;

inline json::object J(std::string_view text) { return json::parse(text).as_object(); }
inline std::string S(int64_t v) { return std::to_string(v); }
inline int64_t IdOf(const json::value& v) { return v.at("id").as_int64(); }
// The reply of a write; fails the test on a refusal.
inline json::value Ok(const jtx::JsonResult& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code);
  return r.ok() ? r.value() : json::value(json::object{{"id", 0}});
}
inline int64_t Id(const jtx::JsonResult& r) { return IdOf(Ok(r)); }

}  // namespace anju::testing
