// Late fees: accrued per bill and day exactly once however often the job runs, with grace
// and cap; settled before principal; the ledger check holds throughout.
#include <gtest/gtest.h>

#include "modules/billing/late_fees.h"
#include "modules/billing/ledger.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

class LateFeeApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    admin_ = app_->LoginAs("admin");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    house_ = HouseId(*app_, jhy_, "1-1-0101");
    // September's bills fall due on 2026-09-16; the demo's rule: 万分之五 (5 bp) a day
    // after 15 days' grace, capped at the bill's amount.
    Reply run = admin_->PostJson(
        "/api/v1/bill-runs",
        json::object{{"project_id", jhy_}, {"period", "2026-09"}, {"dry_run", false}});
    ASSERT_EQ(run.status, 200) << run.body;
    principal_ = app_->Count("SELECT amount FROM bills WHERE house_id = " + std::to_string(house_));
  }
  void TearDown() override {
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
    EXPECT_TRUE(app_->AuditChainOk());
  }
  billing::AccrualReport Accrue(const std::string& as_of) {
    return billing::AccrueLateFees(app_->app().db(), app_->clock(), as_of);
  }
  int64_t LateFee() {
    return app_->Count("SELECT late_fee FROM bills WHERE house_id = " + std::to_string(house_));
  }
  // principal × 5 bp × days, rounded half up to 分 — written out, not computed by calc/.
  int64_t Expected(int64_t days) {
    int64_t num = principal_ * 5 * days;
    return num / 10000 + (num % 10000 >= 5000 ? 1 : 0);
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_;
  int64_t jhy_ = 0, house_ = 0, principal_ = 0;
};

TEST_F(LateFeeApiTest, NothingAccruesWithinTheGracePeriod) {
  EXPECT_EQ(Accrue("2026-10-01").days, 0);  // due 09-16 + 15 days of grace
  EXPECT_EQ(LateFee(), 0);
  EXPECT_GT(Accrue("2026-10-02").days, 0);
  EXPECT_EQ(LateFee(), Expected(1));
}

TEST_F(LateFeeApiTest, EachBillAndDayAccruesExactlyOnce) {
  auto first = Accrue("2026-10-31");  // 30 days late
  EXPECT_GT(first.bills, 150);
  EXPECT_EQ(LateFee(), Expected(30));
  int64_t rows = app_->Count("SELECT COUNT(*) FROM late_fee_accruals");
  // Running again, or for an earlier day, adds nothing.
  EXPECT_EQ(Accrue("2026-10-31").days, 0);
  EXPECT_EQ(Accrue("2026-10-15").days, 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM late_fee_accruals"), rows);
  // A later run adds only the missing days, and the total equals one long run.
  Accrue("2026-11-10");
  EXPECT_EQ(LateFee(), Expected(40));
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM late_fee_accruals WHERE bill_id = (SELECT id FROM "
                        "bills WHERE house_id = " +
                        std::to_string(house_) + ")"),
            40);
}

TEST_F(LateFeeApiTest, TheCapStopsAccrual) {
  Accrue("2032-12-31");  // years later: capped at 100 % of the principal
  EXPECT_EQ(LateFee(), principal_);
  EXPECT_EQ(Accrue("2033-06-30").days, 0);
}

TEST_F(LateFeeApiTest, APaymentSettlesTheLateFeeFirstAndStopsFurtherAccrual) {
  Accrue("2026-10-31");
  int64_t late = LateFee();
  ASSERT_GT(late, 0);
  auto account = admin_->Get("/api/v1/houses/" + std::to_string(house_) + "/account").json();
  EXPECT_EQ(account.at("late_fees").as_int64(), late);
  EXPECT_EQ(account.at("owed").as_int64(), principal_ + late);
  // Paying exactly the late fee settles it, not the principal.
  Reply pay = admin_->Send(
      "POST", "/api/v1/payments",
      json::serialize(json::object{{"house_id", house_}, {"amount", late}, {"channel", "cash"}}),
      {{"Content-Type", "application/json"}, {"Idempotency-Key", "late-1"}});
  ASSERT_EQ(pay.status, 201) << pay.body;
  EXPECT_EQ(pay.json().at("late_fee_settled").as_int64(), late);
  EXPECT_EQ(pay.json().at("allocations").at(0).at("kind").as_string(), "late_fee");
  EXPECT_EQ(app_->Count("SELECT paid FROM bills WHERE house_id = " + std::to_string(house_)), 0);
  // Paying the principal stops the bill from accruing any further.
  Reply rest = admin_->Send("POST", "/api/v1/payments",
                            json::serialize(json::object{
                                {"house_id", house_}, {"amount", principal_}, {"channel", "cash"}}),
                            {{"Content-Type", "application/json"}, {"Idempotency-Key", "late-2"}});
  ASSERT_EQ(rest.status, 201) << rest.body;
  Accrue("2026-12-31");
  EXPECT_EQ(LateFee(), late);
  EXPECT_EQ(app_->Count("SELECT balance FROM ledger_accounts WHERE code = 'income:late_fee'") < 0,
            true);  // income accounts carry credit (negative) balances
}

TEST_F(LateFeeApiTest, FeeItemsTakeAValidLateFeeRule) {
  json::object item{{"project_id", jhy_},
                    {"code", "ZXF"},
                    {"name", "装修管理费"},
                    {"kind", "one_off"},
                    {"method", "fixed"},
                    {"unit_price", 50000},
                    {"house_kinds", json::array{"residential"}},
                    {"valid_from", "2026-01-01"},
                    {"late_fee", json::object{{"daily_rate_bp", 5}, {"flat_per_day", 100}}}};
  Reply both = admin_->PostJson("/api/v1/fee-items", item);
  ASSERT_EQ(both.status, 400);
  EXPECT_EQ(both.json().at("error").at("fields").at(0).at("field").as_string(),
            "late_fee.daily_rate_bp");
  item["late_fee"] = json::object{{"grace_days", 10}, {"daily_rate_bp", 30}, {"cap_bp", 2000}};
  Reply ok = admin_->PostJson("/api/v1/fee-items", item);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json().at("late_fee").at("daily_rate_bp").as_int64(), 30);
  item["code"] = "ZXF2";
  item["late_fee"] = json::object{{"colour", 1}};
  EXPECT_EQ(admin_->PostJson("/api/v1/fee-items", item).status, 400);
}

}  // namespace
}  // namespace anju::testing

namespace anju::testing {
namespace {

TEST_F(LateFeeApiTest, ArrearsAreAgedByDueDate) {
  // September is due 09-16, October 10-16; on 2026-12-20 they are 95 and 65 days overdue.
  Reply oct = admin_->PostJson(
      "/api/v1/bill-runs",
      json::object{{"project_id", jhy_}, {"period", "2026-10"}, {"dry_run", false}});
  ASSERT_EQ(oct.status, 200);
  bool found = false;
  for (int page = 1; page <= 5 && !found; ++page) {
    Reply r = admin_->Get("/api/v1/arrears?group=house&as_of=2026-12-20&size=100&page=" +
                          std::to_string(page) + "&project_id=" + std::to_string(jhy_));
    ASSERT_EQ(r.status, 200) << r.body;
    json::value body = r.json();
    for (auto& row : body.at("items").as_array()) {
      if (row.at("house_id").as_int64() != house_) continue;
      found = true;
      EXPECT_EQ(row.at("house_code").as_string(), "1-1-0101");
      EXPECT_EQ(row.at("buckets").at("d91_180").as_int64(), principal_);
      EXPECT_EQ(row.at("buckets").at("d31_90").as_int64(), principal_);
      EXPECT_EQ(row.at("buckets").at("d0_30").as_int64(), 0);
      EXPECT_EQ(row.at("owed").as_int64(), 2 * principal_);
    }
  }
  EXPECT_TRUE(found);
  // By project: one row, the total of everything overdue.
  Reply p = admin_->Get("/api/v1/arrears?group=project&as_of=2026-12-20");
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(p.json().at("owed").as_int64(),
            app_->Count("SELECT SUM(amount) FROM bills WHERE due_date < '2026-12-20'"));
  EXPECT_EQ(admin_->Get("/api/v1/arrears?group=floor").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/arrears?as_of=2026-13-01").status, 400);
  EXPECT_EQ(app_->LoginAs("owner")->Get("/api/v1/arrears").status, 403);
}

}  // namespace
}  // namespace anju::testing
