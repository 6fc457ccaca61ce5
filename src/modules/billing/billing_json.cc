#include "modules/billing/billing_json.h"

#include "core/clock.h"
#include "core/json_body.h"
#include "modules/billing/bill_lines.h"

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
  // The provider's object as it gave it (a serialized JSON object: it parses).
  out["pay_params"] = json::parse(o.pay_params);
  return out;
}

Result<BillRunCommand> ReadBillRun(const json::object& body) {
  BodyReader r(body);
  auto project_id = r.Int("project_id", false, 1, INT64_MAX);
  std::vector<int64_t> project_ids = r.Ids("project_ids");
  auto period = r.Str("period", true, 7);
  auto dry_run = r.Bool("dry_run", true);
  if (period && !bill_lines::ParsePeriod(*period))
    r.Fail("period", "invalid", "Must be a month YYYY-MM");
  if (project_id && !project_ids.empty())
    r.Fail("project_ids", "invalid", "Give project_id or project_ids, not both");
  ANJU_TRY(r.Finish());
  return BillRunCommand{project_id, std::move(project_ids), *period, *dry_run};
}

namespace {

json::object ProjectRunJson(const ProjectRun& run) {
  json::array items;
  for (const ItemRun& i : run.items)
    items.push_back(json::object{{"fee_item_id", i.fee_item_id}, {"code", i.code},
                                 {"name", i.name},               {"bills", i.bills},
                                 {"amount", i.amount},           {"discount", i.discount},
                                 {"existing", i.existing}});
  json::object out{{"project_id", run.project_id}, {"period", run.period},
                   {"dry_run", run.dry_run},       {"houses", run.houses},
                   {"bills", run.bills},           {"amount", run.amount},
                   {"existing", run.existing},     {"discount", run.discount},
                   {"prepaid_applied", run.prepaid_applied},
                   {"items", std::move(items)}};
  out["run_id"] = Opt(run.run_id);
  return out;
}

}  // namespace

json::object BillRunJson(const BillRunResult& r) {
  if (r.one_project && !r.projects.empty()) return ProjectRunJson(r.projects.front());
  json::array runs;
  for (const ProjectRun& run : r.projects) runs.push_back(ProjectRunJson(run));
  return json::object{{"period", r.period}, {"dry_run", r.dry_run},
                      {"houses", r.houses}, {"bills", r.bills},
                      {"amount", r.amount}, {"existing", r.existing},
                      {"projects", std::move(runs)}};
}

json::object BillJson(const Bill& b) {
  return {{"id", b.id},
          {"project_id", b.project_id},
          {"house_id", b.house_id},
          {"fee_item_id", b.fee_item_id},
          {"fee_item_name", b.fee_item_name},
          {"fee_item_code", b.fee_item_code},
          {"period", b.period},
          {"number", b.number},
          {"quantity", b.quantity},
          {"unit_price", b.unit_price},
          {"amount", b.amount},
          {"paid", b.paid},
          {"discount", b.discount},
          {"credited", b.credited},
          {"owed", b.owed},
          {"late_fee", b.late_fee},
          {"late_paid", b.late_paid},
          {"late_waived", b.late_waived},
          {"late_owed", b.late_owed},
          {"status", b.open() ? "open" : "paid"},
          {"due_date", b.due_date},
          {"created_at", FormatUtc(b.created_at)}};
}

json::object BillPageJson(const BillPage& list, const Page& page) {
  json::array items;
  for (const Bill& b : list.items) items.push_back(BillJson(b));
  return {{"items", std::move(items)}, {"total", list.total}, {"page", page.page},
          {"size", page.size}};
}

json::object HouseBalanceJson(const HouseBalance& h) {
  json::array open;
  for (const Bill& b : h.open_bills) open.push_back(BillJson(b));
  return {{"house_id", h.house_id}, {"house_code", h.house_code}, {"owed", h.owed},
          {"late_fees", h.late_fees}, {"prepaid", h.prepaid},   {"open_bills", std::move(open)}};
}

json::object PaymentPageJson(const PaymentPage& list, const Page& page) {
  json::array items;
  for (const PaymentRecord& p : list.items)
    items.push_back(json::object{{"id", p.id},
                                 {"number", p.number},
                                 {"house_id", p.house_id},
                                 {"project_id", p.project_id},
                                 {"channel", p.channel},
                                 {"amount", p.amount},
                                 {"to_prepayment", p.to_prepayment},
                                 {"note", p.note},
                                 {"created_at", FormatUtc(p.created_at)}});
  return {{"items", std::move(items)}, {"total", list.total}, {"page", page.page},
          {"size", page.size}};
}

Result<BillingSettings> ReadBillingSettings(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"company_id", "updated_at", "updated_by"});
  auto threshold = r.Int("approval_threshold", true, 0, kMaxPaymentFen);
  auto order = r.Enum("allocation_order", true, {"late_fees_first", "principal_first"});
  auto auto_apply = r.Bool("auto_apply_prepayment", true);
  ANJU_TRY(r.Finish());
  return BillingSettings{*threshold, *order == "principal_first", *auto_apply};
}

json::object SettingsJson(const BillingSettings& s) {
  return {{"approval_threshold", s.approval_threshold},
          {"allocation_order", s.principal_first ? "principal_first" : "late_fees_first"},
          {"auto_apply_prepayment", s.auto_apply_prepayment}};
}

}  // namespace anju::billing
