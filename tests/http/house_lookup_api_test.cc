// 查找房屋 at the counter (GET /api/v1/houses/lookup): a cashier finds a house by the last
// four digits of a phone within the project (audited, without the digits), by a whole phone,
// a name, a plate or a code, and sees whose house it is: the people linked today, owners
// first, phones masked. Bad input is a 400 naming the field; other projects are 404.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

class HouseLookupApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    app_ = new TestApp();
    p1_ = ProjectId(*app_, app_->company_id(), "JHY");
    house_ = HouseId(*app_, p1_, "3-2-0702");
    auto service = app_->LoginAs("service");
    Reply r = service->PostJson("/api/v1/residents",
                                json::object{{"name", "欧阳查询"},
                                             {"phone", "13700004321"},
                                             {"house_id", house_},
                                             {"relation", "owner"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  static void TearDownTestSuite() { delete app_; }
  void TearDown() override { EXPECT_TRUE(app_->AuditChainOk()); }

  static json::array Lookup(TestClient& c, const std::string& q, int expect = 200) {
    Reply r = c.Get("/api/v1/houses/lookup?project_id=" + std::to_string(p1_) + "&q=" + q);
    EXPECT_EQ(r.status, expect) << r.body;
    if (r.status != 200) return {};
    return r.json().at("items").as_array();
  }
  static bool Has(const json::array& items, int64_t house, const std::string& by) {
    for (auto& i : items)
      if (i.at("id").as_int64() == house) return i.at("matched_by").as_string() == by;
    return false;
  }

  static TestApp* app_;
  static int64_t p1_, house_;
};
TestApp* HouseLookupApiTest::app_ = nullptr;
int64_t HouseLookupApiTest::p1_ = 0;
int64_t HouseLookupApiTest::house_ = 0;

TEST_F(HouseLookupApiTest, LastFourDigitsFindTheHouseAndShowWhoseItIs) {
  auto cashier = app_->LoginAs("cashier");
  int64_t audits = app_->Count(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'property.house.lookup'");
  json::array items = Lookup(*cashier, "4321");
  ASSERT_TRUE(Has(items, house_, "phone_last4")) << json::serialize(items);
  for (auto& i : items) {
    if (i.at("id").as_int64() != house_) continue;
    bool shown = false;
    for (auto& p : i.at("people").as_array())
      if (p.at("name").as_string() == "欧阳查询") {
        EXPECT_EQ(p.at("phone").as_string(), "137****4321");
        EXPECT_EQ(p.at("relation").as_string(), "owner");
        shown = true;
      }
    EXPECT_TRUE(shown);
    EXPECT_EQ(i.at("code").as_string(), "3-2-0702");
  }
  // Audited as a search by phone digits, without the digits.
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'property.house.lookup'"),
            audits + 1);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'property.house.lookup' "
                        "AND after_json LIKE '%4321%'"),
            0);
  // Three digits are no phone search (and are not audited); a whole number is.
  EXPECT_FALSE(Has(Lookup(*cashier, "321"), house_, "phone_last4"));
  EXPECT_TRUE(Has(Lookup(*cashier, "13700004321"), house_, "phone"));
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'property.house.lookup'"),
            audits + 2);
}

TEST_F(HouseLookupApiTest, NamesCodesAndPlatesFindHousesToo) {
  auto cashier = app_->LoginAs("cashier");
  EXPECT_TRUE(Has(Lookup(*cashier, "%E6%AC%A7%E9%98%B3"), house_, "name"));  // 欧阳
  EXPECT_TRUE(Has(Lookup(*cashier, "3-2-0702"), house_, "code"));
  // The owner's house shows 张伟 (the documented owner) first.
  int64_t owner_house = HouseId(*app_, p1_, "1-1-0101");
  json::array mine = Lookup(*cashier, "1-1-0101");
  ASSERT_TRUE(Has(mine, owner_house, "code"));
  EXPECT_EQ(mine.front().at("people").as_array().front().at("name").as_string(), "张伟");
  std::string plate = app_->app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return tx.QueryOne("SELECT plate FROM vehicles WHERE house_id = ?", {owner_house})->Str(0);
  });
  // Part of the plate, in lower case: 沪A is the prefix, the rest is ASCII.
  std::string tail = plate.substr(plate.size() - 4);
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(Has(Lookup(*cashier, tail), owner_house, "plate")) << plate;
}

TEST_F(HouseLookupApiTest, BadInputAndOtherProjectsAreRefused) {
  auto cashier = app_->LoginAs("cashier");
  Reply no_project = cashier->Get("/api/v1/houses/lookup?q=4321");
  EXPECT_EQ(no_project.status, 400);
  EXPECT_NE(no_project.body.find("project_id"), std::string::npos);
  Reply empty = cashier->Get("/api/v1/houses/lookup?project_id=" + std::to_string(p1_) + "&q=");
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("\"q\""), std::string::npos);
  int64_t p2 = ProjectId(*app_, app_->company_id(), "LYY");
  Reply other = cashier->Get("/api/v1/houses/lookup?project_id=" + std::to_string(p2) + "&q=0101");
  EXPECT_EQ(other.status, 404);
  auto owner = app_->LoginAs("owner");
  EXPECT_EQ(owner->Get("/api/v1/houses/lookup?project_id=" + std::to_string(p1_) + "&q=0101").status,
            403);
}

}  // namespace
}  // namespace anju::testing
