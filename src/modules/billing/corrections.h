// Corrections (更正): adjustments (调账) of posted bills and refunds (退款) of prepaid
// balances, each approved by a second person above the company's threshold (approvals.h).
//
// Design
// A posted bill is never edited. A correction is a record of its own with a reason, a
// requester and a decider, and applying it — in ONE transaction with its status change and
// its audit row — posts a balanced ledger entry and adds to a counter beside the bill:
//
//   credit_note (冲减)       reduces what the bill's principal is worth, up to
//                            amount − credited. The part the house still owes lowers its
//                            receivable; the part it had paid already (paid + credited would
//                            exceed the amount) becomes its prepaid balance, to be used or
//                            refunded:  Dr credit:fee:<item>  Cr receivable:house (owed part)
//                                                            Cr prepayment:house (paid part)
//                            bills.credited += amount; adjustments.to_prepayment = paid part.
//   write_off (坏账核销)     writes off what the house still owes on the bill's principal as
//                            bad debt, up to the open principal:
//                            Dr expense:bad_debt  Cr receivable:house; bills.credited += amount.
//   late_fee_waiver (减免)   reduces the bill's open late fee, up to late_fee − late_paid −
//                            late_waived:  Dr waiver:late_fee  Cr late:house;
//                            bills.late_waived += amount.
//   refund (退款)            pays out of the house's prepaid balance, at most that balance
//                            (less refunds still processing) and, when it names a payment,
//                            what that payment can still refund:
//                            Dr prepayment:house  Cr clearing:<channel>.
//
// Limits are checked when the request is made (to refuse a hopeless one early) and again
// when it is applied, with the bill or the house's account read FOR UPDATE, because
// payments, other corrections and late fees move them in between. An approval whose
// request no longer fits answers 409 and leaves the request pending (to be rejected).
//
// Refunds of online payments (channel wechat / alipay) go back through the provider
// (pay/provider.h Refund, out_refund_no = the refund's number). The provider is never
// called inside a database transaction: the refund is first claimed — status
// 'processing', which also reserves its amount of the balance — and committed; then the
// provider is asked; then a second transaction records the answer: accepted → 'refunded'
// with the ledger entry; refused → 'failed' with the provider's reason, nothing posted (the
// caller gets 422 REFUND_REFUSED_BY_PROVIDER). When the provider cannot be reached, the
// refund stays 'processing' (503): approving it again re-sends the SAME out_refund_no,
// which the providers deduplicate, so money never leaves twice. Cash, POS, transfer and
// cheque refunds are recorded at once (the cashier pays out).
//
// POST /api/v1/refunds takes an Idempotency-Key (idempotency.h), like payments.
// Thread-safe: no mutable state of its own.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "http/message.h"
#include "http/reply.h"
#include "modules/billing/idempotency.h"
#include "modules/pay/provider.h"

namespace anju::billing {

// 分 of a house's prepaid balance reserved by refunds still 'processing' (leaving out
// refund `except`). Whatever spends prepaid balances must leave this much aside.
int64_t ReservedRefunds(db::Tx& tx, int64_t house_id, int64_t except = 0);

struct CorrectionFilter {
  std::optional<int64_t> project_id, house_id;
  std::string status;  // one of the record's statuses, or "" for all
};

class CorrectionService {
 public:
  // `provider` returns the adapter of an online channel ("wechat", "alipay").
  using ProviderFor = std::function<pay::PaymentProvider*(std::string_view channel)>;
  CorrectionService(db::Database& db, const Clock& clock, ProviderFor provider);

  // {bill_id, kind: credit_note | write_off | late_fee_waiver, amount, reason}: needs
  // billing:adjust:create in the bill's project. 201 with the adjustment ('applied' or
  // 'pending').
  Result<boost::json::value> RequestAdjustment(const TenantContext& ctx,
                                               const boost::json::object& body);
  Result<boost::json::value> DecideAdjustment(const TenantContext& ctx, int64_t id, bool approve,
                                              const boost::json::object& body);
  Result<boost::json::value> ListAdjustments(const TenantContext& ctx, const CorrectionFilter& f,
                                             const http::Page& page);

  // {house_id, amount, reason, payment_id?} with an Idempotency-Key: needs
  // billing:refund:create in the house's project.
  http::Response RequestRefund(const TenantContext& ctx, const http::Request& req);
  Result<boost::json::value> DecideRefund(const TenantContext& ctx, int64_t id, bool approve,
                                          const boost::json::object& body);
  Result<boost::json::value> ListRefunds(const TenantContext& ctx, const CorrectionFilter& f,
                                         const http::Page& page);

 private:
  // Applies a pending or just-requested adjustment inside `tx` (limits re-checked).
  Status ApplyAdjustment(db::Tx& tx, int64_t id, Millis now);
  // Carries a refund claimed as 'processing' to the end (provider for online channels).
  Result<boost::json::value> CompleteRefund(const TenantContext& ctx, int64_t id);

  db::Database& db_;
  const Clock& clock_;
  ProviderFor provider_;
  Idempotency idem_;
};

}  // namespace anju::billing
