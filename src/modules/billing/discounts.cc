#include "modules/billing/discounts.h"

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr std::string_view kColumns =
    "SELECT id, project_id, fee_item_id, name, rate_bp, period_from, period_to, active, "
    "created_at, updated_at, kind, months_paid, months_free FROM discount_rules";

json::object RuleJson(const db::Row& r) {
  json::object o{{"id", r.Int(0)},          {"project_id", r.Int(1)}, {"fee_item_id", r.Int(2)},
                 {"name", r.Str(3)},        {"kind", r.Str(10)},      {"rate_bp", r.Int(4)},
                 {"months_paid", r.Int(11)}, {"months_free", r.Int(12)},
                 {"period_from", r.Str(5)}, {"active", r.Int(7) != 0},
                 {"created_at", FormatUtc(r.Int(8))}, {"updated_at", FormatUtc(r.Int(9))}};
  o["period_to"] = r.IsNull(6) ? json::value(nullptr) : json::value(r.Str(6));
  return o;
}

// The numbers of a rule of its kind: rate_bp for percent; months_paid and months_free for
// prepay (1 ≤ free < paid ≤ 36). The other kind's fields must stay 0.
struct Terms {
  int64_t rate_bp = 0, months_paid = 0, months_free = 0;
};
Status CheckTerms(const std::string& kind, const Terms& t) {
  Error e(errors::kValidation);
  if (kind == "percent") {
    if (t.rate_bp < 1 || t.rate_bp > 10000) e.WithField("rate_bp", "invalid", "1 to 10000 basis points");
    if (t.months_paid || t.months_free) e.WithField("months_paid", "invalid", "Only for prepay offers");
  } else {
    if (t.months_paid < 2 || t.months_paid > 36) e.WithField("months_paid", "invalid", "2 to 36 months");
    if (t.months_free < 1 || t.months_free >= t.months_paid)
      e.WithField("months_free", "invalid", "At least 1 and fewer than months_paid");
    if (t.rate_bp) e.WithField("rate_bp", "invalid", "Only for percent rules");
  }
  if (e.fields.empty()) return Status::Ok();
  return e;
}

// period_from / period_to: months, from ≤ to.
void CheckPeriods(BodyReader& r, const std::optional<std::string>& from,
                  const std::optional<std::string>& to) {
  if (from && !IsValidCivilMonth(*from)) r.Fail("period_from", "invalid", "Must be a month YYYY-MM");
  if (to && !IsValidCivilMonth(*to)) r.Fail("period_to", "invalid", "Must be a month YYYY-MM");
  if (from && to && *to < *from) r.Fail("period_to", "before_period_from", "Must not be before period_from");
}

}  // namespace

std::vector<DiscountRule> DiscountsFor(db::Tx& tx, int64_t company_id, int64_t project_id,
                                       const std::string& period) {
  std::vector<DiscountRule> out;
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

Result<json::value> DiscountService::List(const TenantContext& ctx,
                                          std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeRead));
  std::string sql = std::string(kColumns) + " WHERE company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kFeeRead, "project_id", sql, p);
  if (project_id) sql += " AND project_id = ?", p.emplace_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    json::array items;
    for (auto& r : tx.Query(sql + " ORDER BY project_id, fee_item_id, period_from, id", p))
      items.push_back(RuleJson(r));
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

Result<json::value> DiscountService::Create(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  BodyReader r(body);
  r.ReadOnly({"id", "created_at", "updated_at", "company_id"});
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto fee_item_id = r.Int("fee_item_id", true, 1, INT64_MAX);
  auto name = r.Str("name", true, 50, 1);
  std::string kind = r.Enum("kind", false, {"percent", "prepay"}).value_or("percent");
  Terms t{r.Int("rate_bp", false, 0, 10000).value_or(0),
          r.Int("months_paid", false, 0, 36).value_or(0),
          r.Int("months_free", false, 0, 36).value_or(0)};
  auto from = r.Str("period_from", true, 7);
  auto to = r.Str("period_to", false, 7);
  auto active = r.Bool("active", false);
  CheckPeriods(r, from, to);
  ANJU_TRY(r.Finish());
  ANJU_TRY(CheckTerms(kind, t));
  if (!ctx.access.HasIn(std::string(perm::kFeeWrite), *project_id))
    return Error(org::kProjectNotFound).WithField("project_id", "not_found");
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    if (!tx.QueryOne("SELECT 1 FROM fee_items WHERE id = ? AND project_id = ? AND company_id = ?",
                     {*fee_item_id, *project_id, ctx.company_id}))
      return Error(kFeeItemNotFound).WithField("fee_item_id", "not_found");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO discount_rules (company_id, project_id, fee_item_id, name, kind, rate_bp, "
        "months_paid, months_free, period_from, period_to, active, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, *project_id, *fee_item_id, *name, kind, t.rate_bp, t.months_paid,
         t.months_free, *from, to ? db::Value(*to) : db::kNull, int64_t(active.value_or(true)),
         now, now});
    json::object after = RuleJson(*tx.QueryOne(std::string(kColumns) + " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.discount_rule.create", "discount_rule", id, *project_id, nullptr, after},
                  now);
    return json::value(after);
  });
}

Result<json::value> DiscountService::Update(const TenantContext& ctx, int64_t id,
                                            const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  BodyReader r(body);
  r.ReadOnly({"id", "project_id", "fee_item_id", "kind", "created_at", "updated_at",
              "company_id"});
  auto name = r.Str("name", false, 50, 1);
  auto rate_bp = r.Int("rate_bp", false, 0, 10000);
  auto months_paid = r.Int("months_paid", false, 0, 36);
  auto months_free = r.Int("months_free", false, 0, 36);
  auto from = r.Str("period_from", false, 7);
  auto to = r.Str("period_to", false, 7);
  auto active = r.Bool("active", false);
  CheckPeriods(r, from, to);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto row = tx.QueryOne(std::string(kColumns) + " WHERE id = ? AND company_id = ?",
                           {id, ctx.company_id});
    if (!row || !ctx.access.HasIn(std::string(perm::kFeeWrite), row->Int(1)))
      return Error(kDiscountNotFound);
    std::string new_from = from.value_or(row->Str(5));
    std::optional<std::string> new_to = to ? to
                                        : row->IsNull(6) || r.IsNull("period_to")
                                            ? std::nullopt
                                            : std::optional(row->Str(6));
    if (new_to && *new_to < new_from)
      return Error(errors::kValidation)
          .WithField("period_to", "before_period_from", "Must not be before period_from");
    Terms t{rate_bp.value_or(row->Int(4)), months_paid.value_or(row->Int(11)),
            months_free.value_or(row->Int(12))};
    ANJU_TRY(CheckTerms(row->Str(10), t));
    json::object before = RuleJson(*row);
    Millis now = clock_.Now();
    tx.Exec("UPDATE discount_rules SET name = ?, rate_bp = ?, months_paid = ?, months_free = ?, "
            "period_from = ?, period_to = ?, active = ?, updated_at = ? WHERE id = ?",
            {name.value_or(row->Str(3)), t.rate_bp, t.months_paid, t.months_free, new_from,
             new_to ? db::Value(*new_to) : db::kNull,
             active ? int64_t(*active) : row->Int(7), now, id});
    json::object after = RuleJson(*tx.QueryOne(std::string(kColumns) + " WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.discount_rule.update", "discount_rule", id, row->Int(1), before, after},
                  now);
    return json::value(after);
  });
}

}  // namespace anju::billing
