// Storage tests of the property registry: they run on SQLite and, with ANJU_TEST_DB=pg, on
// PostgreSQL (suite name contains "Storage").
#include "modules/property/property_service.h"

#include <gtest/gtest.h>

#include "db/migrations.h"
#include "http/router.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_json.h"
#include "modules/property/property_routes.h"
#include "support/property_json_api.h"
#include "support/seed.h"
#include "support/test_db.h"

namespace anju::property {
namespace {

namespace json = boost::json;
namespace perm = identity::perm;

json::object J(std::string_view text) { return json::parse(text).as_object(); }

// The first field error's name, or "".
std::string FieldOf(const Error& e) { return e.fields.empty() ? "" : e.fields.front().field; }
std::string FieldCodeOf(const Error& e) { return e.fields.empty() ? "" : e.fields.front().code; }

constexpr std::string_view kAllCodes[] = {
    perm::kHouseRead,    perm::kHouseWrite,    perm::kStructureWrite,
    perm::kResidentRead, perm::kResidentWrite, perm::kVehicleRead,
    perm::kVehicleWrite, perm::kParkingRead,   perm::kParkingWrite};

// Property's port to billing (house_bills.h); these tests write no bills.
class NoBills final : public HouseBills {
 public:
  bool HasBills(db::Tx&, int64_t) const override { return false; }
};

using testing::JsonApi;

class PropertyStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::Init();
    db_ = db::Open(tdb_.url(), 4);
    db::Migrate(*db_);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      auto company = [&](const char* code) {
        return testing::SeedCompany(tx, code, "物业公司");
      };
      auto project = [&](int64_t company_id, const char* code) {
        return testing::SeedProject(tx, company_id, code, "阳光花园");
      };
      c1_ = company("c1");
      c2_ = company("c2");
      p1_ = project(c1_, "P1");
      p2_ = project(c1_, "P2");
      p3_ = project(c2_, "P3");
    });
    svc_ = std::make_unique<PropertyService>(*db_, clock_, key_);
    svc_->SetHouseBills(&no_bills_);
    admin_ = Staff(c1_, std::nullopt, true);
    p1_staff_ = Staff(c1_, p1_, false);
    other_ = Staff(c2_, std::nullopt, true);
  }

  void TearDown() override {
    audit::VerifyReport report = audit::Verify(*db_);
    EXPECT_TRUE(report.ok) << report.problem << " " << report.detail;
  }

  static TenantContext Staff(int64_t company, std::optional<int64_t> project, bool unmask) {
    TenantContext ctx;
    ctx.company_id = company;
    ctx.user_id = 7;
    ctx.login = "staff";
    for (std::string_view code : kAllCodes) ctx.access.Grant(std::string(code), project);
    if (unmask) ctx.access.Grant(std::string(perm::kPiiUnmask), project);
    return ctx;
  }

  // Building "1", entrance "1" and floor 1 in `project`; returns the floor id.
  int64_t MakeFloor(int64_t project, const std::string& b = "1", const std::string& e = "1") {
    auto building = svc_->CreateBuilding(
        admin_, CreateBuildingCommand{project, b, b + "号楼", "residential", 18, std::nullopt});
    EXPECT_TRUE(building.ok()) << building.error().code;
    auto entrance = svc_->CreateEntrance(admin_, CreateEntranceCommand{building->id, e, e + "单元"});
    EXPECT_TRUE(entrance.ok()) << entrance.error().code;
    auto floor = svc_->CreateFloor(admin_, CreateFloorCommand{entrance->id, 1, std::nullopt});
    EXPECT_TRUE(floor.ok()) << floor.error().code;
    EXPECT_EQ(floor->name, "1层");
    return floor->id;
  }

  int64_t MakeHouse(int64_t floor, const std::string& number) {
    auto h = api_.CreateHouse(
        admin_,
        J(R"({"floor_id":)" + std::to_string(floor) + R"(,"number":")" + number +
          R"(","kind":"residential","status":"vacant","gross_area":8950,"net_area":7600})"));
    EXPECT_TRUE(h.ok()) << (h.ok() ? "" : h.error().code + " " + FieldOf(h.error()));
    return h.ok() ? h->at("id").as_int64() : 0;
  }

  int64_t MakeResident(const std::string& name, const std::string& phone, int64_t house,
                       const std::string& id_number = "") {
    std::string body = R"({"name":")" + name + R"(","phone":")" + phone + R"(","house_id":)" +
                       std::to_string(house) + R"(,"relation":"owner")";
    if (!id_number.empty()) body += R"(,"id_number":")" + id_number + R"(")";
    auto r = api_.CreateResident(admin_, J(body + "}"));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code + " " + FieldOf(r.error()));
    return r.ok() ? r->at("id").as_int64() : 0;
  }

  std::vector<std::string> HouseCodes(const TenantContext& ctx, HouseFilter f = {}) {
    auto list = api_.ListHouses(ctx, f, Page{});
    EXPECT_TRUE(list.ok());
    std::vector<std::string> out;
    if (list.ok())
      for (auto& h : list->at("items").as_array()) out.emplace_back(h.at("code").as_string());
    return out;
  }

  testing::TestDatabase tdb_;
  std::unique_ptr<db::Database> db_;
  ManualClock clock_{1'800'000'000'000};
  crypto::SecretKey key_{std::string(32, 'k')};
  NoBills no_bills_;
  std::unique_ptr<PropertyService> svc_;
  JsonApi api_{svc_};
  int64_t c1_ = 0, c2_ = 0, p1_ = 0, p2_ = 0, p3_ = 0;
  TenantContext admin_, p1_staff_, other_;
};

TEST_F(PropertyStorageTest, TreeAndHouseCodes) {
  int64_t floor = MakeFloor(p1_);
  int64_t house = MakeHouse(floor, "0101");
  MakeHouse(floor, "0102");
  auto h = api_.GetHouse(admin_, house);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->at("code").as_string(), "1-1-0101");
  EXPECT_EQ(h->at("building_name").as_string(), "1号楼");
  EXPECT_EQ(h->at("entrance_name").as_string(), "1单元");
  EXPECT_EQ(h->at("floor_name").as_string(), "1层");
  EXPECT_EQ(h->at("gross_area").as_int64(), 8950);
  EXPECT_EQ(h->at("resident_count").as_int64(), 0);
  EXPECT_EQ(h->at("project_id").as_int64(), p1_);

  auto tree = svc_->Tree(admin_, p1_);
  ASSERT_TRUE(tree.ok());
  const TreeBuilding& b = tree->buildings.at(0);
  EXPECT_EQ(b.house_count, 2);
  EXPECT_EQ(b.entrances.at(0).floors.at(0).house_count, 2);

  // Renaming the building's code recomputes its houses' codes.
  auto bid = h->at("building_id").as_int64();
  ASSERT_TRUE(svc_->UpdateBuilding(admin_, bid, UpdateBuildingCommand{.code = "A"}).ok());
  EXPECT_EQ(HouseCodes(admin_), (std::vector<std::string>{"A-1-0101", "A-1-0102"}));

  // A building with houses is not deleted.
  auto del = svc_->DeleteBuilding(admin_, bid);
  ASSERT_FALSE(del.ok());
  EXPECT_EQ(del.error().code, "BUILDING_NOT_EMPTY");
  // Floors default to "B1" below ground.
  auto below = svc_->CreateFloor(
      admin_, CreateFloorCommand{h->at("entrance_id").as_int64(), -1, std::nullopt});
  ASSERT_TRUE(below.ok());
  EXPECT_EQ(below->name, "B1");
}

TEST_F(PropertyStorageTest, HouseValidation) {
  int64_t floor = MakeFloor(p1_);
  auto create = [&](const std::string& extra) {
    return api_.CreateHouse(admin_, J(R"({"floor_id":)" + std::to_string(floor) +
                                       R"(,"number":"0101","kind":"residential",)"
                                       R"("status":"vacant",)" +
                                       extra + "}"));
  };
  auto r = create(R"("gross_area":100,"net_area":101)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kValidation);
  EXPECT_EQ(FieldOf(r.error()), "net_area");

  r = create(R"("gross_area":100,"net_area":100,"code":"X")");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FieldOf(r.error()), "code");
  EXPECT_EQ(FieldCodeOf(r.error()), "read_only");

  r = create(R"("gross_area":100,"net_area":100,"colour":"red")");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FieldCodeOf(r.error()), "unknown_field");

  r = create(R"("gross_area":100.5,"net_area":100)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FieldOf(r.error()), "gross_area");

  r = api_.CreateHouse(admin_, J(R"({"floor_id":)" + std::to_string(floor) +
                                  R"(,"number":"1","kind":"castle","status":"vacant",)"
                                  R"("gross_area":100,"net_area":100})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FieldOf(r.error()), "kind");

  ASSERT_TRUE(create(R"("gross_area":100,"net_area":100)").ok());
  r = create(R"("gross_area":100,"net_area":100)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "HOUSE_CODE_TAKEN");
  EXPECT_EQ(FieldOf(r.error()), "number");

  // PATCH checks net ≤ gross against the stored values.
  int64_t id =
      HouseCodes(admin_).size() == 1
          ? api_.ListHouses(admin_, {}, Page{})->at("items").as_array()[0].at("id").as_int64()
          : 0;
  auto u = api_.UpdateHouse(admin_, id, J(R"({"net_area":200})"));
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(FieldOf(u.error()), "net_area");
  u = api_.UpdateHouse(admin_, id, J(R"({"status":"rented","delivered_on":"2024-06-30"})"));
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->at("status").as_string(), "rented");
  EXPECT_EQ(u->at("delivered_on").as_string(), "2024-06-30");
}

TEST_F(PropertyStorageTest, ProjectAndCompanyScope) {
  int64_t h1 = MakeHouse(MakeFloor(p1_), "0101");
  int64_t h2 = MakeHouse(MakeFloor(p2_), "0201");

  EXPECT_EQ(HouseCodes(p1_staff_), std::vector<std::string>{"1-1-0101"});
  EXPECT_TRUE(api_.GetHouse(p1_staff_, h1).ok());
  auto g = api_.GetHouse(p1_staff_, h2);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().code, "HOUSE_NOT_FOUND");
  auto u = api_.UpdateHouse(p1_staff_, h2, J(R"({"status":"rented"})"));
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(svc_->DeleteHouse(p1_staff_, h2).error().kind, ErrorKind::kNotFound);

  // Another company sees nothing and cannot write into this company's projects.
  EXPECT_TRUE(HouseCodes(other_).empty());
  EXPECT_EQ(api_.GetHouse(other_, h1).error().kind, ErrorKind::kNotFound);
  auto b = svc_->CreateBuilding(other_, CreateBuildingCommand{.project_id = p1_,
                                                              .code = "9",
                                                              .name = "9号楼",
                                                              .kind = "residential"});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, "PROJECT_NOT_FOUND");
  b = svc_->CreateBuilding(p1_staff_, CreateBuildingCommand{.project_id = p2_,
                                                            .code = "9",
                                                            .name = "9号楼",
                                                            .kind = "residential"});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, "PROJECT_NOT_FOUND");
  auto tree = svc_->Tree(other_, p1_);
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.error().kind, ErrorKind::kNotFound);

  // Without the code at all: 403.
  TenantContext none;
  none.company_id = c1_;
  EXPECT_EQ(api_.ListHouses(none, {}, Page{}).error().kind, ErrorKind::kForbidden);
}

TEST_F(PropertyStorageTest, ResidentAccountSeesOwnHousesOnly) {
  int64_t floor = MakeFloor(p1_);
  int64_t mine = MakeHouse(floor, "0101");
  int64_t theirs = MakeHouse(floor, "0102");
  int64_t me = MakeResident("张三", "13812345678", mine);
  int64_t neighbour = MakeResident("李四", "13912345678", theirs);

  TenantContext owner;
  owner.company_id = c1_;
  owner.kind = AccountKind::kResident;
  owner.house_ids = {mine};
  owner.resident_ids = {me};
  EXPECT_EQ(HouseCodes(owner), std::vector<std::string>{"1-1-0101"});
  EXPECT_TRUE(api_.GetHouse(owner, mine).ok());
  EXPECT_EQ(api_.GetHouse(owner, theirs).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(api_.ListHouseResidents(owner, mine).ok());
  EXPECT_EQ(api_.ListHouseResidents(owner, theirs).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(api_.GetResident(owner, me).ok());
  EXPECT_EQ(api_.GetResident(owner, neighbour).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(api_.ListResidents(owner, {}, Page{})->at("total").as_int64(), 0);
  EXPECT_EQ(api_.UpdateHouse(owner, mine, J(R"({"status":"rented"})")).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(api_.UnmaskResident(owner, me, J(R"({"reason":"想看"})")).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(svc_->ListBuildings(owner, std::nullopt, Page{})->total, 0);
}

TEST_F(PropertyStorageTest, SearchEscapesLikeMetacharacters) {
  int64_t floor = MakeFloor(p1_);
  int64_t a = MakeHouse(floor, "0101");
  MakeHouse(floor, "01_2");
  MakeHouse(floor, "01%3");
  MakeHouse(floor, "01\\\\4");  // JSON "01\\4" is the number 01\4
  MakeResident("欧阳娜娜", "13812345678", a);

  auto search = [&](std::string q) {
    HouseFilter f;
    f.q = std::move(q);
    return HouseCodes(admin_, f);
  };
  EXPECT_EQ(search("欧阳"), std::vector<std::string>{"1-1-0101"});
  EXPECT_EQ(search("%"), std::vector<std::string>{"1-1-01%3"});
  EXPECT_EQ(search("_"), std::vector<std::string>{"1-1-01_2"});
  EXPECT_EQ(search("\\"), std::vector<std::string>{"1-1-01\\4"});
  EXPECT_TRUE(search("%%__").empty());
  EXPECT_EQ(search("  ").size(), 4u);  // blank: no filter
  EXPECT_TRUE(search("王").empty());

  ResidentFilter rf;
  rf.q = "娜娜";
  EXPECT_EQ(api_.ListResidents(admin_, rf, Page{})->at("total").as_int64(), 1);
  rf.q = "138 1234 5678";
  EXPECT_EQ(api_.ListResidents(admin_, rf, Page{})->at("total").as_int64(), 1);
  rf.q = "%";
  EXPECT_EQ(api_.ListResidents(admin_, rf, Page{})->at("total").as_int64(), 0);
}

TEST_F(PropertyStorageTest, ResidentPersonalData) {
  int64_t h1 = MakeHouse(MakeFloor(p1_), "0101");
  int64_t h2 = MakeHouse(MakeFloor(p2_), "0201");
  auto create = [&](const std::string& body) { return api_.CreateResident(admin_, J(body)); };

  auto bad = create(R"({"name":"王五","phone":"12345","house_id":)" + std::to_string(h1) +
                    R"(,"relation":"owner"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(FieldOf(bad.error()), "phone");
  bad = create(R"({"name":"王五","phone":"13812345678","id_number":"110105194912310021"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(FieldOf(bad.error()), "id_number");
  EXPECT_EQ(FieldCodeOf(bad.error()), "invalid_checksum");

  int64_t id = MakeResident("王五", "13812345678", h2, "11010519491231002X");
  auto r = api_.GetResident(admin_, id);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("phone").as_string(), "138****5678");
  EXPECT_EQ(r->at("id_number").as_string(), "1101**********002X");
  EXPECT_EQ(r->at("houses").as_array().size(), 1u);

  // Not stored in clear.
  db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto row = tx.QueryOne(
        "SELECT phone_enc, id_number_enc, phone_bidx FROM residents "
        "WHERE id = ?",
        {id});
    EXPECT_EQ(row->Str(0).find("12345678"), std::string::npos);
    EXPECT_EQ(row->Str(1).find("194912"), std::string::npos);
    EXPECT_EQ(row->Str(2).find("12345678"), std::string::npos);
    for (auto& a : testing::AuditRows(tx, "before_json, after_json")) {
      EXPECT_EQ(a.Str(0).find("13812345678"), std::string::npos);
      EXPECT_EQ(a.Str(1).find("13812345678"), std::string::npos);
      EXPECT_EQ(a.Str(1).find("11010519491231002X"), std::string::npos);
    }
  });

  auto dup = create(R"({"name":"赵六","phone":"13900001111","id_number":"11010519491231002X"})");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "RESIDENT_ID_NUMBER_TAKEN");

  // The project-1 caller does not see a resident of project 2.
  EXPECT_EQ(api_.GetResident(p1_staff_, id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(api_.ListResidents(p1_staff_, {}, Page{})->at("total").as_int64(), 0);

  // Unmask: project-2 reader without pii:unmask → 403; with it → clear values + audit.
  TenantContext reader = Staff(c1_, p2_, false);
  auto refused = api_.UnmaskResident(reader, id, J(R"({"reason":"核对业主身份"})"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  EXPECT_FALSE(api_.UnmaskResident(admin_, id, J(R"({"reason":"x"})")).ok());  // too short
  TenantContext unmasker = Staff(c1_, p2_, true);
  auto clear = api_.UnmaskResident(unmasker, id, J(R"({"reason":"核对业主身份"})"));
  ASSERT_TRUE(clear.ok()) << clear.error().code;
  EXPECT_EQ(clear->at("phone").as_string(), "13812345678");
  EXPECT_EQ(clear->at("id_number").as_string(), "11010519491231002X");
  db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto rows = testing::AuditRows(tx, "before_json, after_json",
                                   "WHERE action = 'property.resident.unmask'");
    ASSERT_EQ(rows.size(), 1u);
    const db::Row* a = &rows[0];
    EXPECT_NE(a->Str(1).find("核对业主身份"), std::string::npos);
    EXPECT_EQ(a->Str(1).find("13812345678"), std::string::npos);
    EXPECT_EQ(a->Str(1).find("11010519491231002X"), std::string::npos);
  });

  // PATCH: a new phone is re-encrypted; the ID number can be cleared.
  auto u = api_.UpdateResident(admin_, id, J(R"({"phone":"13700009999","id_number":null})"));
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->at("phone").as_string(), "137****9999");
  EXPECT_TRUE(u->at("id_number").is_null());

  // A resident cannot be linked twice to the same house; a house with residents stays.
  auto twice = api_.LinkResident(
      admin_, h2, J(R"({"resident_id":)" + std::to_string(id) + R"(,"relation":"family"})"));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "RESIDENT_ALREADY_LINKED");
  EXPECT_EQ(svc_->DeleteHouse(admin_, h2).error().code, "HOUSE_HAS_RESIDENTS");
  auto links = api_.ListHouseResidents(admin_, h2);
  ASSERT_TRUE(links.ok());
  auto& link = links->at("items").as_array().at(0);
  EXPECT_EQ(link.at("resident_name").as_string(), "王五");
  EXPECT_EQ(link.at("phone").as_string(), "137****9999");
  int64_t link_id = link.at("id").as_int64();
  auto moved = api_.UpdateLink(admin_, h2, link_id, J(R"({"end_date":"2020-01-01"})"));
  ASSERT_FALSE(moved.ok());  // before the start date (today)
  EXPECT_EQ(FieldOf(moved.error()), "end_date");
  ASSERT_TRUE(svc_->UnlinkResident(admin_, h2, link_id).ok());
  EXPECT_TRUE(svc_->DeleteHouse(admin_, h2).ok());
}

TEST_F(PropertyStorageTest, VehiclesAndParking) {
  EXPECT_EQ(NormalizePlate("粤B D12345"), "粤BD12345");
  EXPECT_EQ(NormalizePlate("沪a12345"), "沪A12345");
  EXPECT_FALSE(NormalizePlate("AB12345"));
  EXPECT_FALSE(NormalizePlate("沪A1234"));
  EXPECT_FALSE(NormalizePlate("沪112345"));

  int64_t h1 = MakeHouse(MakeFloor(p1_), "0101");
  std::string p1 = std::to_string(p1_);
  auto v = api_.CreateVehicle(
      admin_, J(R"({"project_id":)" + p1 + R"(,"plate":"沪a 12345","kind":"car","house_id":)" +
                std::to_string(h1) + "}"));
  ASSERT_TRUE(v.ok()) << v.error().code;
  EXPECT_EQ(v->at("plate").as_string(), "沪A12345");
  auto dup = api_.CreateVehicle(
      admin_, J(R"({"project_id":)" + std::to_string(p2_) + R"(,"plate":"沪A12345","kind":"ev"})"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "PLATE_TAKEN");
  auto bad =
      api_.CreateVehicle(admin_, J(R"({"project_id":)" + p1 + R"(,"plate":"XYZ","kind":"car"})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(FieldOf(bad.error()), "plate");
  EXPECT_EQ(svc_->DeleteHouse(admin_, h1).error().code, "HOUSE_HAS_VEHICLES");

  TenantContext owner;
  owner.company_id = c1_;
  owner.kind = AccountKind::kResident;
  owner.house_ids = {h1};
  EXPECT_EQ(api_.ListVehicles(owner, {}, Page{})->at("total").as_int64(), 1);
  owner.house_ids = {};
  EXPECT_EQ(api_.ListVehicles(owner, {}, Page{})->at("total").as_int64(), 0);
  VehicleFilter vf;
  vf.q = "a12";
  EXPECT_EQ(api_.ListVehicles(admin_, vf, Page{})->at("total").as_int64(), 1);

  auto space =
      api_.CreateParkingSpace(admin_, J(R"({"project_id":)" + p1 +
                                         R"(,"code":"B1-001","kind":"owned",)"
                                         R"("status":"occupied","area":1250,"vehicle_id":)" +
                                         std::to_string(v->at("id").as_int64()) + "}"));
  ASSERT_TRUE(space.ok()) << space.error().code;
  auto again = api_.CreateParkingSpace(
      admin_,
      J(R"({"project_id":)" + p1 + R"(,"code":"B1-001","kind":"owned","status":"vacant"})"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "PARKING_CODE_TAKEN");
  EXPECT_EQ(svc_->DeleteVehicle(admin_, v->at("id").as_int64()).error().code,
            "VEHICLE_HAS_PARKING_SPACE");
  auto freed = api_.UpdateParkingSpace(admin_, space->at("id").as_int64(),
                                        J(R"({"vehicle_id":null,"status":"vacant"})"));
  ASSERT_TRUE(freed.ok());
  EXPECT_TRUE(freed->at("vehicle_id").is_null());
  EXPECT_TRUE(svc_->DeleteVehicle(admin_, v->at("id").as_int64()).ok());
  EXPECT_EQ(api_.GetParkingSpace(Staff(c1_, p2_, false), space->at("id").as_int64()).error().kind,
            ErrorKind::kNotFound);
}

// The routes over the same fixture, through the router's pipeline.
class PropertyApiTest : public PropertyStorageTest {
 protected:
  class FixedCaller : public http::Authenticator {
   public:
    explicit FixedCaller(TenantContext ctx) : ctx_(std::move(ctx)) {}
    Result<TenantContext> Authenticate(const http::Request&) override { return ctx_; }

   private:
    TenantContext ctx_;
  };

  http::Response Call(const std::string& method, const std::string& path,
                      std::vector<std::pair<std::string, std::string>> query = {},
                      const std::string& body = "") {
    http::Router router(std::make_shared<FixedCaller>(admin_));
    RegisterRoutes(router, *svc_);
    http::Request req;
    req.method = method;
    req.path = req.target = path;
    req.query = std::move(query);
    req.body = body;
    if (!body.empty()) req.headers.emplace_back("content-type", "application/json");
    req.request_id = "t1";
    return router.Handle(req);
  }
};

TEST_F(PropertyApiTest, RoutesParseAndReply) {
  std::string p1 = std::to_string(p1_);
  auto created = Call("POST", "/api/v1/buildings", {},
                      R"({"project_id":)" + p1 + R"(,"code":"1","name":"1号楼","kind":"office"})");
  EXPECT_EQ(created.status, 201) << created.body;
  auto list = Call("GET", "/api/v1/buildings", {{"project_id", p1}});
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(json::parse(list.body).at("total").as_int64(), 1);
  EXPECT_EQ(Call("GET", "/api/v1/buildings", {{"project_id", "x"}}).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/tree").status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/tree", {{"project_id", p1}}).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/houses/abc").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/houses", {{"size", "1000"}}).status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/vehicles", {}, "{").status, 400);
  auto id = json::parse(created.body).at("id").as_int64();
  EXPECT_EQ(Call("DELETE", "/api/v1/buildings/" + std::to_string(id)).status, 204);
}

}  // namespace
}  // namespace anju::property
