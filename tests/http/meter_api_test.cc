// Meters and readings (抄表) through HTTP: the reading rules' errors name their field,
// permissions (engineer records, cashier may not, finance reviews), and a bill run bills
// accepted readings — a house meter priced by its item, a shared meter apportioned to the
// 分 — with the ledger check after every test.
#include <gtest/gtest.h>

#include "modules/billing/ledger.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

std::string Code(const Reply& r) {
  return std::string(r.json().at("error").at("code").as_string());
}
std::string Field(const Reply& r) {
  return std::string(r.json().at("error").at("fields").at(0).at("field").as_string());
}

class MeterApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    admin_ = app_->LoginAs("admin");
    engineer_ = app_->LoginAs("engineer");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    house_ = HouseId(*app_, jhy_, "1-1-0101");
    water_ = FeeItem("SF-T", "water", 3'50'00);
    meter_ = Created(admin_->PostJson(
        "/api/v1/meters", json::object{{"project_id", jhy_}, {"house_id", house_},
                                       {"code", "W-1-1-0101"}, {"kind", "water"},
                                       {"fee_item_id", water_}}));
  }
  void TearDown() override {
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
    EXPECT_TRUE(app_->AuditChainOk());
  }
  static int64_t Created(const Reply& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }
  int64_t FeeItem(const std::string& code, const std::string& kind, int64_t price) {
    return Created(admin_->PostJson(
        "/api/v1/fee-items",
        json::object{{"project_id", jhy_}, {"code", code}, {"name", code}, {"kind", kind},
                     {"method", "metered"}, {"unit_price", price},
                     {"house_kinds", json::array{"residential"}},
                     {"valid_from", "2020-01-01"}}));
  }
  Reply Read(const std::string& period, int64_t reading, json::object extra = {},
             TestClient* c = nullptr) {
    extra["meter_id"] = meter_;
    extra["period"] = period;
    extra["reading"] = reading;
    return (c ? c : engineer_.get())->PostJson("/api/v1/meter-readings", extra);
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_, engineer_;
  int64_t jhy_ = 0, house_ = 0, water_ = 0, meter_ = 0;
};

TEST_F(MeterApiTest, EngineerRecordsReadingsAndErrorsNameTheField) {
  Reply first = Read("2026-10", 1000);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json().at("consumption").as_int64(), 1000);
  EXPECT_EQ(first.json().at("status").as_string(), "ok");

  Reply below = Read("2026-11", 900);
  EXPECT_EQ(below.status, 400);
  EXPECT_EQ(Code(below), "READING_BELOW_PREVIOUS");
  EXPECT_EQ(Field(below), "reading");

  Reply half = Read("2026-11", 900, {{"replaced", json::object{{"old_final_reading", 1200}}}});
  EXPECT_EQ(half.status, 400);
  EXPECT_EQ(Field(half), "replaced.new_start_reading");

  Reply owned = Read("2026-11", 1500, {{"consumption", 1}});
  EXPECT_EQ(owned.status, 400);
  EXPECT_EQ(Field(owned), "consumption");

  Reply bad_period = Read("2026-13", 1500);
  EXPECT_EQ(bad_period.status, 400);
  EXPECT_EQ(Field(bad_period), "period");

  Reply swapped = Read("2026-11", 300, {{"replaced", json::object{{"old_final_reading", 1200},
                                                                  {"new_start_reading", 0}}}});
  ASSERT_EQ(swapped.status, 201) << swapped.body;
  EXPECT_EQ(swapped.json().at("consumption").as_int64(), 500);
  EXPECT_EQ(swapped.json().at("flags").at(0).as_string(), "replaced");

  Reply twice = Read("2026-11", 400);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(Code(twice), "READING_EXISTS");
  EXPECT_EQ(Field(twice), "period");

  auto cashier = app_->LoginAs("cashier");
  EXPECT_EQ(Read("2026-12", 400, {}, cashier.get()).status, 403);
  // The cashier reads bills, so may see the readings; the list is the round's order.
  Reply list = cashier->Get("/api/v1/meter-readings?project_id=" + std::to_string(jhy_) +
                            "&period=2026-11&meter_id=" + std::to_string(meter_));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json().at("total").as_int64(), 1);
  EXPECT_EQ(engineer_->Get("/api/v1/meter-readings?status=maybe").status, 400);

  Reply meters = engineer_->Get("/api/v1/meters?project_id=" + std::to_string(jhy_) +
                                "&house_id=" + std::to_string(house_));
  ASSERT_EQ(meters.status, 200) << meters.body;
  EXPECT_EQ(meters.json().at("items").at(0).at("last_reading").as_int64(), 300);
  EXPECT_EQ(engineer_->PostJson("/api/v1/meters", json::object{{"project_id", jhy_}}).status,
            403);
}

TEST_F(MeterApiTest, AFileOfReadingsIsImportedAllOrNothing) {
  int64_t house2 = HouseId(*app_, jhy_, "1-1-0102");
  Created(admin_->PostJson("/api/v1/meters",
                           json::object{{"project_id", jhy_}, {"house_id", house2},
                                        {"code", "W-1-1-0102"}, {"kind", "water"},
                                        {"fee_item_id", water_}}));
  ASSERT_EQ(Read("2026-10", 1000).status, 201);
  auto import = [&](const std::string& csv, bool dry) {
    return engineer_->PostJson("/api/v1/meter-readings/import",
                               json::object{{"project_id", jhy_}, {"period", "2026-11"},
                                            {"csv", csv}, {"dry_run", dry}});
  };
  auto readings = [&] { return app_->Count("SELECT COUNT(*) FROM meter_readings"); };
  auto audited = [&] {
    return app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'billing.meter_reading.create'");
  };
  int64_t before = readings(), audited_before = audited();
  // One bad row (below the previous reading), one unknown meter, one non-number: nothing is
  // written and every bad row is named by its line.
  Reply bad = import("表号,读数,备注\nW-1-1-0102,500,\nW-1-1-0101,900,\nW-9,1,\nW-1-1-0101,x,\n", false);
  ASSERT_EQ(bad.status, 422) << bad.body;
  json::value err = bad.json();
  EXPECT_EQ(err.at("error").at("code").as_string(), "READING_IMPORT_INVALID");
  const json::array& fields = err.at("error").at("fields").as_array();
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].at("field").as_string(), "rows[3]");
  EXPECT_EQ(fields[0].at("code").as_string(), "READING_BELOW_PREVIOUS");
  EXPECT_EQ(fields[1].at("code").as_string(), "METER_NOT_FOUND");
  EXPECT_EQ(fields[2].at("field").as_string(), "rows[5]");
  EXPECT_EQ(readings(), before);
  EXPECT_EQ(import("code\nW-1\n", false).status, 400);           // no reading column
  EXPECT_EQ(import("meter_code,reading\n\"W-1,5\n", false).status, 400);  // open quote
  // A dry run reports each row and writes nothing; the real import writes both, audited.
  std::string good = "\xEF\xBB\xBFmeter_code,reading,note\r\nW-1-1-0101,1800,\"门口,表箱\"\r\nW-1-1-0102,700,\r\n";
  Reply dry = import(good, true);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json().at("rows").as_int64(), 2);
  EXPECT_EQ(dry.json().at("items").at(0).at("consumption").as_int64(), 800);
  EXPECT_EQ(readings(), before);
  Reply done = import(good, false);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json().at("ok").as_int64() + done.json().at("review").as_int64(), 2);
  EXPECT_EQ(readings(), before + 2);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM meter_readings WHERE note = '门口,表箱'"), 1);
  EXPECT_EQ(audited(), audited_before + 2);
  // Twice: the period has readings now, so every row fails and nothing changes.
  EXPECT_EQ(import(good, false).status, 422);
  EXPECT_EQ(readings(), before + 2);
  EXPECT_EQ(app_->LoginAs("cashier")->PostJson("/api/v1/meter-readings/import",
                                               json::object{{"project_id", jhy_}, {"period", "2026-11"},
                                                            {"csv", good}, {"dry_run", true}})
                .status,
            403);
}

TEST_F(MeterApiTest, HighReadingWaitsForReviewAndCorrections) {
  ASSERT_EQ(Read("2026-09", 1000).status, 201);
  ASSERT_EQ(Read("2026-10", 2000).status, 201);
  Reply high = Read("2026-11", 9000);
  ASSERT_EQ(high.status, 201) << high.body;
  EXPECT_EQ(high.json().at("status").as_string(), "review");
  EXPECT_EQ(high.json().at("flags").at(0).as_string(), "high");
  int64_t id = high.json().at("id").as_int64();

  // A typo fixed by the reader: re-checked, no longer high.
  Reply fixed = engineer_->PatchJson("/api/v1/meter-readings/" + std::to_string(id),
                                     json::object{{"reading", 3000}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(fixed.json().at("status").as_string(), "ok");
  Reply back = engineer_->PatchJson("/api/v1/meter-readings/" + std::to_string(id),
                                    json::object{{"reading", 9000}});
  ASSERT_EQ(back.json().at("status").as_string(), "review");

  std::string review = "/api/v1/meter-readings/" + std::to_string(id) + "/review";
  EXPECT_EQ(engineer_->PostJson(review, json::object{{"approve", true}}).status, 403);
  Reply missing = app_->LoginAs("finance")->PostJson(review, json::object{{"note", "x"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(Field(missing), "approve");
  Reply ok = app_->LoginAs("finance")->PostJson(
      review, json::object{{"approve", true}, {"note", "漏水已修复"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("status").as_string(), "approved");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE "
                        "'billing.meter_reading.%'"),
            6);
}

// Needs bill_runs.cc to bill BillableReadings (the lead's wiring).
TEST_F(MeterApiTest, BillRunBillsMeteredAndSharedReadingsExactly) {
  ASSERT_EQ(Read("2026-10", 1000).status, 201);
  Reply nov = Read("2026-11", 2550);
  ASSERT_EQ(nov.status, 201);
  // 公摊 over building 1's residential houses: 1234.57 m³ × 0.10 元 = 123.457 元 → 12346 分.
  int64_t shared_item = FeeItem("GTSF-T", "apportionment", 10'00);
  int64_t building =
      admin_->Get("/api/v1/houses/" + std::to_string(house_)).json().at("building_id").as_int64();
  Reply gt = admin_->PostJson("/api/v1/meters",
                              json::object{{"project_id", jhy_}, {"building_id", building},
                                           {"code", "GT-1"}, {"kind", "water"},
                                           {"fee_item_id", shared_item}, {"digits", 6}});
  int64_t shared_meter = Created(gt);
  ASSERT_EQ(engineer_->PostJson("/api/v1/meter-readings",
                                json::object{{"meter_id", shared_meter}, {"period", "2026-11"},
                                             {"reading", 123457}})
                .status,
            201);

  Reply run = admin_->PostJson("/api/v1/bill-runs", json::object{{"project_id", jhy_},
                                                                  {"period", "2026-11"},
                                                                  {"dry_run", false}});
  ASSERT_EQ(run.status, 200) << run.body;
  // 15.50 m³ × 3.50 元 = 54.25 元.
  EXPECT_EQ(app_->Count("SELECT amount FROM bills WHERE fee_item_id = " + std::to_string(water_) +
                        " AND period = '2026-11' AND house_id = " + std::to_string(house_)),
            5425);
  EXPECT_EQ(app_->Count("SELECT SUM(amount) FROM bills WHERE fee_item_id = " +
                        std::to_string(shared_item)),
            12346);
  EXPECT_GT(app_->Count("SELECT COUNT(*) FROM bills WHERE fee_item_id = " +
                        std::to_string(shared_item)),
            1);
  // Billed: the reading can no longer change; a second run bills nothing new.
  Reply late = engineer_->PatchJson(
      "/api/v1/meter-readings/" + std::to_string(nov.json().at("id").as_int64()),
      json::object{{"reading", 2600}});
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(Code(late), "READING_BILLED");
  int64_t bills = app_->Count("SELECT COUNT(*) FROM bills");
  ASSERT_EQ(admin_->PostJson("/api/v1/bill-runs", json::object{{"project_id", jhy_},
                                                                {"period", "2026-11"},
                                                                {"dry_run", false}})
                .status,
            200);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills"), bills);
}

}  // namespace
}  // namespace anju::testing
