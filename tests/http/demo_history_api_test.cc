// `anju demo` is alive on whatever day it is created: created at three instants (the first
// of a month just after the bill run, a due date, the last evening of a year), the company
// has this month billed, a year of history behind it with arrears in every aging bucket,
// late fees, readings every month, open work orders in every open state, the documented
// owners in the situations the README promises, and books that balance.
#include <gtest/gtest.h>

#include <set>

#include "app/app.h"
#include "app/demo.h"
#include "app/demo_internal.h"
#include "support/test_app.h"
#include "support/test_db.h"

namespace anju {
namespace {

struct Instant {
  const char* date;  // China time
  int hour, minute;
};

class DemoHistoryApiTest : public ::testing::TestWithParam<Instant> {
 protected:
  void SetUp() override {
    const Instant& at = GetParam();
    now_ = app::demo::ChinaTime(at.date, at.hour, at.minute);
    clock_ = std::make_unique<ManualClock>(now_);
    app::AppConfig cfg;
    cfg.db_url = db_.url();
    cfg.data_dir = db_.data_dir();
    cfg.identity = testing::TestApp::FastIdentity();
    app_ = std::make_unique<app::App>(cfg, *clock_);
    opt_.password = testing::kDemoPassword;
    auto s = app::SeedDemo(*app_, *clock_, opt_);
    ASSERT_TRUE(s.ok()) << s.error().code << " " << s.error().message;
    summary_ = *s;
  }

  int64_t Count(const std::string& sql, db::Params p = {}) {
    return app_->db().Run(db::TxMode::kRead,
                              [&](db::Tx& tx) { return tx.QueryOne(sql, p)->Int(0); });
  }
  TenantContext Login(const std::string& login) {
    auto ctx = app::demo::ContextOf(*app_, opt_, login);
    EXPECT_TRUE(ctx.ok());
    return *ctx;
  }

  testing::TestDatabase db_;
  std::unique_ptr<ManualClock> clock_;
  std::unique_ptr<app::App> app_;
  app::DemoOptions opt_;
  app::DemoSummary summary_;
  Millis now_ = 0;
};

TEST_P(DemoHistoryApiTest, IsAliveOnTheDayItIsCreated) {
  const std::string today = CivilDate(now_);
  const std::string month = today.substr(0, 7);
  EXPECT_EQ(clock_->Now(), now_) << "the seeder sets the clock back";

  // This month is billed, and the twelve before it.
  auto bills = [&](const std::string& period) {
    return Count("SELECT COUNT(*) FROM bills WHERE period = ? AND source <> 'opening'", {period});
  };
  EXPECT_GT(bills(month), 300);
  for (int k = 1; k <= 12; ++k) EXPECT_EQ(bills(app::demo::AddMonths(month, -k)), bills(month));
  EXPECT_EQ(bills(app::demo::AddMonths(month, -13)), 0);
  // Every bill and payment happened before now.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bills WHERE created_at > ?", {now_}), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments WHERE created_at > ?", {now_}), 0);
  EXPECT_GT(summary_.payments, 2000);
  // Last month is mostly paid; this month partly, once the cashiers have had a day.
  int64_t last_owed = Count("SELECT SUM(amount - paid) FROM bills WHERE period = ?",
                            {app::demo::AddMonths(month, -1)});
  int64_t last_amount = Count("SELECT SUM(amount) FROM bills WHERE period = ?",
                              {app::demo::AddMonths(month, -1)});
  EXPECT_GT(last_owed, 0);
  EXPECT_LT(last_owed * 5, last_amount);
  int64_t paid_now = Count("SELECT SUM(paid) FROM bills WHERE period = ?", {month});
  if (std::stoi(today.substr(8, 2)) >= 3) {
    EXPECT_GT(paid_now, 0);
  }
  EXPECT_LT(paid_now, Count("SELECT SUM(amount) FROM bills WHERE period = ?", {month}));

  // Water is read every month of the history, and billed.
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT period) FROM meter_readings"), 13);
  EXPECT_GT(Count("SELECT COUNT(*) FROM bills b JOIN fee_items f ON f.id = b.fee_item_id WHERE "
                  "f.code = 'SF' AND b.period = ? AND b.amount > 0",
                  {month}),
            100);

  // Arrears of every age, and late fees on them.
  TenantContext admin = Login("admin");
  auto arrears = app_->reports().Arrears(admin, {std::nullopt, "project", today}, Page{1, 100});
  ASSERT_TRUE(arrears.ok());
  int64_t d0 = 0, d31 = 0, d91 = 0, d181 = 0, d365 = 0;
  for (auto& row : arrears->items)
    d0 += row.d0_30, d31 += row.d31_90, d91 += row.d91_180, d181 += row.d181_365,
        d365 += row.d365_plus;
  EXPECT_GT(d0, 0);
  EXPECT_GT(d31, 0);
  EXPECT_GT(d91, 0);
  EXPECT_GT(d181, 0);
  EXPECT_GT(d365, 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM bills WHERE late_fee > 0"), 20);
  EXPECT_GT(Count("SELECT COUNT(*) FROM bills WHERE late_paid > 0"), 0) << "slow payers pay them";

  // The documented owners: owner has this month's bills to pay, owner2 a prepaid balance,
  // owner3 two months and more owing.
  TenantContext owner = Login("owner");
  auto account = app_->billing().HouseAccount(owner, owner.house_ids.front());
  ASSERT_TRUE(account.ok());
  std::set<std::string> open_periods;
  for (auto& b : account->open_bills) open_periods.insert(b.period);
  EXPECT_EQ(open_periods, std::set<std::string>{month});
  TenantContext owner2 = Login("owner2");
  EXPECT_GT(app_->billing().HouseAccount(owner2, owner2.house_ids.front())->prepaid, 0);
  TenantContext owner3 = Login("owner3");
  auto owes3 = app_->billing().HouseAccount(owner3, owner3.house_ids.front());
  std::set<std::string> owed3;
  for (auto& b : owes3->open_bills) owed3.insert(b.period);
  EXPECT_GE(owed3.size(), 3u);

  // Work orders: a year of closed ones, and open ones in every open state.
  EXPECT_GT(Count("SELECT COUNT(*) FROM work_orders WHERE status = 'closed'"), 300);
  for (const char* status :
       {"submitted", "assigned", "accepted", "on_site", "paused", "completed", "confirmed"})
    EXPECT_GE(Count("SELECT COUNT(*) FROM work_orders WHERE status = ?", {std::string(status)}),
              1)
        << status;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM work_orders WHERE created_at > ?", {now_}), 0);
  EXPECT_EQ(summary_.open_orders,
            Count("SELECT COUNT(*) FROM work_orders WHERE status NOT IN ('closed', 'cancelled')"));

  // And the books balance.
  auto books = app::CheckBooks(app_->db());
  EXPECT_TRUE(books.ok) << (books.problems.empty() ? "" : books.problems.front());
}

INSTANTIATE_TEST_SUITE_P(ThreeDays, DemoHistoryApiTest,
                         ::testing::Values(Instant{"2027-03-01", 10, 0},
                                           Instant{"2027-07-16", 15, 30},
                                           Instant{"2028-12-31", 23, 30}));

}  // namespace
}  // namespace anju
