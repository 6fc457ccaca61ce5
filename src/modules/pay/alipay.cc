#include "modules/pay/alipay.h"

#include <algorithm>
#include <set>

#include "modules/pay/pay_errors.h"

namespace anju::pay {
namespace {

namespace json = boost::json;

const std::string* Param(const FormParams& params, std::string_view key) {
  for (const auto& [k, v] : params)
    if (k == key) return &v;
  return nullptr;
}

std::string ParamOr(const FormParams& params, std::string_view key) {
  const std::string* v = Param(params, key);
  return v ? *v : std::string();
}

bool IsPaidStatus(std::string_view s) { return s == "TRADE_SUCCESS" || s == "TRADE_FINISHED"; }

}  // namespace

std::string AlipaySignContent(const FormParams& params, AlipaySignScope scope) {
  std::vector<const std::pair<std::string, std::string>*> kept;
  for (const auto& p : params) {
    if (p.first == "sign") continue;
    if (scope == AlipaySignScope::kNotify && p.first == "sign_type") continue;
    if (scope == AlipaySignScope::kRequest && p.second.empty()) continue;
    kept.push_back(&p);
  }
  std::sort(kept.begin(), kept.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::string out;
  for (const auto* p : kept) {
    if (!out.empty()) out.push_back('&');
    out.append(p->first).append("=").append(p->second);
  }
  return out;
}

std::optional<std::string> RawJsonMember(std::string_view text, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t pos = text.find(quoted);
  if (pos == std::string_view::npos) return std::nullopt;
  pos += quoted.size();
  auto skip_ws = [&] {
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t'))
      ++pos;
  };
  skip_ws();
  if (pos >= text.size() || text[pos] != ':') return std::nullopt;
  ++pos;
  skip_ws();
  if (pos >= text.size() || text[pos] != '{') return std::nullopt;
  size_t start = pos;
  int depth = 0;
  bool in_string = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (in_string) {
      if (c == '\\')
        ++pos;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return std::string(text.substr(start, pos - start + 1));
    }
  }
  return std::nullopt;
}

Result<std::unique_ptr<Alipay>> Alipay::Create(AlipayConfig config, HttpTransport& transport,
                                               const Clock& clock) {
  if (config.app_id.empty()) return Error(kPayBadConfig, "alipay: app_id is required");
  auto app_key = RsaKey::FromPrivatePem(config.app_private_key_pem);
  if (!app_key) return Error(kPayBadConfig, "alipay: app private key does not load");
  auto alipay_key = RsaKey::FromPublicPem(config.alipay_public_key_pem);
  if (!alipay_key) return Error(kPayBadConfig, "alipay: Alipay public key does not load");
  return std::unique_ptr<Alipay>(
      new Alipay(std::move(config), std::move(*app_key), std::move(*alipay_key), transport, clock));
}

Alipay::Alipay(AlipayConfig config, RsaKey app_key, RsaKey alipay_key, HttpTransport& transport,
               const Clock& clock)
    : config_(std::move(config)),
      app_key_(std::move(app_key)),
      alipay_key_(std::move(alipay_key)),
      transport_(transport),
      clock_(clock) {}

Result<FormParams> Alipay::SignedRequest(const std::string& method,
                                         const std::string& biz_content) {
  FormParams params = {
      {"app_id", config_.app_id},  {"method", method},
      {"format", "JSON"},          {"charset", "utf-8"},
      {"sign_type", "RSA2"},       {"timestamp", FormatChinaDateTime(clock_.Now())},
      {"version", "1.0"},          {"notify_url", config_.notify_url},
      {"biz_content", biz_content}};
  std::erase_if(params, [](const auto& p) { return p.second.empty(); });
  std::sort(params.begin(), params.end());
  auto sig = app_key_.Sign(AlipaySignContent(params, AlipaySignScope::kRequest));
  if (!sig) return Error(kPayBadConfig, "alipay: signing the request failed");
  params.emplace_back("sign", Base64Encode(*sig));
  return params;
}

Result<boost::json::value> Alipay::CreateOrder(const PayOrder& order) {
  if (!IsValidOrderNo(order.order_no) || order.amount_fen <= 0) {
    return Error(kPayMalformed, "alipay: invalid order number or amount");
  }
  bool app = config_.method == "alipay.trade.app.pay";
  json::object biz{{"out_trade_no", order.order_no},
                   {"total_amount", FormatFenAsYuan(order.amount_fen)},
                   {"subject", order.description.empty() ? order.order_no : order.description},
                   {"product_code", app ? "QUICK_MSECURITY_PAY" : "QUICK_WAP_WAY"}};
  auto params = SignedRequest(config_.method, json::serialize(biz));
  if (!params.ok()) return params.take_error();
  std::string order_string = EncodeForm(*params);
  return json::value(json::object{{"channel", "alipay"},
                                  {"order_string", order_string},
                                  {"pay_url", config_.gateway_url + "?" + order_string}});
}

Result<Confirmed> Alipay::VerifyNotify(const std::string& raw_body, const Headers& headers,
                                       Millis now) {
  auto params = ParseForm(raw_body);
  if (!params) return Error(kPayMalformed, "alipay: notify is not a form");
  std::set<std::string_view> seen;
  for (const auto& [k, v] : *params) {
    if (!seen.insert(k).second) return Error(kPayMalformed, "alipay: repeated parameter " + k);
  }
  const std::string* sign = Param(*params, "sign");
  if (!sign) return Error(kPayBadSignature, "alipay: notify is not signed");
  if (const std::string* type = Param(*params, "sign_type"); type && *type != "RSA2") {
    return Error(kPayBadSignature, "alipay: sign_type is not RSA2");
  }
  auto raw_sig = Base64Decode(*sign);
  if (!raw_sig ||
      !alipay_key_.Verify(AlipaySignContent(*params, AlipaySignScope::kNotify), *raw_sig)) {
    return kPayBadSignature;
  }
  if (ParamOr(*params, "app_id") != config_.app_id) return kPayMerchantMismatch;
  if (!config_.seller_id.empty() && ParamOr(*params, "seller_id") != config_.seller_id) {
    return kPayMerchantMismatch;
  }
  if (!IsPaidStatus(ParamOr(*params, "trade_status"))) return kPayNotPaid;
  auto fen = ParseYuanToFen(ParamOr(*params, "total_amount"));
  if (!fen || *fen <= 0) return kPayBadAmount;
  Confirmed c;
  c.channel = "alipay";
  c.order_no = ParamOr(*params, "out_trade_no");
  c.provider_txn_id = ParamOr(*params, "trade_no");
  if (c.order_no.empty() || c.provider_txn_id.empty()) {
    return Error(kPayMalformed, "alipay: out_trade_no or trade_no missing");
  }
  c.amount_fen = *fen;
  auto paid = ParseChinaDateTime(ParamOr(*params, "gmt_payment"));
  c.paid_at = paid ? *paid : now;
  return c;
}

NotifyReply Alipay::SuccessReply() const { return {200, "text/plain", "success"}; }

NotifyReply Alipay::FailureReply(const Error& why) const { return {200, "text/plain", "failure"}; }

Result<json::object> Alipay::Call(const std::string& method, const std::string& biz_content) {
  auto params = SignedRequest(method, biz_content);
  if (!params.ok()) return params.take_error();
  auto reply =
      transport_.Send("POST", config_.gateway_url + "?charset=utf-8",
                      {{"content-type", "application/x-www-form-urlencoded"}}, EncodeForm(*params));
  if (!reply.ok()) return reply.take_error();
  if (reply->status != 200) {
    return Error(kPayProviderError, "alipay: gateway answered " + std::to_string(reply->status));
  }
  std::string member = method + "_response";
  std::replace(member.begin(), member.end(), '.', '_');
  auto raw = RawJsonMember(reply->body, member);
  boost::system::error_code ec;
  json::value whole = json::parse(reply->body, ec);
  if (!raw || ec || !whole.is_object()) {
    return Error(kPayMalformed, "alipay: the answer has no " + member);
  }
  std::string sign = JsonStr(whole.as_object(), "sign");
  auto raw_sig = Base64Decode(sign);
  if (sign.empty() || !raw_sig || !alipay_key_.Verify(*raw, *raw_sig)) return kPayBadSignature;
  json::value answer = json::parse(*raw, ec);
  if (ec || !answer.is_object()) return Error(kPayMalformed, "alipay: bad " + member);
  return answer.as_object();
}

Result<std::optional<Confirmed>> Alipay::QueryOrder(const std::string& order_no) {
  if (!IsValidOrderNo(order_no)) return Error(kPayMalformed, "alipay: invalid order number");
  auto answer = Call("alipay.trade.query",
                     json::serialize(json::object{{"out_trade_no", order_no}}));
  if (!answer.ok()) return answer.take_error();
  const json::object& r = *answer;
  std::string code = JsonStr(r, "code");
  if (code == "40004" && JsonStr(r, "sub_code") == "ACQ.TRADE_NOT_EXIST") {
    return std::optional<Confirmed>();
  }
  if (code != "10000") return Error(kPayProviderError, "alipay: query answered code " + code);
  if (!IsPaidStatus(JsonStr(r, "trade_status"))) return std::optional<Confirmed>();
  if (JsonStr(r, "out_trade_no") != order_no) return kPayOrderMismatch;
  auto fen = ParseYuanToFen(JsonStr(r, "total_amount"));
  if (!fen || *fen <= 0) return kPayBadAmount;
  Confirmed c{order_no, JsonStr(r, "trade_no"), *fen, "alipay", 0};
  if (c.provider_txn_id.empty()) return Error(kPayMalformed, "alipay: trade_no missing");
  auto paid = ParseChinaDateTime(JsonStr(r, "send_pay_date"));
  c.paid_at = paid ? *paid : clock_.Now();
  return std::optional<Confirmed>(std::move(c));
}

}  // namespace anju::pay
