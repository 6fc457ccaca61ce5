// Online payments end to end with the providers' simulators and real cryptography: an
// owner opens an order, the provider's signed notify settles it once, a forged or repeated
// notify posts nothing, and a lost notify is recovered by querying the order. The ledger
// check runs after every test.
#include <gtest/gtest.h>

#include "modules/billing/ledger.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;
using pay::AlipaySimulator;
using pay::WechatPaySimulator;

class OnlinePaymentApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    auto admin = app_->LoginAs("admin");
    int64_t jhy = ProjectId(*app_, app_->company_id(), "JHY");
    ASSERT_EQ(admin->PostJson("/api/v1/bill-runs", json::object{{"project_id", jhy},
                                                                {"period", "2026-11"},
                                                                {"dry_run", false}})
                  .status,
              200);
    house_ = HouseId(*app_, jhy, "1-1-0101");
    owner_ = app_->LoginAs("owner");
    owed_ = Account().at("owed").as_int64();
    ASSERT_GT(owed_, 0);
  }
  void TearDown() override {
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
  }
  json::value Account() {
    return owner_->Get("/api/v1/houses/" + std::to_string(house_) + "/account").json();
  }
  json::value Order(const std::string& channel, const std::string& key) {
    Reply r = owner_->Send("POST", "/api/v1/payments/online",
                           json::serialize(json::object{{"house_id", house_}, {"channel", channel}}),
                           {{"Content-Type", "application/json"}, {"Idempotency-Key", key}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  }
  Reply Notify(const std::string& channel, const std::string& body,
               const TestClient::Headers& headers) {
    auto anon = app_->Anonymous();
    return anon->Send("POST", "/api/v1/payments/notify/" + channel, body, headers);
  }
  Reply WechatNotify(const pay::SimNotify& n) {
    TestClient::Headers h(n.headers.begin(), n.headers.end());
    return Notify("wechat", n.body, h);
  }
  int64_t Payments() { return app_->Count("SELECT COUNT(*) FROM payments"); }
  pay::PaySimulator& Sim() { return app_->app().billing().simulator(); }

  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> owner_;
  int64_t house_ = 0, owed_ = 0;
};

TEST_F(OnlinePaymentApiTest, AWechatNotifySettlesTheOrderOnce) {
  json::value order = Order("wechat", "o-1");
  std::string no(order.at("order_no").as_string());
  EXPECT_EQ(order.at("amount").as_int64(), owed_);
  EXPECT_EQ(order.at("status").as_string(), "pending");
  EXPECT_TRUE(order.at("pay_params").is_object());

  auto notify = Sim().MakeWechatNotify(no, owed_, app_->clock().Now());
  Reply first = WechatNotify(notify);
  EXPECT_LT(first.status, 300) << first.body;
  EXPECT_EQ(Payments(), 1);
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM payments WHERE channel = 'wechat' AND "
                        "provider_txn_id IS NOT NULL"),
            1);
  EXPECT_EQ(app_->Count("SELECT balance FROM ledger_accounts WHERE code = 'clearing:wechat'"), owed_);
  // WeChat retries its notify: success again, nothing new.
  Reply again = WechatNotify(notify);
  EXPECT_LT(again.status, 300);
  EXPECT_EQ(Payments(), 1);
  Reply status = owner_->Get("/api/v1/payments/online/" + no);
  EXPECT_EQ(status.json().at("status").as_string(), "paid");
}

TEST_F(OnlinePaymentApiTest, ForgedWechatNotifiesPostNothing) {
  std::string no(Order("wechat", "o-2").at("order_no").as_string());
  Millis now = app_->clock().Now();
  for (auto forgery : {WechatPaySimulator::Forgery::kTamperedBody, WechatPaySimulator::Forgery::kOtherKey,
                       WechatPaySimulator::Forgery::kStaleTimestamp,
                       WechatPaySimulator::Forgery::kUnknownSerial,
                       WechatPaySimulator::Forgery::kTamperedCiphertext,
                       WechatPaySimulator::Forgery::kWrongMchId}) {
    Reply r = WechatNotify(Sim().wechat.MakeForgedNotify(forgery, no, owed_, now));
    EXPECT_GE(r.status, 400) << static_cast<int>(forgery) << " " << r.body;
  }
  // A genuine notify for another amount than the order's is refused too.
  Reply wrong = WechatNotify(Sim().MakeWechatNotify(no, owed_ + 1, now));
  EXPECT_GE(wrong.status, 400);
  EXPECT_EQ(Payments(), 0);
  EXPECT_EQ(Account().at("owed").as_int64(), owed_);
}

TEST_F(OnlinePaymentApiTest, AlipayNotifyIsAnsweredSuccessOnlyWhenVerified) {
  std::string no(Order("alipay", "o-3").at("order_no").as_string());
  TestClient::Headers form{{"Content-Type", "application/x-www-form-urlencoded"}};
  Millis now = app_->clock().Now();
  Reply forged = Notify("alipay",
                        Sim().alipay.MakeForgedNotify(AlipaySimulator::Forgery::kTamperedParam, no,
                                                      owed_, now),
                        form);
  EXPECT_NE(forged.body, "success");
  EXPECT_EQ(Payments(), 0);
  std::string genuine = Sim().MakeAlipayNotify(no, owed_, now);
  Reply ok = Notify("alipay", genuine, form);
  EXPECT_EQ(ok.body, "success");
  EXPECT_EQ(Notify("alipay", genuine, form).body, "success");  // repeated
  EXPECT_EQ(Payments(), 1);
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
}

TEST_F(OnlinePaymentApiTest, ALostNotifyIsRecoveredByQueryingTheOrder) {
  std::string no(Order("wechat", "o-4").at("order_no").as_string());
  // The payer paid; the provider's notify never reaches us.
  (void)Sim().MakeWechatNotify(no, owed_, app_->clock().Now());
  EXPECT_EQ(Payments(), 0);
  Reply status = owner_->Get("/api/v1/payments/online/" + no);
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.json().at("status").as_string(), "paid");
  EXPECT_EQ(Payments(), 1);
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
}

TEST_F(OnlinePaymentApiTest, TheSweepJobSettlesOrdersWhoseNotifyWasLost) {
  std::string paid(Order("wechat", "o-6").at("order_no").as_string());
  std::string unpaid(Order("alipay", "o-7").at("order_no").as_string());
  (void)Sim().MakeWechatNotify(paid, owed_, app_->clock().Now());  // the notify is lost
  auto& billing = app_->app().billing();
  // Too young: the notify may still be on its way.
  EXPECT_EQ(billing.SweepPendingOrders().checked, 0);
  app_->clock().Advance(3 * kMinute);
  auto sweep = billing.SweepPendingOrders();
  EXPECT_EQ(sweep.checked, 2);
  EXPECT_EQ(sweep.settled, 1);
  EXPECT_EQ(sweep.failed, 0);
  EXPECT_EQ(Payments(), 1);
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
  // Again: the paid order is no longer pending; the unpaid one is asked again, nothing posts.
  sweep = billing.SweepPendingOrders();
  EXPECT_EQ(sweep.checked, 1);
  EXPECT_EQ(sweep.settled, 0);
  EXPECT_EQ(Payments(), 1);
  EXPECT_EQ(owner_->Get("/api/v1/payments/online/" + unpaid).json().at("status").as_string(),
            "pending");
}

TEST_F(OnlinePaymentApiTest, TheDemoSimulatorPaysThroughTheSameVerification) {
  std::string no(Order("alipay", "o-5").at("order_no").as_string());
  Reply paid = owner_->Send("POST", "/api/v1/payments/online/" + no + "/simulate");
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.json().at("status").as_string(), "paid");
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
}

TEST_F(OnlinePaymentApiTest, OrdersAreTheOwnersOwnAndIdempotent) {
  int64_t other = HouseId(*app_, ProjectId(*app_, app_->company_id(), "JHY"), "1-1-0102");
  Reply r = owner_->Send("POST", "/api/v1/payments/online",
                         json::serialize(json::object{{"house_id", other}, {"channel", "wechat"}}),
                         {{"Content-Type", "application/json"}, {"Idempotency-Key", "o-6"}});
  EXPECT_EQ(r.status, 404);
  json::value a = Order("wechat", "o-7");
  json::value b = Order("wechat", "o-7");  // a retry returns the same order
  EXPECT_EQ(a.at("order_no"), b.at("order_no"));
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM online_orders"), 1);
  auto owner2 = app_->LoginAs("owner2");
  EXPECT_EQ(owner2->Get("/api/v1/payments/online/" + std::string(a.at("order_no").as_string())).status,
            404);
}

}  // namespace
}  // namespace anju::testing
