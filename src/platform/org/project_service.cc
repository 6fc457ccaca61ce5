// Companies, projects and departments.
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/identity/roles.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_json.h"
#include "platform/org/org_service.h"

namespace anju::org {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr std::string_view kProjectColumns =
    "id, code, name, kind, address, time_zone, status, created_at, updated_at";

Project ProjectOf(const db::Row& r) {
  return {r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4),
          r.Str(5), r.Str(6), r.Int(7), r.Int(8)};
}

// A row of (id, project_id, parent_id, name).
Department DepartmentOf(const db::Row& r) { return {r.Int(0), r.OptInt(1), r.OptInt(2), r.Str(3)}; }

// The projects a resident's houses are in, through property's port (none without one).
std::set<int64_t> ResidentProjects(const HouseDirectory* houses, db::Tx& tx,
                                   const TenantContext& ctx) {
  if (!houses || ctx.house_ids.empty()) return {};
  return houses->ProjectsOfHouses(tx, ctx.company_id, ctx.house_ids);
}

}  // namespace

Result<int64_t> OrgService::CreateCompany(db::Tx& tx, const std::string& code,
                                          const std::string& name,
                                          const std::string& actor_login) {
  if (tx.QueryOne("SELECT 1 FROM companies WHERE code = ?", {code})) return Error(kCompanyCodeTaken);
  Millis now = clock_.Now();
  int64_t id = tx.InsertId(
      "INSERT INTO companies (code, name, created_at) VALUES (?, ?, ?) RETURNING id",
      {code, name, now});
  identity::CreateBuiltinRoles(tx, id, now);
  audit::Append(tx, {id, std::nullopt, actor_login, "", ""},
                {"org.company.create", "company", id, std::nullopt, nullptr,
                 json::object{{"code", code}, {"name", name}}},
                now);
  return id;
}

Result<std::vector<Project>> OrgService::ListProjects(const TenantContext& ctx) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Project>> {
    std::string sql = "SELECT " + std::string(kProjectColumns) + " FROM projects WHERE company_id = ?";
    db::Params params{ctx.company_id};
    if (ctx.IsResident()) {  // the projects their houses are in
      std::set<int64_t> mine = ResidentProjects(houses_, tx, ctx);
      std::vector<int64_t> ids(mine.begin(), mine.end());
      identity::AppendIdIn("id", ids, sql, params);
    } else {
      ANJU_TRY(identity::Require(ctx, perm::kProjectRead));
      identity::AppendProjectScope(ctx, perm::kProjectRead, "id", sql, params);
    }
    sql += " ORDER BY code";
    std::vector<Project> items;
    for (auto& r : tx.Query(sql, params)) items.push_back(ProjectOf(r));
    return items;
  });
}

Result<Project> OrgService::GetProject(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Project> {
    auto r = tx.QueryOne("SELECT " + std::string(kProjectColumns) +
                             " FROM projects WHERE id = ? AND company_id = ?",
                         {id, ctx.company_id});
    if (!r) return Error(kProjectNotFound);
    if (ctx.IsResident()) {  // residents read the projects their houses are in
      if (!ResidentProjects(houses_, tx, ctx).count(id)) return Error(kProjectNotFound);
      return ProjectOf(*r);
    }
    if (auto s = identity::RequireIn(ctx, perm::kProjectRead, id); !s.ok())
      return s.error().kind == ErrorKind::kNotFound ? Error(kProjectNotFound) : s.take_error();
    return ProjectOf(*r);
  });
}

Status OrgService::MayCreateProjects(const TenantContext& ctx) const {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(perm::kProjectWrite));
  if (!s || !s->all_projects) return Error(errors::kForbidden);
  return Status::Ok();
}

Result<Project> OrgService::CreateProject(const TenantContext& ctx, const NewProject& cmd) {
  ANJU_TRY(MayCreateProjects(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Project> {
    if (tx.QueryOne("SELECT 1 FROM projects WHERE company_id = ? AND code = ?",
                    {ctx.company_id, cmd.code}))
      return Error(kProjectCodeTaken).WithField("code", "taken", "This code is used");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO projects (company_id, code, name, kind, address, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, cmd.code, cmd.name, cmd.kind, cmd.address.value_or(""), now, now});
    auto row = tx.QueryOne("SELECT " + std::string(kProjectColumns) + " FROM projects WHERE id = ?",
                           {id});
    Project after = ProjectOf(*row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.project.create", "project", id, id, nullptr, ProjectJson(after)}, now);
    return after;
  });
}

Result<Project> OrgService::UpdateProject(const TenantContext& ctx, int64_t id,
                                          const ProjectChanges& cmd) {
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Project> {
    auto row = tx.QueryOne("SELECT " + std::string(kProjectColumns) +
                               " FROM projects WHERE id = ? AND company_id = ?",
                           {id, ctx.company_id});
    if (!row) return Error(kProjectNotFound);
    if (auto s = identity::RequireIn(ctx, perm::kProjectWrite, id); !s.ok())
      return s.error().kind == ErrorKind::kNotFound ? Error(kProjectNotFound) : s.take_error();
    json::object before = ProjectJson(ProjectOf(*row));
    Millis now = clock_.Now();
    tx.Exec("UPDATE projects SET name = ?, kind = ?, address = ?, status = ?, updated_at = ? "
            "WHERE id = ?",
            {cmd.name.value_or(row->Str(2)), cmd.kind.value_or(row->Str(3)),
             cmd.address.value_or(row->Str(4)), cmd.status.value_or(row->Str(6)), now, id});
    auto after_row = tx.QueryOne(
        "SELECT " + std::string(kProjectColumns) + " FROM projects WHERE id = ?", {id});
    Project after = ProjectOf(*after_row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.project.update", "project", id, id, before, ProjectJson(after)}, now);
    return after;
  });
}

Result<std::vector<Department>> OrgService::ListDepartments(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kDepartmentRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Department>> {
    std::string sql =
        "SELECT id, project_id, parent_id, name FROM departments WHERE company_id = ?";
    db::Params params{ctx.company_id};
    const Scope* s = ctx.access.ScopeOf(std::string(perm::kDepartmentRead));
    if (!s->all_projects) {
      // Project-scoped callers see their projects' departments and the HQ ones.
      sql += " AND (project_id IS NULL";
      std::string in;
      identity::AppendProjectScope(ctx, perm::kDepartmentRead, "project_id", in, params);
      sql += " OR (1 = 1" + in + "))";
    }
    sql += " ORDER BY id";
    std::vector<Department> items;
    for (auto& r : tx.Query(sql, params)) items.push_back(DepartmentOf(r));
    return items;
  });
}

Status OrgService::MayWriteDepartments(const TenantContext& ctx) const {
  return identity::Require(ctx, perm::kDepartmentWrite);
}

Result<Department> OrgService::CreateDepartment(const TenantContext& ctx,
                                                const NewDepartment& cmd) {
  ANJU_TRY(MayWriteDepartments(ctx));
  const std::optional<int64_t>& project_id = cmd.project_id;
  const std::optional<int64_t>& parent_id = cmd.parent_id;
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Department> {
    if (project_id) {
      if (!tx.QueryOne("SELECT 1 FROM projects WHERE id = ? AND company_id = ?",
                       {*project_id, ctx.company_id}))
        return Error(kProjectNotFound);
      if (!ctx.access.HasIn(std::string(perm::kDepartmentWrite), *project_id))
        return Error(kProjectNotFound);
    } else if (!ctx.access.ScopeOf(std::string(perm::kDepartmentWrite))->all_projects) {
      return Error(errors::kForbidden);
    }
    if (parent_id && !tx.QueryOne("SELECT 1 FROM departments WHERE id = ? AND company_id = ?",
                                  {*parent_id, ctx.company_id}))
      return Error(kDepartmentNotFound).WithField("parent_id", "not_found");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO departments (company_id, project_id, parent_id, name, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, project_id ? db::Value(*project_id) : db::kNull,
         parent_id ? db::Value(*parent_id) : db::kNull, cmd.name, now, now});
    auto row = tx.QueryOne("SELECT id, project_id, parent_id, name FROM departments WHERE id = ?",
                           {id});
    Department after = DepartmentOf(*row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.department.create", "department", id, project_id, nullptr,
                   DepartmentJson(after)},
                  now);
    return after;
  });
}

Result<Department> OrgService::UpdateDepartment(const TenantContext& ctx, int64_t id,
                                                const DepartmentChanges& cmd) {
  ANJU_TRY(MayWriteDepartments(ctx));
  const std::optional<int64_t>& parent_id = cmd.parent_id;
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Department> {
    auto row = tx.QueryOne(
        "SELECT id, project_id, parent_id, name FROM departments WHERE id = ? AND company_id = ?",
        {id, ctx.company_id});
    if (!row) return Error(kDepartmentNotFound);
    bool allowed = row->IsNull(1)
                       ? ctx.access.ScopeOf(std::string(perm::kDepartmentWrite))->all_projects
                       : ctx.access.HasIn(std::string(perm::kDepartmentWrite), row->Int(1));
    if (!allowed) return Error(kDepartmentNotFound);
    if (parent_id && (*parent_id == id ||
                      !tx.QueryOne("SELECT 1 FROM departments WHERE id = ? AND company_id = ?",
                                   {*parent_id, ctx.company_id})))
      return Error(kDepartmentNotFound).WithField("parent_id", "not_found");
    json::object before = DepartmentJson(DepartmentOf(*row));
    Millis now = clock_.Now();
    // parent_id: a new parent, null to make it a top-level department, absent to keep it.
    db::Value parent = parent_id                           ? db::Value(*parent_id)
                       : cmd.clear_parent || row->IsNull(2) ? db::kNull
                                                            : db::Value(row->Int(2));
    tx.Exec("UPDATE departments SET name = ?, parent_id = ?, updated_at = ? WHERE id = ?",
            {cmd.name.value_or(row->Str(3)), parent, now, id});
    auto after_row = tx.QueryOne(
        "SELECT id, project_id, parent_id, name FROM departments WHERE id = ?", {id});
    Department after = DepartmentOf(*after_row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.department.update", "department", id, row->OptInt(1), before,
                   DepartmentJson(after)},
                  now);
    return after;
  });
}

std::optional<std::string> ProjectCode(db::Tx& tx, int64_t company_id, int64_t project_id) {
  auto r = tx.QueryOne("SELECT code FROM projects WHERE id = ? AND company_id = ?",
                       {project_id, company_id});
  return r ? std::optional(r->Str(0)) : std::nullopt;
}

std::optional<std::string> ProjectName(db::Tx& tx, int64_t company_id, int64_t project_id) {
  auto r = tx.QueryOne("SELECT name FROM projects WHERE id = ? AND company_id = ?",
                       {project_id, company_id});
  return r ? std::optional(r->Str(0)) : std::nullopt;
}

bool ProjectExists(db::Tx& tx, int64_t company_id, int64_t project_id) {
  return tx.QueryOne("SELECT 1 FROM projects WHERE id = ? AND company_id = ?",
                     {project_id, company_id})
      .has_value();
}

std::string CompanyName(db::Tx& tx, int64_t company_id) {
  auto r = tx.QueryOne("SELECT name FROM companies WHERE id = ?", {company_id});
  return r ? r->Str(0) : std::string();
}

std::vector<int64_t> CompanyIds(db::Tx& tx) {
  std::vector<int64_t> ids;
  for (auto& r : tx.Query("SELECT id FROM companies ORDER BY id")) ids.push_back(r.Int(0));
  return ids;
}

std::vector<int64_t> ProjectIds(db::Tx& tx, int64_t company_id) {
  std::vector<int64_t> ids;
  for (auto& r : tx.Query("SELECT id FROM projects WHERE company_id = ? ORDER BY id", {company_id}))
    ids.push_back(r.Int(0));
  return ids;
}

}  // namespace anju::org
