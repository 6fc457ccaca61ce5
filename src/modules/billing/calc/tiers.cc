#include "modules/billing/calc/tiers.h"

#include <boost/json.hpp>

#include "modules/billing/calc/calc_errors.h"

namespace anju::billing::calc {

namespace json = boost::json;

Result<std::vector<Tier>> ParseTiers(std::string_view text, int64_t unit_price) {
  if (text.empty()) return std::vector<Tier>{{std::nullopt, unit_price}};
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_array() || v.as_array().empty())
    return Error(kCalcBadTiers, "Tiers must be a non-empty JSON array");
  std::vector<Tier> tiers;
  for (const json::value& t : v.as_array()) {
    if (!t.is_array() || t.as_array().size() != 2)
      return Error(kCalcBadTiers, "Each tier is [up_to_centi | null, price]");
    const json::value& up = t.as_array()[0];
    const json::value& price = t.as_array()[1];
    if (!(up.is_null() || up.is_int64()) || !price.is_int64())
      return Error(kCalcBadTiers, "Tier limits and prices are integers");
    Tier tier;
    if (up.is_int64()) tier.up_to_centi = up.as_int64();
    tier.price = price.as_int64();
    tiers.push_back(tier);
  }
  return tiers;  // limits, order and prices are checked by MeteredFee
}

Result<int64_t> MeteredAmount(const std::string& tiers_json, int64_t unit_price,
                              int64_t consumption_centi, RoundRule rule) {
  auto tiers = ParseTiers(tiers_json, unit_price);
  if (!tiers.ok()) return tiers.take_error();
  return MeteredFee(consumption_centi, *tiers, rule);
}

RoundRule RoundRuleOf(std::string_view rounding, std::string_view round_to) {
  RoundRule rule;
  rule.rounding = rounding == "up"     ? Rounding::kUp
                  : rounding == "down" ? Rounding::kDown
                                       : Rounding::kHalfUp;
  rule.to = round_to == "jiao" ? RoundTo::kJiao : RoundTo::kFen;
  return rule;
}

}  // namespace anju::billing::calc
