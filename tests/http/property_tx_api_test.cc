// The property registry's transaction-level functions (property_tx.h), as the importer uses
// them: many writes in one transaction of the caller's, look-ups by natural key that answer
// what the routes' GET answers, duplicates that are field errors and never exceptions, and
// a rollback that leaves nothing. The suite name contains "Api", so it also runs on
// PostgreSQL.
#include "property_tx_fixture.h"

namespace anju::testing {
namespace {

TEST_F(PropertyTxApiTest, CreatesAreFoundByNaturalKeyAndARollbackLeavesNothing) {
  TenantContext ctx = Admin();
  int64_t company = ctx.company_id, p = Jhy();
  int64_t audit_before = app_->Count("SELECT COUNT(*) FROM audit_log");
  {
    auto tx = Write();
    json::value b = Ok(jtx::CreateBuilding(
        *tx, ctx,
        J(R"({"project_id":)" + S(p) + R"(,"code":"T9","name":"九号楼","kind":"residential"})"),
        Now()));
    EXPECT_EQ(jtx::FindBuildingByCode(*tx, company, p, "T9"), b);
    json::value e = Ok(jtx::CreateEntrance(
        *tx, ctx, J(R"({"building_id":)" + S(IdOf(b)) + R"(,"code":"1","name":"一单元"})"), Now()));
    EXPECT_EQ(jtx::FindEntranceByCode(*tx, company, IdOf(b), "1"), e);
    json::value f = Ok(jtx::CreateFloor(
        *tx, ctx, J(R"({"entrance_id":)" + S(IdOf(e)) + R"(,"number":1})"), Now()));
    EXPECT_EQ(jtx::FindFloorByNumber(*tx, company, IdOf(e), 1), f);
    json::value h =
        Ok(jtx::CreateHouse(*tx, ctx,
                            J(R"({"floor_id":)" + S(IdOf(f)) +
                              R"(,"number":"0101","kind":"residential",)"
                              R"("status":"vacant","gross_area":9000,"net_area":7500})"),
                            Now()));
    EXPECT_EQ(h.at("code").as_string(), "T9-1-0101");
    EXPECT_EQ(jtx::FindHouseByCode(*tx, company, p, "T9-1-0101"), h);
    // Another company finds nothing under the same key.
    EXPECT_FALSE(jtx::FindHouseByCode(*tx, app_->other_company_id(), p, "T9-1-0101"));

    json::value r = Ok(jtx::CreateResident(*tx, ctx,
                                           J(R"({"name":"导入住户","phone":"13912340001",)"
                                             R"("id_number":"11010519491231002X","house_id":)" +
                                             S(IdOf(h)) + R"(,"relation":"owner"})"),
                                           Key(), Now()));
    auto by_id = jtx::FindResidentByIdNumber(*tx, Key(), company, "11010519491231002x");
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id, r);  // the same JSON as the reply: masked data and the house link
    auto by_phone = jtx::FindResidentByPhone(*tx, Key(), company, "+86 139 1234 0001");
    ASSERT_TRUE(by_phone);
    EXPECT_EQ(IdOf(*by_phone), IdOf(r));
    EXPECT_FALSE(jtx::FindResidentByPhone(*tx, Key(), company, "13912340002"));
    EXPECT_FALSE(jtx::FindResidentByIdNumber(*tx, Key(), company, "110105194912310021"));
    auto link = jtx::FindLink(*tx, Key(), company, IdOf(h), IdOf(r));
    ASSERT_TRUE(link);
    EXPECT_EQ(link->at("relation").as_string(), "owner");
    EXPECT_EQ(link->at("phone").as_string(), "139****0001");

    json::value v = Ok(
        jtx::CreateVehicle(*tx, ctx,
                           J(R"({"project_id":)" + S(p) +
                             R"(,"plate":"沪A T9001","kind":"car","house_id":)" + S(IdOf(h)) + "}"),
                           Now()));
    EXPECT_EQ(jtx::FindVehicleByPlate(*tx, company, "沪at9001"), v);
    json::value s = Ok(jtx::CreateParkingSpace(*tx, ctx,
                                               J(R"({"project_id":)" + S(p) +
                                                 R"(,"code":"T9-001","kind":"owned",)"
                                                 R"("status":"occupied","vehicle_id":)" +
                                                 S(IdOf(v)) + "}"),
                                               Now()));
    EXPECT_EQ(jtx::FindParkingSpaceByCode(*tx, company, p, "T9-001"), s);
    // One audit row per write, in the caller's transaction.
    EXPECT_EQ(tx->QueryOne("SELECT COUNT(*) FROM audit_log")->Int(0), audit_before + 7);
  }  // dropped without Commit: rolled back
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log"), audit_before);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM buildings WHERE code = 'T9'"), 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM vehicles WHERE plate = '沪AT9001'"), 0);
  auto tx = app_->app().db().Begin(db::TxMode::kRead);
  EXPECT_FALSE(jtx::FindHouseByCode(*tx, company, p, "T9-1-0101"));
  EXPECT_FALSE(jtx::FindResidentByPhone(*tx, Key(), company, "13912340001"));
  EXPECT_EQ(app_->LoginAs("admin")->Get("/api/v1/houses?q=T9-1").json().at("total").as_int64(), 0);
}

TEST_F(PropertyTxApiTest, DuplicatesInOneTransactionAreFieldErrorsNotExceptions) {
  TenantContext ctx = Admin();
  int64_t p = Jhy();
  int64_t house = HouseId(*app_, p, "1-1-0101");
  int64_t floor = app_->Count("SELECT floor_id FROM houses WHERE id = " + S(house));
  auto house_body = [&](const char* number) {
    return J(R"({"floor_id":)" + S(floor) + R"(,"number":")" + number +
             R"(","kind":"residential","status":"vacant","gross_area":9000,"net_area":7500})");
  };
  auto tx = Write();
  auto refused = [](const auto& r) { return r.ok() ? std::string("ok") : Shape(r.error()); };
  ASSERT_TRUE(jtx::CreateHouse(*tx, ctx, house_body("0190"), Now()).ok());
  EXPECT_EQ(refused(jtx::CreateHouse(*tx, ctx, house_body("0190"), Now())),
            "HOUSE_CODE_TAKEN 409 number:taken");
  auto building = J(R"({"project_id":)" + S(p) + R"(,"code":"D9","name":"D9","kind":"mixed"})");
  ASSERT_TRUE(jtx::CreateBuilding(*tx, ctx, building, Now()).ok());
  EXPECT_EQ(refused(jtx::CreateBuilding(*tx, ctx, building, Now())),
            "BUILDING_CODE_TAKEN 409 code:taken");
  auto resident = J(R"({"name":"乙","phone":"13912340003","id_number":"110105194912310038",)"
                    R"("house_id":)" +
                    S(house) + R"(,"relation":"tenant"})");
  auto r = jtx::CreateResident(*tx, ctx, resident, Key(), Now());
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(refused(jtx::CreateResident(*tx, ctx, resident, Key(), Now())),
            "RESIDENT_ID_NUMBER_TAKEN 409 id_number:taken");
  EXPECT_EQ(refused(jtx::LinkResident(
                *tx, ctx, house, J(R"({"resident_id":)" + S(IdOf(*r)) + R"(,"relation":"owner"})"),
                Key(), Now())),
            "RESIDENT_ALREADY_LINKED 409 resident_id:taken");
  auto vehicle = J(R"({"project_id":)" + S(p) + R"(,"plate":"沪AD9001","kind":"ev"})");
  ASSERT_TRUE(jtx::CreateVehicle(*tx, ctx, vehicle, Now()).ok());
  EXPECT_EQ(refused(jtx::CreateVehicle(*tx, ctx, vehicle, Now())), "PLATE_TAKEN 409 plate:taken");
  auto space =
      J(R"({"project_id":)" + S(p) + R"(,"code":"D9-1","kind":"public","status":"vacant"})");
  ASSERT_TRUE(jtx::CreateParkingSpace(*tx, ctx, space, Now()).ok());
  EXPECT_EQ(refused(jtx::CreateParkingSpace(*tx, ctx, space, Now())),
            "PARKING_CODE_TAKEN 409 code:taken");
  // Nothing failed inside the database, so the transaction goes on and commits (on
  // PostgreSQL a failed statement would have aborted it).
  ASSERT_TRUE(jtx::CreateHouse(*tx, ctx, house_body("0191"), Now()).ok());
  tx->Commit();
  tx.reset();
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM houses WHERE code IN ('1-1-0190', '1-1-0191')"), 2);
  // Look-ups answer what the routes' GET answers.
  auto read = app_->app().db().Begin(db::TxMode::kRead);
  auto admin = app_->LoginAs("admin");
  auto h = jtx::FindHouseByCode(*read, ctx.company_id, p, "1-1-0190");
  ASSERT_TRUE(h);
  EXPECT_EQ(*h, admin->Get("/api/v1/houses/" + S(IdOf(*h))).json());
  auto x = jtx::FindResidentByIdNumber(*read, Key(), ctx.company_id, "110105194912310038");
  ASSERT_TRUE(x);
  EXPECT_EQ(*x, admin->Get("/api/v1/residents/" + S(IdOf(*x))).json());
  auto car = jtx::FindVehicleByPlate(*read, ctx.company_id, "沪AD9001");
  ASSERT_TRUE(car);
  EXPECT_EQ(*car, admin->Get("/api/v1/vehicles/" + S(IdOf(*car))).json());
}

}  // namespace
}  // namespace anju::testing
