// Staff accounts, roles and role grants.
#include <sstream>

#include "core/json_body.h"
#include "modules/audit/audit_log.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"
#include "modules/org/org_errors.h"
#include "modules/org/org_service.h"

namespace anju::org {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr std::string_view kStaffColumns =
    "u.id, u.login, u.name, u.department_id, u.trade, u.status, u.locked_until, u.created_at";

const std::vector<std::string_view> kTrades = {
    "management", "service",  "cashier",  "finance",   "engineering",
    "security",   "cleaning", "greening", "collection"};

json::object StaffJson(const db::Row& r, Millis now) {
  json::object o{{"id", r.Int(0)},      {"login", r.Str(1)}, {"name", r.Str(2)},
                 {"trade", r.Str(4)},   {"status", r.Str(5)},
                 {"locked", r.Int(6) > now},
                 {"created_at", FormatUtc(r.Int(7))}};
  o["department_id"] = r.IsNull(3) ? json::value(nullptr) : json::value(r.Int(3));
  return o;
}

json::object RoleJson(const db::Row& r) {
  json::array perms;
  std::istringstream in(r.Str(3));
  std::string c;
  while (in >> c) perms.emplace_back(c);
  return {{"id", r.Int(0)}, {"code", r.Str(1)}, {"name", r.Str(2)},
          {"permissions", std::move(perms)}, {"builtin", r.Int(4) != 0}};
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

void OrgService::AppendStaffScope(const TenantContext& ctx, std::string_view code,
                                  std::string& sql, db::Params& params) {
  std::string grants, departments;
  db::Params gp, dp;
  identity::AppendProjectScope(ctx, code, "project_id", grants, gp);
  identity::AppendProjectScope(ctx, code, "project_id", departments, dp);
  sql += " AND (u.id IN (SELECT user_id FROM role_grants WHERE 1 = 1" + grants +
         ") OR u.department_id IN (SELECT id FROM departments WHERE 1 = 1" + departments + "))";
  params.insert(params.end(), gp.begin(), gp.end());
  params.insert(params.end(), dp.begin(), dp.end());
}

Result<json::object> OrgService::VisibleStaff(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                              std::string_view code) {
  ANJU_TRY(identity::Require(ctx, code));
  auto row = tx.QueryOne("SELECT " + std::string(kStaffColumns) +
                             " FROM users u WHERE u.id = ? AND u.company_id = ? AND u.kind = 'staff'",
                         {id, ctx.company_id});
  if (!row) return Error(kStaffNotFound);
  const Scope* s = ctx.access.ScopeOf(std::string(code));
  if (!s->all_projects) {
    std::string sql = "SELECT 1 FROM users u WHERE u.id = ?";
    db::Params params{id};
    AppendStaffScope(ctx, code, sql, params);
    if (!tx.QueryOne(sql, params)) return Error(kStaffNotFound);
  }
  return StaffJson(*row, clock_.Now());
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
    std::string where = " FROM users u WHERE u.company_id = ? AND u.kind = 'staff'";
    db::Params params{ctx.company_id};
    const Scope* s = ctx.access.ScopeOf(std::string(perm::kStaffRead));
    if (!s->all_projects) AppendStaffScope(ctx, perm::kStaffRead, where, params);
    if (project_id) {
      where += " AND (u.id IN (SELECT user_id FROM role_grants WHERE project_id = ?) OR "
               "u.department_id IN (SELECT id FROM departments WHERE project_id = ?))";
      params.emplace_back(*project_id);
      params.emplace_back(*project_id);
    }
    if (!q.empty()) {
      std::string like = "%";
      for (char c : q) {
        if (c == '%' || c == '_' || c == '\\') like += '\\';
        like += c;
      }
      like += "%";
      where += " AND (u.name LIKE ? ESCAPE '\\' OR u.login LIKE ? ESCAPE '\\')";
      params.emplace_back(like);
      params.emplace_back(like);
    }
    *total = tx.QueryOne("SELECT COUNT(*)" + where, params)->Int(0);
    params.emplace_back(limit);
    params.emplace_back(offset);
    json::array items;
    Millis now = clock_.Now();
    for (auto& r : tx.Query("SELECT " + std::string(kStaffColumns) + where +
                                " ORDER BY u.login LIMIT ? OFFSET ?",
                            params))
      items.push_back(StaffJson(r, now));
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
    auto row = tx.QueryOne("SELECT " + std::string(kStaffColumns) + " FROM users u WHERE u.id = ?",
                           {*id});
    return json::value(StaffJson(*row, clock_.Now()));
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
    db::Value dept = department_id ? db::Value(*department_id)
                     : bo.at("department_id").is_null() ? db::kNull
                                                        : db::Value(bo.at("department_id").as_int64());
    tx.Exec("UPDATE users SET name = ?, department_id = ?, trade = ?, updated_at = ? WHERE id = ?",
            {name.value_or(std::string(bo.at("name").as_string())), dept,
             trade.value_or(std::string(bo.at("trade").as_string())), now, id});
    if (status && *status != bo.at("status").as_string()) {
      if (id == ctx.user_id) return Error(errors::kForbidden, "You cannot disable yourself");
      ANJU_TRY(identity_.SetLocked(tx, id, *status == "disabled", ctx.login));
    }
    auto row = tx.QueryOne("SELECT " + std::string(kStaffColumns) + " FROM users u WHERE u.id = ?",
                           {id});
    json::object after = StaffJson(*row, now);
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
    for (auto& r : tx.Query("SELECT id, code, name, permissions, builtin FROM roles "
                            "WHERE company_id = ? ORDER BY builtin DESC, code",
                            {ctx.company_id}))
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
    if (tx.QueryOne("SELECT 1 FROM roles WHERE company_id = ? AND code = ?",
                    {ctx.company_id, *code}))
      return Error(kRoleCodeTaken).WithField("code", "taken", "This code is used");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO roles (company_id, code, name, permissions, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, *code, *name, *perms, now, now});
    auto row = tx.QueryOne("SELECT id, code, name, permissions, builtin FROM roles WHERE id = ?",
                           {id});
    json::object after = RoleJson(*row);
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
    auto row = tx.QueryOne("SELECT id, code, name, permissions, builtin FROM roles "
                           "WHERE id = ? AND company_id = ?",
                           {id, ctx.company_id});
    if (!row) return Error(kRoleNotFound);
    if (row->Int(4)) return Error(kBuiltinRole);
    json::object before = RoleJson(*row);
    Millis now = clock_.Now();
    tx.Exec("UPDATE roles SET name = ?, permissions = ?, updated_at = ? WHERE id = ?",
            {name.value_or(row->Str(2)), perms.value_or(row->Str(3)), now, id});
    auto after_row = tx.QueryOne(
        "SELECT id, code, name, permissions, builtin FROM roles WHERE id = ?", {id});
    json::object after = RoleJson(*after_row);
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
    for (auto& r : tx.Query("SELECT g.id, g.role_id, r.code, r.name, g.project_id, p.name "
                            "FROM role_grants g JOIN roles r ON r.id = g.role_id "
                            "LEFT JOIN projects p ON p.id = g.project_id "
                            "WHERE g.user_id = ? ORDER BY g.id",
                            {staff_id})) {
      json::object o{{"id", r.Int(0)}, {"role_id", r.Int(1)}, {"role_code", r.Str(2)},
                     {"role_name", r.Str(3)}};
      o["project_id"] = r.IsNull(4) ? json::value(nullptr) : json::value(r.Int(4));
      o["project_name"] = r.IsNull(5) ? json::value(nullptr) : json::value(r.Str(5));
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
    auto role = tx.QueryOne("SELECT permissions, code FROM roles WHERE id = ? AND company_id = ?",
                            {*role_id, ctx.company_id});
    if (!role) return Error(kRoleNotFound).WithField("role_id", "not_found");
    if (project_id && !tx.QueryOne("SELECT 1 FROM projects WHERE id = ? AND company_id = ?",
                                   {*project_id, ctx.company_id}))
      return Error(kProjectNotFound).WithField("project_id", "not_found");
    // No escalation: the granter must hold role:write and every code of the role there.
    auto holds = [&](const std::string& code) {
      const Scope* sc = ctx.access.ScopeOf(code);
      return sc && (sc->all_projects || (project_id && sc->projects.count(*project_id)));
    };
    std::istringstream in(role->Str(0));
    std::string code;
    bool ok = holds(std::string(perm::kRoleWrite));
    while (ok && in >> code) ok = holds(code);
    if (!ok) return Error(kGrantEscalation);
    std::string dup = "SELECT 1 FROM role_grants WHERE user_id = ? AND role_id = ? AND ";
    db::Params dp{staff_id, *role_id};
    if (project_id) { dup += "project_id = ?"; dp.emplace_back(*project_id); }
    else dup += "project_id IS NULL";
    if (tx.QueryOne(dup, dp)) return Error(kGrantExists);
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO role_grants (company_id, user_id, role_id, project_id, created_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, staff_id, *role_id, project_id ? db::Value(*project_id) : db::kNull, now});
    json::object after{{"id", id}, {"user_id", staff_id}, {"role_id", *role_id},
                       {"role_code", role->Str(1)}};
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
    auto g = tx.QueryOne("SELECT role_id, project_id FROM role_grants "
                         "WHERE id = ? AND user_id = ? AND company_id = ?",
                         {grant_id, staff_id, ctx.company_id});
    if (!g) return Error(kGrantNotFound);
    const Scope* sc = ctx.access.ScopeOf(std::string(perm::kRoleWrite));
    bool ok = sc->all_projects || (!g->IsNull(1) && sc->projects.count(g->Int(1)));
    if (!ok) return Error(kGrantEscalation);
    tx.Exec("DELETE FROM role_grants WHERE id = ?", {grant_id});
    json::object before{{"id", grant_id}, {"user_id", staff_id}, {"role_id", g->Int(0)}};
    before["project_id"] = g->IsNull(1) ? json::value(nullptr) : json::value(g->Int(1));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.grant.delete", "role_grant", grant_id, g->OptInt(1), before, nullptr},
                  clock_.Now());
    return Status::Ok();
  });
  if (st.ok()) identity_.InvalidateAccount(staff_id);
  return st;
}

Status OrgService::GrantByCode(db::Tx& tx, int64_t company_id, int64_t user_id,
                               const std::string& role_code, std::optional<int64_t> project_id,
                               const std::string& actor_login) {
  auto role = tx.QueryOne("SELECT id FROM roles WHERE company_id = ? AND code = ?",
                          {company_id, role_code});
  if (!role) return Error(kRoleNotFound);
  Millis now = clock_.Now();
  int64_t id = tx.InsertId(
      "INSERT INTO role_grants (company_id, user_id, role_id, project_id, created_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {company_id, user_id, role->Int(0), project_id ? db::Value(*project_id) : db::kNull, now});
  json::object after{{"user_id", user_id}, {"role_code", role_code}};
  after["project_id"] = project_id ? json::value(*project_id) : json::value(nullptr);
  audit::Append(tx, {company_id, std::nullopt, actor_login, "", ""},
                {"org.grant.create", "role_grant", id, project_id, nullptr, after}, now);
  identity_.InvalidateAccount(user_id);
  return Status::Ok();
}

}  // namespace anju::org
