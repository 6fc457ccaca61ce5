// The fixture of the tests of the property registry's transaction-level functions
// (property_tx.h): the demo company's admin as a TenantContext, a write transaction, and the
// shape of a refusal, from a function and from a route, to compare them.
#pragma once

#include <gtest/gtest.h>

#include "http/message.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_tx.h"
#include "support/test_app.h"

namespace anju::testing {

namespace json = boost::json;
namespace perm = identity::perm;
namespace ptx = property::tx;

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
inline json::value Ok(const ptx::JsonResult& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code);
  return r.ok() ? r.value() : json::value(json::object{{"id", 0}});
}
inline int64_t Id(const ptx::JsonResult& r) { return IdOf(Ok(r)); }

}  // namespace anju::testing
