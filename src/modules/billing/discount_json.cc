#include "modules/billing/discount_json.h"

#include "core/clock.h"
#include "core/json_body.h"

namespace anju::billing {

namespace json = boost::json;

namespace {

// period_from / period_to: months, from ≤ to.
void CheckPeriods(BodyReader& r, const std::optional<std::string>& from,
                  const std::optional<std::string>& to) {
  if (from && !IsValidCivilMonth(*from)) r.Fail("period_from", "invalid", "Must be a month YYYY-MM");
  if (to && !IsValidCivilMonth(*to)) r.Fail("period_to", "invalid", "Must be a month YYYY-MM");
  if (from && to && *to < *from) r.Fail("period_to", "before_period_from", "Must not be before period_from");
}

}  // namespace

Result<CreateDiscountRuleCommand> ReadCreateDiscountRule(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "created_at", "updated_at", "company_id"});
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto fee_item_id = r.Int("fee_item_id", true, 1, INT64_MAX);
  auto name = r.Str("name", true, 50, 1);
  std::string kind = r.Enum("kind", false, {"percent", "prepay"}).value_or("percent");
  int64_t rate_bp = r.Int("rate_bp", false, 0, 10000).value_or(0);
  int64_t months_paid = r.Int("months_paid", false, 0, 36).value_or(0);
  int64_t months_free = r.Int("months_free", false, 0, 36).value_or(0);
  auto from = r.Str("period_from", true, 7);
  auto to = r.Str("period_to", false, 7);
  auto active = r.Bool("active", false);
  CheckPeriods(r, from, to);
  ANJU_TRY(r.Finish());
  ANJU_TRY(CheckDiscountTerms(kind, rate_bp, months_paid, months_free));
  return CreateDiscountRuleCommand{*project_id, *fee_item_id, *name,  kind,
                                   rate_bp,     months_paid,  months_free, *from,
                                   to,          active.value_or(true)};
}

Result<UpdateDiscountRuleCommand> ReadUpdateDiscountRule(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "project_id", "fee_item_id", "kind", "created_at", "updated_at",
              "company_id"});
  UpdateDiscountRuleCommand cmd;
  cmd.name = r.Str("name", false, 50, 1);
  cmd.rate_bp = r.Int("rate_bp", false, 0, 10000);
  cmd.months_paid = r.Int("months_paid", false, 0, 36);
  cmd.months_free = r.Int("months_free", false, 0, 36);
  cmd.period_from = r.Str("period_from", false, 7);
  cmd.period_to = r.Str("period_to", false, 7);
  cmd.active = r.Bool("active", false);
  CheckPeriods(r, cmd.period_from, cmd.period_to);
  ANJU_TRY(r.Finish());
  cmd.clear_period_to = !cmd.period_to && r.IsNull("period_to");
  return cmd;
}

json::object DiscountRuleJson(const DiscountRule& d) {
  json::object o{{"id", d.id},
                 {"project_id", d.project_id},
                 {"fee_item_id", d.fee_item_id},
                 {"name", d.name},
                 {"kind", d.kind},
                 {"rate_bp", d.rate_bp},
                 {"months_paid", d.months_paid},
                 {"months_free", d.months_free},
                 {"period_from", d.period_from},
                 {"active", d.active},
                 {"created_at", FormatUtc(d.created_at)},
                 {"updated_at", FormatUtc(d.updated_at)}};
  o["period_to"] = d.period_to ? json::value(*d.period_to) : json::value(nullptr);
  return o;
}

json::object DiscountRuleListJson(const std::vector<DiscountRule>& rules) {
  json::array items;
  for (const DiscountRule& d : rules) items.push_back(DiscountRuleJson(d));
  int64_t total = static_cast<int64_t>(items.size());
  return json::object{{"items", std::move(items)}, {"total", total}};
}

}  // namespace anju::billing
