#include "modules/corrections/correction_json.h"

#include "core/clock.h"

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

}  // namespace anju::corrections
