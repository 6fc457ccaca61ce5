#include "modules/billing/settings.h"

#include "platform/audit/audit_log.h"
#include "modules/billing/billing_json.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

BillingSettings LoadSettings(db::Tx& tx, int64_t company_id) {
  BillingSettings s;
  auto r = tx.QueryOne("SELECT approval_threshold, allocation_order, auto_apply_prepayment "
                       "FROM billing_settings WHERE company_id = ?",
                       {company_id});
  if (!r) return s;
  s.approval_threshold = r->Int(0);
  s.principal_first = r->Str(1) == "principal_first";
  s.auto_apply_prepayment = r->Int(2) != 0;
  return s;
}

Result<BillingSettings> SettingsService::Get(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<BillingSettings> {
    return LoadSettings(tx, ctx.company_id);
  });
}

Status SettingsService::MayPut(const TenantContext& ctx) {
  const Scope* scope = ctx.access.ScopeOf(std::string(perm::kBillingSettingsWrite));
  if (ctx.IsResident() || !scope || !scope->all_projects) return Error(errors::kForbidden);
  return Status::Ok();
}

Result<BillingSettings> SettingsService::Put(const TenantContext& ctx,
                                             const BillingSettings& s) {
  ANJU_TRY(MayPut(ctx));
  Millis now = clock_.Now();
  std::string order = s.principal_first ? "principal_first" : "late_fees_first";
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<BillingSettings> {
    json::object before = SettingsJson(LoadSettings(tx, ctx.company_id));
    tx.Exec("INSERT INTO billing_settings (company_id, approval_threshold, allocation_order, "
            "auto_apply_prepayment, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (company_id) DO UPDATE SET approval_threshold = excluded.approval_threshold, "
            "allocation_order = excluded.allocation_order, "
            "auto_apply_prepayment = excluded.auto_apply_prepayment, "
            "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            {ctx.company_id, s.approval_threshold, order, int64_t(s.auto_apply_prepayment ? 1 : 0),
             ctx.user_id, now});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.settings.update", "company", ctx.company_id, std::nullopt, before,
                   SettingsJson(s)},
                  now);
    return s;
  });
}

}  // namespace anju::billing
