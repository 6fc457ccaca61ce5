// Online payment providers (线上支付渠道): the interface the billing module uses to take
// money through WeChat Pay and Alipay, whatever protocol each one speaks.
//
// Design
//
// An online payment has three moments, and each is a method here:
//
//   1. CreateOrder: billing has decided what the payer owes and given it an order number
//      (out_trade_no, unique per channel and merchant). The adapter registers the order with
//      the provider, or signs it for the payer's app, and returns what the payer's app needs.
//      No money has moved.
//   2. VerifyNotify: the provider tells us, by an HTTP POST to our notify URL, that the payer
//      paid. This is the only input from outside that moves money, so the adapter trusts
//      nothing in it until the provider's signature verifies over the body EXACTLY as it
//      arrived (never a re-serialisation), then checks that it is for our merchant and app,
//      that it reports success, and that the amount is a well-formed integer number of 分.
//      Any failure is an Error; the caller answers FailureReply() and the provider retries.
//   3. QueryOrder: a notify that never comes (our server was down, the network lost it) is
//      resolved by asking the provider. The answer is signed too and verified the same way.
//
// Invariants the adapters keep
//   - Money is int64 分 everywhere. WeChat sends 分 integers; Alipay sends 元 as a decimal
//     string, which is parsed exactly ("12.34" → 1234) and rejected when it is not of the
//     form digits[.d[d]]. No floating point is used.
//   - A Confirmed is only ever built from a message whose signature verified with a key the
//     configuration names (WeChat: the platform key of the message's serial; Alipay: the
//     Alipay public key). An unknown serial is an error, never a fall-back to another key.
//   - The adapters are stateless between calls: they do not remember orders or notifies.
//     Hence they do NOT deduplicate: a replayed genuine notify verifies again and returns
//     the same Confirmed. Exactly-once posting is the billing module's job (provider
//     transaction ids are unique in its tables; a repeated notify posts nothing new).
//   - The adapters cannot know what an order was for. VerifyNotify returns what the provider
//     confirms; billing loads its own record of the order by Confirmed::order_no and calls
//     MatchOrder() below before posting anything.
//
// Transport: the adapters never open sockets. They call an injected HttpTransport, which is
// the in-process simulator (simulator.h) in tests and in `anju demo`. A real deployment needs
// an HTTPS client implementing HttpTransport (TLS with certificate verification, timeouts);
// none is provided yet.
//
// Thread safety: an adapter is safe for concurrent use if its HttpTransport is; it holds
// only immutable configuration and parsed keys.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace anju::pay {

// Header lists: names in lower case, values as received.
using Headers = std::vector<std::pair<std::string, std::string>>;

// The value of the first header named `name_lowercase`, or nullptr.
const std::string* FindHeader(const Headers& headers, std::string_view name_lowercase);

// What billing asks the provider to collect.
struct PayOrder {
  std::string order_no;     // out_trade_no: 6..32 chars of [0-9A-Za-z_-], unique per channel
  int64_t amount_fen = 0;   // > 0
  std::string description;  // shown to the payer (WeChat description / Alipay subject)
};

// What a verified notify or query confirms: the payer paid amount_fen for order_no.
struct Confirmed {
  std::string order_no;
  std::string provider_txn_id;  // WeChat transaction_id / Alipay trade_no; unique per channel
  int64_t amount_fen = 0;
  std::string channel;  // "wechat" | "alipay"
  Millis paid_at = 0;   // the provider's payment time; the verifying `now` when it gives none
  bool operator==(const Confirmed&) const = default;
};

// The HTTP answer a notify handler sends back to the provider.
struct NotifyReply {
  int status = 200;
  std::string content_type;  // empty when body is empty
  std::string body;
};

// One HTTP exchange with the provider. Header names in replies are lower case.
struct TransportReply {
  int status = 0;
  Headers headers;
  std::string body;
};

// How the adapters reach the provider. Implementations: the simulators (simulator.h); a real
// HTTPS client later. Send returns an Error only when no HTTP answer was received (DNS, TLS,
// timeout); any HTTP status, 4xx and 5xx included, is a TransportReply.
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual Result<TransportReply> Send(const std::string& method, const std::string& url,
                                      const Headers& headers, const std::string& body) = 0;
};

// A refund billing asks the provider to make, of an order it confirmed before.
struct RefundRequest {
  std::string order_no;   // out_trade_no of the paid order
  std::string refund_no;  // out_refund_no: unique; the provider deduplicates on it, so
                          // sending the same refund again never pays out twice
  int64_t amount_fen = 0; // > 0: this refund
  int64_t total_fen = 0;  // the order's paid amount
  std::string reason;     // shown to the payer
};

// A refund the provider accepted (verified answer). WeChat may answer PROCESSING: the
// provider has taken it and will pay out; billing records it as refunded then.
struct RefundAccepted {
  std::string refund_no;
  std::string provider_refund_id;  // WeChat refund_id; Alipay trade_no of the refunded trade
  int64_t amount_fen = 0;          // this refund
  std::string status;              // "SUCCESS" | "PROCESSING"
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;

  // "wechat" or "alipay"; equals Confirmed::channel of everything this adapter returns.
  virtual std::string Channel() const = 0;

  // Registers the order with the provider (or signs it for the payer's app) and returns a
  // JSON object for the payer's app: WeChat {"code_url"}; Alipay {"order_string",
  // "pay_url"}. Errors: PAY_MALFORMED for a bad order, PAY_PROVIDER_ERROR or
  // PAY_BAD_SIGNATURE when the provider refuses or its answer does not verify.
  virtual Result<boost::json::value> CreateOrder(const PayOrder& order) = 0;

  // Verifies a notify exactly as received: `raw_body` byte for byte, headers with lower-case
  // names. On success returns what it confirms; any failure is an Error (PAY_*), and the
  // caller must answer FailureReply() and post nothing. Not deduplicated (see above).
  virtual Result<Confirmed> VerifyNotify(const std::string& raw_body, const Headers& headers,
                                         Millis now) = 0;

  // The answers the provider expects after VerifyNotify succeeded (and the payment was
  // posted, or had been posted before), or failed (the provider will retry).
  virtual NotifyReply SuccessReply() const = 0;
  virtual NotifyReply FailureReply(const Error& why) const = 0;

  // Asks the provider about an order. Confirmed when it is paid; nullopt when the provider
  // does not know it or it is not (or no longer) payable; an Error when the provider cannot
  // be reached or its answer does not verify.
  virtual Result<std::optional<Confirmed>> QueryOrder(const std::string& order_no) = 0;

  // Refunds (part of) a paid order back to the payer (WeChat POST
  // /v3/refund/domestic/refunds; Alipay alipay.trade.refund), the request signed with the
  // merchant / app key and the answer's signature verified before it is read. Errors:
  // PAY_REFUND_REFUSED when the provider answered, verifiably, that it will not refund (the
  // message names its code: above the refundable amount, unknown order, …) — nothing left
  // the merchant; PAY_MALFORMED for a bad request; anything else (PAY_BAD_SIGNATURE,
  // PAY_UNKNOWN_SERIAL, PAY_PROVIDER_ERROR, a transport error) means the outcome is UNKNOWN:
  // send the same refund_no again later.
  virtual Result<RefundAccepted> Refund(const RefundRequest& refund) = 0;
};

// Billing's check of a Confirmed against its own record of the order, before posting:
// PAY_ORDER_MISMATCH for another order number, PAY_BAD_AMOUNT for another amount.
Status MatchOrder(const Confirmed& confirmed, const PayOrder& expected);

// Whether `order_no` is acceptable as out_trade_no for both providers.
bool IsValidOrderNo(std::string_view order_no);

}  // namespace anju::pay
