// In-process simulators of WeChat Pay APIv3 and the Alipay gateway, for tests and
// `anju demo`. Each one is an HttpTransport the matching adapter talks to, holds its own
// test keys, checks the adapter's request signatures as the provider would, signs its
// answers, and makes notifies: genuine ones (correctly signed, and for WeChat encrypted)
// and forged ones, each forged in exactly one way, to show that the adapter refuses it.
//
// Keys: RSA-2048 pairs generated with OpenSSL the first time any simulator is built, then
// shared by every simulator in the process (generation is slow). They are test keys: never
// configure them for real money. AdapterConfig() returns a config that wires an adapter to
// the simulator (ids, keys, URLs).
//
// Thread-safe: one mutex per simulator guards its orders.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "modules/pay/alipay.h"
#include "modules/pay/provider.h"
#include "modules/pay/wechat_pay.h"

namespace anju::pay {

// A notify as it would arrive at our notify URL: raw body and lower-case headers.
struct SimNotify {
  std::string body;
  Headers headers;
};

// An order the simulator knows of. paid: a genuine notify was made for it.
struct SimOrder {
  std::string order_no;
  int64_t amount_fen = 0;
  bool paid = false;
  std::string txn_id;  // set when paid
  Millis paid_at = 0;
  int64_t refunded_fen = 0;  // refunds accepted so far (never above amount_fen)
};

// A refund the simulator accepted, by out_refund_no.
struct SimRefund {
  std::string order_no, refund_id;
  int64_t amount_fen = 0;
};

// How the simulator spoils its NEXT signed answer (to show that the adapters refuse it).
enum class AnswerForgery {
  kNone,
  kOtherKey,       // signed by a key that is not the provider's → PAY_BAD_SIGNATURE
  kTamperedBody,   // a byte of the answer changed after signing → PAY_BAD_SIGNATURE
  kUnknownSerial,  // WeChat: names a platform serial the merchant does not know
};

class WechatPaySimulator final : public HttpTransport {
 public:
  static constexpr const char* kBaseUrl = "https://api.mch.weixin.qq.com";
  static constexpr const char* kMchId = "1900000109";
  static constexpr const char* kAppId = "wxd678efh567hg6787";
  static constexpr const char* kMerchantSerial = "5157F09EFDC096DE15EBE81A47057A72SIMMCH";
  static constexpr const char* kPlatformSerial = "PUB_KEY_ID_0114232134912410000SIM";

  explicit WechatPaySimulator(const Clock& clock);

  WechatPayConfig AdapterConfig(std::string notify_url = "") const;

  // Serves POST /v3/pay/transactions/native, GET /v3/pay/transactions/out-trade-no/{no} and
  // POST /v3/refund/domestic/refunds (a paid order only, at most what it can still refund:
  // 400 INVALID_REQUEST above that; the same out_refund_no answers the same refund again).
  // A request without a valid merchant signature gets 401 SIGN_ERROR. Answers are signed.
  Result<TransportReply> Send(const std::string& method, const std::string& url,
                              const Headers& headers, const std::string& body) override;

  // Marks the order paid (creating it if the adapter never sent it) and returns the genuine
  // notify WeChat would send at `now`. A second call for the same order re-sends the same
  // payment (same transaction id), as WeChat's retries do.
  SimNotify MakeNotify(const std::string& order_no, int64_t amount_fen, Millis now);

  enum class Forgery {
    kTamperedBody,        // a byte of the body changed after signing → PAY_BAD_SIGNATURE
    kOtherKey,            // signed by a key that is not the platform's → PAY_BAD_SIGNATURE
    kStaleTimestamp,      // signed correctly 6 minutes before `now` → PAY_STALE_TIMESTAMP
    kUnknownSerial,       // names a serial the merchant does not know → PAY_UNKNOWN_SERIAL
    kTamperedCiphertext,  // ciphertext altered, then signed → PAY_DECRYPT_FAILED (GCM tag)
    kWrongMchId,          // a transaction of another merchant → PAY_MERCHANT_MISMATCH
    kWrongAppId,          // a transaction of another app → PAY_MERCHANT_MISMATCH
    kNotPaid,             // trade_state CLOSED → PAY_NOT_PAID
    kZeroAmount,          // amount.total 0 → PAY_BAD_AMOUNT
  };
  // A notify forged in one way; the simulator's orders do not change.
  SimNotify MakeForgedNotify(Forgery forgery, const std::string& order_no, int64_t amount_fen,
                             Millis now);

  std::optional<SimOrder> FindOrder(const std::string& order_no) const;
  void ForgeNextAnswer(AnswerForgery forgery) { forge_next_ = static_cast<int>(forgery); }

 private:
  struct Transaction {
    std::string mchid, appid, order_no, txn_id, trade_state;
    int64_t amount_fen = 0;
    Millis paid_at = 0;
  };
  std::string TransactionJson(const Transaction& t) const;
  SimNotify BuildNotify(const Transaction& t, Millis now, Forgery* forgery);
  TransportReply Signed(int status, std::string body) const;
  SimOrder& Pay(const std::string& order_no, int64_t amount_fen, Millis now);
  TransportReply ServeRefund(const std::string& body);  // simulator_refund.cc

  const Clock& clock_;
  mutable std::mutex mu_;
  std::map<std::string, SimOrder> orders_;    // guarded by mu_
  std::map<std::string, SimRefund> refunds_;  // guarded by mu_
  mutable std::atomic<int> forge_next_{0};    // an AnswerForgery
};

class AlipaySimulator final : public HttpTransport {
 public:
  static constexpr const char* kGatewayUrl = "https://openapi.alipay.com/gateway.do";
  static constexpr const char* kAppId = "2021000000000001";
  static constexpr const char* kSellerId = "2088000000000001";

  explicit AlipaySimulator(const Clock& clock);

  AlipayConfig AdapterConfig(std::string notify_url = "") const;

  // Serves alipay.trade.query and alipay.trade.refund (a paid trade only, at most what it
  // can still refund: 40004 ACQ.REFUND_AMT_NOT_EQUAL_TOTAL above that; the same
  // out_request_no answers again with fund_change "N"), form POSTs to the gateway. A
  // request without a valid app signature answers code 40002 / isv.invalid-signature.
  // Answers are signed.
  Result<TransportReply> Send(const std::string& method, const std::string& url,
                              const Headers& headers, const std::string& body) override;

  // What the payer's app does with CreateOrder's order_string: the simulator checks the app's
  // signature and records the order. PAY_BAD_SIGNATURE / PAY_MALFORMED otherwise.
  Status OpenOrder(const std::string& order_string);

  // Marks the order paid and returns the genuine notify body Alipay would POST at `now`.
  std::string MakeNotify(const std::string& order_no, int64_t amount_fen, Millis now);

  enum class Forgery {
    kTamperedParam,  // total_amount changed after signing → PAY_BAD_SIGNATURE
    kOtherKey,       // signed by a key that is not Alipay's → PAY_BAD_SIGNATURE
    kWrongAppId,     // another app's payment → PAY_MERCHANT_MISMATCH
    kWrongSeller,    // another seller's payment → PAY_MERCHANT_MISMATCH
    kTradeClosed,    // trade_status TRADE_CLOSED → PAY_NOT_PAID
  };
  std::string MakeForgedNotify(Forgery forgery, const std::string& order_no, int64_t amount_fen,
                               Millis now);
  // A correctly signed notify whose total_amount is `amount_text` verbatim ("1.234", "abc").
  std::string MakeNotifyWithAmountText(const std::string& order_no, const std::string& amount_text,
                                       Millis now);

  std::optional<SimOrder> FindOrder(const std::string& order_no) const;
  void ForgeNextAnswer(AnswerForgery forgery) { forge_next_ = static_cast<int>(forgery); }

 private:
  FormParams NotifyParams(const std::string& order_no, const std::string& amount_text,
                          const std::string& txn_id, Millis now) const;
  // Appends `sign` by `key` over the notify scope.
  static void SignNotify(FormParams& params, const RsaKey& key);
  // Form-encodes as Alipay posts it (spaces as '+').
  static std::string EncodeNotify(const FormParams& params);
  TransportReply Answer(const std::string& member, const std::string& response_json) const;
  // alipay.trade.refund with its parsed biz_content; simulator_refund.cc. Holds mu_.
  TransportReply ServeRefund(const std::string& member, const std::string& biz_content);

  const Clock& clock_;
  mutable std::mutex mu_;
  std::map<std::string, SimOrder> orders_;    // guarded by mu_
  std::map<std::string, SimRefund> refunds_;  // guarded by mu_
  mutable std::atomic<int> forge_next_{0};    // an AnswerForgery
};

// Both simulators side by side, as `anju demo` and the tests use them.
struct PaySimulator {
  explicit PaySimulator(const Clock& clock) : wechat(clock), alipay(clock) {}
  SimNotify MakeWechatNotify(const std::string& order_no, int64_t amount_fen, Millis now) {
    return wechat.MakeNotify(order_no, amount_fen, now);
  }
  std::string MakeAlipayNotify(const std::string& order_no, int64_t amount_fen, Millis now) {
    return alipay.MakeNotify(order_no, amount_fen, now);
  }
  WechatPaySimulator wechat;
  AlipaySimulator alipay;
};

}  // namespace anju::pay
