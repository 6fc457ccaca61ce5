// WeChat Pay API v3 (微信支付 APIv3), direct-merchant mode, Native payment (a code_url the
// payer scans or opens). See provider.h for the contract every adapter keeps.
//
// Protocol, as this adapter speaks it
//   - Requests: JSON bodies, header `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",
//     nonce_str="…",signature="…",timestamp="…",serial_no="…"`, where signature is base64
//     SHA256withRSA by the merchant private key over "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\n
//     BODY\n" (BODY empty for GET).
//   - Replies and notifies are signed by the platform key named in `Wechatpay-Serial`, over
//     "TIMESTAMP\nNONCE\nBODY\n" of the raw body, with `Wechatpay-Timestamp`, `-Nonce` and
//     `-Signature`. An unknown serial or a timestamp more than 5 minutes from now is refused.
//   - A notify's `resource` is AEAD_AES_256_GCM under the 32-byte APIv3 key with its
//     `nonce` and `associated_data`; `ciphertext` is base64 of ciphertext||16-byte tag. The
//     plaintext is the transaction: mchid, appid, out_trade_no, transaction_id,
//     trade_state, success_time, amount.total (分).
//   - Success reply to a notify: 204 with no body; failure: 500 {"code":"FAIL",…}.
// JSAPI / mini-program payment would add the payer's openid and a paySign; not done yet.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/clock.h"
#include "modules/pay/pay_crypto.h"
#include "modules/pay/provider.h"

namespace anju::pay {

struct WechatPayConfig {
  std::string mch_id;                    // 商户号
  std::string app_id;                    // the app bound to the merchant
  std::string api_v3_key;                // APIv3 密钥, exactly 32 bytes
  std::string merchant_private_key_pem;  // apiclient_key.pem
  std::string merchant_serial_no;        // serial of the merchant API certificate
  // Platform certificates (PEM) or WeChat Pay public keys (PEM), by serial / key id. Several
  // during a key rotation; a message naming any other serial is refused.
  std::map<std::string, std::string> platform_keys_pem;
  std::string base_url = "https://api.mch.weixin.qq.com";
  std::string notify_url;  // our https URL that ends in /api/v1/payments/notify/wechat
};

inline constexpr Millis kWechatMaxSkew = 5 * kMinute;

// The two messages the protocol signs (exposed for the simulator and tests).
std::string WechatRequestMessage(std::string_view method, std::string_view path_and_query,
                                 std::string_view timestamp, std::string_view nonce,
                                 std::string_view body);
std::string WechatReplyMessage(std::string_view timestamp, std::string_view nonce,
                               std::string_view body);

// The fields of an Authorization header; nullopt unless all five are present.
struct WechatAuthorization {
  std::string mchid, nonce_str, signature, timestamp, serial_no;
};
std::optional<WechatAuthorization> ParseWechatAuthorization(std::string_view header);

// Thread-safe if the transport is (see provider.h). The transport and clock must outlive it.
class WechatPay final : public PaymentProvider {
 public:
  // PAY_BAD_CONFIG when a key does not load, the APIv3 key is not 32 bytes or an id is empty.
  static Result<std::unique_ptr<WechatPay>> Create(WechatPayConfig config, HttpTransport& transport,
                                                   const Clock& clock);

  std::string Channel() const override { return "wechat"; }
  Result<boost::json::value> CreateOrder(const PayOrder& order) override;
  Result<Confirmed> VerifyNotify(const std::string& raw_body, const Headers& headers,
                                 Millis now) override;
  NotifyReply SuccessReply() const override;
  NotifyReply FailureReply(const Error& why) const override;
  Result<std::optional<Confirmed>> QueryOrder(const std::string& order_no) override;
  Result<RefundAccepted> Refund(const RefundRequest& refund) override;  // wechat_refund.cc

 private:
  WechatPay(WechatPayConfig config, RsaKey merchant_key,
            std::map<std::string, RsaKey> platform_keys, HttpTransport& transport,
            const Clock& clock);

  // Checks serial, timestamp and signature of a reply or notify.
  Status VerifySigned(const std::string& body, const Headers& headers, Millis now) const;
  // Signs and sends; verifies the reply's signature whatever its status.
  Result<TransportReply> Call(const std::string& method, const std::string& path_and_query,
                              const std::string& body);
  // Checks a transaction object (decrypted notify resource or query answer).
  Result<Confirmed> ReadTransaction(const boost::json::value& txn, Millis now) const;

  WechatPayConfig config_;
  RsaKey merchant_key_;
  std::map<std::string, RsaKey> platform_keys_;
  HttpTransport& transport_;
  const Clock& clock_;
};

}  // namespace anju::pay
