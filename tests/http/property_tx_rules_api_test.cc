// The rules the transaction-level property functions (property_tx.h) keep inside the
// caller's transaction: refusals equal to the routes' that write nothing, renames whose
// recomputed house codes would clash, and a house with bills that cannot be deleted.
#include "property_tx_fixture.h"

#include "modules/billing/house_bills.h"

namespace anju::testing {
namespace {

// Its own suite (and TestApp): the tests here change demo data (a bill run, unlinks).
class PropertyTxRulesApiTest : public PropertyTxApiTest {};

TEST_F(PropertyTxRulesApiTest, RefusalsEqualTheRoutesAndWriteNothing) {
  TenantContext ctx = Admin();
  int64_t p = Jhy();
  int64_t house = HouseId(*app_, p, "1-1-0101");
  int64_t floor = app_->Count("SELECT floor_id FROM houses WHERE id = " + S(house));
  auto admin = app_->LoginAs("admin");
  auto house_body = [&](std::string number, int gross, int net) {
    return J(R"({"floor_id":)" + S(floor) + R"(,"number":")" + number +
             R"(","kind":"residential","status":"vacant","gross_area":)" + S(gross) +
             R"(,"net_area":)" + S(net) + "}");
  };
  auto resident_body = [&](std::string phone, std::string id_number) {
    return J(R"({"name":"甲","phone":")" + phone + R"(","id_number":")" + id_number +
             R"(","house_id":)" + S(house) + R"(,"relation":"owner"})");
  };
  struct Case {
    const char* what;
    json::object body;
    bool resident;
    const char* shape;
  };
  std::vector<Case> cases = {
      {"net area above gross", house_body("0188", 9000, 9500), false,
       "VALIDATION_FAILED 400 net_area:greater_than_gross"},
      {"zero area", house_body("0188", 0, 0), false,
       "VALIDATION_FAILED 400 gross_area:out_of_range net_area:out_of_range"},
      {"duplicate house code", house_body("0101", 9000, 7500), false,
       "HOUSE_CODE_TAKEN 409 number:taken"},
      {"ID-card checksum", resident_body("13800001111", "110105194912310021"), true,
       "VALIDATION_FAILED 400 id_number:invalid_checksum"},
      {"phone", resident_body("12345", "11010519491231002X"), true,
       "VALIDATION_FAILED 400 phone:invalid"},
  };
  int64_t houses = app_->Count("SELECT COUNT(*) FROM houses");
  int64_t residents = app_->Count("SELECT COUNT(*) FROM residents");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Error fn_error;
    {
      auto tx = Write();
      auto r = c.resident ? jtx::CreateResident(*tx, ctx, c.body, Key(), Now())
                          : jtx::CreateHouse(*tx, ctx, c.body, Now());
      ASSERT_FALSE(r.ok());
      fn_error = r.error();
    }
    Reply route = admin->PostJson(c.resident ? "/api/v1/residents" : "/api/v1/houses", c.body);
    EXPECT_EQ(Shape(fn_error), Shape(route));
    EXPECT_EQ(Shape(fn_error), c.shape);
  }
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM houses"), houses);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM residents"), residents);
}

TEST_F(PropertyTxRulesApiTest, RenamesThatWouldClashHouseCodesAreFieldErrors) {
  TenantContext ctx = Admin();
  int64_t p = Jhy();
  auto tx = Write();
  auto building = [&](const char* code) {
    return Id(jtx::CreateBuilding(*tx, ctx,
                                  J(R"({"project_id":)" + S(p) + R"(,"code":")" + code +
                                    R"(","name":"楼","kind":"residential"})"),
                                  Now()));
  };
  auto floor = [&](int64_t building_id, const char* entrance) {  // floor 1 of a new entrance
    int64_t e = Id(jtx::CreateEntrance(*tx, ctx,
                                       J(R"({"building_id":)" + S(building_id) + R"(,"code":")" +
                                         entrance + R"(","name":"单元"})"),
                                       Now()));
    return Id(
        jtx::CreateFloor(*tx, ctx, J(R"({"entrance_id":)" + S(e) + R"(,"number":1})"), Now()));
  };
  auto house = [&](int64_t floor_id, const char* number) {
    return Id(jtx::CreateHouse(*tx, ctx,
                               J(R"({"floor_id":)" + S(floor_id) + R"(,"number":")" + number +
                                 R"(","kind":"shop","status":"vacant",)"
                                 R"("gross_area":100,"net_area":100})"),
                               Now()));
  };
  int64_t a9 = building("A9"), z_building = building("Z9");
  house(floor(a9, "1-2"), "3");                    // A9-1-2-3
  int64_t z = house(floor(z_building, "2"), "3");  // Z9-2-3: building → "A9-1" makes A9-1-2-3
  int64_t y = house(floor(a9, "9"), "2-3");        // A9-9-2-3: entrance → "1" makes A9-1-2-3
  int64_t entrance9 = IdOf(*jtx::FindEntranceByCode(*tx, ctx.company_id, a9, "9"));
  auto b = jtx::UpdateBuilding(*tx, ctx, z_building, J(R"({"code":"A9-1"})"), Now());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(Shape(b.error()), "HOUSE_CODE_TAKEN 409 code:taken");
  auto e = jtx::UpdateEntrance(*tx, ctx, entrance9, J(R"({"code":"1"})"), Now());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(Shape(e.error()), "HOUSE_CODE_TAKEN 409 code:taken");
  // A rename that clashes with nothing recodes the houses below.
  ASSERT_TRUE(jtx::UpdateBuilding(*tx, ctx, z_building, J(R"({"code":"Z8"})"), Now()).ok());
  EXPECT_EQ(IdOf(*jtx::FindHouseByCode(*tx, ctx.company_id, p, "Z8-2-3")), z);
  ASSERT_TRUE(jtx::UpdateEntrance(*tx, ctx, entrance9, J(R"({"code":"8"})"), Now()).ok());
  EXPECT_EQ(IdOf(*jtx::FindHouseByCode(*tx, ctx.company_id, p, "A9-8-2-3")), y);
  tx->Commit();
  tx.reset();
  // The route answers the same (before, it was the unique index's bare 409).
  Reply route = app_->LoginAs("admin")->PatchJson("/api/v1/buildings/" + S(z_building),
                                                  json::object{{"code", "A9-1"}});
  EXPECT_EQ(Shape(route), "HOUSE_CODE_TAKEN 409 code:taken");
}

TEST_F(PropertyTxRulesApiTest, AHouseWithBillsIsNotDeleted) {
  TenantContext ctx = Admin();
  auto admin = app_->LoginAs("admin");
  Reply run = admin->PostJson(
      "/api/v1/bill-runs",
      json::object{{"project_id", Jhy()}, {"period", "2026-11"}, {"dry_run", false}});
  ASSERT_EQ(run.status, 200) << run.body;
  // A house with bills and no vehicles or parking spaces; its residents are unlinked first.
  int64_t house = app_->Count(
      "SELECT MIN(h.id) FROM houses h WHERE h.company_id = " + S(ctx.company_id) +
      " AND EXISTS (SELECT 1 FROM bills b WHERE b.house_id = h.id) AND NOT EXISTS (SELECT 1 "
      "FROM vehicles v WHERE v.house_id = h.id) AND NOT EXISTS (SELECT 1 FROM parking_spaces s "
      "WHERE s.house_id = h.id)");
  ASSERT_GT(house, 0);
  {
    auto tx = Write();
    for (const db::Row& l : tx->Query("SELECT id FROM house_residents WHERE house_id = ?", {house}))
      ASSERT_TRUE(jtx::UnlinkResident(*tx, ctx, house, l.Int(0), Key(), Now()).ok());
    Status s = jtx::DeleteHouse(*tx, ctx, house, Now(), billing::HouseBillsOf());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(Shape(s.error()), "HOUSE_HAS_BILLS 409");
  }
  json::value links = admin->Get("/api/v1/houses/" + S(house) + "/residents").json();
  for (const json::value& l : links.at("items").as_array())
    ASSERT_EQ(admin->Delete("/api/v1/houses/" + S(house) + "/residents/" + S(IdOf(l))).status, 204);
  Reply route = admin->Delete("/api/v1/houses/" + S(house));
  EXPECT_EQ(Shape(route), "HOUSE_HAS_BILLS 409");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM houses WHERE id = " + S(house)), 1);
}

}  // namespace
}  // namespace anju::testing
