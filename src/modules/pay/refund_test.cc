// Refunds through the adapters against their simulators: a refund of a paid order is made
// once per refund number, more than the order can refund is refused, and an answer that is
// forged (another key, a changed byte, an unknown serial) is never believed — the outcome
// stays unknown and the same refund number can be sent again safely.
#include <gtest/gtest.h>

#include "modules/pay/alipay.h"
#include "modules/pay/pay_errors.h"
#include "modules/pay/simulator.h"
#include "modules/pay/wechat_pay.h"

namespace anju::pay {
namespace {

constexpr Millis kNow = 1795421700000;  // 2026-11-23T08:15:00Z
constexpr const char* kOrder = "AJ1202611230000001";

template <class Adapter, class Sim>
class RefundTest : public ::testing::Test {
 protected:
  RefundTest() : clock_(kNow), sim_(clock_) {
    auto created = Adapter::Create(sim_.AdapterConfig(), sim_, clock_);
    EXPECT_TRUE(created.ok());
    if (created.ok()) pay_ = std::move(*created);
    (void)sim_.MakeNotify(kOrder, 10000, kNow);  // the payer paid 100 元
  }
  std::string Refuses(const RefundRequest& r) {
    auto a = pay_->Refund(r);
    return a.ok() ? "accepted" : a.error().code;
  }
  int64_t Refunded() { return sim_.FindOrder(kOrder)->refunded_fen; }

  ManualClock clock_;
  Sim sim_;
  std::unique_ptr<Adapter> pay_;
};

using PayWechatRefundTest = RefundTest<WechatPay, WechatPaySimulator>;
using PayAlipayRefundTest = RefundTest<Alipay, AlipaySimulator>;

TEST_F(PayWechatRefundTest, ARefundIsMadeOncePerRefundNumber) {
  auto first = pay_->Refund({kOrder, "RF1202611230000001", 3000, 10000, "多交退还"});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->status, "SUCCESS");
  EXPECT_EQ(first->amount_fen, 3000);
  EXPECT_EQ(first->refund_no, "RF1202611230000001");
  EXPECT_FALSE(first->provider_refund_id.empty());
  auto again = pay_->Refund({kOrder, "RF1202611230000001", 3000, 10000, "多交退还"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->provider_refund_id, first->provider_refund_id);
  EXPECT_EQ(Refunded(), 3000);
}

TEST_F(PayWechatRefundTest, WhatTheOrderCannotRefundIsRefused) {
  ASSERT_TRUE(pay_->Refund({kOrder, "RF1202611230000001", 7000, 10000, ""}).ok());
  EXPECT_EQ(Refuses({kOrder, "RF1202611230000002", 3001, 10000, ""}), "PAY_REFUND_REFUSED");
  EXPECT_EQ(Refuses({"AJ1202611239999999", "RF1202611230000003", 100, 100, ""}),
            "PAY_REFUND_REFUSED");  // RESOURCE_NOT_EXISTS
  EXPECT_EQ(Refuses({kOrder, "RF1202611230000004", 100, 9999, ""}), "PAY_REFUND_REFUSED");
  EXPECT_EQ(Refuses({kOrder, "RF1", 100, 10000, ""}), "PAY_MALFORMED");
  EXPECT_EQ(Refuses({kOrder, "RF1202611230000005", 200, 100, ""}), "PAY_MALFORMED");
  EXPECT_EQ(Refunded(), 7000);
  // A request signed with another merchant key: WeChat answers SIGN_ERROR, refunds nothing.
  WechatPayConfig config = sim_.AdapterConfig();
  config.merchant_private_key_pem = RsaKey::Generate2048().PrivatePem();
  auto impostor = WechatPay::Create(config, sim_, clock_);
  ASSERT_TRUE(impostor.ok());
  auto refused = (*impostor)->Refund({kOrder, "RF1202611230000006", 100, 10000, ""});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "PAY_REFUND_REFUSED");
  EXPECT_NE(refused.error().message.find("SIGN_ERROR"), std::string::npos);
  EXPECT_EQ(Refunded(), 7000);
}

TEST_F(PayWechatRefundTest, ForgedAnswersAreNotBelievedAndARetryIsSafe) {
  std::pair<AnswerForgery, std::string> cases[] = {
      {AnswerForgery::kOtherKey, "PAY_BAD_SIGNATURE"},
      {AnswerForgery::kTamperedBody, "PAY_BAD_SIGNATURE"},
      {AnswerForgery::kUnknownSerial, "PAY_UNKNOWN_SERIAL"}};
  for (auto& [forgery, code] : cases) {
    sim_.ForgeNextAnswer(forgery);
    EXPECT_EQ(Refuses({kOrder, "RF1202611230000001", 1000, 10000, ""}), code);
  }
  // The simulator did refund the first time; every retry of the same number is that refund.
  EXPECT_EQ(Refunded(), 1000);
  auto retry = pay_->Refund({kOrder, "RF1202611230000001", 1000, 10000, ""});
  ASSERT_TRUE(retry.ok()) << retry.error().message;
  EXPECT_EQ(Refunded(), 1000);
}

TEST_F(PayAlipayRefundTest, ARefundIsMadeOncePerRequestNumber) {
  auto first = pay_->Refund({kOrder, "RF1202611230000001", 2550, 10000, "多交退还"});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->amount_fen, 2550);
  EXPECT_EQ(first->provider_refund_id, sim_.FindOrder(kOrder)->txn_id);
  ASSERT_TRUE(pay_->Refund({kOrder, "RF1202611230000001", 2550, 10000, "多交退还"}).ok());
  EXPECT_EQ(Refunded(), 2550);
  ASSERT_TRUE(pay_->Refund({kOrder, "RF1202611230000002", 7450, 10000, ""}).ok());
  EXPECT_EQ(Refunded(), 10000);
}

TEST_F(PayAlipayRefundTest, WhatTheTradeCannotRefundIsRefused) {
  auto over = pay_->Refund({kOrder, "RF1202611230000001", 10001, 10001, ""});
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, "PAY_REFUND_REFUSED");
  EXPECT_NE(over.error().message.find("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"), std::string::npos);
  EXPECT_EQ(Refuses({"AJ1202611239999999", "RF1202611230000002", 100, 100, ""}),
            "PAY_REFUND_REFUSED");  // ACQ.TRADE_NOT_EXIST
  AlipayConfig config = sim_.AdapterConfig();
  config.app_private_key_pem = RsaKey::Generate2048().PrivatePem();
  auto impostor = Alipay::Create(config, sim_, clock_);
  ASSERT_TRUE(impostor.ok());
  auto refused = (*impostor)->Refund({kOrder, "RF1202611230000003", 100, 10000, ""});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("isv.invalid-signature"), std::string::npos);
  EXPECT_EQ(Refunded(), 0);
}

TEST_F(PayAlipayRefundTest, ForgedAnswersAreNotBelievedAndARetryIsSafe) {
  for (auto forgery : {AnswerForgery::kOtherKey, AnswerForgery::kTamperedBody}) {
    sim_.ForgeNextAnswer(forgery);
    EXPECT_EQ(Refuses({kOrder, "RF1202611230000001", 1000, 10000, ""}), "PAY_BAD_SIGNATURE");
  }
  EXPECT_EQ(Refunded(), 1000);
  ASSERT_TRUE(pay_->Refund({kOrder, "RF1202611230000001", 1000, 10000, ""}).ok());
  EXPECT_EQ(Refunded(), 1000);
}

}  // namespace
}  // namespace anju::pay
