#include "modules/corrections/correction_json.h"

#include "core/clock.h"
#include "core/json_body.h"
#include "modules/billing/billing_service.h"

namespace anju::corrections {

namespace json = boost::json;

namespace {

template <class T>
json::value Opt(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value OptTime(const std::optional<Millis>& t) {
  return t ? json::value(FormatUtc(*t)) : json::value(nullptr);
}

}  // namespace

json::object RefundJson(const Refund& r) {
  return {{"id", r.id},
          {"project_id", r.project_id},
          {"house_id", r.house_id},
          {"house_code", r.house_code},
          {"payment_id", Opt(r.payment_id)},
          {"payment_number", Opt(r.payment_number)},
          {"number", r.number},
          {"channel", r.channel},
          {"amount", r.amount},
          {"reason", r.reason},
          {"status", r.status},
          {"provider_refund_id", Opt(r.provider_refund_id)},
          {"failure", r.failure},
          {"requested_by", r.requested_by},
          {"requested_by_name", r.requested_by_name},
          {"requested_at", FormatUtc(r.requested_at)},
          {"decided_by", Opt(r.decided_by)},
          {"decided_by_name", Opt(r.decided_by_name)},
          {"decided_at", OptTime(r.decided_at)},
          {"decision_note", r.decision_note},
          {"refunded_at", OptTime(r.refunded_at)}};
}

json::object AdjustmentJson(const Adjustment& a) {
  return {{"id", a.id},
          {"project_id", a.project_id},
          {"house_id", a.house_id},
          {"house_code", a.house_code},
          {"bill_id", a.bill_id},
          {"bill_number", a.bill_number},
          {"period", a.period},
          {"kind", a.kind},
          {"amount", a.amount},
          {"reason", a.reason},
          {"status", a.status},
          {"to_prepayment", a.to_prepayment},
          {"requested_by", a.requested_by},
          {"requested_by_name", a.requested_by_name},
          {"requested_at", FormatUtc(a.requested_at)},
          {"decided_by", Opt(a.decided_by)},
          {"decided_by_name", Opt(a.decided_by_name)},
          {"decided_at", OptTime(a.decided_at)},
          {"decision_note", a.decision_note}};
}

namespace {

template <class T, class Shape>
json::object ListJson(const CorrectionPage<T>& list, const Page& page, Shape shape) {
  json::array items;
  for (const T& item : list.items) items.push_back(shape(item));
  return {{"items", std::move(items)}, {"total", list.total}, {"page", page.page},
          {"size", page.size}};
}

}  // namespace

json::object AdjustmentListJson(const CorrectionPage<Adjustment>& list, const Page& page) {
  return ListJson(list, page, AdjustmentJson);
}

json::object RefundListJson(const CorrectionPage<Refund>& list, const Page& page) {
  return ListJson(list, page, RefundJson);
}

Result<AdjustmentCommand> ReadAdjustment(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "status", "company_id", "project_id", "house_id", "to_prepayment",
              "requested_by", "decided_by"});
  auto bill_id = r.Int("bill_id", true, 1, INT64_MAX);
  auto kind = r.Enum("kind", true, {"credit_note", "write_off", "late_fee_waiver"});
  auto amount = r.Int("amount", true, 1, billing::kMaxPaymentFen);
  auto reason = r.Str("reason", true, 200, 2);
  ANJU_TRY(r.Finish());
  return AdjustmentCommand{*bill_id, *kind, *amount, *reason};
}

Result<std::string> ReadDecision(const boost::json::object& body, bool approve) {
  BodyReader r(body);
  auto reason = r.Str("reason", !approve, 200, approve ? 0 : 2);
  ANJU_TRY(r.Finish());
  return reason.value_or("");
}

}  // namespace anju::corrections
