#include "modules/billing/fee_item_json.h"

#include <algorithm>
#include <string_view>

#include "core/json_body.h"
#include "modules/billing/calc/tiers.h"

namespace anju::billing {

namespace json = boost::json;

namespace {

const std::vector<std::string_view> kKinds = {"property", "water",         "electricity", "gas",
                                              "parking",  "apportionment", "deposit",     "one_off"};
const std::vector<std::string_view> kMethods = {"area", "fixed", "metered"};
const std::vector<std::string_view> kHouseKinds = {"residential", "shop", "parking", "office",
                                                   "storage"};
constexpr int64_t kMaxUnitPrice = 100'000'000'00;  // 1 亿分 × 100

json::value OptStr(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

// house_kinds: a non-empty list of known kinds.
std::optional<std::vector<std::string>> ReadHouseKinds(BodyReader& r, bool required) {
  const json::array* list = r.Array("house_kinds", required, 5);
  if (!list) return std::nullopt;
  std::vector<std::string> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const json::value& v = (*list)[i];
    bool known = v.is_string() && std::find(kHouseKinds.begin(), kHouseKinds.end(),
                                            std::string_view(v.as_string())) != kHouseKinds.end();
    if (!known) {
      r.Fail("house_kinds[" + std::to_string(i) + "]", "invalid", "Unknown house kind");
      return std::nullopt;
    }
    out.emplace_back(v.as_string());
  }
  if (out.empty()) r.Fail("house_kinds", "required", "Choose at least one house kind");
  return out;
}

// "late_fee": {grace_days, daily_rate_bp | flat_per_day, cap_bp, start_date} — optional.
LateFeeRule ReadLateRule(BodyReader& r) {
  const json::object* obj = r.Object("late_fee", false);
  if (!obj) return {};
  BodyReader lr(*obj);
  auto grace = lr.Int("grace_days", false, 0, 365);
  auto bp = lr.Int("daily_rate_bp", false, 0, 10000);
  auto flat = lr.Int("flat_per_day", false, 0, 100'000'00);
  auto cap = lr.Int("cap_bp", false, 0, 100000);
  auto start = lr.Date("start_date", false);
  if (bp.value_or(0) > 0 && flat.value_or(0) > 0)
    lr.Fail("daily_rate_bp", "rate_and_flat", "Choose a daily rate or a flat amount, not both");
  if (auto s = lr.Finish(); !s.ok())
    for (const FieldError& f : s.error().fields) r.Fail("late_fee." + f.field, f.code, f.message);
  return {grace.value_or(0), bp.value_or(0), flat.value_or(0), cap.value_or(0), start};
}

}  // namespace

Result<CreateFeeItemCommand> ReadCreateFeeItem(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "created_at", "updated_at", "active"});
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto code = r.Str("code", true, 32);
  auto name = r.Str("name", true, 50);
  auto kind = r.Enum("kind", true, kKinds);
  auto method = r.Enum("method", true, kMethods);
  auto basis = r.Enum("area_basis", false, {"gross", "net"});
  auto price = r.Int("unit_price", true, 0, kMaxUnitPrice);
  auto house_kinds = ReadHouseKinds(r, true);
  auto rounding = r.Enum("rounding", false, {"half_up", "up", "down"});
  auto round_to = r.Enum("round_to", false, {"fen", "jiao"});
  auto due_days = r.Int("due_days", false, 0, 365);
  auto valid_from = r.Date("valid_from", true);
  auto valid_to = r.Date("valid_to", false);
  LateFeeRule late = ReadLateRule(r);
  if (valid_from && valid_to && *valid_to < *valid_from)
    r.Fail("valid_to", "before_valid_from", "Must not be before valid_from");
  // 计费周期: 1, 3, 6 or 12 months; metered items bill each month's readings.
  auto cycle = r.Int("cycle_months", false, 1, 12);
  if (cycle && (12 % *cycle != 0 || *cycle == 2 || *cycle == 4))
    r.Fail("cycle_months", "invalid", "1, 3, 6 or 12");
  if (cycle.value_or(1) != 1 && method && *method == "metered")
    r.Fail("cycle_months", "invalid", "Metered items are billed monthly");
  // 阶梯价 of metered items: [[up_to (0.01 unit) | null, price (1/100 分)], …].
  std::string tiers;
  if (const json::array* list = r.Array("tiers", false, 10)) {
    tiers = json::serialize(*list);
    if (!method || *method != "metered")
      r.Fail("tiers", "invalid", "Only metered items have tiers");
    else if (auto ok = calc::MeteredAmount(tiers, price.value_or(0), 1, calc::RoundRuleOf("half_up", "fen"));
             !ok.ok())  // calc checks the limits (rising, positive) and prices
      r.Fail("tiers", "invalid", ok.error().message);
  }
  ANJU_TRY(r.Finish());
  CreateFeeItemCommand cmd;
  cmd.project_id = *project_id;
  cmd.code = *code;
  cmd.name = *name;
  cmd.kind = *kind;
  cmd.method = *method;
  cmd.area_basis = basis.value_or("gross");
  cmd.unit_price = *price;
  cmd.house_kinds = std::move(*house_kinds);
  cmd.rounding = rounding.value_or("half_up");
  cmd.round_to = round_to.value_or("fen");
  cmd.due_days = due_days.value_or(15);
  cmd.valid_from = *valid_from;
  cmd.valid_to = valid_to;
  cmd.late_fee = std::move(late);
  cmd.cycle_months = cycle.value_or(1);
  cmd.tiers = std::move(tiers);
  return cmd;
}

Result<UpdateFeeItemCommand> ReadUpdateFeeItem(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "project_id", "code", "kind", "method", "area_basis",
              "unit_price", "rounding", "round_to", "cycle_months", "tiers", "created_at",
              "updated_at"});
  auto name = r.Str("name", false, 50, 1);
  auto valid_to = r.Date("valid_to", false);
  auto active = r.Bool("active", false);
  auto due_days = r.Int("due_days", false, 0, 365);
  ANJU_TRY(r.Finish());
  return UpdateFeeItemCommand{name, valid_to, !valid_to && r.IsNull("valid_to"), active,
                              due_days};
}

json::object FeeItemJson(const FeeItem& f) {
  json::array kinds;
  for (const std::string& k : f.house_kinds) kinds.emplace_back(k);
  json::object o{{"id", f.id},                 {"project_id", f.project_id},
                 {"code", f.code},             {"name", f.name},
                 {"kind", f.kind},             {"method", f.method},
                 {"area_basis", f.area_basis}, {"unit_price", f.unit_price},
                 {"house_kinds", kinds},       {"rounding", f.rounding},
                 {"round_to", f.round_to},     {"due_days", f.due_days},
                 {"valid_from", f.valid_from}, {"active", f.active}};
  o["valid_to"] = OptStr(f.valid_to);
  json::object late{{"grace_days", f.late_fee.grace_days},
                    {"daily_rate_bp", f.late_fee.daily_rate_bp},
                    {"flat_per_day", f.late_fee.flat_per_day},
                    {"cap_bp", f.late_fee.cap_bp}};
  late["start_date"] = OptStr(f.late_fee.start_date);
  o["late_fee"] = std::move(late);
  o["cycle_months"] = f.cycle_months;
  boost::system::error_code ec;
  json::value tiers = f.tiers.empty() ? json::value(nullptr) : json::parse(f.tiers, ec);
  o["tiers"] = ec ? json::value(nullptr) : tiers;
  return o;
}

json::object FeeItemListJson(const std::vector<FeeItem>& items) {
  json::array out;
  for (const FeeItem& f : items) out.push_back(FeeItemJson(f));
  int64_t n = static_cast<int64_t>(out.size());
  return json::object{{"items", std::move(out)}, {"total", n}};
}

}  // namespace anju::billing
