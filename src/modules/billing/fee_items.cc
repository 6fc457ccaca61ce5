// Fee items (收费项目 / 收费标准) per project.
#include <sstream>

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/fee_items.h"
#include "modules/billing/calc/tiers.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr std::string_view kFeeColumns =
    "SELECT id, project_id, code, name, kind, method, area_basis, unit_price, house_kinds, "
    "rounding, round_to, due_days, valid_from, valid_to, active, late_grace_days, "
    "late_daily_bp, late_flat_per_day, late_cap_bp, late_start_date, cycle_months, "
    "COALESCE(tiers, '') FROM fee_items";

const std::vector<std::string_view> kKinds = {"property", "water",         "electricity", "gas",
                                              "parking",  "apportionment", "deposit",     "one_off"};
const std::vector<std::string_view> kMethods = {"area", "fixed", "metered"};
const std::vector<std::string_view> kHouseKinds = {"residential", "shop", "parking", "office",
                                                   "storage"};
constexpr int64_t kMaxUnitPrice = 100'000'000'00;  // 1 亿分 × 100

json::object FeeJson(const db::Row& r) {
  json::array kinds;
  std::istringstream in(r.Str(8));
  for (std::string k; in >> k;) kinds.emplace_back(k);
  json::object o{{"id", r.Int(0)},          {"project_id", r.Int(1)}, {"code", r.Str(2)},
                 {"name", r.Str(3)},        {"kind", r.Str(4)},       {"method", r.Str(5)},
                 {"area_basis", r.Str(6)},  {"unit_price", r.Int(7)}, {"house_kinds", kinds},
                 {"rounding", r.Str(9)},    {"round_to", r.Str(10)},  {"due_days", r.Int(11)},
                 {"valid_from", r.Str(12)}, {"active", r.Int(14) != 0}};
  o["valid_to"] = r.IsNull(13) ? json::value(nullptr) : json::value(r.Str(13));
  json::object late{{"grace_days", r.Int(15)}, {"daily_rate_bp", r.Int(16)},
                    {"flat_per_day", r.Int(17)}, {"cap_bp", r.Int(18)}};
  late["start_date"] = r.IsNull(19) ? json::value(nullptr) : json::value(r.Str(19));
  o["late_fee"] = std::move(late);
  o["cycle_months"] = r.Int(20);
  boost::system::error_code ec;
  json::value tiers = r.Str(21).empty() ? json::value(nullptr) : json::parse(r.Str(21), ec);
  o["tiers"] = ec ? json::value(nullptr) : tiers;
  return o;
}

// house_kinds: a non-empty list of known kinds, stored space-separated.
std::optional<std::string> ReadHouseKinds(BodyReader& r, bool required) {
  const json::array* list = r.Array("house_kinds", required, 5);
  if (!list) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < list->size(); ++i) {
    const json::value& v = (*list)[i];
    bool known = v.is_string() && std::find(kHouseKinds.begin(), kHouseKinds.end(),
                                            std::string_view(v.as_string())) != kHouseKinds.end();
    if (!known) {
      r.Fail("house_kinds[" + std::to_string(i) + "]", "invalid", "Unknown house kind");
      return std::nullopt;
    }
    out += (out.empty() ? "" : " ") + std::string(v.as_string());
  }
  if (out.empty()) r.Fail("house_kinds", "required", "Choose at least one house kind");
  return out;
}

struct LateRule {
  int64_t grace = 0, daily_bp = 0, flat = 0, cap_bp = 0;
  std::optional<std::string> start;
};

// "late_fee": {grace_days, daily_rate_bp | flat_per_day, cap_bp, start_date} — optional.
LateRule ReadLateRule(BodyReader& r) {
  LateRule rule;
  const json::object* obj = r.Object("late_fee", false);
  if (!obj) return rule;
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
  rule = {grace.value_or(0), bp.value_or(0), flat.value_or(0), cap.value_or(0), start};
  return rule;
}

}  // namespace

JsonResult BillingService::ListFeeItems(const TenantContext& ctx,
                                        std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    std::string sql = std::string(kFeeColumns) + " WHERE company_id = ?";
    db::Params p{ctx.company_id};
    identity::AppendProjectScope(ctx, perm::kFeeRead, "project_id", sql, p);
    if (project_id) {
      sql += " AND project_id = ?";
      p.emplace_back(*project_id);
    }
    sql += " ORDER BY project_id, code";
    json::array items;
    for (auto& r : tx.Query(sql, p)) items.push_back(FeeJson(r));
    int64_t n = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", n}});
  });
}

JsonResult BillingService::CreateFeeItem(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return CreateFeeItemIn(tx, ctx, body, clock_.Now()); });
}

JsonResult BillingService::UpdateFeeItem(const TenantContext& ctx, int64_t id,
                                         const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return UpdateFeeItemIn(tx, ctx, id, body, clock_.Now()); });
}

Result<json::value> CreateFeeItemIn(db::Tx& tx, const TenantContext& ctx,
                                    const json::object& body, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
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
  LateRule late = ReadLateRule(r);
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
  if (!org::ProjectCode(tx, ctx.company_id, *project_id) ||
      !ctx.access.HasIn(std::string(perm::kFeeWrite), *project_id))
    return Error(org::kProjectNotFound).WithField("project_id", "not_found");
  if (tx.QueryOne("SELECT 1 FROM fee_items WHERE project_id = ? AND code = ?",
                  {*project_id, *code}))
    return Error(kFeeItemCodeTaken).WithField("code", "taken");
  int64_t id = tx.InsertId(
      "INSERT INTO fee_items (company_id, project_id, code, name, kind, method, area_basis, "
      "unit_price, house_kinds, rounding, round_to, due_days, valid_from, valid_to, "
      "late_grace_days, late_daily_bp, late_flat_per_day, late_cap_bp, late_start_date, "
      "cycle_months, tiers, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {ctx.company_id, *project_id, *code, *name, *kind, *method, basis.value_or("gross"),
       *price, *house_kinds, rounding.value_or("half_up"), round_to.value_or("fen"),
       due_days.value_or(15), *valid_from, valid_to ? db::Value(*valid_to) : db::kNull,
       late.grace, late.daily_bp, late.flat, late.cap_bp,
       late.start ? db::Value(*late.start) : db::kNull, cycle.value_or(1),
       tiers.empty() ? db::kNull : db::Value(tiers), now, now});
  json::object after = FeeJson(*tx.QueryOne(std::string(kFeeColumns) + " WHERE id = ?", {id}));
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.fee_item.create", "fee_item", id, *project_id, nullptr, after}, now);
  return json::value(after);
}

Result<json::value> UpdateFeeItemIn(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                    const json::object& body, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  // A price change is a new fee item (or a valid_to on this one), so that bills keep the
  // standard they were made with; only names, validity and the on/off switch change here.
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "project_id", "code", "kind", "method", "area_basis",
              "unit_price", "rounding", "round_to", "cycle_months", "tiers", "created_at",
              "updated_at"});
  auto name = r.Str("name", false, 50, 1);
  auto valid_to = r.Date("valid_to", false);
  auto active = r.Bool("active", false);
  auto due_days = r.Int("due_days", false, 0, 365);
  ANJU_TRY(r.Finish());
  auto row = tx.QueryOne(std::string(kFeeColumns) + " WHERE id = ? AND company_id = ?",
                         {id, ctx.company_id});
  if (!row || !ctx.access.HasIn(std::string(perm::kFeeWrite), row->Int(1)))
    return Error(kFeeItemNotFound);
  json::object before = FeeJson(*row);
  db::Value to = valid_to ? db::Value(*valid_to)
                 : row->IsNull(13) || r.IsNull("valid_to") ? db::kNull
                                                          : db::Value(row->Str(13));
  tx.Exec("UPDATE fee_items SET name = ?, valid_to = ?, active = ?, due_days = ?, "
          "updated_at = ? WHERE id = ?",
          {name.value_or(row->Str(3)), to, active ? int64_t(*active) : row->Int(14),
           due_days.value_or(row->Int(11)), now, id});
  json::object after = FeeJson(*tx.QueryOne(std::string(kFeeColumns) + " WHERE id = ?", {id}));
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.fee_item.update", "fee_item", id, row->Int(1), before, after}, now);
  return json::value(after);
}

std::optional<json::object> FindFeeItemByCode(db::Tx& tx, int64_t company_id,
                                              int64_t project_id, std::string_view code) {
  auto row = tx.QueryOne(std::string(kFeeColumns) +
                             " WHERE company_id = ? AND project_id = ? AND code = ?",
                         {company_id, project_id, std::string(code)});
  if (!row) return std::nullopt;
  return FeeJson(*row);
}

std::optional<FeeItemFacts> FindFeeItem(db::Tx& tx, int64_t company_id, int64_t fee_item_id) {
  auto r = tx.QueryOne(
      "SELECT id, project_id, code, kind, method, unit_price, tiers, rounding, round_to, "
      "house_kinds FROM fee_items WHERE id = ? AND company_id = ?",
      {fee_item_id, company_id});
  if (!r) return std::nullopt;
  return FeeItemFacts{r->Int(0), r->Int(1), r->Str(2), r->Str(3), r->Str(4),
                      r->Int(5), r->Str(6), r->Str(7), r->Str(8), r->Str(9)};
}

void BillingService::SeedDemoFeeItems(db::Tx& tx, int64_t company_id, int64_t project_id,
                                      Millis now) {
  struct Item {
    const char *code, *name, *kind, *method, *house_kinds;
    int64_t price;
  };
  // 物业费 by gross area per month; parking spaces a fixed monthly management fee.
  const Item items[] = {
      {"WYF-ZZ", "住宅物业费", "property", "area", "residential", 2'35'00},    // 2.35 元/m²/月
      {"WYF-SP", "商铺物业费", "property", "area", "shop", 5'80'00},           // 5.80 元/m²/月
      {"WYF-BG", "写字楼物业费", "property", "area", "office", 8'50'00},       // 8.50 元/m²/月
      {"CWGLF", "车位管理费", "parking", "fixed", "parking", 120'00'00},       // 120 元/月
  };
  for (const Item& i : items)
    // 滞纳金: 万分之五 per day after 15 days' grace, at most the bill's amount.
    tx.Exec("INSERT INTO fee_items (company_id, project_id, code, name, kind, method, "
            "unit_price, house_kinds, valid_from, late_grace_days, late_daily_bp, late_cap_bp, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2020-01-01', 15, 5, "
            "10000, ?, ?)",
            {company_id, project_id, std::string(i.code), std::string(i.name),
             std::string(i.kind), std::string(i.method), i.price, std::string(i.house_kinds),
             now, now});
  // 水费 by meter, tiered (阶梯水价): 4.60 元/m³ up to 22 m³ a month, 5.90 above.
  tx.Exec("INSERT INTO fee_items (company_id, project_id, code, name, kind, method, unit_price, "
          "tiers, house_kinds, valid_from, created_at, updated_at) VALUES (?, ?, 'SF', '水费', "
          "'water', 'metered', 46000, '[[2200, 46000], [null, 59000]]', 'residential', "
          "'2020-01-01', ?, ?)",
          {company_id, project_id, now, now});
  // 优惠 (discounts.h): the shops' property fee 5 % off over the 2027 Spring Festival.
  tx.Exec("INSERT INTO discount_rules (company_id, project_id, fee_item_id, name, rate_bp, "
          "period_from, period_to, created_at, updated_at) SELECT company_id, project_id, id, "
          "'春节商铺九五折', 500, '2027-01', '2027-02', ?, ? FROM fee_items WHERE project_id = ? "
          "AND code = 'WYF-SP'",
          {now, now, project_id});
}

}  // namespace anju::billing
