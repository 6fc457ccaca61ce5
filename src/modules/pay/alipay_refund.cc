// Alipay refunds (统一收单交易退款): alipay.trade.refund.
//
// The request is the usual signed parameter set (alipay.h) with biz_content
// {out_trade_no, refund_amount (元), out_request_no, refund_reason}; out_request_no is the
// refund's number, on which Alipay deduplicates (a repeat answers fund_change "N" and moves
// nothing). The answer's `sign` covers the raw JSON text of `alipay_trade_refund_response`
// and is verified before it is parsed. code 10000 is success; 40004 (business failed:
// ACQ.REFUND_AMT_NOT_EQUAL_TOTAL above what is refundable, ACQ.TRADE_NOT_EXIST,
// ACQ.TRADE_STATUS_ERROR …) and the other 4xxxx codes are refusals; 20000 (service
// unavailable) and anything unverified leave the outcome unknown.
#include "modules/pay/alipay.h"
#include "modules/pay/pay_codec.h"
#include "modules/pay/pay_errors.h"

namespace anju::pay {
namespace {

namespace json = boost::json;

}  // namespace

Result<RefundAccepted> Alipay::Refund(const RefundRequest& r) {
  if (!IsValidOrderNo(r.order_no) || !IsValidOrderNo(r.refund_no) || r.amount_fen <= 0 ||
      r.total_fen < r.amount_fen) {
    return Error(kPayMalformed, "alipay: invalid refund");
  }
  json::object biz{{"out_trade_no", r.order_no},
                   {"refund_amount", FormatFenAsYuan(r.amount_fen)},
                   {"out_request_no", r.refund_no}};
  if (!r.reason.empty()) biz["refund_reason"] = r.reason;
  auto answer = Call("alipay.trade.refund", json::serialize(biz));
  if (!answer.ok()) return answer.take_error();
  const json::object& o = *answer;
  std::string code = JsonStr(o, "code");
  if (code.size() == 5 && code[0] == '4') {
    return Error(kPayRefundRefused,
                 "alipay " + code + " " + JsonStr(o, "sub_code") + ": " + JsonStr(o, "sub_msg"));
  }
  if (code != "10000") return Error(kPayProviderError, "alipay: refund answered code " + code);
  if (JsonStr(o, "out_trade_no") != r.order_no) return kPayOrderMismatch;
  // refund_fee is the trade's refunded total so far; it covers at least this refund.
  auto total = ParseYuanToFen(JsonStr(o, "refund_fee"));
  if (!total || *total < r.amount_fen) return Error(kPayBadAmount, "alipay: refund_fee too small");
  std::string trade_no = JsonStr(o, "trade_no");
  if (trade_no.empty()) return Error(kPayMalformed, "alipay: trade_no missing");
  return RefundAccepted{r.refund_no, trade_no, r.amount_fen, "SUCCESS"};
}

}  // namespace anju::pay
