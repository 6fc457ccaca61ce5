// Storage tests of meters and readings: SQLite and, with ANJU_TEST_DB=pg, PostgreSQL (the
// suite name contains "Storage"). Billing's other rows are plain SQL; other modules' rows come
// from support/seed.h.
#include "modules/metering/meters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "db/migrations.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/calc/tiers.h"
#include "modules/billing/fee_items.h"
#include "platform/identity/permissions.h"
#include "modules/metering/meter_rules.h"
#include "modules/metering/metering_json.h"
#include "support/seed.h"
#include "support/test_db.h"

namespace anju::metering {
namespace {

namespace json = boost::json;
namespace perm = identity::perm;

std::string FieldOf(const Error& e) { return e.fields.empty() ? "" : e.fields.front().field; }

// A service's typed result as the API's JSON (metering_json.h), for the assertions below.
template <class T, class Shape>
Result<json::value> AsJson(Result<T> r, Shape shape) {
  if (!r.ok()) return r.take_error();
  return json::value(shape(*r));
}

json::object Body(const std::string& text) { return json::parse(text).as_object(); }

class MeterStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::Open(tdb_.url(), 4);
    db::Migrate(*db_);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      c1_ = testing::SeedCompany(tx, "c1", "物业");
      p1_ = testing::SeedProject(tx, c1_, "P1", "阳光花园");
      b1_ = testing::SeedBuilding(tx, c1_, p1_, "1", "1号楼");
      b2_ = testing::SeedBuilding(tx, c1_, p1_, "2", "2号楼");
      int64_t e = testing::SeedEntrance(tx, c1_, p1_, b1_, "1", "1单元");
      int64_t f = testing::SeedFloor(tx, c1_, p1_, b1_, e, 1, "1层");
      auto house = [&](const char* number, const char* kind, int64_t area) {
        return testing::SeedHouse(tx, {c1_, p1_, b1_, e, f, number, "1-1-" + std::string(number),
                                       kind, area, area});
      };
      h1_ = house("0101", "residential", 8950);
      h2_ = house("0102", "residential", 7600);
      h3_ = house("0103", "residential", 12345);
      shop_ = house("0104", "shop", 5000);
      auto item = [&](const char* code, const char* kind, int64_t price) {
        return testing::SeedFeeItem(tx, {c1_, p1_, code, code, kind, "metered", price});
      };
      water_ = item("SF", "water", 3'50'00);       // 3.50 元/m³
      shared_ = item("GTSF", "apportionment", 10'00);  // 0.10 元/m³
      power_ = item("DF", "electricity", 60'00);   // 0.60 元/kWh
      property_ = testing::SeedFeeItem(tx, {c1_, p1_, "WYF", "物业费", "property", "area", 23500});
    });
    svc_ = std::make_unique<MeterService>(*db_, clock_);
    staff_.company_id = c1_;
    staff_.user_id = 7;
    staff_.login = "staff";
    for (auto code : {perm::kFeeWrite, perm::kBillRead, perm::kBillRun, perm::kMeterRead})
      staff_.access.Grant(std::string(code), std::nullopt);
    reader_.company_id = c1_;
    reader_.user_id = 8;
    reader_.login = "reader";
    reader_.access.Grant(std::string(perm::kMeterRead), p1_);
  }

  void TearDown() override {
    audit::VerifyReport report = audit::Verify(*db_);
    EXPECT_TRUE(report.ok) << report.problem;
  }

  int64_t Count(const std::string& sql) {
    return db_->Run(db::TxMode::kRead, [&](db::Tx& tx) { return tx.QueryOne(sql)->Int(0); });
  }

  Result<boost::json::value> NewMeter(std::string body) {
    auto cmd = ReadCreateMeter(Body(body));
    if (!cmd.ok()) return cmd.take_error();
    return AsJson(svc_->CreateMeter(staff_, *cmd), MeterJson);
  }
  int64_t HouseMeter(int64_t house, const std::string& code, int64_t fee_item,
                     const std::string& extra = "") {
    auto m = NewMeter(R"({"project_id":)" + std::to_string(p1_) + R"(,"house_id":)" +
                      std::to_string(house) + R"(,"code":")" + code + R"(","kind":")" +
                      (fee_item == power_ ? "electricity" : "water") + R"(","fee_item_id":)" +
                      std::to_string(fee_item) + extra + "}");
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().code + " " + FieldOf(m.error()));
    return m.ok() ? m->at("id").as_int64() : 0;
  }

  Result<boost::json::value> Read(int64_t meter, const std::string& period, int64_t reading,
                                  const std::string& extra = "") {
    auto cmd = ReadRecordReading(Body(R"({"meter_id":)" + std::to_string(meter) +
                                      R"(,"period":")" + period + R"(","reading":)" +
                                      std::to_string(reading) + extra + "}"));
    if (!cmd.ok()) return cmd.take_error();
    return AsJson(svc_->RecordReading(reader_, *cmd), ReadingJson);
  }
  Result<boost::json::value> Approve(const TenantContext& ctx, int64_t id,
                                     const std::string& body) {
    return AsJson(svc_->ApproveReading(ctx, id, *ReadReviewReading(Body(body))), ReadingJson);
  }
  Result<boost::json::value> Correct(const TenantContext& ctx, int64_t id,
                                     const std::string& body) {
    return AsJson(svc_->CorrectReading(ctx, id, *ReadCorrectReading(Body(body))), ReadingJson);
  }

  std::vector<MeteredLine> Billable(const std::string& period) {
    auto lines = db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return BillableReadings(tx, c1_, p1_, period);
    });
    EXPECT_TRUE(lines.ok()) << (lines.ok() ? "" : lines.error().message);
    return lines.ok() ? *lines : std::vector<MeteredLine>{};
  }

  testing::TestDatabase tdb_;
  std::unique_ptr<db::Database> db_;
  ManualClock clock_{1'800'000'000'000};
  std::unique_ptr<MeterService> svc_;
  TenantContext staff_, reader_;
  int64_t c1_ = 0, p1_ = 0, b1_ = 0, b2_ = 0, h1_ = 0, h2_ = 0, h3_ = 0, shop_ = 0;
  int64_t water_ = 0, shared_ = 0, power_ = 0, property_ = 0;
};

// The reading rules, one meter read month after month: each row is what is entered and
// what must come out (an error with its field, or consumption, flags and status).
TEST_F(MeterStorageTest, ReadingRulesTable) {
  int64_t meter = HouseMeter(h1_, "W-0101", water_);
  struct Row {
    const char* period;
    int64_t reading;
    const char* extra;
    const char* error;  // "" = accepted
    const char* field;
    int64_t consumption;
    const char* flags;
    const char* status;
  };
  const Row rows[] = {
      // First reading: measured from the meter's initial reading (0).
      {"2026-01", 1000, "", "", "", 1000, "", "ok"},
      {"2026-02", 900, "", "READING_BELOW_PREVIOUS", "reading", 0, "", ""},
      {"2026-02", 2000, "", "", "", 1000, "", "ok"},
      {"2026-02", 2100, "", "READING_EXISTS", "period", 0, "", ""},
      {"2026-03", 2900, "", "", "", 900, "", "ok"},
      // Exactly 3× the trailing average (1000, 1000, 900 → 966.67 × 3 = 2900) is not over.
      {"2026-04", 5800, "", "", "", 2900, "", "ok"},
      {"2026-05", 1000, R"(,"rollover":true,"replaced":{"old_final_reading":6000,"new_start_reading":100})",
       "VALIDATION_FAILED", "rollover", 0, "", ""},
      {"2026-05", 1000, R"(,"replaced":{"old_final_reading":5000,"new_start_reading":100})",
       "READING_BELOW_PREVIOUS", "replaced.old_final_reading", 0, "", ""},
      {"2026-05", 1000, R"(,"replaced":{"old_final_reading":6000})", "VALIDATION_FAILED",
       "replaced.new_start_reading", 0, "", ""},
      // Replaced: (6000 − 5800) on the old meter + (1000 − 100) on the new one.
      {"2026-05", 1000, R"(,"replaced":{"old_final_reading":6000,"new_start_reading":100})",
       "", "", 1100, "replaced", "ok"},
      {"2026-06", 1500, R"(,"rollover":true)", "VALIDATION_FAILED", "rollover", 0, "", ""},
      // 19000 against (1100 + 2900 + 900) / 3 × 3 = 4900: held for review.
      {"2026-06", 20000, "", "", "", 19000, "high", "review"},
      {"2025-12", 500, "", "READING_OUT_OF_ORDER", "period", 0, "", ""},
      {"2026-07", 10000000, "", "VALIDATION_FAILED", "reading", 0, "", ""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.period) + " " + std::to_string(row.reading) + row.extra);
    auto r = Read(meter, row.period, row.reading, row.extra);
    if (*row.error) {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, row.error);
      EXPECT_EQ(FieldOf(r.error()), row.field);
      continue;
    }
    ASSERT_TRUE(r.ok()) << r.error().code << " " << FieldOf(r.error());
    EXPECT_EQ(r->at("consumption").as_int64(), row.consumption);
    std::string flags;
    for (auto& f : r->at("flags").as_array()) flags = WithFlag(flags, f.as_string());
    EXPECT_EQ(flags, row.flags);
    EXPECT_EQ(r->at("status").as_string(), row.status);
  }
  // Six readings were accepted, each with its audit row.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM meter_readings"), 6);
  db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    EXPECT_EQ(testing::AuditRows(tx, "COUNT(*)", "WHERE action = 'billing.meter_reading.create'")
                  .at(0)
                  .Int(0),
              6);
  });
}

TEST_F(MeterStorageTest, RolloverAndMultiplier) {
  // A 2-digit dial rolls over at 100.00; this one was fitted showing 95.00.
  int64_t small = HouseMeter(h1_, "W-S", water_, R"(,"digits":2,"initial_reading":9500)");
  auto below = Read(small, "2026-01", 300);
  ASSERT_FALSE(below.ok());
  EXPECT_EQ(below.error().code, "READING_BELOW_PREVIOUS");
  auto over = Read(small, "2026-01", 300, R"(,"rollover":true)");
  ASSERT_TRUE(over.ok()) << over.error().code;
  EXPECT_EQ(over->at("consumption").as_int64(), 10000 - 9500 + 300);
  EXPECT_EQ(over->at("flags").at(0).as_string(), "rollover");
  auto wrong = Read(small, "2026-02", 500, R"(,"rollover":true)");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(FieldOf(wrong.error()), "rollover");
  // A current-transformer meter: the dial moves 1/40 of what is used.
  int64_t ct = HouseMeter(h2_, "E-CT", power_, R"(,"multiplier":40)");
  auto r = Read(ct, "2026-01", 25);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("consumption").as_int64(), 1000);
}

TEST_F(MeterStorageTest, ReviewApproveAndReject) {
  int64_t meter = HouseMeter(h1_, "W-0101", water_);
  ASSERT_TRUE(Read(meter, "2026-01", 1000).ok());
  auto high = Read(meter, "2026-02", 9000);
  ASSERT_TRUE(high.ok());
  ASSERT_EQ(high->at("status").as_string(), "review");
  int64_t high_id = high->at("id").as_int64();
  EXPECT_EQ(Billable("2026-02").size(), 0u);  // not billed until approved

  // A meter reader may record but not review.
  auto denied = Approve(reader_, high_id, R"({"approve":true})");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, "FORBIDDEN");
  auto ok = Approve(staff_, high_id, R"({"approve":true,"note":"水管爆裂"})");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->at("status").as_string(), "approved");
  ASSERT_EQ(Billable("2026-02").size(), 1u);
  EXPECT_EQ(Billable("2026-02")[0].consumption, 8000);
  auto again = Approve(staff_, high_id, R"({"approve":false})");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "READING_NOT_IN_REVIEW");

  // Rejected: never billed, and the next reading is measured from the last accepted one.
  auto wild = Read(meter, "2026-03", 99000);
  ASSERT_EQ(wild->at("status").as_string(), "review");
  ASSERT_TRUE(Approve(staff_, wild->at("id").as_int64(), R"({"approve":false})").ok());
  EXPECT_EQ(Billable("2026-03").size(), 0u);
  auto next = Read(meter, "2026-04", 12000);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->at("previous_reading").as_int64(), 9000);
  EXPECT_EQ(next->at("consumption").as_int64(), 3000);
}

TEST_F(MeterStorageTest, CorrectOnlyWhileLatestAndUnbilled) {
  int64_t meter = HouseMeter(h1_, "W-0101", water_);
  auto jan = Read(meter, "2026-01", 1000);
  auto fixed = Correct(reader_, jan->at("id").as_int64(), R"({"reading":1200})");
  ASSERT_TRUE(fixed.ok()) << fixed.error().code;
  EXPECT_EQ(fixed->at("consumption").as_int64(), 1200);
  auto feb = Read(meter, "2026-02", 2000);
  auto late = Correct(reader_, jan->at("id").as_int64(), R"({"reading":1100})");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "READING_OUT_OF_ORDER");
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    testing::SeedBill(tx, {c1_, p1_, h1_, water_, "2026-02", "B-1", 800, 35000, 280, "2026-02-16"});
  });
  auto billed = Correct(reader_, feb->at("id").as_int64(), R"({"reading":2100})");
  ASSERT_FALSE(billed.ok());
  EXPECT_EQ(billed.error().code, "READING_BILLED");
}

TEST_F(MeterStorageTest, MetersAndReadingRounds) {
  HouseMeter(h3_, "W-0103", water_, R"(,"walk_order":1)");
  HouseMeter(h1_, "W-0101", water_, R"(,"walk_order":3)");
  HouseMeter(h2_, "W-0102", water_, R"(,"walk_order":2)");
  auto dup = NewMeter(R"({"project_id":)" + std::to_string(p1_) + R"(,"house_id":)" +
                      std::to_string(h1_) + R"(,"code":"W-0101","kind":"water","fee_item_id":)" +
                      std::to_string(power_) + "}");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(FieldOf(dup.error()), "fee_item_id");  // an electricity item cannot bill water
  auto twice = NewMeter(R"({"project_id":)" + std::to_string(p1_) + R"(,"house_id":)" +
                        std::to_string(h1_) + R"(,"code":"W-X","kind":"water","fee_item_id":)" +
                        std::to_string(water_) + "}");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "METER_FEE_ITEM_CONFLICT");
  auto area = NewMeter(R"({"project_id":)" + std::to_string(p1_) + R"(,"building_id":)" +
                       std::to_string(b1_) + R"(,"code":"G1","kind":"water","fee_item_id":)" +
                       std::to_string(property_) + "}");
  ASSERT_FALSE(area.ok());
  EXPECT_EQ(area.error().fields.at(0).code, "not_metered");

  auto round =
      AsJson(svc_->ListMeters(reader_, MeterFilter{p1_, b1_, std::nullopt, "water"}, {}),
             MetersJson);
  ASSERT_TRUE(round.ok());
  std::vector<std::string> codes;
  for (auto& m : round->at("items").as_array()) codes.emplace_back(m.at("code").as_string());
  EXPECT_EQ(codes, (std::vector<std::string>{"W-0103", "W-0102", "W-0101"}));
  EXPECT_EQ(round->at("items").at(0).at("house_code").as_string(), "1-1-0103");
  EXPECT_EQ(round->at("items").at(0).at("building_id").as_int64(), b1_);

  TenantContext stranger;
  stranger.company_id = c1_;
  auto none = AsJson(svc_->ListMeters(stranger, {}, {}), MetersJson);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "FORBIDDEN");
}

// 公摊: the shared meter costs 100000 (1000 m³) × 0.10 元 = 10000 分. By area 8950 : 7600 :
// 12345 the exact shares are 3097.42, 2630.21 and 4272.37 分; rounding each would bill
// 3097 + 2630 + 4272 = 9999 分. The largest remainder gets the missing 分. The shop is not
// of the item's house kinds and pays nothing.
TEST_F(MeterStorageTest, SharedMeterApportionsExactly) {
  auto m = NewMeter(R"({"project_id":)" + std::to_string(p1_) + R"(,"building_id":)" +
                    std::to_string(b1_) + R"(,"code":"GT-1","kind":"water","fee_item_id":)" +
                    std::to_string(shared_) + R"(,"digits":6})");
  ASSERT_TRUE(m.ok()) << m.error().code << " " << FieldOf(m.error());
  EXPECT_TRUE(m->at("shared").as_bool());
  int64_t house_meter = HouseMeter(h1_, "W-0101", water_);
  ASSERT_TRUE(Read(m->at("id").as_int64(), "2026-01", 100000).ok());
  ASSERT_TRUE(Read(house_meter, "2026-01", 1550).ok());

  // A house meter cannot bill the shared meter's item, and the building has its meter.
  auto clash = NewMeter(R"({"project_id":)" + std::to_string(p1_) + R"(,"house_id":)" +
                        std::to_string(h2_) + R"(,"code":"X","kind":"water","fee_item_id":)" +
                        std::to_string(shared_) + "}");
  EXPECT_EQ(clash.ok() ? "" : clash.error().code, "METER_FEE_ITEM_CONFLICT");

  std::vector<MeteredLine> lines = Billable("2026-01");
  int64_t sum = 0;
  std::map<int64_t, int64_t> share;
  for (const MeteredLine& l : lines) {
    if (l.fee_item_id != shared_) continue;
    ASSERT_TRUE(l.amount.has_value());
    EXPECT_EQ(l.consumption, 100000);
    share[l.house_id] = *l.amount;
    sum += *l.amount;
  }
  EXPECT_EQ(sum, 10000);
  EXPECT_EQ(share[h1_], 3098);
  EXPECT_EQ(share[h2_], 2630);
  EXPECT_EQ(share[h3_], 4272);
  EXPECT_EQ(share.count(shop_), 0u);
  // The house meter's line carries its consumption; the run prices it.
  auto own = std::find_if(lines.begin(), lines.end(),
                          [&](const MeteredLine& l) { return l.fee_item_id == water_; });
  ASSERT_NE(own, lines.end());
  EXPECT_EQ(own->house_id, h1_);
  EXPECT_EQ(own->consumption, 1550);
  EXPECT_FALSE(own->amount.has_value());

  // A shared meter whose item has broken tiers fails the whole lookup, naming the meter.
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    testing::SetFeeItemTiers(tx, shared_, "[[1000, 1]");
  });
  auto broken = db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return BillableReadings(tx, c1_, p1_, "2026-01");
  });
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, "CALC_BAD_TIERS");
  EXPECT_NE(broken.error().message.find("GT-1"), std::string::npos);
}

// 阶梯价 with two tiers: the first 10 m³ at 3.00 元, the rest at 5.00 元.
TEST_F(MeterStorageTest, TieredAmounts) {
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    testing::SetFeeItemTiers(tx, water_, "[[1000, 30000], [null, 50000]]");
  });
  std::string tiers = db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return billing::FindFeeItem(tx, c1_, water_)->tiers;
  });
  billing::calc::RoundRule rule;
  struct Case {
    int64_t consumption, fen;
  } cases[] = {{0, 0}, {1000, 3000}, {1550, 5750}, {1001, 3005}, {999, 2997}};
  for (const Case& c : cases) {
    auto a = billing::calc::MeteredAmount(tiers, 35000, c.consumption, rule);
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ(*a, c.fen) << c.consumption;
  }
  EXPECT_EQ(*billing::calc::MeteredAmount("", 35000, 1550, rule), 5425);  // no tiers: 15.5 × 3.50 元
}

TEST_F(MeterStorageTest, OnlyOkAndApprovedReadingsAreBillable) {
  int64_t a = HouseMeter(h1_, "W-1", water_);
  int64_t b = HouseMeter(h2_, "W-2", water_);
  int64_t c = HouseMeter(h3_, "W-3", water_);
  for (int64_t m : {a, b, c}) ASSERT_TRUE(Read(m, "2026-01", 1000).ok());
  ASSERT_TRUE(Read(a, "2026-02", 1500).ok());                       // ok
  auto rb = Read(b, "2026-02", 9000);                                // review
  auto rc = Read(c, "2026-02", 9000);                                // review → rejected
  ASSERT_EQ(rb->at("status").as_string(), "review");
  ASSERT_TRUE(Approve(staff_, rc->at("id").as_int64(), R"({"approve":false})").ok());
  std::vector<MeteredLine> lines = Billable("2026-02");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].meter_id, a);
  EXPECT_EQ(lines[0].consumption, 500);
  ASSERT_TRUE(Approve(staff_, rb->at("id").as_int64(), R"({"approve":true})").ok());
  EXPECT_EQ(Billable("2026-02").size(), 2u);
}

}  // namespace
}  // namespace anju::metering
