#include "modules/pay/wechat_pay.h"

#include <string_view>

#include "modules/pay/pay_codec.h"
#include "modules/pay/pay_errors.h"

namespace anju::pay {
namespace {

namespace json = boost::json;

constexpr std::string_view kSchema = "WECHATPAY2-SHA256-RSA2048";

// The string member `key` of `v`, or nullptr when v is not an object or it is not a string.
const json::string* StringAt(const json::value& v, std::string_view key) {
  const json::object* o = v.if_object();
  if (!o) return nullptr;
  const json::value* m = o->if_contains(key);
  return m ? m->if_string() : nullptr;
}

std::string Str(const json::string* s) { return s ? std::string(*s) : std::string(); }

std::optional<json::value> ParseJson(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

// A decimal number of seconds without sign or leading garbage.
std::optional<int64_t> ParseSeconds(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::string WechatRequestMessage(std::string_view method, std::string_view path_and_query,
                                 std::string_view timestamp, std::string_view nonce,
                                 std::string_view body) {
  std::string m;
  m.reserve(method.size() + path_and_query.size() + body.size() + 64);
  m.append(method).append("\n").append(path_and_query).append("\n").append(timestamp);
  m.append("\n").append(nonce).append("\n").append(body).append("\n");
  return m;
}

std::string WechatReplyMessage(std::string_view timestamp, std::string_view nonce,
                               std::string_view body) {
  std::string m;
  m.reserve(timestamp.size() + nonce.size() + body.size() + 3);
  m.append(timestamp).append("\n").append(nonce).append("\n").append(body).append("\n");
  return m;
}

std::optional<WechatAuthorization> ParseWechatAuthorization(std::string_view header) {
  if (header.substr(0, kSchema.size()) != kSchema || header.size() <= kSchema.size() ||
      header[kSchema.size()] != ' ') {
    return std::nullopt;
  }
  WechatAuthorization a;
  std::string_view rest = header.substr(kSchema.size() + 1);
  while (!rest.empty()) {
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos || eq + 1 >= rest.size() || rest[eq + 1] != '"') {
      return std::nullopt;
    }
    std::string_view key = rest.substr(0, eq);
    size_t close = rest.find('"', eq + 2);
    if (close == std::string_view::npos) return std::nullopt;
    std::string value(rest.substr(eq + 2, close - eq - 2));
    if (key == "mchid")
      a.mchid = value;
    else if (key == "nonce_str")
      a.nonce_str = value;
    else if (key == "signature")
      a.signature = value;
    else if (key == "timestamp")
      a.timestamp = value;
    else if (key == "serial_no")
      a.serial_no = value;
    rest = rest.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ',') return std::nullopt;
      rest = rest.substr(1);
    }
  }
  if (a.mchid.empty() || a.nonce_str.empty() || a.signature.empty() || a.timestamp.empty() ||
      a.serial_no.empty()) {
    return std::nullopt;
  }
  return a;
}

Result<std::unique_ptr<WechatPay>> WechatPay::Create(WechatPayConfig config,
                                                     HttpTransport& transport, const Clock& clock) {
  if (config.mch_id.empty() || config.app_id.empty() || config.merchant_serial_no.empty() ||
      config.api_v3_key.size() != 32 || config.platform_keys_pem.empty()) {
    return Error(kPayBadConfig,
                 "wechat: mch_id, app_id, serial, 32-byte APIv3 key and a "
                 "platform key are required");
  }
  auto merchant = RsaKey::FromPrivatePem(config.merchant_private_key_pem);
  if (!merchant) return Error(kPayBadConfig, "wechat: merchant private key does not load");
  std::map<std::string, RsaKey> platform;
  for (const auto& [serial, pem] : config.platform_keys_pem) {
    auto key = RsaKey::FromPublicPem(pem);
    if (!key) return Error(kPayBadConfig, "wechat: platform key " + serial + " does not load");
    platform.emplace(serial, std::move(*key));
  }
  return std::unique_ptr<WechatPay>(new WechatPay(std::move(config), std::move(*merchant),
                                                  std::move(platform), transport, clock));
}

WechatPay::WechatPay(WechatPayConfig config, RsaKey merchant_key,
                     std::map<std::string, RsaKey> platform_keys, HttpTransport& transport,
                     const Clock& clock)
    : config_(std::move(config)),
      merchant_key_(std::move(merchant_key)),
      platform_keys_(std::move(platform_keys)),
      transport_(transport),
      clock_(clock) {}

Status WechatPay::VerifySigned(const std::string& body, const Headers& headers, Millis now) const {
  const std::string* ts = FindHeader(headers, "wechatpay-timestamp");
  const std::string* nonce = FindHeader(headers, "wechatpay-nonce");
  const std::string* sig = FindHeader(headers, "wechatpay-signature");
  const std::string* serial = FindHeader(headers, "wechatpay-serial");
  if (!ts || !nonce || !sig || !serial || nonce->empty()) {
    return Error(kPayMalformed, "wechat: Wechatpay-* signature headers missing");
  }
  if (const std::string* type = FindHeader(headers, "wechatpay-signature-type");
      type && *type != kSchema) {
    return Error(kPayBadSignature, "wechat: unsupported signature type " + *type);
  }
  auto key = platform_keys_.find(*serial);
  if (key == platform_keys_.end()) return kPayUnknownSerial;
  auto seconds = ParseSeconds(*ts);
  if (!seconds) return Error(kPayMalformed, "wechat: Wechatpay-Timestamp is not a number");
  Millis skew = *seconds * kSecond - now;
  if (skew > kWechatMaxSkew || skew < -kWechatMaxSkew) return kPayStaleTimestamp;
  auto raw_sig = Base64Decode(*sig);
  if (!raw_sig || !key->second.Verify(WechatReplyMessage(*ts, *nonce, body), *raw_sig)) {
    return kPayBadSignature;
  }
  return Status::Ok();
}

Result<TransportReply> WechatPay::Call(const std::string& method, const std::string& path_and_query,
                                       const std::string& body) {
  std::string ts = std::to_string(clock_.Now() / kSecond);
  std::string nonce = RandomAlnum(32);
  auto sig = merchant_key_.Sign(WechatRequestMessage(method, path_and_query, ts, nonce, body));
  if (!sig) return Error(kPayBadConfig, "wechat: signing the request failed");
  std::string auth = std::string(kSchema) + " mchid=\"" + config_.mch_id + "\",nonce_str=\"" +
                     nonce + "\",signature=\"" + Base64Encode(*sig) + "\",timestamp=\"" + ts +
                     "\",serial_no=\"" + config_.merchant_serial_no + "\"";
  Headers headers = {
      {"authorization", auth}, {"accept", "application/json"}, {"user-agent", "anju-pay/1"}};
  if (!body.empty()) headers.emplace_back("content-type", "application/json");
  auto reply = transport_.Send(method, config_.base_url + path_and_query, headers, body);
  if (!reply.ok()) return reply.take_error();
  ANJU_TRY(VerifySigned(reply->body, reply->headers, clock_.Now()));
  return reply;
}

Result<boost::json::value> WechatPay::CreateOrder(const PayOrder& order) {
  if (!IsValidOrderNo(order.order_no) || order.amount_fen <= 0) {
    return Error(kPayMalformed, "wechat: invalid order number or amount");
  }
  json::object req{{"appid", config_.app_id},
                   {"mchid", config_.mch_id},
                   {"description", order.description.empty() ? order.order_no : order.description},
                   {"out_trade_no", order.order_no},
                   {"notify_url", config_.notify_url},
                   {"amount", json::object{{"total", order.amount_fen}, {"currency", "CNY"}}}};
  auto reply = Call("POST", "/v3/pay/transactions/native", json::serialize(req));
  if (!reply.ok()) return reply.take_error();
  if (reply->status != 200) {
    return Error(kPayProviderError, "wechat: create order answered " +
                                        std::to_string(reply->status) + " " + reply->body);
  }
  auto body = ParseJson(reply->body);
  const json::string* code_url = body ? StringAt(*body, "code_url") : nullptr;
  if (!code_url || code_url->empty()) return Error(kPayMalformed, "wechat: no code_url");
  return json::value(json::object{{"channel", "wechat"}, {"code_url", *code_url}});
}

Result<Confirmed> WechatPay::ReadTransaction(const json::value& txn, Millis now) const {
  if (!txn.is_object()) return Error(kPayMalformed, "wechat: transaction is not an object");
  if (Str(StringAt(txn, "mchid")) != config_.mch_id ||
      Str(StringAt(txn, "appid")) != config_.app_id) {
    return kPayMerchantMismatch;
  }
  if (Str(StringAt(txn, "trade_state")) != "SUCCESS") return kPayNotPaid;
  Confirmed c;
  c.channel = "wechat";
  c.order_no = Str(StringAt(txn, "out_trade_no"));
  c.provider_txn_id = Str(StringAt(txn, "transaction_id"));
  if (c.order_no.empty() || c.provider_txn_id.empty()) {
    return Error(kPayMalformed, "wechat: out_trade_no or transaction_id missing");
  }
  const json::object* amount = nullptr;
  if (const json::value* a = txn.as_object().if_contains("amount")) amount = a->if_object();
  const json::value* total = amount ? amount->if_contains("total") : nullptr;
  if (!total || !total->is_int64() || total->as_int64() <= 0) return kPayBadAmount;
  if (const json::value* cur = amount->if_contains("currency");
      cur && !(cur->is_string() && cur->as_string() == "CNY")) {
    return Error(kPayBadAmount, "wechat: currency is not CNY");
  }
  c.amount_fen = total->as_int64();
  auto paid = ParseRfc3339(Str(StringAt(txn, "success_time")));
  c.paid_at = paid ? *paid : now;
  return c;
}

Result<Confirmed> WechatPay::VerifyNotify(const std::string& raw_body, const Headers& headers,
                                          Millis now) {
  ANJU_TRY(VerifySigned(raw_body, headers, now));
  auto body = ParseJson(raw_body);
  if (!body || !body->is_object()) return Error(kPayMalformed, "wechat: notify is not JSON");
  const json::value* resource = body->as_object().if_contains("resource");
  if (!resource || !resource->is_object() ||
      Str(StringAt(*resource, "algorithm")) != "AEAD_AES_256_GCM") {
    return Error(kPayMalformed, "wechat: notify has no AEAD_AES_256_GCM resource");
  }
  const json::string* ciphertext = StringAt(*resource, "ciphertext");
  const json::string* nonce = StringAt(*resource, "nonce");
  if (!ciphertext || !nonce) return Error(kPayMalformed, "wechat: resource incomplete");
  auto sealed = Base64Decode(*ciphertext);
  if (!sealed) return Error(kPayDecryptFailed, "wechat: ciphertext is not base64");
  auto plain = AesGcmDecrypt(config_.api_v3_key, *nonce,
                             Str(StringAt(*resource, "associated_data")), *sealed);
  if (!plain) return kPayDecryptFailed;
  auto txn = ParseJson(*plain);
  if (!txn) return Error(kPayMalformed, "wechat: resource is not JSON");
  return ReadTransaction(*txn, now);
}

NotifyReply WechatPay::SuccessReply() const { return {204, "", ""}; }

NotifyReply WechatPay::FailureReply(const Error& why) const {
  json::object body{{"code", "FAIL"}, {"message", why.code}};
  return {500, "application/json", json::serialize(body)};
}

Result<std::optional<Confirmed>> WechatPay::QueryOrder(const std::string& order_no) {
  if (!IsValidOrderNo(order_no)) return Error(kPayMalformed, "wechat: invalid order number");
  auto reply = Call(
      "GET",
      "/v3/pay/transactions/out-trade-no/" + order_no + "?mchid=" + UrlEncode(config_.mch_id), "");
  if (!reply.ok()) return reply.take_error();
  auto body = ParseJson(reply->body);
  if (reply->status == 404 && body && Str(StringAt(*body, "code")) == "ORDER_NOT_EXIST") {
    return std::optional<Confirmed>();
  }
  if (reply->status != 200 || !body) {
    return Error(kPayProviderError, "wechat: query answered " + std::to_string(reply->status));
  }
  auto confirmed = ReadTransaction(*body, clock_.Now());
  if (!confirmed.ok()) {
    if (confirmed.error().code == kPayNotPaid.code) return std::optional<Confirmed>();
    return confirmed.take_error();
  }
  if (confirmed->order_no != order_no) return kPayOrderMismatch;
  return std::optional<Confirmed>(std::move(*confirmed));
}

}  // namespace anju::pay
