// Refunds (退款) of prepaid balances through HTTP: cash refunds at once or after a second
// person's approval, limits (balance, payment, re-checked when approved), Idempotency-Key,
// and online refunds through the WeChat Pay and Alipay simulators with real signatures: a
// refusal changes nothing, an unverifiable answer leaves the refund processing until it is
// approved again — and after every test the ledger check (correction_fixture.h).
#include "correction_fixture.h"
#include "modules/pay/simulator.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

class RefundApiTest : public CorrectionApiTest {
 protected:
  void SetUp() override {
    CorrectionApiTest::SetUp();
    RunBills("2026-11");
    owed_ = Owed();
    ASSERT_GT(owed_, 0);
  }
  // Pays what the house owes plus `extra` online; returns {order_no, payment_id}.
  std::pair<std::string, int64_t> PayOnline(const std::string& channel, int64_t extra) {
    Reply order = Keyed(*admin_, "/api/v1/payments/online", "order-" + channel,
                        {{"house_id", house_}, {"channel", channel}, {"amount", Owed() + extra}});
    EXPECT_EQ(order.status, 201) << order.body;
    std::string no(order.json().at("order_no").as_string());
    Reply paid = admin_->Send("POST", "/api/v1/payments/online/" + no + "/simulate");
    EXPECT_EQ(paid.status, 200) << paid.body;
    return {no, paid.json().at("payment_id").as_int64()};
  }
  int64_t Clearing(const std::string& channel) {
    return app_->Count("SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts WHERE code = "
                       "'clearing:" + channel + "'");
  }
  pay::PaySimulator& Sim() { return app_->app().billing().simulator(); }
  int64_t owed_ = 0;
};

TEST_F(RefundApiTest, CashRefundsAtOnceOrAfterASecondPerson) {
  ASSERT_EQ(Pay(*cashier_, "over", {{"house_id", house_}, {"amount", owed_ + 30000},
                                    {"channel", "cash"}}).status,
            201);
  ASSERT_EQ(Prepaid(), 30000);
  int64_t cash = Clearing("cash");
  json::object body{{"house_id", house_}, {"amount", 3000}, {"reason", "业主搬离，退还预存"}};
  Reply r = Refund(*manager_, "rf-1", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("status").as_string(), "refunded");
  EXPECT_EQ(r.json().at("channel").as_string(), "cash");
  EXPECT_EQ(Prepaid(), 27000);
  EXPECT_EQ(Clearing("cash"), cash - 3000);
  Reply replay = Refund(*manager_, "rf-1", body);
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, r.body);
  EXPECT_EQ(replay.header("idempotent-replayed"), "true");
  body["amount"] = 3001;
  EXPECT_EQ(Code(Refund(*manager_, "rf-1", body)), "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(Code(manager_->PostJson("/api/v1/refunds", body)), "IDEMPOTENCY_KEY_REQUIRED");
  EXPECT_EQ(Prepaid(), 27000);

  ASSERT_EQ(Settings(1000).status, 200);
  Reply by_cashier = Refund(*cashier_, "rf-2", {{"house_id", house_}, {"amount", 10000},
                                                {"reason", "多交退还"}});
  ASSERT_EQ(by_cashier.status, 201) << by_cashier.body;
  EXPECT_EQ(by_cashier.json().at("status").as_string(), "pending");
  Reply by_manager = Refund(*manager_, "rf-3", {{"house_id", house_}, {"amount", 10000},
                                                {"reason", "多交退还"}});
  EXPECT_EQ(by_manager.json().at("status").as_string(), "pending");
  EXPECT_EQ(Prepaid(), 27000);
  int64_t c_id = by_cashier.json().at("id").as_int64(), m_id = by_manager.json().at("id").as_int64();
  EXPECT_EQ(Decide(*cashier_, "refunds", c_id, true).status, 403);
  EXPECT_EQ(Code(Decide(*manager_, "refunds", m_id, true)), "APPROVAL_BY_REQUESTER");
  Reply approved = Decide(*finance_, "refunds", c_id, true);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json().at("status").as_string(), "refunded");
  EXPECT_EQ(Prepaid(), 17000);
  // A third refund takes most of the rest; the manager's, approved after it, no longer fits.
  ASSERT_EQ(Refund(*admin_, "rf-4", {{"house_id", house_}, {"amount", 900}, {"reason", "零头"}})
                .json().at("status"),
            "refunded");
  ASSERT_EQ(Settings(50000).status, 200);
  ASSERT_EQ(Refund(*admin_, "rf-5", {{"house_id", house_}, {"amount", 7000}, {"reason", "退还"}})
                .status,
            201);
  Reply stale = Decide(*finance_, "refunds", m_id, true);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(Code(stale), "REFUND_EXCEEDS_BALANCE");
  Reply rejected = Decide(*finance_, "refunds", m_id, false, "余额不足");
  ASSERT_EQ(rejected.status, 200);
  EXPECT_EQ(rejected.json().at("status").as_string(), "rejected");
  EXPECT_EQ(Prepaid(), 9100);
  Reply list = finance_->Get("/api/v1/refunds?status=refunded&house_id=" + std::to_string(house_));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("total").as_int64(), 4);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries WHERE ref_type = 'refund'"), 4);
}

TEST_F(RefundApiTest, BadInputAndLimits) {
  ASSERT_EQ(Pay(*cashier_, "over", {{"house_id", house_}, {"amount", owed_ + 500},
                                    {"channel", "cash"}}).status,
            201);
  Reply above = Refund(*manager_, "b-1", {{"house_id", house_}, {"amount", 501}, {"reason", "退还预存"}});
  EXPECT_EQ(above.status, 409);
  EXPECT_EQ(Code(above), "REFUND_EXCEEDS_BALANCE");
  for (json::object bad : {json::object{{"house_id", house_}, {"amount", 0}, {"reason", "退还预存"}},
                           json::object{{"house_id", house_}, {"amount", 10}},
                           json::object{{"house_id", house_}, {"amount", 10}, {"reason", "退还预存"},
                                        {"channel", "wechat"}},
                           json::object{{"house_id", house_}, {"amount", 10}, {"reason", "退还预存"},
                                        {"payment_id", "x"}}}) {
    SCOPED_TRACE(json::serialize(bad));
    EXPECT_EQ(Refund(*manager_, "bad-" + json::serialize(bad).substr(0, 60), bad).status, 400);
  }
  int64_t other = HouseId(*app_, jhy_, "1-1-0102");
  ASSERT_EQ(Pay(*cashier_, "other", {{"house_id", other}, {"amount", 100}, {"channel", "cash"}}).status, 201);
  int64_t other_payment = app_->Count("SELECT id FROM payments WHERE house_id = " + std::to_string(other));
  Reply foreign = Refund(*manager_, "b-2", {{"house_id", house_}, {"amount", 10}, {"reason", "退还预存"},
                                            {"payment_id", other_payment}});
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(Code(foreign), "PAYMENT_NOT_FOUND");
  EXPECT_EQ(Refund(*app_->LoginAs("owner"), "b-3", {{"house_id", house_}, {"amount", 10},
                                                    {"reason", "退还预存"}}).status,
            403);
  EXPECT_EQ(Refund(*app_->LoginAs("p2.management"), "b-4", {{"house_id", house_}, {"amount", 10},
                                                            {"reason", "退还预存"}}).status,
            404);
  EXPECT_EQ(app_->LoginAs("owner")->Get("/api/v1/refunds").status, 403);
  EXPECT_EQ(finance_->Get("/api/v1/refunds?status=done").status, 400);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM refunds"), 0);
  EXPECT_EQ(Prepaid(), 500);
}

TEST_F(RefundApiTest, AWechatRefundGoesBackThroughTheProviderAndARefusalChangesNothing) {
  auto [order_no, payment] = PayOnline("wechat", 20000);
  int64_t total = app_->Count("SELECT amount FROM payments WHERE id = " + std::to_string(payment));
  ASSERT_EQ(Prepaid(), 20000);
  ASSERT_EQ(Pay(*cashier_, "cash-over", {{"house_id", house_}, {"amount", total + 100},
                                         {"channel", "cash"}}).status,
            201);
  int64_t wechat = Clearing("wechat");
  Reply r = Refund(*manager_, "w-1", {{"house_id", house_}, {"amount", 5000},
                                      {"reason", "重复缴费退款"}, {"payment_id", payment}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("status").as_string(), "refunded");
  EXPECT_EQ(r.json().at("channel").as_string(), "wechat");
  EXPECT_FALSE(r.json().at("provider_refund_id").as_string().empty());
  EXPECT_EQ(Sim().wechat.FindOrder(order_no)->refunded_fen, 5000);
  EXPECT_EQ(Clearing("wechat"), wechat - 5000);
  int64_t prepaid = Prepaid();
  // More than the payment can still refund, though the balance would cover it.
  Reply over = Refund(*manager_, "w-2", {{"house_id", house_}, {"amount", total - 5000 + 1},
                                         {"reason", "重复缴费退款"}, {"payment_id", payment}});
  EXPECT_EQ(Code(over), "REFUND_EXCEEDS_PAYMENT");
  // Someone refunded the rest at the provider directly: WeChat refuses ours, nothing moves.
  auto outside = app_->app().billing().Provider("wechat")->Refund(
      {order_no, "OUTSIDE0000001", total - 5000, total, "商户平台退款"});
  ASSERT_TRUE(outside.ok()) << outside.error().message;
  Reply refused = Refund(*manager_, "w-3", {{"house_id", house_}, {"amount", 1000},
                                            {"reason", "重复缴费退款"}, {"payment_id", payment}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Code(refused), "REFUND_REFUSED_BY_PROVIDER");
  EXPECT_NE(refused.body.find("INVALID_REQUEST"), std::string::npos) << refused.body;
  EXPECT_EQ(Refund(*manager_, "w-3", {{"house_id", house_}, {"amount", 1000},
                                      {"reason", "重复缴费退款"}, {"payment_id", payment}}).status,
            422);
  EXPECT_EQ(Prepaid(), prepaid);
  EXPECT_EQ(Clearing("wechat"), wechat - 5000);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM refunds WHERE status = 'failed'"), 1);
}

TEST_F(RefundApiTest, AnAlipayRefundWithAForgedAnswerStaysProcessingUntilApprovedAgain) {
  auto [order_no, payment] = PayOnline("alipay", 8000);
  int64_t alipay = Clearing("alipay");
  ASSERT_EQ(Settings(1000).status, 200);
  Reply pending = Refund(*cashier_, "a-1", {{"house_id", house_}, {"amount", 3000},
                                            {"reason", "多交退还"}, {"payment_id", payment}});
  ASSERT_EQ(pending.status, 201) << pending.body;
  int64_t id = pending.json().at("id").as_int64();
  Sim().alipay.ForgeNextAnswer(pay::AnswerForgery::kOtherKey);
  Reply unknown = Decide(*finance_, "refunds", id, true);
  EXPECT_EQ(unknown.status, 503) << unknown.body;
  EXPECT_EQ(Code(unknown), "REFUND_PROVIDER_UNAVAILABLE");
  EXPECT_EQ(Col("refunds", id, "status = 'processing'"), 1);
  EXPECT_EQ(Prepaid(), 8000);  // not posted: the answer did not verify
  // Its amount is reserved meanwhile.
  ASSERT_EQ(Settings(50000).status, 200);
  EXPECT_EQ(Code(Refund(*manager_, "a-2", {{"house_id", house_}, {"amount", 5001},
                                           {"reason", "多交退还"}})),
            "REFUND_EXCEEDS_BALANCE");
  EXPECT_EQ(Decide(*finance_, "refunds", id, false, "撤回").status, 409);  // no longer pending
  // Approving again re-sends the same out_request_no: Alipay refunds once.
  Reply done = Decide(*manager_, "refunds", id, true);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json().at("status").as_string(), "refunded");
  EXPECT_EQ(Sim().alipay.FindOrder(order_no)->refunded_fen, 3000);
  EXPECT_EQ(Prepaid(), 5000);
  EXPECT_EQ(Clearing("alipay"), alipay - 3000);
  EXPECT_EQ(Decide(*manager_, "refunds", id, true).status, 409);
}

}  // namespace
}  // namespace anju::testing

namespace anju::testing {
namespace {

using PrepaymentApiTest = CorrectionApiTest;

TEST_F(PrepaymentApiTest, BillRunsApplyPrepaidBalancesWhenTheCompanyEnablesIt) {
  RunBills("2026-10");
  int64_t owed = Owed();
  // The house pays October and 300 元 ahead.
  ASSERT_EQ(Pay(*cashier_, "ahead", {{"house_id", house_}, {"amount", owed + 30000},
                                     {"channel", "cash"}}).status,
            201);
  int64_t receipts = app_->Count("SELECT COUNT(*) FROM receipts");
  // Off (the default): November's bills stay open.
  RunBills("2026-11");
  int64_t november = Owed();
  ASSERT_GT(november, 0);
  EXPECT_EQ(Prepaid(), 30000);
  // On: December's run applies the balance to December's bills, no more than they owe.
  ASSERT_EQ(Settings(5000, "late_fees_first", true).status, 200);
  Reply dec = admin_->PostJson("/api/v1/bill-runs", json_object{{"project_id", jhy_},
                                                              {"period", "2026-12"},
                                                              {"dry_run", false}});
  ASSERT_EQ(dec.status, 200) << dec.body;
  int64_t december_bills = app_->Count("SELECT COALESCE(SUM(amount), 0) FROM bills WHERE "
                                       "house_id = " + std::to_string(house_) +
                                       " AND period = '2026-12'");
  ASSERT_GT(december_bills, 0);
  int64_t applied = std::min<int64_t>(30000, december_bills);
  EXPECT_EQ(dec.json().at("prepaid_applied").as_int64(), applied);
  EXPECT_EQ(Prepaid(), 30000 - applied);
  EXPECT_EQ(Owed(), november + december_bills - applied);
  // Only December's bills were settled from it, not November's; no receipt: no money came in.
  EXPECT_EQ(app_->Count("SELECT COALESCE(SUM(paid), 0) FROM bills WHERE house_id = " +
                        std::to_string(house_) + " AND period = '2026-12'"),
            applied);
  EXPECT_EQ(app_->Count("SELECT COALESCE(SUM(paid), 0) FROM bills WHERE house_id = " +
                        std::to_string(house_) + " AND period = '2026-11'"),
            0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM receipts"), receipts);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM payments WHERE channel = 'prepayment'"), 1);
  // The daily report does not count it as money received.
  json_value day = admin_->Get("/api/v1/reports/daily?date=" + CivilDate(app_->clock().Now()) +
                               "&project_id=" + std::to_string(jhy_)).json();
  EXPECT_EQ(day.at("received").as_int64(), owed + 30000);
  // A run again applies nothing more (the bills exist already).
  Reply again = admin_->PostJson("/api/v1/bill-runs", json_object{{"project_id", jhy_},
                                                                {"period", "2026-12"},
                                                                {"dry_run", false}});
  EXPECT_EQ(again.json().at("prepaid_applied").as_int64(), 0);
  // The applied prepayment cannot be refunded as if it were a payment.
  int64_t applied_payment = app_->Count("SELECT id FROM payments WHERE channel = 'prepayment'");
  EXPECT_EQ(Refund(*cashier_, "of-applied", {{"house_id", house_}, {"amount", 100},
                                             {"reason", "退预存抵扣"}, {"payment_id", applied_payment}})
                .status,
            404);
}

}  // namespace
}  // namespace anju::testing

namespace anju::testing {
namespace {

using PrepayApiTest = CorrectionApiTest;

TEST_F(PrepayApiTest, TwelveMonthsAheadUnderAnOfferAreBilledAndPaidWithTheLastMonthFree) {
  int64_t fee = app_->Count("SELECT id FROM fee_items WHERE project_id = " + std::to_string(jhy_) +
                            " AND code = 'WYF-ZZ'");
  RunBills("2026-11");
  int64_t monthly = app_->Count("SELECT amount FROM bills WHERE house_id = " +
                                std::to_string(house_) + " AND fee_item_id = " +
                                std::to_string(fee) + " AND period = '2026-11'");
  ASSERT_GT(monthly, 0);
  auto quote = [&](int64_t months) {
    return cashier_->Get("/api/v1/prepayments/quote?house_id=" + std::to_string(house_) +
                         "&fee_item_id=" + std::to_string(fee) + "&months=" + std::to_string(months));
  };
  // Without an offer: 12 months cost 12 months, from December on.
  Reply plain = quote(12);
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.json().at("amount").as_int64(), 12 * monthly);
  EXPECT_EQ(plain.json().at("bills").at(0).at("period").as_string(), "2026-12");
  EXPECT_TRUE(plain.json().at("offer").is_null());
  // "预缴12个月送1个月" from 2026-12: the 12th month is free; 6 months earn nothing.
  Reply offer = admin_->PostJson("/api/v1/discount-rules",
                                 json_object{{"project_id", jhy_}, {"fee_item_id", fee},
                                             {"name", "预缴12个月送1个月"}, {"kind", "prepay"},
                                             {"months_paid", 12}, {"months_free", 1},
                                             {"period_from", "2026-12"}});
  ASSERT_EQ(offer.status, 201) << offer.body;
  EXPECT_EQ(admin_->PostJson("/api/v1/discount-rules",
                             json_object{{"project_id", jhy_}, {"fee_item_id", fee},
                                         {"name", "坏"}, {"kind", "prepay"}, {"months_paid", 12},
                                         {"months_free", 12}, {"period_from", "2026-12"}})
                .status,
            400);
  EXPECT_EQ(quote(6).json().at("discount").as_int64(), 0);
  EXPECT_EQ(quote(12).json().at("amount").as_int64(), 11 * monthly);
  int64_t receipts = app_->Count("SELECT COUNT(*) FROM receipts");
  auto prepay = [&](const std::string& key, int64_t months) {
    return Keyed(*cashier_, "/api/v1/prepayments", key,
                 json_object{{"house_id", house_}, {"fee_item_id", fee}, {"months", months},
                             {"channel", "cash"}});
  };
  Reply paid = prepay("pp-1", 12);
  ASSERT_EQ(paid.status, 201) << paid.body;
  json_value body = paid.json();
  EXPECT_EQ(body.at("amount").as_int64(), 11 * monthly);
  EXPECT_EQ(body.at("discount").as_int64(), monthly);
  EXPECT_EQ(body.at("payment").at("amount").as_int64(), 11 * monthly);
  EXPECT_EQ(body.at("payment").at("to_prepayment").as_int64(), 0);
  // Twelve bills 2026-12 … 2027-11, all settled, the last one discounted to 0.
  std::string where = " FROM bills WHERE house_id = " + std::to_string(house_) +
                      " AND fee_item_id = " + std::to_string(fee) + " AND period >= '2026-12'";
  EXPECT_EQ(app_->Count("SELECT COUNT(*)" + where), 12);
  EXPECT_EQ(app_->Count("SELECT COUNT(*)" + where + " AND paid = amount"), 12);
  EXPECT_EQ(app_->Count("SELECT discount" + where + " AND period = '2027-11'"), monthly);
  EXPECT_EQ(app_->Count("SELECT amount" + where + " AND period = '2027-11'"), 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM receipts"), receipts + 1);
  // The same key replays the answer; nothing new is billed or paid.
  Reply again = prepay("pp-1", 12);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(app_->Count("SELECT COUNT(*)" + where), 12);
  // A bill run of a prepaid month finds the bill there.
  RunBills("2027-01");
  EXPECT_EQ(app_->Count("SELECT COUNT(*)" + where + " AND period = '2027-01'"), 1);
  // The next prepayment starts after the last prepaid month.
  EXPECT_EQ(quote(1).json().at("bills").at(0).at("period").as_string(), "2027-12");
  // Bad input and scope change nothing.
  EXPECT_EQ(prepay("pp-2", 0).status, 400);
  EXPECT_EQ(Keyed(*cashier_, "/api/v1/prepayments", "pp-3",
                  json_object{{"house_id", house_}, {"fee_item_id", fee}, {"months", 1},
                              {"channel", "wechat"}}).status,
            400);
  int64_t water = app_->Count("SELECT id FROM fee_items WHERE project_id = " +
                              std::to_string(jhy_) + " AND code = 'SF'");
  EXPECT_EQ(Keyed(*cashier_, "/api/v1/prepayments", "pp-4",
                  json_object{{"house_id", house_}, {"fee_item_id", water}, {"months", 3},
                              {"channel", "cash"}}).status,
            422);  // metered: nothing to bill ahead
  EXPECT_EQ(Keyed(*app_->LoginAs("p2.management"), "/api/v1/prepayments", "pp-5",
                  json_object{{"house_id", house_}, {"fee_item_id", fee}, {"months", 1},
                              {"channel", "cash"}}).status,
            404);
  EXPECT_EQ(app_->Count("SELECT COUNT(*)" + where), 12);
}

}  // namespace
}  // namespace anju::testing
