#include "modules/billing/billing_json.h"

#include "core/clock.h"

namespace anju::billing {

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

json::object PaymentJson(const PaymentTaken& p) {
  json::array allocations;
  for (const Allocation& a : p.allocations)
    allocations.push_back(
        json::object{{"bill_id", a.bill_id}, {"kind", a.kind}, {"amount", a.amount}});
  json::value receipt = nullptr;
  if (p.receipt) receipt = json::object{{"id", p.receipt->id}, {"number", p.receipt->number}};
  return json::object{{"receipt", std::move(receipt)},
                      {"id", p.id},
                      {"number", p.number},
                      {"house_id", p.house_id},
                      {"project_id", p.project_id},
                      {"channel", p.channel},
                      {"amount", p.amount},
                      {"settled", p.settled},
                      {"to_prepayment", p.to_prepayment},
                      {"allocations", std::move(allocations)},
                      {"late_fee_settled", p.late_fee_settled},
                      {"owed_after", p.owed_after},
                      {"prepaid_after", p.prepaid_after},
                      {"created_at", FormatUtc(p.created_at)}};
}

json::object PlanJson(const PrepaymentPlan& plan) {
  json::array bills;
  for (const PrepaymentPlan::Bill& b : plan.bills)
    bills.push_back(
        json::object{{"period", b.period}, {"amount", b.amount}, {"discount", b.discount}});
  json::object o{{"house_id", plan.house_id},
                 {"fee_item_id", plan.fee_item_id},
                 {"months", int64_t(plan.bills.size())},
                 {"amount", plan.amount},
                 {"discount", plan.discount},
                 {"bills", std::move(bills)}};
  o["offer"] = plan.offer ? json::value(json::object{{"rule_id", plan.offer->rule_id},
                                                     {"name", plan.offer->name},
                                                     {"months_free", plan.offer->months_free}})
                          : json::value(nullptr);
  return o;
}

json::object PrepaymentJson(const PrepaymentTaken& p) {
  json::object o = PlanJson(p.plan);
  o["payment"] = PaymentJson(p.payment);
  return o;
}

json::object OnlineOrderJson(const OnlineOrder& o) {
  json::object out{{"id", o.id},
                   {"project_id", o.project_id},
                   {"house_id", o.house_id},
                   {"order_no", o.order_no},
                   {"channel", o.channel},
                   {"amount", o.amount},
                   {"status", o.status},
                   {"created_at", FormatUtc(o.created_at)}};
  out["payment_id"] = Opt(o.payment_id);
  out["paid_at"] = OptTime(o.paid_at);
  return out;
}

json::object OnlineOrderJson(const OnlineOrderOpened& o) {
  json::object out = OnlineOrderJson(o.order);
  out["pay_params"] = o.pay_params;
  return out;
}

}  // namespace anju::billing
