#include "modules/identity/access.h"

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

}  // namespace anju::identity
