// The simulators' refund APIs: WeChat Pay POST /v3/refund/domestic/refunds and Alipay
// alipay.trade.refund. The request signature was checked already (Send, simulator.cc);
// here the simulator refuses what the provider would — an unknown or unpaid order, another
// total, more than the order can still refund — and answers a repeated out_refund_no with
// the refund it made before, as the providers do, so money never leaves twice.
#include "modules/pay/pay_codec.h"
#include "modules/pay/sim_util.h"
#include "modules/pay/simulator.h"

namespace anju::pay {
namespace {

namespace json = boost::json;
using sim::ErrorJson;
using sim::JsonStr;
using sim::ParseJson;
using sim::RandomDigits;

std::optional<int64_t> IntAt(const json::value& v, std::string_view object, std::string_view key) {
  const json::object* o = v.if_object();
  const json::value* inner = o ? o->if_contains(object) : nullptr;
  const json::value* m = inner && inner->is_object() ? inner->as_object().if_contains(key) : nullptr;
  if (!m || !m->is_int64()) return std::nullopt;
  return m->as_int64();
}

}  // namespace

TransportReply WechatPaySimulator::ServeRefund(const std::string& body) {
  auto req = ParseJson(body);
  std::string order_no = req ? JsonStr(*req, "out_trade_no") : "";
  std::string refund_no = req ? JsonStr(*req, "out_refund_no") : "";
  auto refund = req ? IntAt(*req, "amount", "refund") : std::nullopt;
  auto total = req ? IntAt(*req, "amount", "total") : std::nullopt;
  if (order_no.empty() || refund_no.empty() || !refund || !total || *refund <= 0)
    return Signed(400, ErrorJson("PARAM_ERROR", "参数错误"));
  std::lock_guard lock(mu_);
  auto order = orders_.find(order_no);
  if (order == orders_.end() || !order->second.paid)
    return Signed(404, ErrorJson("RESOURCE_NOT_EXISTS", "订单不存在"));
  SimOrder& o = order->second;
  auto answer = [&](const SimRefund& r) {
    json::object a{{"refund_id", r.refund_id},
                   {"out_refund_no", refund_no},
                   {"transaction_id", o.txn_id},
                   {"out_trade_no", o.order_no},
                   {"channel", "ORIGINAL"},
                   {"user_received_account", "支付用户零钱"},
                   {"success_time", FormatRfc3339China(clock_.Now())},
                   {"create_time", FormatRfc3339China(clock_.Now())},
                   {"status", "SUCCESS"},
                   {"funds_account", "AVAILABLE"},
                   {"amount", json::object{{"total", o.amount_fen},
                                           {"refund", r.amount_fen},
                                           {"payer_total", o.amount_fen},
                                           {"payer_refund", r.amount_fen},
                                           {"settlement_refund", r.amount_fen},
                                           {"settlement_total", o.amount_fen},
                                           {"discount_refund", 0},
                                           {"currency", "CNY"}}}};
    return Signed(200, json::serialize(a));
  };
  if (auto seen = refunds_.find(refund_no); seen != refunds_.end()) {
    if (seen->second.order_no != order_no || seen->second.amount_fen != *refund)
      return Signed(400, ErrorJson("INVALID_REQUEST", "退款单号重复"));
    return answer(seen->second);
  }
  if (*total != o.amount_fen) return Signed(400, ErrorJson("PARAM_ERROR", "订单金额不一致"));
  if (o.refunded_fen + *refund > o.amount_fen)
    return Signed(400, ErrorJson("INVALID_REQUEST", "申请退款金额超过订单可退金额"));
  o.refunded_fen += *refund;
  SimRefund& r = refunds_[refund_no];
  r = {order_no, "50" + RandomDigits(27), *refund};
  return answer(r);
}

TransportReply AlipaySimulator::ServeRefund(const std::string& member,
                                            const std::string& biz_content) {
  auto fail = [&](std::string_view code, std::string_view sub_code, std::string_view sub_msg) {
    return Answer(member, json::serialize(json::object{{"code", code},
                                                       {"msg", "Business Failed"},
                                                       {"sub_code", sub_code},
                                                       {"sub_msg", sub_msg}}));
  };
  auto biz = ParseJson(biz_content);
  std::string order_no = biz ? JsonStr(*biz, "out_trade_no") : "";
  std::string request_no = biz ? JsonStr(*biz, "out_request_no") : "";
  auto fen = biz ? ParseYuanToFen(JsonStr(*biz, "refund_amount")) : std::nullopt;
  if (order_no.empty() || !fen || *fen <= 0)
    return fail("40002", "isv.invalid-parameter", "参数无效");
  if (request_no.empty()) request_no = order_no;  // Alipay's default: a full refund
  std::lock_guard lock(mu_);
  auto order = orders_.find(order_no);
  if (order == orders_.end() || !order->second.paid)
    return fail("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
  SimOrder& o = order->second;
  bool repeat = false;
  if (auto seen = refunds_.find(request_no); seen != refunds_.end()) {
    if (seen->second.order_no != order_no || seen->second.amount_fen != *fen)
      return fail("40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额与原请求不一致");
    repeat = true;
  } else {
    if (o.refunded_fen + *fen > o.amount_fen)
      return fail("40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
    o.refunded_fen += *fen;
    refunds_[request_no] = {order_no, o.txn_id, *fen};
  }
  json::object r{{"code", "10000"},
                 {"msg", "Success"},
                 {"trade_no", o.txn_id},
                 {"out_trade_no", o.order_no},
                 {"buyer_logon_id", "138****0000"},
                 {"fund_change", repeat ? "N" : "Y"},
                 {"refund_fee", FormatFenAsYuan(o.refunded_fen)},
                 {"gmt_refund_pay", FormatChinaDateTime(clock_.Now())},
                 {"buyer_user_id", "2088102122524333"}};
  return Answer(member, json::serialize(r));
}

}  // namespace anju::pay
