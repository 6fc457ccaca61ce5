// Fee items (收费项目 / 收费标准) per project.
#include <sstream>

#include <fmt/format.h>

#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/fee_item_json.h"
#include "modules/billing/fee_items.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"

namespace anju::billing {

namespace perm = identity::perm;

namespace {

constexpr std::string_view kFeeColumns =
    "SELECT id, project_id, code, name, kind, method, area_basis, unit_price, house_kinds, "
    "rounding, round_to, due_days, valid_from, valid_to, active, late_grace_days, "
    "late_daily_bp, late_flat_per_day, late_cap_bp, late_start_date, cycle_months, "
    "COALESCE(tiers, '') FROM fee_items";

// The fee item of a kFeeColumns row.
FeeItem FeeItemOf(const db::Row& r) {
  FeeItem f;
  f.id = r.Int(0);
  f.project_id = r.Int(1);
  f.code = r.Str(2);
  f.name = r.Str(3);
  f.kind = r.Str(4);
  f.method = r.Str(5);
  f.area_basis = r.Str(6);
  f.unit_price = r.Int(7);
  std::istringstream in(r.Str(8));
  for (std::string k; in >> k;) f.house_kinds.push_back(k);
  f.rounding = r.Str(9);
  f.round_to = r.Str(10);
  f.due_days = r.Int(11);
  f.valid_from = r.Str(12);
  if (!r.IsNull(13)) f.valid_to = r.Str(13);
  f.active = r.Int(14) != 0;
  f.late_fee = {r.Int(15), r.Int(16), r.Int(17), r.Int(18), std::nullopt};
  if (!r.IsNull(19)) f.late_fee.start_date = r.Str(19);
  f.cycle_months = r.Int(20);
  f.tiers = r.Str(21);
  return f;
}

FeeItem LoadFeeItem(db::Tx& tx, int64_t id) {
  return FeeItemOf(*tx.QueryOne(std::string(kFeeColumns) + " WHERE id = ?", {id}));
}

}  // namespace

Result<std::vector<FeeItem>> BillingService::ListFeeItems(const TenantContext& ctx,
                                                         std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<FeeItem>> {
    std::string sql = std::string(kFeeColumns) + " WHERE company_id = ?";
    db::Params p{ctx.company_id};
    identity::AppendProjectScope(ctx, perm::kFeeRead, "project_id", sql, p);
    if (project_id) {
      sql += " AND project_id = ?";
      p.emplace_back(*project_id);
    }
    sql += " ORDER BY project_id, code";
    std::vector<FeeItem> items;
    for (auto& r : tx.Query(sql, p)) items.push_back(FeeItemOf(r));
    return items;
  });
}

Result<FeeItem> BillingService::CreateFeeItem(const TenantContext& ctx,
                                              const CreateFeeItemCommand& cmd) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return CreateFeeItemIn(tx, ctx, cmd, clock_.Now()); });
}

Result<FeeItem> BillingService::UpdateFeeItem(const TenantContext& ctx, int64_t id,
                                              const UpdateFeeItemCommand& cmd) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return UpdateFeeItemIn(tx, ctx, id, cmd, clock_.Now()); });
}

Status MayWriteFeeItems(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kFeeWrite);
}

Result<FeeItem> CreateFeeItemIn(db::Tx& tx, const TenantContext& ctx,
                                const CreateFeeItemCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  if (!org::ProjectCode(tx, ctx.company_id, cmd.project_id) ||
      !ctx.access.HasIn(std::string(perm::kFeeWrite), cmd.project_id))
    return Error(org::kProjectNotFound).WithField("project_id", "not_found");
  if (tx.QueryOne("SELECT 1 FROM fee_items WHERE project_id = ? AND code = ?",
                  {cmd.project_id, cmd.code}))
    return Error(kFeeItemCodeTaken).WithField("code", "taken");
  std::string house_kinds;
  for (const std::string& k : cmd.house_kinds) house_kinds += (house_kinds.empty() ? "" : " ") + k;
  const LateFeeRule& late = cmd.late_fee;
  int64_t id = tx.InsertId(
      "INSERT INTO fee_items (company_id, project_id, code, name, kind, method, area_basis, "
      "unit_price, house_kinds, rounding, round_to, due_days, valid_from, valid_to, "
      "late_grace_days, late_daily_bp, late_flat_per_day, late_cap_bp, late_start_date, "
      "cycle_months, tiers, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {ctx.company_id, cmd.project_id, cmd.code, cmd.name, cmd.kind, cmd.method, cmd.area_basis,
       cmd.unit_price, house_kinds, cmd.rounding, cmd.round_to, cmd.due_days, cmd.valid_from,
       cmd.valid_to ? db::Value(*cmd.valid_to) : db::kNull, late.grace_days, late.daily_rate_bp,
       late.flat_per_day, late.cap_bp, late.start_date ? db::Value(*late.start_date) : db::kNull,
       cmd.cycle_months, cmd.tiers.empty() ? db::kNull : db::Value(cmd.tiers), now, now});
  FeeItem after = LoadFeeItem(tx, id);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.fee_item.create", "fee_item", id, cmd.project_id, nullptr,
                 FeeItemJson(after)},
                now);
  return after;
}

Result<FeeItem> UpdateFeeItemIn(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateFeeItemCommand& cmd, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  // A price change is a new fee item (or a valid_to on this one), so that bills keep the
  // standard they were made with; only names, validity and the on/off switch change here.
  auto row = tx.QueryOne(std::string(kFeeColumns) + " WHERE id = ? AND company_id = ?",
                         {id, ctx.company_id});
  if (!row || !ctx.access.HasIn(std::string(perm::kFeeWrite), row->Int(1)))
    return Error(kFeeItemNotFound);
  FeeItem before = FeeItemOf(*row);
  db::Value to = cmd.valid_to ? db::Value(*cmd.valid_to)
                 : !before.valid_to || cmd.clear_valid_to ? db::kNull
                                                          : db::Value(*before.valid_to);
  tx.Exec("UPDATE fee_items SET name = ?, valid_to = ?, active = ?, due_days = ?, "
          "updated_at = ? WHERE id = ?",
          {cmd.name.value_or(before.name), to,
           cmd.active ? int64_t(*cmd.active) : int64_t(before.active),
           cmd.due_days.value_or(before.due_days), now, id});
  FeeItem after = LoadFeeItem(tx, id);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.fee_item.update", "fee_item", id, before.project_id,
                 FeeItemJson(before), FeeItemJson(after)},
                now);
  return after;
}

std::optional<FeeItem> FindFeeItemByCode(db::Tx& tx, int64_t company_id, int64_t project_id,
                                         std::string_view code) {
  auto row = tx.QueryOne(std::string(kFeeColumns) +
                             " WHERE company_id = ? AND project_id = ? AND code = ?",
                         {company_id, project_id, std::string(code)});
  if (!row) return std::nullopt;
  return FeeItemOf(*row);
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
  // 优惠 (discounts.h): the shops' property fee 5 % off over the next Spring Festival
  // (January and February of this year until February, else of the next).
  std::string today = CivilDate(now);
  int year = std::stoi(today.substr(0, 4)) + (std::stoi(today.substr(5, 2)) <= 2 ? 0 : 1);
  tx.Exec("INSERT INTO discount_rules (company_id, project_id, fee_item_id, name, rate_bp, "
          "period_from, period_to, created_at, updated_at) SELECT company_id, project_id, id, "
          "'春节商铺九五折', 500, ?, ?, ?, ? FROM fee_items WHERE project_id = ? "
          "AND code = 'WYF-SP'",
          {fmt::format("{}-01", year), fmt::format("{}-02", year), now, now, project_id});
}

}  // namespace anju::billing
