#include "modules/property/property_internal.h"

#include <algorithm>

#include "core/pii.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_service.h"

namespace anju::property::internal {

void DeclareServerOwned(BodyReader& r) {
  r.ReadOnly({"id", "company_id", "created_at", "updated_at"});
}

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string LikeContains(std::string_view term) {
  std::string out = "%";
  for (char c : term) {
    if (c == '\\' || c == '%' || c == '_') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

db::Value Nullable(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::kNull; }
db::Value Nullable(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::kNull; }

Error FieldErr(const ErrorDef& def, std::string field, std::string code, std::string msg) {
  Error e(def);
  e.WithField(std::move(field), std::move(code), msg.empty() ? def.message : std::move(msg));
  return e;
}

Error FieldErr(Error e, std::string field, std::string code) {
  std::string msg = e.message;
  e.WithField(std::move(field), std::move(code), std::move(msg));
  return e;
}

bool OneOf(std::string_view v, std::initializer_list<std::string_view> allowed) {
  for (std::string_view a : allowed)
    if (a == v) return true;
  return false;
}

std::string ByteOrder(const db::Tx& tx, std::string_view column) {
  std::string out(column);
  if (tx.dialect() == db::Dialect::kPostgres) out += " COLLATE \"C\"";
  return out;
}

Status InScope(const TenantContext& ctx, std::string_view code, int64_t project_id,
               const ErrorDef& not_found) {
  Status s = identity::RequireIn(ctx, code, project_id);
  if (!s.ok() && s.error().kind == ErrorKind::kNotFound) return Error(not_found);
  return s;
}

Status CheckProject(db::Tx& tx, const TenantContext& ctx, std::string_view code, int64_t project_id,
                    std::string_view field) {
  bool found = org::ProjectExists(tx, ctx.company_id, project_id);
  if (!found || !identity::RequireIn(ctx, code, project_id).ok())
    return FieldErr(org::kProjectNotFound, std::string(field), "not_found");
  return Status::Ok();
}

std::optional<int64_t> HouseProject(db::Tx& tx, int64_t company_id, int64_t house_id) {
  constexpr std::string_view kHouseProject =
      "SELECT project_id FROM houses WHERE id = ? AND company_id = ?";
  auto r = tx.QueryOne(kHouseProject, {house_id, company_id});
  if (!r) return std::nullopt;
  return r->Int(0);
}

std::string MaskedPhone(const crypto::SecretKey& key, const std::string& phone_enc,
                        const std::string& last4) {
  if (auto phone = key.Decrypt(phone_enc, kPhoneContext)) return pii::MaskPhone(*phone);
  return "*******" + last4;
}

bool ReachesResident(db::Tx& tx, const TenantContext& ctx, std::string_view code, int64_t id) {
  if (ctx.IsResident())
    return std::find(ctx.resident_ids.begin(), ctx.resident_ids.end(), id) !=
           ctx.resident_ids.end();
  const Scope* s = ctx.access.ScopeOf(std::string(code));
  if (!s) return false;
  if (s->all_projects) return true;
  std::string sql = "SELECT 1 FROM house_residents WHERE resident_id = ?";
  db::Params params{id};
  identity::AppendProjectScope(ctx, code, "project_id", sql, params);
  return tx.QueryOne(sql, params).has_value();
}

PageRows QueryPage(db::Tx& tx, std::string_view select, std::string_view from_where,
                   const db::Params& params, std::string_view order_by, const Page& page,
                   std::string_view count_from_where) {
  PageRows out;
  std::string count_sql = "SELECT COUNT(*) ";
  count_sql += count_from_where.empty() ? from_where : count_from_where;
  out.total = tx.QueryOne(count_sql, params)->Int(0);
  std::string sql(select);
  sql += " ";
  sql += from_where;
  sql += " ORDER BY ";
  sql += order_by;
  sql += " LIMIT ? OFFSET ?";
  db::Params p = params;
  p.emplace_back(page.size);
  p.emplace_back(page.offset());
  out.rows = tx.Query(sql, p);
  return out;
}

}  // namespace anju::property::internal

namespace anju::property {

Status MayWrite(const TenantContext& ctx, WriteArea area) {
  namespace perm = identity::perm;
  switch (area) {
    case WriteArea::kStructure: return identity::Require(ctx, perm::kStructureWrite);
    case WriteArea::kHouses: return identity::Require(ctx, perm::kHouseWrite);
    case WriteArea::kResidents: return identity::Require(ctx, perm::kResidentWrite);
    case WriteArea::kVehicles: return identity::Require(ctx, perm::kVehicleWrite);
    case WriteArea::kParking: return identity::Require(ctx, perm::kParkingWrite);
  }
  return identity::Require(ctx, perm::kStructureWrite);
}

}  // namespace anju::property
