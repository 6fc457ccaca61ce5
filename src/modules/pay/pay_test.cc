// The payment adapters against their simulators: genuine notifies verify, each forgery is
// refused with its own error, queries resolve a lost notify, and 元 parse exactly to 分.
#include <gtest/gtest.h>

#include "modules/pay/alipay.h"
#include "modules/pay/pay_codec.h"
#include "modules/pay/pay_errors.h"
#include "modules/pay/simulator.h"
#include "modules/pay/wechat_pay.h"

namespace anju::pay {
namespace {

// 2026-11-23T08:15:00Z.
constexpr Millis kNow = 1795421700000;

std::string CodeOf(const Error& e) { return e.code; }

class PayWechatTest : public ::testing::Test {
 protected:
  PayWechatTest() : clock_(kNow), sim_(clock_) {
    auto created = WechatPay::Create(sim_.AdapterConfig(), sim_, clock_);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    if (created.ok()) pay_ = std::move(*created);
  }

  // A notify arrives at the adapter `at` (default: the clock's now).
  Result<Confirmed> Deliver(const SimNotify& n, Millis at = kNow) {
    return pay_->VerifyNotify(n.body, n.headers, at);
  }
  std::string Rejects(WechatPaySimulator::Forgery f) {
    auto r = Deliver(sim_.MakeForgedNotify(f, "WX20261123001", 12345, kNow));
    return r.ok() ? "accepted" : CodeOf(r.error());
  }

  ManualClock clock_;
  WechatPaySimulator sim_;
  std::unique_ptr<WechatPay> pay_;
};

TEST_F(PayWechatTest, CreateOrderReturnsCodeUrl) {
  auto r = pay_->CreateOrder({"WX20261123001", 12345, "物业费 2026-11"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::string url(r->as_object().at("code_url").as_string());
  EXPECT_EQ(url.rfind("weixin://wxpay/bizpayurl?pr=", 0), 0u);
  auto order = sim_.FindOrder("WX20261123001");
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->amount_fen, 12345);
  EXPECT_FALSE(order->paid);
  // The same order again is accepted; another amount under the same number is refused.
  EXPECT_TRUE(pay_->CreateOrder({"WX20261123001", 12345, "物业费 2026-11"}).ok());
  auto changed = pay_->CreateOrder({"WX20261123001", 999, "物业费 2026-11"});
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(CodeOf(changed.error()), "PAY_PROVIDER_ERROR");
}

TEST_F(PayWechatTest, CreateOrderRejectsBadOrders) {
  EXPECT_EQ(CodeOf(pay_->CreateOrder({"WX1", 100, ""}).error()), "PAY_MALFORMED");
  EXPECT_EQ(CodeOf(pay_->CreateOrder({"WX20261123001", 0, ""}).error()), "PAY_MALFORMED");
}

TEST_F(PayWechatTest, GenuineNotifyVerifies) {
  ASSERT_TRUE(pay_->CreateOrder({"WX20261123001", 12345, "物业费"}).ok());
  SimNotify n = sim_.MakeNotify("WX20261123001", 12345, kNow);
  auto r = Deliver(n, kNow + 4 * kMinute);  // within the 5 minutes
  ASSERT_TRUE(r.ok()) << r.error().code << " " << r.error().message;
  EXPECT_EQ(r->channel, "wechat");
  EXPECT_EQ(r->order_no, "WX20261123001");
  EXPECT_EQ(r->amount_fen, 12345);
  EXPECT_EQ(r->provider_txn_id, sim_.FindOrder("WX20261123001")->txn_id);
  EXPECT_EQ(r->paid_at, kNow);
  EXPECT_TRUE(MatchOrder(*r, {"WX20261123001", 12345, ""}).ok());
}

TEST_F(PayWechatTest, ReplayedNotifyVerifiesAgain) {
  SimNotify n = sim_.MakeNotify("WX20261123001", 12345, kNow);
  auto first = Deliver(n);
  auto second = Deliver(n, kNow + kMinute);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);  // deduplication is billing's job, by provider_txn_id
}

TEST_F(PayWechatTest, ForgeriesAreRejected) {
  using F = WechatPaySimulator::Forgery;
  EXPECT_EQ(Rejects(F::kTamperedBody), "PAY_BAD_SIGNATURE");
  EXPECT_EQ(Rejects(F::kOtherKey), "PAY_BAD_SIGNATURE");
  EXPECT_EQ(Rejects(F::kStaleTimestamp), "PAY_STALE_TIMESTAMP");
  EXPECT_EQ(Rejects(F::kUnknownSerial), "PAY_UNKNOWN_SERIAL");
  EXPECT_EQ(Rejects(F::kTamperedCiphertext), "PAY_DECRYPT_FAILED");
  EXPECT_EQ(Rejects(F::kWrongMchId), "PAY_MERCHANT_MISMATCH");
  EXPECT_EQ(Rejects(F::kWrongAppId), "PAY_MERCHANT_MISMATCH");
  EXPECT_EQ(Rejects(F::kNotPaid), "PAY_NOT_PAID");
  EXPECT_EQ(Rejects(F::kZeroAmount), "PAY_BAD_AMOUNT");
}

TEST_F(PayWechatTest, TimestampSixMinutesOffEitherWayIsStale) {
  SimNotify n = sim_.MakeNotify("WX20261123001", 12345, kNow);
  EXPECT_EQ(CodeOf(Deliver(n, kNow + 6 * kMinute).error()), "PAY_STALE_TIMESTAMP");
  EXPECT_EQ(CodeOf(Deliver(n, kNow - 6 * kMinute).error()), "PAY_STALE_TIMESTAMP");
}

TEST_F(PayWechatTest, MissingHeadersOrGarbageAreMalformed) {
  SimNotify n = sim_.MakeNotify("WX20261123001", 12345, kNow);
  Headers no_sig;
  for (const auto& h : n.headers)
    if (h.first != "wechatpay-signature") no_sig.push_back(h);
  EXPECT_EQ(CodeOf(pay_->VerifyNotify(n.body, no_sig, kNow).error()), "PAY_MALFORMED");
  EXPECT_EQ(CodeOf(pay_->VerifyNotify("", {}, kNow).error()), "PAY_MALFORMED");
}

TEST_F(PayWechatTest, WrongAmountIsCaughtAgainstTheOrder) {
  ASSERT_TRUE(pay_->CreateOrder({"WX20261123001", 12345, "物业费"}).ok());
  auto r = Deliver(sim_.MakeNotify("WX20261123001", 12344, kNow));
  ASSERT_TRUE(r.ok());
  Status s = MatchOrder(*r, {"WX20261123001", 12345, ""});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "PAY_BAD_AMOUNT");
  EXPECT_EQ(MatchOrder(*r, {"WX20261123002", 12344, ""}).error().code, "PAY_ORDER_MISMATCH");
}

TEST_F(PayWechatTest, QueryResolvesALostNotify) {
  auto unknown = pay_->QueryOrder("WX20261123009");
  ASSERT_TRUE(unknown.ok()) << unknown.error().message;
  EXPECT_FALSE(unknown->has_value());
  ASSERT_TRUE(pay_->CreateOrder({"WX20261123001", 12345, "物业费"}).ok());
  auto unpaid = pay_->QueryOrder("WX20261123001");
  ASSERT_TRUE(unpaid.ok());
  EXPECT_FALSE(unpaid->has_value());
  SimNotify lost = sim_.MakeNotify("WX20261123001", 12345, kNow);  // never delivered
  auto paid = pay_->QueryOrder("WX20261123001");
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  ASSERT_TRUE(paid->has_value());
  EXPECT_EQ(**paid, *Deliver(lost));
}

TEST_F(PayWechatTest, RepliesSignedByAnotherKeyAreRefused) {
  // An adapter that trusts a different platform key under the simulator's serial.
  WechatPayConfig config = sim_.AdapterConfig();
  config.platform_keys_pem[WechatPaySimulator::kPlatformSerial] =
      RsaKey::Generate2048().PublicPem();
  auto other = WechatPay::Create(config, sim_, clock_);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(CodeOf((*other)->QueryOrder("WX20261123001").error()), "PAY_BAD_SIGNATURE");
  EXPECT_EQ(CodeOf((*other)
                       ->VerifyNotify(sim_.MakeNotify("WX20261123001", 1, kNow).body,
                                      sim_.MakeNotify("WX20261123001", 1, kNow).headers, kNow)
                       .error()),
            "PAY_BAD_SIGNATURE");
}

TEST_F(PayWechatTest, RequestsSignedByAnotherMerchantKeyAreRefusedByTheProvider) {
  WechatPayConfig config = sim_.AdapterConfig();
  config.merchant_private_key_pem = RsaKey::Generate2048().PrivatePem();
  auto other = WechatPay::Create(config, sim_, clock_);
  ASSERT_TRUE(other.ok());
  auto r = (*other)->CreateOrder({"WX20261123001", 12345, "物业费"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "PAY_PROVIDER_ERROR");
}

TEST_F(PayWechatTest, BadConfigIsRefused) {
  WechatPayConfig config = sim_.AdapterConfig();
  config.api_v3_key = "short";
  EXPECT_EQ(CodeOf(WechatPay::Create(config, sim_, clock_).error()), "PAY_BAD_CONFIG");
}

TEST_F(PayWechatTest, Replies) {
  EXPECT_EQ(pay_->SuccessReply().status, 204);
  NotifyReply fail = pay_->FailureReply(Error(kPayBadSignature));
  EXPECT_GE(fail.status, 400);
  EXPECT_NE(fail.body.find("\"FAIL\""), std::string::npos);
}

TEST(PayWechatProtocol, AuthorizationHeaderRoundTrip) {
  auto a = ParseWechatAuthorization(
      "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"abc\",signature=\"c2ln\","
      "timestamp=\"1554208460\",serial_no=\"1DDE55AD\"");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->mchid, "1900000001");
  EXPECT_EQ(a->serial_no, "1DDE55AD");
  EXPECT_FALSE(ParseWechatAuthorization("Bearer x").has_value());
  EXPECT_EQ(WechatRequestMessage("GET", "/v3/x?y=1", "1", "n", ""), "GET\n/v3/x?y=1\n1\nn\n\n");
  EXPECT_EQ(WechatReplyMessage("1", "n", "{}"), "1\nn\n{}\n");
}

TEST(PayWechatCrypto, GcmAndBase64) {
  std::string key(32, 'k');
  auto sealed = AesGcmEncrypt(key, "0123456789ab", "transaction", "hello");
  ASSERT_TRUE(sealed.has_value());
  EXPECT_EQ(sealed->size(), 5u + 16u);
  EXPECT_EQ(AesGcmDecrypt(key, "0123456789ab", "transaction", *sealed), "hello");
  EXPECT_FALSE(AesGcmDecrypt(key, "0123456789ab", "other", *sealed).has_value());
  EXPECT_EQ(Base64Encode("ab"), "YWI=");
  EXPECT_EQ(Base64Decode("YWI="), "ab");
  EXPECT_EQ(Base64Decode("YQ=="), "a");
  EXPECT_EQ(Base64Decode(""), "");
  EXPECT_FALSE(Base64Decode("YWI").has_value());
  EXPECT_FALSE(Base64Decode("Y WI=").has_value());
  EXPECT_FALSE(Base64Decode("Y=WI").has_value());
}

// ---------------------------------------------------------------------------- Alipay

class PayAlipayTest : public ::testing::Test {
 protected:
  PayAlipayTest() : clock_(kNow), sim_(clock_) {
    auto created = Alipay::Create(sim_.AdapterConfig(), sim_, clock_);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    if (created.ok()) pay_ = std::move(*created);
  }
  std::string Rejects(const std::string& body) {
    auto r = pay_->VerifyNotify(body, {}, kNow);
    return r.ok() ? "accepted" : CodeOf(r.error());
  }

  ManualClock clock_;
  AlipaySimulator sim_;
  std::unique_ptr<Alipay> pay_;
};

TEST_F(PayAlipayTest, CreateOrderIsASignedOrderString) {
  auto r = pay_->CreateOrder({"ZFB20261123001", 1234, "物业费 2026-11"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::string order_string(r->as_object().at("order_string").as_string());
  EXPECT_NE(order_string.find("sign="), std::string::npos);
  EXPECT_NE(order_string.find("%22total_amount%22%3A%2212.34%22"), std::string::npos);
  EXPECT_TRUE(sim_.OpenOrder(order_string).ok());
  EXPECT_EQ(sim_.FindOrder("ZFB20261123001")->amount_fen, 1234);
  // A payer who edits the amount breaks the app's signature.
  std::string edited = order_string;
  edited.replace(edited.find("12.34"), 5, "00.01");
  EXPECT_EQ(sim_.OpenOrder(edited).error().code, "PAY_BAD_SIGNATURE");
}

TEST_F(PayAlipayTest, GenuineNotifyVerifies) {
  std::string body = sim_.MakeNotify("ZFB20261123001", 1234, kNow);
  EXPECT_NE(body.find('+'), std::string::npos);  // spaces arrive as '+'
  auto r = pay_->VerifyNotify(body, {{"content-type", "application/x-www-form-urlencoded"}},
                              kNow + kHour);  // Alipay notifies carry no freshness window
  ASSERT_TRUE(r.ok()) << r.error().code << " " << r.error().message;
  EXPECT_EQ(r->channel, "alipay");
  EXPECT_EQ(r->order_no, "ZFB20261123001");
  EXPECT_EQ(r->amount_fen, 1234);
  EXPECT_EQ(r->provider_txn_id, sim_.FindOrder("ZFB20261123001")->txn_id);
  EXPECT_EQ(r->paid_at, kNow);
  // Replays verify again; billing deduplicates by provider_txn_id.
  auto again = pay_->VerifyNotify(body, {}, kNow + 2 * kHour);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *r);
}

TEST_F(PayAlipayTest, ForgeriesAreRejected) {
  using F = AlipaySimulator::Forgery;
  auto forged = [&](F f) {
    return Rejects(sim_.MakeForgedNotify(f, "ZFB20261123001", 1234, kNow));
  };
  EXPECT_EQ(forged(F::kTamperedParam), "PAY_BAD_SIGNATURE");
  EXPECT_EQ(forged(F::kOtherKey), "PAY_BAD_SIGNATURE");
  EXPECT_EQ(forged(F::kWrongAppId), "PAY_MERCHANT_MISMATCH");
  EXPECT_EQ(forged(F::kWrongSeller), "PAY_MERCHANT_MISMATCH");
  EXPECT_EQ(forged(F::kTradeClosed), "PAY_NOT_PAID");
}

TEST_F(PayAlipayTest, MalformedAmountsAreRejectedEvenWhenSigned) {
  for (const char* text : {"1.234", "abc", "-1", "1e3", "", " 1", "0.00"}) {
    EXPECT_EQ(Rejects(sim_.MakeNotifyWithAmountText("ZFB20261123001", text, kNow)),
              "PAY_BAD_AMOUNT")
        << "total_amount=\"" << text << "\"";
  }
}

TEST_F(PayAlipayTest, UnsignedOrGarbledBodiesAreRejected) {
  std::string body = sim_.MakeNotify("ZFB20261123001", 1234, kNow);
  std::string unsigned_body = body.substr(0, body.find("&sign="));
  EXPECT_EQ(Rejects(unsigned_body), "PAY_BAD_SIGNATURE");
  EXPECT_EQ(Rejects(body + "&app_id=2021000000000001"), "PAY_MALFORMED");  // repeated key
  EXPECT_EQ(Rejects("a=%zz"), "PAY_MALFORMED");
  EXPECT_EQ(Rejects("novalue"), "PAY_MALFORMED");
}

TEST_F(PayAlipayTest, QueryResolvesALostNotify) {
  auto unknown = pay_->QueryOrder("ZFB20261123009");
  ASSERT_TRUE(unknown.ok()) << unknown.error().message;
  EXPECT_FALSE(unknown->has_value());
  auto created = pay_->CreateOrder({"ZFB20261123001", 1234, "物业费"});
  ASSERT_TRUE(
      sim_.OpenOrder(std::string(created->as_object().at("order_string").as_string())).ok());
  auto waiting = pay_->QueryOrder("ZFB20261123001");
  ASSERT_TRUE(waiting.ok()) << waiting.error().message;
  EXPECT_FALSE(waiting->has_value());
  std::string lost = sim_.MakeNotify("ZFB20261123001", 1234, kNow);
  auto paid = pay_->QueryOrder("ZFB20261123001");
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  ASSERT_TRUE(paid->has_value());
  EXPECT_EQ(**paid, *pay_->VerifyNotify(lost, {}, kNow));
}

TEST_F(PayAlipayTest, QueryAnswerSignedByAnotherKeyIsRefused) {
  AlipayConfig config = sim_.AdapterConfig();
  config.alipay_public_key_pem = RsaKey::Generate2048().PublicPem();
  auto other = Alipay::Create(config, sim_, clock_);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(CodeOf((*other)->QueryOrder("ZFB20261123001").error()), "PAY_BAD_SIGNATURE");
}

TEST_F(PayAlipayTest, Replies) {
  EXPECT_EQ(pay_->SuccessReply().body, "success");
  EXPECT_EQ(pay_->SuccessReply().status, 200);
  EXPECT_NE(pay_->FailureReply(Error(kPayBadSignature)).body, "success");
}

TEST(PayAlipayProtocol, SignContentAndBareBase64Key) {
  FormParams p = {{"b", "2"}, {"a", "1"}, {"sign", "x"}, {"sign_type", "RSA2"}, {"c", ""}};
  EXPECT_EQ(AlipaySignContent(p, AlipaySignScope::kRequest), "a=1&b=2&sign_type=RSA2");
  EXPECT_EQ(AlipaySignContent(p, AlipaySignScope::kNotify), "a=1&b=2&c=");
  EXPECT_EQ(RawJsonMember(R"({"r" : {"a":"}{","b":[1,{}]},"sign":"s"})", "r"),
            R"({"a":"}{","b":[1,{}]})");
  // Alipay's console shows its public key as bare base64 without PEM armour.
  std::string pem = RsaKey::Generate2048().PublicPem();
  std::string bare;
  for (std::string_view line : {std::string_view(pem)}) {
    size_t start = line.find('\n') + 1, end = line.find("-----END");
    bare = std::string(line.substr(start, end - start));
  }
  EXPECT_TRUE(RsaKey::FromPublicPem(bare).has_value());
  EXPECT_FALSE(RsaKey::FromPublicPem("not a key").has_value());
}

TEST(PayAlipayCodec, FormDecoding) {
  auto p = ParseForm("a=1+2&b=%E7%89%A9%E4%B8%9A&&c=");
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[0].second, "1 2");
  EXPECT_EQ((*p)[1].second, "物业");
  EXPECT_EQ((*p)[2].second, "");
  EXPECT_FALSE(ParseForm("a=%4").has_value());
  EXPECT_EQ(UrlEncode("a b/物"), "a%20b%2F%E7%89%A9");
}

TEST(PayAlipayAmount, YuanParsesExactlyToFen) {
  struct Case {
    const char* text;
    std::optional<int64_t> fen;
  };
  const Case cases[] = {
      {"0.01", 1},
      {"12.3", 1230},
      {"12.34", 1234},
      {"100", 10000},
      {"0", 0},
      {"0.10", 10},
      {"007.05", 705},
      {"999999999999999", 99999999999999900},
      {"-1", std::nullopt},
      {"1.234", std::nullopt},
      {"1e3", std::nullopt},
      {"", std::nullopt},
      {" 1", std::nullopt},
      {"1 ", std::nullopt},
      {"1.", std::nullopt},
      {".5", std::nullopt},
      {"+1", std::nullopt},
      {"1,00", std::nullopt},
      {"abc", std::nullopt},
      {"1.2.3", std::nullopt},
      {"1000000000000000", std::nullopt},  // 16 digits of 元: refused rather than risk overflow
  };
  for (const Case& c : cases) EXPECT_EQ(ParseYuanToFen(c.text), c.fen) << '"' << c.text << '"';
  EXPECT_EQ(FormatFenAsYuan(1234), "12.34");
  EXPECT_EQ(FormatFenAsYuan(5), "0.05");
  EXPECT_EQ(FormatFenAsYuan(10000), "100.00");
}

TEST(PayAlipayTime, ChinaTimes) {
  EXPECT_EQ(FormatChinaDateTime(kNow), "2026-11-23 16:15:00");
  EXPECT_EQ(ParseChinaDateTime("2026-11-23 16:15:00"), kNow);
  EXPECT_EQ(ParseRfc3339("2026-11-23T16:15:00+08:00"), kNow);
  EXPECT_EQ(ParseRfc3339("2026-11-23T08:15:00Z"), kNow);
  EXPECT_EQ(FormatRfc3339China(kNow), "2026-11-23T16:15:00+08:00");
  EXPECT_FALSE(ParseRfc3339("2026-11-23 16:15:00").has_value());
}

}  // namespace
}  // namespace anju::pay
