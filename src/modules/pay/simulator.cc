#include "modules/pay/simulator.h"

#include <cstdlib>

#include "modules/pay/pay_codec.h"
#include "modules/pay/pay_crypto.h"
#include "modules/pay/pay_errors.h"
#include "modules/pay/sim_util.h"

namespace anju::pay {
namespace {

namespace json = boost::json;
using sim::ErrorJson;
using sim::JsonStr;
using sim::ParseJson;
using sim::RandomDigits;

// The process's test keys, generated on first use (thread-safe static initialisation).
struct TestKeys {
  RsaKey wechat_merchant = RsaKey::Generate2048();
  RsaKey wechat_platform = RsaKey::Generate2048();
  RsaKey alipay_app = RsaKey::Generate2048();
  RsaKey alipay_platform = RsaKey::Generate2048();
  RsaKey rogue = RsaKey::Generate2048();  // signs forgeries
  std::string api_v3_key = RandomAlnum(32);
};

const TestKeys& Keys() {
  static const TestKeys* keys = new TestKeys();
  return *keys;
}

// Seconds from a decimal string; -1 when it is not one.
int64_t Seconds(std::string_view s) {
  if (s.empty() || s.size() > 12) return -1;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

SimOrder NewOrder(const std::string& order_no, int64_t amount_fen) {
  SimOrder o;
  o.order_no = order_no;
  o.amount_fen = amount_fen;
  return o;
}

}  // namespace

// ---------------------------------------------------------------------------- WeChat Pay

WechatPaySimulator::WechatPaySimulator(const Clock& clock) : clock_(clock) { Keys(); }

WechatPayConfig WechatPaySimulator::AdapterConfig(std::string notify_url) const {
  WechatPayConfig c;
  c.mch_id = kMchId;
  c.app_id = kAppId;
  c.api_v3_key = Keys().api_v3_key;
  c.merchant_private_key_pem = Keys().wechat_merchant.PrivatePem();
  c.merchant_serial_no = kMerchantSerial;
  c.platform_keys_pem[kPlatformSerial] = Keys().wechat_platform.PublicPem();
  c.base_url = kBaseUrl;
  c.notify_url = notify_url.empty() ? "https://anju.example/api/v1/payments/notify/wechat"
                                    : std::move(notify_url);
  return c;
}

TransportReply WechatPaySimulator::Signed(int status, std::string body) const {
  auto forgery = static_cast<AnswerForgery>(forge_next_.exchange(0));
  std::string ts = std::to_string(clock_.Now() / kSecond);
  std::string nonce = RandomAlnum(32);
  const RsaKey& key = forgery == AnswerForgery::kOtherKey || forgery == AnswerForgery::kUnknownSerial
                          ? Keys().rogue
                          : Keys().wechat_platform;
  auto sig = key.Sign(WechatReplyMessage(ts, nonce, body));
  if (forgery == AnswerForgery::kTamperedBody) body.insert(1, " ");
  TransportReply r;
  r.status = status;
  r.headers = {{"content-type", "application/json"},
               {"request-id", RandomAlnum(24)},
               {"wechatpay-nonce", nonce},
               {"wechatpay-serial", forgery == AnswerForgery::kUnknownSerial
                                        ? "UNKNOWN_SERIAL_0000" : kPlatformSerial},
               {"wechatpay-signature", Base64Encode(sig.value_or(""))},
               {"wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048"},
               {"wechatpay-timestamp", ts}};
  r.body = std::move(body);
  return r;
}

Result<TransportReply> WechatPaySimulator::Send(const std::string& method, const std::string& url,
                                                const Headers& headers, const std::string& body) {
  std::string_view base = kBaseUrl;
  if (url.compare(0, base.size(), base) != 0) {
    return Signed(404, ErrorJson("NOT_FOUND", "unknown host"));
  }
  std::string path = url.substr(base.size());
  // The merchant's signature, checked as WeChat does.
  const std::string* auth_header = FindHeader(headers, "authorization");
  auto auth = auth_header ? ParseWechatAuthorization(*auth_header) : std::nullopt;
  auto sig = auth ? Base64Decode(auth->signature) : std::nullopt;
  bool signed_ok =
      auth && sig && auth->mchid == kMchId && auth->serial_no == kMerchantSerial &&
      Seconds(auth->timestamp) >= 0 &&
      std::abs(Seconds(auth->timestamp) * kSecond - clock_.Now()) <= kWechatMaxSkew &&
      Keys().wechat_merchant.Verify(
          WechatRequestMessage(method, path, auth->timestamp, auth->nonce_str, body), *sig);
  if (!signed_ok) return Signed(401, ErrorJson("SIGN_ERROR", "签名错误"));

  if (method == "POST" && path == "/v3/pay/transactions/native") {
    auto req = ParseJson(body);
    const json::value* total = nullptr;
    if (req && req->is_object()) {
      if (const json::value* a = req->as_object().if_contains("amount"); a && a->is_object())
        total = a->as_object().if_contains("total");
    }
    std::string order_no = req ? JsonStr(*req, "out_trade_no") : "";
    if (!req || JsonStr(*req, "appid") != kAppId || JsonStr(*req, "mchid") != kMchId ||
        order_no.empty() || !total || !total->is_int64() || total->as_int64() <= 0) {
      return Signed(400, ErrorJson("PARAM_ERROR", "参数错误"));
    }
    std::lock_guard lock(mu_);
    auto [it, fresh] = orders_.try_emplace(order_no, NewOrder(order_no, total->as_int64()));
    if (it->second.paid) return Signed(400, ErrorJson("ORDERPAID", "该订单已支付"));
    if (!fresh && it->second.amount_fen != total->as_int64()) {
      return Signed(400, ErrorJson("INVALID_REQUEST", "商户订单号重复"));
    }
    return Signed(200, json::serialize(json::object{
                           {"code_url", "weixin://wxpay/bizpayurl?pr=" + RandomAlnum(9)}}));
  }
  constexpr std::string_view kQuery = "/v3/pay/transactions/out-trade-no/";
  if (method == "GET" && path.compare(0, kQuery.size(), kQuery) == 0) {
    size_t q = path.find('?');
    std::string order_no = path.substr(kQuery.size(), q - kQuery.size());
    if (q == std::string::npos || path.substr(q + 1) != std::string("mchid=") + kMchId) {
      return Signed(400, ErrorJson("PARAM_ERROR", "mchid 参数错误"));
    }
    std::lock_guard lock(mu_);
    auto it = orders_.find(order_no);
    if (it == orders_.end()) return Signed(404, ErrorJson("ORDER_NOT_EXIST", "订单不存在"));
    const SimOrder& o = it->second;
    Transaction t{kMchId,       kAppId,   o.order_no, o.txn_id, o.paid ? "SUCCESS" : "NOTPAY",
                  o.amount_fen, o.paid_at};
    return Signed(200, TransactionJson(t));
  }
  if (method == "POST" && path == "/v3/refund/domestic/refunds") return ServeRefund(body);
  return Signed(404, ErrorJson("NOT_FOUND", "no such API"));
}

std::string WechatPaySimulator::TransactionJson(const Transaction& t) const {
  json::object o{{"appid", t.appid},
                 {"mchid", t.mchid},
                 {"out_trade_no", t.order_no},
                 {"trade_type", "NATIVE"},
                 {"trade_state", t.trade_state},
                 {"trade_state_desc", t.trade_state == "SUCCESS" ? "支付成功" : "未支付"},
                 {"bank_type", "OTHERS"},
                 {"attach", ""},
                 {"payer", json::object{{"openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}},
                 {"amount", json::object{{"total", t.amount_fen},
                                         {"payer_total", t.amount_fen},
                                         {"currency", "CNY"},
                                         {"payer_currency", "CNY"}}}};
  if (!t.txn_id.empty()) o["transaction_id"] = t.txn_id;
  if (t.paid_at != 0) o["success_time"] = FormatRfc3339China(t.paid_at);
  return json::serialize(o);
}

SimNotify WechatPaySimulator::BuildNotify(const Transaction& t, Millis now, Forgery* forgery) {
  auto is = [&](Forgery f) { return forgery && *forgery == f; };
  const std::string aad = "transaction";
  const std::string gcm_nonce = RandomAlnum(12);
  std::string sealed =
      AesGcmEncrypt(Keys().api_v3_key, gcm_nonce, aad, TransactionJson(t)).value_or("");
  if (is(Forgery::kTamperedCiphertext)) sealed[sealed.size() / 2] ^= 0x01;
  json::object body{{"id", RandomDigits(8) + "-" + RandomAlnum(8)},
                    {"create_time", FormatRfc3339China(now)},
                    {"resource_type", "encrypt-resource"},
                    {"event_type", "TRANSACTION.SUCCESS"},
                    {"summary", "支付成功"},
                    {"resource", json::object{{"original_type", "transaction"},
                                              {"algorithm", "AEAD_AES_256_GCM"},
                                              {"ciphertext", Base64Encode(sealed)},
                                              {"associated_data", aad},
                                              {"nonce", gcm_nonce}}}};
  SimNotify n;
  n.body = json::serialize(body);
  Millis signed_at = is(Forgery::kStaleTimestamp) ? now - 6 * kMinute : now;
  std::string ts = std::to_string(signed_at / kSecond);
  std::string nonce = RandomAlnum(32);
  bool rogue = is(Forgery::kOtherKey) || is(Forgery::kUnknownSerial);
  const RsaKey& key = rogue ? Keys().rogue : Keys().wechat_platform;
  std::string sig = Base64Encode(key.Sign(WechatReplyMessage(ts, nonce, n.body)).value_or(""));
  if (is(Forgery::kTamperedBody)) n.body.insert(1, " ");  // still JSON, no longer the bytes
  n.headers = {
      {"content-type", "application/json"},
      {"wechatpay-nonce", nonce},
      {"wechatpay-serial", is(Forgery::kUnknownSerial) ? "UNKNOWN_SERIAL_0000" : kPlatformSerial},
      {"wechatpay-signature", sig},
      {"wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048"},
      {"wechatpay-timestamp", ts}};
  return n;
}

SimOrder& WechatPaySimulator::Pay(const std::string& order_no, int64_t amount_fen, Millis now) {
  SimOrder& o = orders_[order_no];
  o.order_no = order_no;
  if (!o.paid) {
    o.paid = true;
    o.amount_fen = amount_fen;
    o.txn_id = "4200" + RandomDigits(24);
    o.paid_at = now / kSecond * kSecond;
  }
  return o;
}

SimNotify WechatPaySimulator::MakeNotify(const std::string& order_no, int64_t amount_fen,
                                         Millis now) {
  Transaction t;
  {
    std::lock_guard lock(mu_);
    const SimOrder& o = Pay(order_no, amount_fen, now);
    t = {kMchId, kAppId, order_no, o.txn_id, "SUCCESS", o.amount_fen, o.paid_at};
  }
  return BuildNotify(t, now, nullptr);
}

SimNotify WechatPaySimulator::MakeForgedNotify(Forgery forgery, const std::string& order_no,
                                               int64_t amount_fen, Millis now) {
  Transaction t{kMchId,
                kAppId,
                order_no,
                "4200" + RandomDigits(24),
                "SUCCESS",
                amount_fen,
                now / kSecond * kSecond};
  if (forgery == Forgery::kWrongMchId) t.mchid = "1900000999";
  if (forgery == Forgery::kWrongAppId) t.appid = "wx0000000000000000";
  if (forgery == Forgery::kNotPaid) t.trade_state = "CLOSED";
  if (forgery == Forgery::kZeroAmount) t.amount_fen = 0;
  return BuildNotify(t, now, &forgery);
}

std::optional<SimOrder> WechatPaySimulator::FindOrder(const std::string& order_no) const {
  std::lock_guard lock(mu_);
  auto it = orders_.find(order_no);
  if (it == orders_.end()) return std::nullopt;
  return it->second;
}

// ---------------------------------------------------------------------------- Alipay

AlipaySimulator::AlipaySimulator(const Clock& clock) : clock_(clock) { Keys(); }

AlipayConfig AlipaySimulator::AdapterConfig(std::string notify_url) const {
  AlipayConfig c;
  c.app_id = kAppId;
  c.app_private_key_pem = Keys().alipay_app.PrivatePem();
  c.alipay_public_key_pem = Keys().alipay_platform.PublicPem();
  c.seller_id = kSellerId;
  c.gateway_url = kGatewayUrl;
  c.notify_url = notify_url.empty() ? "https://anju.example/api/v1/payments/notify/alipay"
                                    : std::move(notify_url);
  return c;
}

TransportReply AlipaySimulator::Answer(const std::string& member,
                                       const std::string& response_json) const {
  auto forgery = static_cast<AnswerForgery>(forge_next_.exchange(0));
  const RsaKey& key = forgery == AnswerForgery::kOtherKey ? Keys().rogue : Keys().alipay_platform;
  auto sig = key.Sign(response_json);
  std::string shown = response_json;
  if (forgery == AnswerForgery::kTamperedBody) shown.insert(1, " ");
  TransportReply r;
  r.status = 200;
  r.headers = {{"content-type", "application/json;charset=utf-8"}};
  r.body = "{\"" + member + "\":" + shown + ",\"sign\":\"" +
           Base64Encode(sig.value_or("")) + "\"}";
  return r;
}

Result<TransportReply> AlipaySimulator::Send(const std::string& method, const std::string& url,
                                             const Headers& headers, const std::string& body) {
  std::string_view gateway = kGatewayUrl;
  auto params = ParseForm(body);
  if (url.compare(0, gateway.size(), gateway) != 0 || method != "POST" || !params) {
    TransportReply r;
    r.status = 404;
    return r;
  }
  auto get = [&](std::string_view k) {
    for (const auto& [key, v] : *params)
      if (key == k) return v;
    return std::string();
  };
  std::string api = get("method");
  std::string member = api + "_response";
  for (char& c : member) c = c == '.' ? '_' : c;
  auto sig = Base64Decode(get("sign"));
  if (get("app_id") != kAppId || get("sign_type") != "RSA2" || !sig ||
      !Keys().alipay_app.Verify(AlipaySignContent(*params, AlipaySignScope::kRequest), *sig)) {
    return Answer(member, json::serialize(json::object{{"code", "40002"},
                                                       {"msg", "Invalid Arguments"},
                                                       {"sub_code", "isv.invalid-signature"},
                                                       {"sub_msg", "验签出错"}}));
  }
  if (api == "alipay.trade.refund") return ServeRefund(member, get("biz_content"));
  if (api != "alipay.trade.query") {
    return Answer(member, json::serialize(json::object{{"code", "40004"},
                                                       {"msg", "Business Failed"},
                                                       {"sub_code", "isv.invalid-method"}}));
  }
  auto biz = ParseJson(get("biz_content"));
  std::string order_no = biz ? JsonStr(*biz, "out_trade_no") : "";
  std::lock_guard lock(mu_);
  auto it = orders_.find(order_no);
  if (it == orders_.end()) {
    return Answer(member, json::serialize(json::object{{"code", "40004"},
                                                       {"msg", "Business Failed"},
                                                       {"sub_code", "ACQ.TRADE_NOT_EXIST"},
                                                       {"sub_msg", "交易不存在"}}));
  }
  const SimOrder& o = it->second;
  json::object r{{"code", "10000"},
                 {"msg", "Success"},
                 {"out_trade_no", o.order_no},
                 {"trade_no", o.txn_id},
                 {"buyer_logon_id", "138****0000"},
                 {"trade_status", o.paid ? "TRADE_SUCCESS" : "WAIT_BUYER_PAY"},
                 {"total_amount", FormatFenAsYuan(o.amount_fen)}};
  if (o.paid) r["send_pay_date"] = FormatChinaDateTime(o.paid_at);
  return Answer(member, json::serialize(r));
}

Status AlipaySimulator::OpenOrder(const std::string& order_string) {
  auto params = ParseForm(order_string);
  if (!params) return Error(kPayMalformed, "order string is not a form");
  std::string sign, app_id, biz_text;
  for (const auto& [k, v] : *params) {
    if (k == "sign") sign = v;
    if (k == "app_id") app_id = v;
    if (k == "biz_content") biz_text = v;
  }
  auto sig = Base64Decode(sign);
  if (app_id != kAppId || !sig ||
      !Keys().alipay_app.Verify(AlipaySignContent(*params, AlipaySignScope::kRequest), *sig)) {
    return kPayBadSignature;
  }
  auto biz = ParseJson(biz_text);
  if (!biz) return Error(kPayMalformed, "biz_content is not JSON");
  std::optional<int64_t> fen = ParseYuanToFen(JsonStr(*biz, "total_amount"));
  std::string order_no = JsonStr(*biz, "out_trade_no");
  if (!fen.has_value() || fen.value() <= 0 || order_no.empty()) {
    return Error(kPayMalformed, "bad biz_content");
  }
  std::lock_guard lock(mu_);
  auto [it, fresh] = orders_.try_emplace(order_no, NewOrder(order_no, *fen));
  if (!fresh && it->second.amount_fen != *fen) return Error(kPayMalformed, "order changed");
  return Status::Ok();
}

FormParams AlipaySimulator::NotifyParams(const std::string& order_no,
                                         const std::string& amount_text, const std::string& txn_id,
                                         Millis now) const {
  std::string at = FormatChinaDateTime(now);
  return {{"notify_time", at},
          {"notify_type", "trade_status_sync"},
          {"notify_id", RandomAlnum(32)},
          {"app_id", kAppId},
          {"charset", "utf-8"},
          {"version", "1.0"},
          {"sign_type", "RSA2"},
          {"trade_no", txn_id},
          {"out_trade_no", order_no},
          {"buyer_id", "2088102122524333"},
          {"buyer_logon_id", "138****0000"},
          {"seller_id", kSellerId},
          {"trade_status", "TRADE_SUCCESS"},
          {"total_amount", amount_text},
          {"receipt_amount", amount_text},
          {"buyer_pay_amount", amount_text},
          {"subject", "物业费 Property fee"},
          {"gmt_create", at},
          {"gmt_payment", at},
          {"fund_bill_list",
           "[{\"amount\":\"" + amount_text + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]"}};
}

void AlipaySimulator::SignNotify(FormParams& params, const RsaKey& key) {
  auto sig = key.Sign(AlipaySignContent(params, AlipaySignScope::kNotify));
  params.emplace_back("sign", Base64Encode(sig.value_or("")));
}

std::string AlipaySimulator::EncodeNotify(const FormParams& params) {
  std::string body = EncodeForm(params);
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body.compare(i, 3, "%20") == 0) {
      out.push_back('+');
      i += 2;
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

std::string AlipaySimulator::MakeNotify(const std::string& order_no, int64_t amount_fen,
                                        Millis now) {
  FormParams params;
  {
    std::lock_guard lock(mu_);
    SimOrder& o = orders_[order_no];
    o.order_no = order_no;
    if (!o.paid) {
      o.paid = true;
      o.amount_fen = amount_fen;
      o.txn_id = "2026" + RandomDigits(24);
      o.paid_at = now / kSecond * kSecond;
    }
    params = NotifyParams(order_no, FormatFenAsYuan(o.amount_fen), o.txn_id, o.paid_at);
  }
  SignNotify(params, Keys().alipay_platform);
  return EncodeNotify(params);
}

std::string AlipaySimulator::MakeForgedNotify(Forgery forgery, const std::string& order_no,
                                              int64_t amount_fen, Millis now) {
  FormParams params =
      NotifyParams(order_no, FormatFenAsYuan(amount_fen), "2026" + RandomDigits(24), now);
  auto set = [&](std::string_view key, std::string value) {
    for (auto& [k, v] : params)
      if (k == key) v = std::move(value);
  };
  if (forgery == Forgery::kWrongAppId) set("app_id", "2021000000009999");
  if (forgery == Forgery::kWrongSeller) set("seller_id", "2088000000009999");
  if (forgery == Forgery::kTradeClosed) set("trade_status", "TRADE_CLOSED");
  SignNotify(params, forgery == Forgery::kOtherKey ? Keys().rogue : Keys().alipay_platform);
  if (forgery == Forgery::kTamperedParam) set("total_amount", FormatFenAsYuan(amount_fen + 100));
  return EncodeNotify(params);
}

std::string AlipaySimulator::MakeNotifyWithAmountText(const std::string& order_no,
                                                      const std::string& amount_text, Millis now) {
  FormParams params = NotifyParams(order_no, amount_text, "2026" + RandomDigits(24), now);
  SignNotify(params, Keys().alipay_platform);
  return EncodeNotify(params);
}

std::optional<SimOrder> AlipaySimulator::FindOrder(const std::string& order_no) const {
  std::lock_guard lock(mu_);
  auto it = orders_.find(order_no);
  if (it == orders_.end()) return std::nullopt;
  return it->second;
}

}  // namespace anju::pay
