// Alipay open platform (支付宝开放平台), RSA2 keys mode, mobile-web / app payment. See
// provider.h for the contract every adapter keeps.
//
// Protocol, as this adapter speaks it
//   - Every request is a set of parameters (app_id, method, format=JSON, charset=utf-8,
//     sign_type=RSA2, timestamp "yyyy-MM-dd HH:mm:ss" China time, version=1.0, notify_url,
//     biz_content as JSON) signed with the app private key: SHA256withRSA over the
//     parameters sorted by key (byte order) and joined as "k=v&k=v", leaving out `sign` and
//     parameters with empty values; base64 of the signature is the `sign` parameter.
//   - CreateOrder makes no HTTP call: for wap/app payment the signed parameters ARE the order,
//     which the payer's browser or app submits to the gateway. It returns
//     {"order_string": "k=v&…&sign=…" (url-encoded), "pay_url": gateway?order_string}.
//   - A notify is an application/x-www-form-urlencoded POST. Its `sign` is checked with the
//     Alipay public key over all its parameters but `sign` and `sign_type`, sorted and joined
//     the same way (values as decoded, empty values included, as Alipay's SDKs do).
//     total_amount is 元 as a decimal string, parsed exactly (pay_codec.h). The reply body
//     must be exactly "success"; anything else makes Alipay retry.
//   - QueryOrder calls alipay.trade.query; the answer's `sign` covers the raw JSON text of
//     `alipay_trade_query_response`, which is verified before it is parsed.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "modules/pay/pay_codec.h"
#include "modules/pay/pay_crypto.h"
#include "modules/pay/provider.h"

namespace anju::pay {

struct AlipayConfig {
  std::string app_id;
  std::string app_private_key_pem;    // the app's RSA-2048 private key (应用私钥)
  std::string alipay_public_key_pem;  // 支付宝公钥, PEM or the bare base64 the console shows
  std::string seller_id;              // optional: when set, a notify's seller_id must match
  std::string gateway_url = "https://openapi.alipay.com/gateway.do";
  std::string notify_url;  // our https URL that ends in /api/v1/payments/notify/alipay
  std::string method = "alipay.trade.wap.pay";  // or "alipay.trade.app.pay"
};

// Which parameters a signature covers: a request leaves out `sign` and empty values; a
// notify leaves out `sign` and `sign_type`.
enum class AlipaySignScope { kRequest, kNotify };
// The parameters sorted by key and joined "k=v&…", values not encoded.
std::string AlipaySignContent(const FormParams& params, AlipaySignScope scope);
// The raw JSON text of the value of `key` at the top level of `json`, exactly as written,
// or nullopt (for checking a gateway answer's signature before parsing it).
std::optional<std::string> RawJsonMember(std::string_view json, std::string_view key);

// Thread-safe if the transport is (see provider.h). The transport and clock must outlive it.
class Alipay final : public PaymentProvider {
 public:
  // PAY_BAD_CONFIG when a key does not load or app_id is empty.
  static Result<std::unique_ptr<Alipay>> Create(AlipayConfig config, HttpTransport& transport,
                                                const Clock& clock);

  std::string Channel() const override { return "alipay"; }
  Result<boost::json::value> CreateOrder(const PayOrder& order) override;
  Result<Confirmed> VerifyNotify(const std::string& raw_body, const Headers& headers,
                                 Millis now) override;
  NotifyReply SuccessReply() const override;
  NotifyReply FailureReply(const Error& why) const override;
  Result<std::optional<Confirmed>> QueryOrder(const std::string& order_no) override;
  Result<RefundAccepted> Refund(const RefundRequest& refund) override;  // alipay_refund.cc

 private:
  Alipay(AlipayConfig config, RsaKey app_key, RsaKey alipay_key, HttpTransport& transport,
         const Clock& clock);
  // The common parameters plus `method` and `biz_content`, signed (sign appended).
  Result<FormParams> SignedRequest(const std::string& method, const std::string& biz_content);
  // Calls the gateway with a signed request and returns `<method with _>_response` of its
  // answer once the answer's signature over that member's raw text is verified.
  Result<boost::json::object> Call(const std::string& method, const std::string& biz_content);

  AlipayConfig config_;
  RsaKey app_key_;
  RsaKey alipay_key_;
  HttpTransport& transport_;
  const Clock& clock_;
};

}  // namespace anju::pay
