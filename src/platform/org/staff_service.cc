// Staff accounts, roles and role grants.
#include <sstream>

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "platform/identity/roles.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"

namespace anju::org {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

const std::vector<std::string_view> kTrades = {
    "management", "service",  "cashier",  "finance",   "engineering",
    "security",   "cleaning", "greening", "collection"};

json::object StaffJson(const identity::StaffAccount& a, Millis now) {
  json::object o{{"id", a.id},           {"login", a.login},   {"name", a.name},
                 {"trade", a.trade},     {"status", a.status},
                 {"locked", a.locked_until > now},
                 {"created_at", FormatUtc(a.created_at)}};
  o["department_id"] = a.department_id ? json::value(*a.department_id) : json::value(nullptr);
  return o;
}

json::object RoleJson(const identity::Role& r) {
  json::array perms;
  std::istringstream in(r.permissions);
  std::string c;
  while (in >> c) perms.emplace_back(c);
  return {{"id", r.id}, {"code", r.code}, {"name", r.name},
          {"permissions", std::move(perms)}, {"builtin", r.builtin}};
}

// The departments of the company's projects `projects` (staff placed there are the
// projects' staff).
std::vector<int64_t> DepartmentsOf(db::Tx& tx, int64_t company_id,
                                   const std::vector<int64_t>& projects) {
  std::vector<int64_t> out;
  if (projects.empty()) return out;
  std::string sql = "SELECT id FROM departments WHERE company_id = ?";
  db::Params params{company_id};
  identity::AppendIdIn("project_id", projects, sql, params);
  for (const db::Row& r : tx.Query(sql + " ORDER BY id", params)) out.push_back(r.Int(0));
  return out;
}

// Reads a role's permission list from a body: known codes only, duplicates dropped.
std::optional<std::string> ReadPermissions(BodyReader& r, bool required) {
  const json::array* list = r.Array("permissions", required, 200);
  if (!list) return std::nullopt;
  std::string codes;
  std::set<std::string> seen;
  for (size_t i = 0; i < list->size(); ++i) {
    const json::value& c = (*list)[i];
    if (!c.is_string() || !identity::IsKnownPermission(c.as_string())) {
      r.Fail("permissions[" + std::to_string(i) + "]", "unknown_permission",
             "Unknown permission code");
      return std::nullopt;
    }
    if (seen.insert(std::string(c.as_string())).second)
      codes += (codes.empty() ? "" : " ") + std::string(c.as_string());
  }
  return codes;
}

}  // namespace

identity::StaffReach OrgService::StaffScope(db::Tx& tx, const TenantContext& ctx,
                                            std::string_view code) {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(code));
  std::vector<int64_t> projects;
  if (s) projects.assign(s->projects.begin(), s->projects.end());
  return {projects, DepartmentsOf(tx, ctx.company_id, projects)};
}

Result<json::object> OrgService::VisibleStaff(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                              std::string_view code) {
  ANJU_TRY(identity::Require(ctx, code));
  auto staff = identity::FindStaffAccount(tx, ctx.company_id, id);
  if (!staff) return Error(kStaffNotFound);
  const Scope* s = ctx.access.ScopeOf(std::string(code));
  if (!s->all_projects && !identity::StaffReaches(tx, id, StaffScope(tx, ctx, code)))
    return Error(kStaffNotFound);
  return StaffJson(*staff, clock_.Now());
}

Status OrgService::CheckDepartment(db::Tx& tx, const TenantContext& ctx, int64_t department_id,
                                   std::string_view code) {
  auto d = tx.QueryOne("SELECT project_id FROM departments WHERE id = ? AND company_id = ?",
                       {department_id, ctx.company_id});
  bool ok = d && (d->IsNull(0) ? ctx.access.ScopeOf(std::string(code))->all_projects
                               : ctx.access.HasIn(std::string(code), d->Int(0)));
  if (!ok) return Error(kDepartmentNotFound).WithField("department_id", "not_found");
  return Status::Ok();
}

Result<json::value> OrgService::ListStaff(const TenantContext& ctx,
                                          std::optional<int64_t> project_id, const std::string& q,
                                          int64_t offset, int64_t limit, int64_t* total) {
  ANJU_TRY(identity::Require(ctx, perm::kStaffRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    identity::StaffQuery sq{ctx.company_id, {}, q, offset, limit};
    const Scope* s = ctx.access.ScopeOf(std::string(perm::kStaffRead));
    if (!s->all_projects) sq.reach.push_back(StaffScope(tx, ctx, perm::kStaffRead));
    if (project_id)  // staff with a grant for the project or in one of its departments
      sq.reach.push_back({{*project_id}, DepartmentsOf(tx, ctx.company_id, {*project_id})});
    json::array items;
    Millis now = clock_.Now();
    for (const identity::StaffAccount& a : identity::FindStaff(tx, sq, total))
      items.push_back(StaffJson(a, now));
    return json::value(std::move(items));
  });
}

Result<json::value> OrgService::GetStaff(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    auto s = VisibleStaff(tx, ctx, id, perm::kStaffRead);
    if (!s.ok()) return s.take_error();
    return json::value(std::move(s.value()));
  });
}

Result<json::value> OrgService::CreateStaff(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kStaffWrite));
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "status", "kind", "created_at", "updated_at"});
  auto login = r.Str("login", true, 32);
  auto name = r.Str("name", true, 50);
  auto password = r.Str("password", true, 128);
  auto department_id = r.Int("department_id", false, 1, INT64_MAX);
  auto trade = r.Enum("trade", false, kTrades);
  ANJU_TRY(r.Finish());
  // Project-scoped callers place new staff in a department of one of their projects, so
  // that they can see them afterwards; only company-wide callers may leave it out.
  if (!department_id && !ctx.access.ScopeOf(std::string(perm::kStaffWrite))->all_projects)
    return Error(errors::kValidation).WithField("department_id", "required",
                                                "Choose a department of your project");
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    if (department_id) ANJU_TRY(CheckDepartment(tx, ctx, *department_id, perm::kStaffWrite));
    identity::NewAccount a{ctx.company_id, AccountKind::kStaff, *login, *name, *password,
                           department_id, trade.value_or("")};
    auto id = identity_.CreateAccount(tx, a, ctx.login, ctx.user_id);
    if (!id.ok()) return id.take_error();
    return json::value(StaffJson(*identity::FindStaffAccount(tx, ctx.company_id, *id),
                                 clock_.Now()));
  });
}

Result<json::value> OrgService::UpdateStaff(const TenantContext& ctx, int64_t id,
                                            const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "login", "kind", "created_at", "updated_at", "locked"});
  auto name = r.Str("name", false, 50, 1);
  auto department_id = r.Int("department_id", false, 1, INT64_MAX);
  auto trade = r.Enum("trade", false, kTrades);
  auto status = r.Enum("status", false, {"active", "disabled"});
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto before = VisibleStaff(tx, ctx, id, perm::kStaffWrite);
    if (!before.ok()) return before.take_error();
    if (department_id) ANJU_TRY(CheckDepartment(tx, ctx, *department_id, perm::kStaffWrite));
    const json::object& bo = before.value();
    Millis now = clock_.Now();
    std::optional<int64_t> dept = department_id;
    if (!dept && !bo.at("department_id").is_null()) dept = bo.at("department_id").as_int64();
    identity::UpdateStaffProfile(tx, id, name.value_or(std::string(bo.at("name").as_string())),
                                 dept, trade.value_or(std::string(bo.at("trade").as_string())),
                                 now);
    if (status && *status != bo.at("status").as_string()) {
      if (id == ctx.user_id) return Error(errors::kForbidden, "You cannot disable yourself");
      ANJU_TRY(identity_.SetLocked(tx, id, *status == "disabled", ctx.login));
    }
    json::object after = StaffJson(*identity::FindStaffAccount(tx, ctx.company_id, id), now);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.staff.update", "user", id, std::nullopt, bo, after}, now);
    return json::value(after);
  });
}

Status OrgService::ResetStaffPassword(const TenantContext& ctx, int64_t id,
                                      const json::object& b) {
  BodyReader r(b);
  auto password = r.Str("password", true, 128);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto s = VisibleStaff(tx, ctx, id, perm::kStaffWrite);
    if (!s.ok()) return s.take_error();
    return identity_.ResetPassword(tx, id, *password, ctx.login);
  });
}

Result<json::value> OrgService::ListRoles(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kRoleRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    json::array items;
    for (const identity::Role& r : identity::ListRoles(tx, ctx.company_id))
      items.push_back(RoleJson(r));
    int64_t n = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", n}});
  });
}

Result<json::value> OrgService::CreateRole(const TenantContext& ctx, const json::object& b) {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(perm::kRoleWrite));
  if (!s || !s->all_projects) return Error(errors::kForbidden);
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "builtin", "created_at", "updated_at"});
  auto code = r.Str("code", true, 32);
  auto name = r.Str("name", true, 50);
  auto perms = ReadPermissions(r, true);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    if (identity::FindRoleByCode(tx, ctx.company_id, *code))
      return Error(kRoleCodeTaken).WithField("code", "taken", "This code is used");
    Millis now = clock_.Now();
    int64_t id = identity::InsertRole(tx, ctx.company_id, *code, *name, *perms, now);
    json::object after = RoleJson(*identity::FindRole(tx, ctx.company_id, id));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.role.create", "role", id, std::nullopt, nullptr, after}, now);
    return json::value(after);
  });
}

Result<json::value> OrgService::UpdateRole(const TenantContext& ctx, int64_t id,
                                           const json::object& b) {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(perm::kRoleWrite));
  if (!s || !s->all_projects) return Error(errors::kForbidden);
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "code", "builtin", "created_at", "updated_at"});
  auto name = r.Str("name", false, 50, 1);
  auto perms = ReadPermissions(r, false);
  ANJU_TRY(r.Finish());
  auto result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto role = identity::FindRole(tx, ctx.company_id, id);
    if (!role) return Error(kRoleNotFound);
    if (role->builtin) return Error(kBuiltinRole);
    json::object before = RoleJson(*role);
    Millis now = clock_.Now();
    identity::UpdateRole(tx, id, name.value_or(role->name), perms.value_or(role->permissions),
                         now);
    json::object after = RoleJson(*identity::FindRole(tx, ctx.company_id, id));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.role.update", "role", id, std::nullopt, before, after}, now);
    return json::value(after);
  });
  if (result.ok()) identity_.InvalidateAll();
  return result;
}

json::value OrgService::PermissionCatalogueJson() const {
  json::array items;
  for (auto& p : identity::PermissionCatalogue())
    items.push_back(json::object{{"code", p.code}, {"name_zh", p.name_zh}, {"name_en", p.name_en}});
  return json::object{{"items", std::move(items)}};
}

Result<json::value> OrgService::ListGrants(const TenantContext& ctx, int64_t staff_id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    auto s = VisibleStaff(tx, ctx, staff_id, perm::kStaffRead);
    if (!s.ok()) return s.take_error();
    json::array items;
    for (const identity::Grant& g : identity::GrantsOf(tx, staff_id)) {
      json::object o{{"id", g.id}, {"role_id", g.role_id}, {"role_code", g.role_code},
                     {"role_name", g.role_name}};
      std::optional<std::string> project_name;
      if (g.project_id) project_name = ProjectName(tx, ctx.company_id, *g.project_id);
      o["project_id"] = g.project_id ? json::value(*g.project_id) : json::value(nullptr);
      o["project_name"] = project_name ? json::value(*project_name) : json::value(nullptr);
      items.push_back(std::move(o));
    }
    return json::value(json::object{{"items", std::move(items)}});
  });
}

Result<json::value> OrgService::AddGrant(const TenantContext& ctx, int64_t staff_id,
                                         const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "user_id"});
  auto role_id = r.Int("role_id", true, 1, INT64_MAX);
  auto project_id = r.Int("project_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  auto result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto s = VisibleStaff(tx, ctx, staff_id, perm::kStaffRead);
    if (!s.ok()) return s.take_error();
    ANJU_TRY(identity::Require(ctx, perm::kRoleWrite));
    auto role = identity::FindRole(tx, ctx.company_id, *role_id);
    if (!role) return Error(kRoleNotFound).WithField("role_id", "not_found");
    if (project_id && !ProjectExists(tx, ctx.company_id, *project_id))
      return Error(kProjectNotFound).WithField("project_id", "not_found");
    // No escalation: the granter must hold role:write and every code of the role there.
    auto holds = [&](const std::string& code) {
      const Scope* sc = ctx.access.ScopeOf(code);
      return sc && (sc->all_projects || (project_id && sc->projects.count(*project_id)));
    };
    std::istringstream in(role->permissions);
    std::string code;
    bool ok = holds(std::string(perm::kRoleWrite));
    while (ok && in >> code) ok = holds(code);
    if (!ok) return Error(kGrantEscalation);
    if (identity::HasGrant(tx, staff_id, *role_id, project_id)) return Error(kGrantExists);
    Millis now = clock_.Now();
    int64_t id = identity::InsertGrant(tx, ctx.company_id, staff_id, *role_id, project_id, now);
    json::object after{{"id", id}, {"user_id", staff_id}, {"role_id", *role_id},
                       {"role_code", role->code}};
    after["project_id"] = project_id ? json::value(*project_id) : json::value(nullptr);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.grant.create", "role_grant", id, project_id, nullptr, after}, now);
    return json::value(after);
  });
  if (result.ok()) identity_.InvalidateAccount(staff_id);
  return result;
}

Status OrgService::RemoveGrant(const TenantContext& ctx, int64_t staff_id, int64_t grant_id) {
  Status st = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto s = VisibleStaff(tx, ctx, staff_id, perm::kStaffRead);
    if (!s.ok()) return s.take_error();
    ANJU_TRY(identity::Require(ctx, perm::kRoleWrite));
    auto g = identity::FindGrant(tx, ctx.company_id, staff_id, grant_id);
    if (!g) return Error(kGrantNotFound);
    const Scope* sc = ctx.access.ScopeOf(std::string(perm::kRoleWrite));
    bool ok = sc->all_projects || (g->project_id && sc->projects.count(*g->project_id));
    if (!ok) return Error(kGrantEscalation);
    identity::DeleteGrant(tx, grant_id);
    json::object before{{"id", grant_id}, {"user_id", staff_id}, {"role_id", g->role_id}};
    before["project_id"] = g->project_id ? json::value(*g->project_id) : json::value(nullptr);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.grant.delete", "role_grant", grant_id, g->project_id, before, nullptr},
                  clock_.Now());
    return Status::Ok();
  });
  if (st.ok()) identity_.InvalidateAccount(staff_id);
  return st;
}

Status OrgService::GrantByCode(db::Tx& tx, int64_t company_id, int64_t user_id,
                               const std::string& role_code, std::optional<int64_t> project_id,
                               const std::string& actor_login) {
  auto role = identity::FindRoleByCode(tx, company_id, role_code);
  if (!role) return Error(kRoleNotFound);
  Millis now = clock_.Now();
  int64_t id = identity::InsertGrant(tx, company_id, user_id, role->id, project_id, now);
  json::object after{{"user_id", user_id}, {"role_code", role_code}};
  after["project_id"] = project_id ? json::value(*project_id) : json::value(nullptr);
  audit::Append(tx, {company_id, std::nullopt, actor_login, "", ""},
                {"org.grant.create", "role_grant", id, project_id, nullptr, after}, now);
  identity_.InvalidateAccount(user_id);
  return Status::Ok();
}

}  // namespace anju::org
