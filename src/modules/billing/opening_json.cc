#include "modules/billing/opening_json.h"

#include "core/json_body.h"
#include "modules/billing/bill_lines.h"
#include "modules/billing/billing_service.h"

namespace anju::billing {

namespace json = boost::json;

namespace {

template <class T>
json::value Nullable(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

Result<OpeningArrearsCommand> ReadOpeningArrears(const json::object& body, Millis now) {
  BodyReader r(body);
  r.ReadOnly({"id", "kind", "project_id", "bill_id", "bill_number", "status", "created_at",
              "reversed_at"});
  auto house_id = r.Int("house_id", true, 1, INT64_MAX);
  auto code = r.Str("fee_item_code", true, 32);
  auto period_text = r.Str("period", true, 7);
  auto amount = r.Int("amount", true, 1, kMaxPaymentFen);
  auto note = r.Str("note", false, 200);
  std::optional<bill_lines::Period> period;
  if (period_text && !(period = bill_lines::ParsePeriod(*period_text)))
    r.Fail("period", "invalid", "Must be a month YYYY-MM");
  else if (period && period->name > CivilDate(now).substr(0, 7))
    r.Fail("period", "in_future", "Arrears are of this month or earlier");
  ANJU_TRY(r.Finish());
  return OpeningArrearsCommand{*house_id, *code, period->name, *amount, note.value_or("")};
}

Result<OpeningPrepaymentCommand> ReadOpeningPrepayment(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "kind", "project_id", "bill_id", "bill_number", "fee_item_code", "period",
              "status", "created_at", "reversed_at"});
  auto house_id = r.Int("house_id", true, 1, INT64_MAX);
  auto amount = r.Int("amount", true, 1, kMaxPaymentFen);
  auto note = r.Str("note", false, 200);
  ANJU_TRY(r.Finish());
  return OpeningPrepaymentCommand{*house_id, *amount, note.value_or("")};
}

json::object OpeningJson(const Opening& o) {
  return {{"id", o.id},
          {"kind", o.kind},
          {"house_id", o.house_id},
          {"project_id", o.project_id},
          {"bill_id", Nullable(o.bill_id)},
          {"bill_number", Nullable(o.bill_number)},
          {"fee_item_code", Nullable(o.fee_item_code)},
          {"period", Nullable(o.period)},
          {"amount", o.amount},
          {"note", o.note},
          {"status", o.status},
          {"created_at", FormatUtc(o.created_at)},
          {"reversed_at", o.reversed_at ? json::value(FormatUtc(*o.reversed_at))
                                        : json::value(nullptr)}};
}

}  // namespace anju::billing
