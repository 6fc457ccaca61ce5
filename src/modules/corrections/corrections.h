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
// POST /api/v1/refunds takes an Idempotency-Key (idempotency.h), like payments: RequestRefund
// stores its caller's answer with the refund (IdempotentAnswer), and holds the key once an
// online refund is claimed.
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/idempotency.h"
#include "modules/billing/ports.h"
#include "modules/billing/report_queries.h"
#include "modules/pay/provider.h"

namespace anju::corrections {

// 分 of a house's prepaid balance reserved by refunds still 'processing' (leaving out
// refund `except`). Whatever spends prepaid balances must leave this much aside: billing
// asks through its CorrectionHolds port (billing/ports.h), which CorrectionService
// implements.
int64_t ReservedRefunds(db::Tx& tx, int64_t house_id, int64_t except = 0);

// For the daily figures (modules/reports): per project of the scope, what applied
// adjustments took off arrears before `end` — credit notes' owed part (amount −
// to_prepayment), write-offs and late-fee waivers in full.
std::map<int64_t, int64_t> CorrectedBefore(db::Tx& tx, const billing::ReportScope& scope,
                                           Millis end);

struct CorrectionFilter {
  std::optional<int64_t> project_id, house_id;
  std::string status;  // one of the record's statuses, or "" for all
};

// One page of a list, newest first, and how many rows the whole filter matches.
template <class T>
struct CorrectionPage {
  std::vector<T> items;
  int64_t total = 0;
};

// An adjustment asked for (correction_json.h ReadAdjustment reads it from the body).
struct AdjustmentCommand {
  int64_t bill_id = 0;
  std::string kind;    // credit_note | write_off | late_fee_waiver
  int64_t amount = 0;  // 分, 1 .. kMaxPaymentFen
  std::string reason;  // 2..200 characters
};

// An adjustment as the requester and the approver see it, with its bill's number and
// period and its users' names.
struct Adjustment {
  int64_t id = 0, project_id = 0, house_id = 0;
  std::string house_code;
  int64_t bill_id = 0;
  std::string bill_number, period;
  std::string kind;
  int64_t amount = 0;
  std::string reason;
  std::string status;  // pending | applied | rejected
  int64_t to_prepayment = 0;
  int64_t requested_by = 0;
  std::string requested_by_name;
  Millis requested_at = 0;
  std::optional<int64_t> decided_by;
  std::optional<std::string> decided_by_name;
  std::optional<Millis> decided_at;
  std::string decision_note;
};

// A refund asked for: `amount` 分 of the house's prepaid balance, back through the channel of
// `payment_id` when given (else the cashier pays out in cash).
struct RefundCommand {
  int64_t house_id = 0;
  int64_t amount = 0;  // 1 .. kMaxPaymentFen
  std::string reason;  // 2..200 characters
  std::optional<int64_t> payment_id;
};

// A refund as the cashier and the approver see it.
struct Refund {
  int64_t id = 0, project_id = 0, house_id = 0;
  std::string house_code;
  std::optional<int64_t> payment_id;
  std::optional<std::string> payment_number;
  std::string number, channel;
  int64_t amount = 0;
  std::string reason;
  std::string status;  // pending | processing | refunded | rejected | failed
  std::optional<std::string> provider_refund_id;
  std::string failure;  // the provider's reason when failed
  int64_t requested_by = 0;
  std::string requested_by_name;
  Millis requested_at = 0;
  std::optional<int64_t> decided_by;
  std::optional<std::string> decided_by_name;
  std::optional<Millis> decided_at;
  std::string decision_note;
  std::optional<Millis> refunded_at;
};

// Also billing's CorrectionHolds (billing/ports.h), wired in src/app/app.cc.
class CorrectionService : public billing::CorrectionHolds {
 public:
  // `provider` returns the adapter of an online channel ("wechat", "alipay").
  using ProviderFor = std::function<pay::PaymentProvider*(std::string_view channel)>;
  CorrectionService(db::Database& db, const Clock& clock, ProviderFor provider);

  // billing::CorrectionHolds: refunds still processing; adjustments naming a bill.
  int64_t ReservedRefunds(db::Tx& tx, int64_t house_id) override;
  bool BillHasAdjustments(db::Tx& tx, int64_t bill_id) override;

  // Whether the caller may request adjustments (billing:adjust:create somewhere): checked
  // before the body is read. RequestAdjustment checks it again.
  static Status MayRequestAdjustments(const TenantContext& ctx);
  // Needs billing:adjust:create in the bill's project. The adjustment, applied at once when
  // the caller may approve it (approvals.h), else pending. Errors: FORBIDDEN,
  // BILL_NOT_FOUND (bill_id), ADJUSTMENT_EXCEEDS_OPEN (amount).
  Result<Adjustment> RequestAdjustment(const TenantContext& ctx, const AdjustmentCommand& cmd);
  // Approves (applies) or rejects a pending adjustment with the decider's `note`
  // (ReadDecision). Errors: as TakePending (approvals.h), ADJUSTMENT_EXCEEDS_OPEN.
  Result<Adjustment> DecideAdjustment(const TenantContext& ctx, int64_t id, bool approve,
                                      const std::string& note);
  // Needs billing:bill:read; BAD_QUERY_PARAMETER for an unknown status.
  Result<CorrectionPage<Adjustment>> ListAdjustments(const TenantContext& ctx,
                                                     const CorrectionFilter& f,
                                                     const Page& page);

  // Whether the caller may request refunds (billing:refund:create somewhere): checked before
  // the Idempotency-Key is taken. RequestRefund checks it again.
  Status MayRequestRefunds(const TenantContext& ctx) const;
  // Needs billing:refund:create in the house's project. The refund, applied at once when the
  // caller may approve it (approvals.h), else pending. An online refund applied at once is
  // claimed ('processing', answer.Hold()) and sent to the provider. Errors: HOUSE_NOT_FOUND,
  // PAYMENT_NOT_FOUND, REFUND_EXCEEDS_BALANCE, REFUND_EXCEEDS_PAYMENT,
  // REFUND_REFUSED_BY_PROVIDER, REFUND_PROVIDER_UNAVAILABLE (stays processing).
  Result<Refund> RequestRefund(const TenantContext& ctx, const RefundCommand& cmd,
                               const billing::IdempotentAnswer<Refund>& answer = {});
  // Approves or rejects a pending refund with the decider's `note` (ReadDecision); an
  // online refund left processing may be approved again to re-send it. Errors: as
  // TakePending (approvals.h), the limits of RequestRefund, REFUND_REFUSED_BY_PROVIDER,
  // REFUND_PROVIDER_UNAVAILABLE.
  Result<Refund> DecideRefund(const TenantContext& ctx, int64_t id, bool approve,
                              const std::string& note);
  // Needs billing:payment:read; BAD_QUERY_PARAMETER for an unknown status.
  Result<CorrectionPage<Refund>> ListRefunds(const TenantContext& ctx, const CorrectionFilter& f,
                                             const Page& page);

 private:
  // Applies a pending or just-requested adjustment inside `tx` (limits re-checked).
  Status ApplyAdjustment(db::Tx& tx, int64_t id, Millis now);
  // Carries a refund claimed as 'processing' to the end (provider for online channels).
  Result<Refund> CompleteRefund(const TenantContext& ctx, int64_t id);

  db::Database& db_;
  const Clock& clock_;
  ProviderFor provider_;
};

}  // namespace anju::corrections
