#include "modules/billing/discounts.h"

#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/discount_json.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"

namespace anju::billing {

namespace perm = identity::perm;

namespace {

constexpr std::string_view kColumns =
    "SELECT id, project_id, fee_item_id, name, rate_bp, period_from, period_to, active, "
    "created_at, updated_at, kind, months_paid, months_free FROM discount_rules";

// The rule of a kColumns row.
DiscountRule RuleOf(const db::Row& r) {
  DiscountRule d;
  d.id = r.Int(0);
  d.project_id = r.Int(1);
  d.fee_item_id = r.Int(2);
  d.name = r.Str(3);
  d.rate_bp = r.Int(4);
  d.period_from = r.Str(5);
  if (!r.IsNull(6)) d.period_to = r.Str(6);
  d.active = r.Int(7) != 0;
  d.created_at = r.Int(8);
  d.updated_at = r.Int(9);
  d.kind = r.Str(10);
  d.months_paid = r.Int(11);
  d.months_free = r.Int(12);
  return d;
}

DiscountRule LoadRule(db::Tx& tx, int64_t id) {
  return RuleOf(*tx.QueryOne(std::string(kColumns) + " WHERE id = ?", {id}));
}

}  // namespace

Status CheckDiscountTerms(const std::string& kind, int64_t rate_bp, int64_t months_paid,
                          int64_t months_free) {
  Error e(errors::kValidation);
  if (kind == "percent") {
    if (rate_bp < 1 || rate_bp > 10000) e.WithField("rate_bp", "invalid", "1 to 10000 basis points");
    if (months_paid || months_free) e.WithField("months_paid", "invalid", "Only for prepay offers");
  } else {
    if (months_paid < 2 || months_paid > 36) e.WithField("months_paid", "invalid", "2 to 36 months");
    if (months_free < 1 || months_free >= months_paid)
      e.WithField("months_free", "invalid", "At least 1 and fewer than months_paid");
    if (rate_bp) e.WithField("rate_bp", "invalid", "Only for percent rules");
  }
  if (e.fields.empty()) return Status::Ok();
  return e;
}

std::vector<ItemDiscount> DiscountsFor(db::Tx& tx, int64_t company_id, int64_t project_id,
                                       const std::string& period) {
  std::vector<ItemDiscount> out;
  for (auto& r : tx.Query("SELECT fee_item_id, MAX(rate_bp) FROM discount_rules WHERE "
                          "company_id = ? AND project_id = ? AND kind = 'percent' AND active = 1 "
                          "AND period_from <= ? AND (period_to IS NULL OR period_to >= ?) "
                          "GROUP BY fee_item_id",
                          {company_id, project_id, period, period}))
    out.push_back({r.Int(0), r.Int(1)});
  return out;
}

std::optional<PrepayOffer> PrepayOfferFor(db::Tx& tx, int64_t company_id, int64_t fee_item_id,
                                          const std::string& first_period, int64_t months) {
  std::optional<PrepayOffer> best;
  for (auto& r : tx.Query("SELECT id, name, months_paid, months_free FROM discount_rules WHERE "
                          "company_id = ? AND fee_item_id = ? AND kind = 'prepay' AND active = 1 "
                          "AND months_paid <= ? AND period_from <= ? AND (period_to IS NULL OR "
                          "period_to >= ?) ORDER BY id",
                          {company_id, fee_item_id, months, first_period, first_period})) {
    int64_t free = months / r.Int(2) * r.Int(3);
    if (!best || free > best->months_free) best = PrepayOffer{r.Int(0), r.Str(1), free};
  }
  return best;
}

Result<std::vector<DiscountRule>> DiscountService::List(const TenantContext& ctx,
                                                       std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeRead));
  std::string sql = std::string(kColumns) + " WHERE company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kFeeRead, "project_id", sql, p);
  if (project_id) sql += " AND project_id = ?", p.emplace_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<DiscountRule>> {
    std::vector<DiscountRule> items;
    for (auto& r : tx.Query(sql + " ORDER BY project_id, fee_item_id, period_from, id", p))
      items.push_back(RuleOf(r));
    return items;
  });
}

Status DiscountService::MayWrite(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kFeeWrite);
}

Result<DiscountRule> DiscountService::Create(const TenantContext& ctx,
                                             const CreateDiscountRuleCommand& cmd) {
  ANJU_TRY(MayWrite(ctx));
  if (!ctx.access.HasIn(std::string(perm::kFeeWrite), cmd.project_id))
    return Error(org::kProjectNotFound).WithField("project_id", "not_found");
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<DiscountRule> {
    if (!tx.QueryOne("SELECT 1 FROM fee_items WHERE id = ? AND project_id = ? AND company_id = ?",
                     {cmd.fee_item_id, cmd.project_id, ctx.company_id}))
      return Error(kFeeItemNotFound).WithField("fee_item_id", "not_found");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO discount_rules (company_id, project_id, fee_item_id, name, kind, rate_bp, "
        "months_paid, months_free, period_from, period_to, active, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, cmd.project_id, cmd.fee_item_id, cmd.name, cmd.kind, cmd.rate_bp,
         cmd.months_paid, cmd.months_free, cmd.period_from,
         cmd.period_to ? db::Value(*cmd.period_to) : db::kNull, int64_t(cmd.active), now, now});
    DiscountRule after = LoadRule(tx, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.discount_rule.create", "discount_rule", id, cmd.project_id, nullptr,
                   DiscountRuleJson(after)},
                  now);
    return after;
  });
}

Result<DiscountRule> DiscountService::Update(const TenantContext& ctx, int64_t id,
                                             const UpdateDiscountRuleCommand& cmd) {
  ANJU_TRY(MayWrite(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<DiscountRule> {
    auto row = tx.QueryOne(std::string(kColumns) + " WHERE id = ? AND company_id = ?",
                           {id, ctx.company_id});
    if (!row || !ctx.access.HasIn(std::string(perm::kFeeWrite), row->Int(1)))
      return Error(kDiscountNotFound);
    DiscountRule before = RuleOf(*row);
    std::string new_from = cmd.period_from.value_or(before.period_from);
    std::optional<std::string> new_to = cmd.period_to ? cmd.period_to
                                        : cmd.clear_period_to ? std::nullopt
                                                              : before.period_to;
    if (new_to && *new_to < new_from)
      return Error(errors::kValidation)
          .WithField("period_to", "before_period_from", "Must not be before period_from");
    int64_t rate_bp = cmd.rate_bp.value_or(before.rate_bp);
    int64_t months_paid = cmd.months_paid.value_or(before.months_paid);
    int64_t months_free = cmd.months_free.value_or(before.months_free);
    ANJU_TRY(CheckDiscountTerms(before.kind, rate_bp, months_paid, months_free));
    Millis now = clock_.Now();
    tx.Exec("UPDATE discount_rules SET name = ?, rate_bp = ?, months_paid = ?, months_free = ?, "
            "period_from = ?, period_to = ?, active = ?, updated_at = ? WHERE id = ?",
            {cmd.name.value_or(before.name), rate_bp, months_paid, months_free, new_from,
             new_to ? db::Value(*new_to) : db::kNull,
             cmd.active ? int64_t(*cmd.active) : int64_t(before.active), now, id});
    DiscountRule after = LoadRule(tx, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.discount_rule.update", "discount_rule", id, before.project_id,
                   DiscountRuleJson(before), DiscountRuleJson(after)},
                  now);
    return after;
  });
}

}  // namespace anju::billing
