// WeChat Pay APIv3 refunds (申请退款): POST /v3/refund/domestic/refunds.
//
// The request is JSON {out_trade_no, out_refund_no, reason, amount: {refund, total,
// currency}} signed like every APIv3 request (Authorization: WECHATPAY2-SHA256-RSA2048 …,
// wechat_pay.h); the answer — success or error — is signed by the platform key and
// verified (WechatPay::Call) before a byte of it is believed. 200 with status SUCCESS or
// PROCESSING is accepted (WeChat pays out; PROCESSING finishes within minutes); CLOSED or
// ABNORMAL, and a signed 4xx answer (INVALID_REQUEST for more than the order can still
// refund, RESOURCE_NOT_EXISTS, NOT_ENOUGH, PARAM_ERROR …), are refusals. 429 and 5xx leave
// the outcome unknown: the caller sends the same out_refund_no again later.
#include "modules/pay/pay_codec.h"
#include "modules/pay/pay_errors.h"
#include "modules/pay/wechat_pay.h"

namespace anju::pay {
namespace {

namespace json = boost::json;

// The first `max` code points of UTF-8 text (WeChat limits reason to 80 characters).
std::string Clip(const std::string& s, size_t max) {
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max) break;
  return s.substr(0, i);
}

}  // namespace

Result<RefundAccepted> WechatPay::Refund(const RefundRequest& r) {
  if (!IsValidOrderNo(r.order_no) || !IsValidOrderNo(r.refund_no) || r.amount_fen <= 0 ||
      r.total_fen < r.amount_fen) {
    return Error(kPayMalformed, "wechat: invalid refund");
  }
  json::object req{{"out_trade_no", r.order_no},
                   {"out_refund_no", r.refund_no},
                   {"amount", json::object{{"refund", r.amount_fen},
                                           {"total", r.total_fen},
                                           {"currency", "CNY"}}}};
  if (!r.reason.empty()) req["reason"] = Clip(r.reason, 80);
  auto reply = Call("POST", "/v3/refund/domestic/refunds", json::serialize(req));
  if (!reply.ok()) return reply.take_error();  // unreachable or not signed by WeChat
  boost::system::error_code ec;
  json::value body = json::parse(reply->body, ec);
  if (ec || !body.is_object()) {
    return Error(kPayProviderError, "wechat: refund answered " + std::to_string(reply->status));
  }
  const json::object& o = body.as_object();
  if (reply->status == 429 || reply->status >= 500) {
    return Error(kPayProviderError, "wechat: refund answered " + std::to_string(reply->status) +
                                        " " + JsonStr(o, "code"));
  }
  if (reply->status != 200) {
    return Error(kPayRefundRefused, "wechat " + JsonStr(o, "code") + ": " + JsonStr(o, "message"));
  }
  std::string status = JsonStr(o, "status");
  if (JsonStr(o, "out_refund_no") != r.refund_no || JsonStr(o, "out_trade_no") != r.order_no) {
    return Error(kPayOrderMismatch, "wechat: the refund answer is for another refund");
  }
  const json::value* amount = o.if_contains("amount");
  const json::value* refund = amount && amount->is_object()
                                  ? amount->as_object().if_contains("refund") : nullptr;
  if (!refund || !refund->is_int64() || refund->as_int64() != r.amount_fen) {
    return Error(kPayBadAmount, "wechat: the refund answer has another amount");
  }
  if (status == "CLOSED" || status == "ABNORMAL") {
    return Error(kPayRefundRefused, "wechat refund " + status);
  }
  if (status != "SUCCESS" && status != "PROCESSING") {
    return Error(kPayMalformed, "wechat: unknown refund status " + status);
  }
  std::string id = JsonStr(o, "refund_id");
  if (id.empty()) return Error(kPayMalformed, "wechat: refund_id missing");
  return RefundAccepted{r.refund_no, id, r.amount_fen, status};
}

}  // namespace anju::pay
