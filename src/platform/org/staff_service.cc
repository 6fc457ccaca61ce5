// Staff accounts, roles and role grants.
#include <sstream>

#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "platform/identity/roles.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_json.h"
#include "platform/org/org_service.h"

namespace anju::org {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

// A staff account as the pages show it at `now`.
StaffMember MemberOf(const identity::StaffAccount& a, Millis now) {
  return {a.id,   a.login, a.name, a.trade, a.status, a.locked_until > now,
          a.created_at, a.department_id};
}

// FORBIDDEN unless the caller holds `code` company-wide.
Status RequireCompanyWide(const TenantContext& ctx, std::string_view code) {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(code));
  if (!s || !s->all_projects) return Error(errors::kForbidden);
  return Status::Ok();
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

}  // namespace

identity::StaffReach OrgService::StaffScope(db::Tx& tx, const TenantContext& ctx,
                                            std::string_view code) {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(code));
  std::vector<int64_t> projects;
  if (s) projects.assign(s->projects.begin(), s->projects.end());
  return {projects, DepartmentsOf(tx, ctx.company_id, projects)};
}

Result<StaffMember> OrgService::VisibleStaff(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                             std::string_view code) {
  ANJU_TRY(identity::Require(ctx, code));
  auto staff = identity::FindStaffAccount(tx, ctx.company_id, id);
  if (!staff) return Error(kStaffNotFound);
  const Scope* s = ctx.access.ScopeOf(std::string(code));
  if (!s->all_projects && !identity::StaffReaches(tx, id, StaffScope(tx, ctx, code)))
    return Error(kStaffNotFound);
  return MemberOf(*staff, clock_.Now());
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

Result<StaffPage> OrgService::ListStaff(const TenantContext& ctx, const StaffFilter& filter,
                                        const Page& page) {
  ANJU_TRY(identity::Require(ctx, perm::kStaffRead));
  const std::optional<int64_t>& project_id = filter.project_id;
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<StaffPage> {
    identity::StaffQuery sq{ctx.company_id, {}, filter.q, page.offset(), page.size};
    const Scope* s = ctx.access.ScopeOf(std::string(perm::kStaffRead));
    if (!s->all_projects) sq.reach.push_back(StaffScope(tx, ctx, perm::kStaffRead));
    if (project_id)  // staff with a grant for the project or in one of its departments
      sq.reach.push_back({{*project_id}, DepartmentsOf(tx, ctx.company_id, {*project_id})});
    StaffPage out;
    Millis now = clock_.Now();
    for (const identity::StaffAccount& a : identity::FindStaff(tx, sq, &out.total))
      out.items.push_back(MemberOf(a, now));
    return out;
  });
}

Result<StaffMember> OrgService::GetStaff(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead,
                 [&](db::Tx& tx) { return VisibleStaff(tx, ctx, id, perm::kStaffRead); });
}

Status OrgService::MayCreateStaff(const TenantContext& ctx) const {
  return identity::Require(ctx, perm::kStaffWrite);
}

Result<StaffMember> OrgService::CreateStaff(const TenantContext& ctx, const NewStaff& cmd) {
  ANJU_TRY(MayCreateStaff(ctx));
  const std::optional<int64_t>& department_id = cmd.department_id;
  // Project-scoped callers place new staff in a department of one of their projects, so
  // that they can see them afterwards; only company-wide callers may leave it out.
  if (!department_id && !ctx.access.ScopeOf(std::string(perm::kStaffWrite))->all_projects)
    return Error(errors::kValidation).WithField("department_id", "required",
                                                "Choose a department of your project");
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<StaffMember> {
    if (department_id) ANJU_TRY(CheckDepartment(tx, ctx, *department_id, perm::kStaffWrite));
    identity::NewAccount a{ctx.company_id, AccountKind::kStaff, cmd.login, cmd.name,
                           cmd.password, department_id, cmd.trade.value_or("")};
    auto id = identity_.CreateAccount(tx, a, ctx.login, ctx.user_id);
    if (!id.ok()) return id.take_error();
    return MemberOf(*identity::FindStaffAccount(tx, ctx.company_id, *id), clock_.Now());
  });
}

Result<StaffMember> OrgService::UpdateStaff(const TenantContext& ctx, int64_t id,
                                            const StaffChanges& cmd) {
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<StaffMember> {
    auto before = VisibleStaff(tx, ctx, id, perm::kStaffWrite);
    if (!before.ok()) return before.take_error();
    if (cmd.department_id)
      ANJU_TRY(CheckDepartment(tx, ctx, *cmd.department_id, perm::kStaffWrite));
    const StaffMember& bo = before.value();
    Millis now = clock_.Now();
    std::optional<int64_t> dept = cmd.department_id ? cmd.department_id : bo.department_id;
    identity::UpdateStaffProfile(tx, id, cmd.name.value_or(bo.name), dept,
                                 cmd.trade.value_or(bo.trade), now);
    if (cmd.status && *cmd.status != bo.status) {
      if (id == ctx.user_id) return Error(errors::kForbidden, "You cannot disable yourself");
      ANJU_TRY(identity_.SetLocked(tx, id, *cmd.status == "disabled", ctx.login));
    }
    StaffMember after = MemberOf(*identity::FindStaffAccount(tx, ctx.company_id, id), now);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.staff.update", "user", id, std::nullopt, StaffJson(bo), StaffJson(after)},
                  now);
    return after;
  });
}

Status OrgService::ResetStaffPassword(const TenantContext& ctx, int64_t id,
                                      const std::string& password) {
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto s = VisibleStaff(tx, ctx, id, perm::kStaffWrite);
    if (!s.ok()) return s.take_error();
    return identity_.ResetPassword(tx, id, password, ctx.login);
  });
}

Result<std::vector<identity::Role>> OrgService::ListRoles(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kRoleRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<identity::Role>> {
    return identity::ListRoles(tx, ctx.company_id);
  });
}

Status OrgService::MayWriteRoles(const TenantContext& ctx) const {
  return RequireCompanyWide(ctx, perm::kRoleWrite);
}

Result<identity::Role> OrgService::CreateRole(const TenantContext& ctx, const NewRole& cmd) {
  ANJU_TRY(MayWriteRoles(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<identity::Role> {
    if (identity::FindRoleByCode(tx, ctx.company_id, cmd.code))
      return Error(kRoleCodeTaken).WithField("code", "taken", "This code is used");
    Millis now = clock_.Now();
    int64_t id = identity::InsertRole(tx, ctx.company_id, cmd.code, cmd.name, cmd.permissions, now);
    identity::Role after = *identity::FindRole(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.role.create", "role", id, std::nullopt, nullptr, RoleJson(after)}, now);
    return after;
  });
}

Result<identity::Role> OrgService::UpdateRole(const TenantContext& ctx, int64_t id,
                                              const RoleChanges& cmd) {
  ANJU_TRY(MayWriteRoles(ctx));
  auto result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<identity::Role> {
    auto role = identity::FindRole(tx, ctx.company_id, id);
    if (!role) return Error(kRoleNotFound);
    if (role->builtin) return Error(kBuiltinRole);
    json::object before = RoleJson(*role);
    Millis now = clock_.Now();
    identity::UpdateRole(tx, id, cmd.name.value_or(role->name),
                         cmd.permissions.value_or(role->permissions), now);
    identity::Role after = *identity::FindRole(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.role.update", "role", id, std::nullopt, before, RoleJson(after)}, now);
    return after;
  });
  if (result.ok()) identity_.InvalidateAll();
  return result;
}

Result<std::vector<StaffGrant>> OrgService::ListGrants(const TenantContext& ctx,
                                                       int64_t staff_id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<StaffGrant>> {
    auto s = VisibleStaff(tx, ctx, staff_id, perm::kStaffRead);
    if (!s.ok()) return s.take_error();
    std::vector<StaffGrant> items;
    for (const identity::Grant& g : identity::GrantsOf(tx, staff_id)) {
      std::optional<std::string> project_name;
      if (g.project_id) project_name = ProjectName(tx, ctx.company_id, *g.project_id);
      items.push_back({g.id, g.role_id, g.role_code, g.role_name, g.project_id, project_name});
    }
    return items;
  });
}

Result<GrantAdded> OrgService::AddGrant(const TenantContext& ctx, int64_t staff_id,
                                        const NewGrant& cmd) {
  const std::optional<int64_t>& project_id = cmd.project_id;
  auto result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<GrantAdded> {
    auto s = VisibleStaff(tx, ctx, staff_id, perm::kStaffRead);
    if (!s.ok()) return s.take_error();
    ANJU_TRY(identity::Require(ctx, perm::kRoleWrite));
    auto role = identity::FindRole(tx, ctx.company_id, cmd.role_id);
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
    if (identity::HasGrant(tx, staff_id, cmd.role_id, project_id)) return Error(kGrantExists);
    Millis now = clock_.Now();
    int64_t id = identity::InsertGrant(tx, ctx.company_id, staff_id, cmd.role_id, project_id, now);
    GrantAdded after{id, staff_id, cmd.role_id, role->code, project_id};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.grant.create", "role_grant", id, project_id, nullptr, GrantJson(after)},
                  now);
    return after;
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
