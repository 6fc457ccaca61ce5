#include "platform/identity/access.h"

namespace anju::identity {

Status Require(const TenantContext& ctx, std::string_view code) {
  if (ctx.IsResident() || !ctx.access.Has(std::string(code))) return Error(errors::kForbidden);
  return Status::Ok();
}

Status RequireIn(const TenantContext& ctx, std::string_view code, int64_t project_id) {
  if (ctx.IsResident()) return Error(errors::kNotFound);
  if (!ctx.access.Has(std::string(code))) return Error(errors::kForbidden);
  if (!ctx.access.HasIn(std::string(code), project_id)) return Error(errors::kNotFound);
  return Status::Ok();
}

namespace {
void AppendIn(std::string_view column, const auto& ids, std::string& sql, db::Params& params) {
  if (ids.empty()) {
    sql += " AND 1 = 0";
    return;
  }
  sql += " AND ";
  sql += column;
  sql += " IN (";
  bool first = true;
  for (int64_t id : ids) {
    sql += first ? "?" : ", ?";
    first = false;
    params.emplace_back(id);
  }
  sql += ")";
}
}  // namespace

void AppendIdIn(std::string_view column, const std::vector<int64_t>& ids, std::string& sql,
                db::Params& params) {
  AppendIn(column, ids, sql, params);
}

void AppendProjectScope(const TenantContext& ctx, std::string_view code, std::string_view column,
                        std::string& sql, db::Params& params) {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(code));
  if (s && s->all_projects) return;
  if (!s) {
    sql += " AND 1 = 0";
    return;
  }
  AppendIn(column, s->projects, sql, params);
}

void AppendHouseScope(const TenantContext& ctx, std::string_view column, std::string& sql,
                      db::Params& params) {
  AppendIn(column, ctx.house_ids, sql, params);
}

std::vector<StaffRef> StaffHolding(db::Tx& tx, int64_t company_id, int64_t project_id,
                                   std::string_view code) {
  std::vector<StaffRef> out;
  for (const db::Row& r : tx.Query(
           "SELECT DISTINCT u.id, u.name FROM role_grants g JOIN roles r ON r.id = g.role_id "
           "JOIN users u ON u.id = g.user_id WHERE g.company_id = ? AND u.company_id = ? AND "
           "u.kind = 'staff' AND u.status = 'active' AND g.project_id = ? AND "
           "(' ' || r.permissions || ' ') LIKE ? ORDER BY u.id",
           {company_id, company_id, project_id, "% " + std::string(code) + " %"}))
    out.push_back({r.Int(0), r.Str(1)});
  return out;
}

std::vector<StaffRef> StaffHoldingCompanyWide(db::Tx& tx, int64_t company_id,
                                              std::string_view code) {
  std::vector<StaffRef> out;
  for (const db::Row& r : tx.Query(
           "SELECT DISTINCT u.id, u.name FROM role_grants g JOIN roles r ON r.id = g.role_id "
           "JOIN users u ON u.id = g.user_id WHERE g.company_id = ? AND u.company_id = ? AND "
           "u.kind = 'staff' AND u.status = 'active' AND g.project_id IS NULL AND "
           "(' ' || r.permissions || ' ') LIKE ? ORDER BY u.id",
           {company_id, company_id, "% " + std::string(code) + " %"}))
    out.push_back({r.Int(0), r.Str(1)});
  return out;
}

std::string UserName(db::Tx& tx, int64_t company_id, int64_t user_id) {
  auto r = tx.QueryOne("SELECT name FROM users WHERE id = ? AND company_id = ?",
                       {user_id, company_id});
  return r ? r->Str(0) : std::string();
}

}  // namespace anju::identity
