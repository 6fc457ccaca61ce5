// Companies, projects and departments.
#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/identity/roles.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"

namespace anju::org {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr std::string_view kProjectColumns =
    "id, code, name, kind, address, time_zone, status, created_at, updated_at";

json::object ProjectJson(const db::Row& r) {
  return {{"id", r.Int(0)},         {"code", r.Str(1)},      {"name", r.Str(2)},
          {"kind", r.Str(3)},       {"address", r.Str(4)},   {"time_zone", r.Str(5)},
          {"status", r.Str(6)},     {"created_at", FormatUtc(r.Int(7))},
          {"updated_at", FormatUtc(r.Int(8))}};
}

json::object DepartmentJson(const db::Row& r) {
  json::object o{{"id", r.Int(0)}, {"name", r.Str(3)}};
  o["project_id"] = r.IsNull(1) ? json::value(nullptr) : json::value(r.Int(1));
  o["parent_id"] = r.IsNull(2) ? json::value(nullptr) : json::value(r.Int(2));
  return o;
}

const std::vector<std::string_view> kProjectKinds = {
    "residential", "commercial", "office", "park", "mixed"};

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

Result<json::value> OrgService::ListProjects(const TenantContext& ctx) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
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
    json::array items;
    for (auto& r : tx.Query(sql, params)) items.push_back(ProjectJson(r));
    int64_t n = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", n}});
  });
}

Result<json::value> OrgService::GetProject(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    auto r = tx.QueryOne("SELECT " + std::string(kProjectColumns) +
                             " FROM projects WHERE id = ? AND company_id = ?",
                         {id, ctx.company_id});
    if (!r) return Error(kProjectNotFound);
    if (ctx.IsResident()) {  // residents read the projects their houses are in
      if (!ResidentProjects(houses_, tx, ctx).count(id)) return Error(kProjectNotFound);
      return json::value(ProjectJson(*r));
    }
    if (auto s = identity::RequireIn(ctx, perm::kProjectRead, id); !s.ok())
      return s.error().kind == ErrorKind::kNotFound ? Error(kProjectNotFound) : s.take_error();
    return json::value(ProjectJson(*r));
  });
}

Result<json::value> OrgService::CreateProject(const TenantContext& ctx, const json::object& b) {
  const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(perm::kProjectWrite));
  if (!s || !s->all_projects) return Error(errors::kForbidden);
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "status", "created_at", "updated_at"});
  auto code = r.Str("code", true, 32);
  auto name = r.Str("name", true, 100);
  auto kind = r.Enum("kind", true, kProjectKinds);
  auto address = r.Str("address", false, 200);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    if (tx.QueryOne("SELECT 1 FROM projects WHERE company_id = ? AND code = ?",
                    {ctx.company_id, *code}))
      return Error(kProjectCodeTaken).WithField("code", "taken", "This code is used");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO projects (company_id, code, name, kind, address, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, *code, *name, *kind, address.value_or(""), now, now});
    auto row = tx.QueryOne("SELECT " + std::string(kProjectColumns) + " FROM projects WHERE id = ?",
                           {id});
    json::object after = ProjectJson(*row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.project.create", "project", id, id, nullptr, after}, now);
    return json::value(after);
  });
}

Result<json::value> OrgService::UpdateProject(const TenantContext& ctx, int64_t id,
                                              const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "code", "created_at", "updated_at"});
  auto name = r.Str("name", false, 100, 1);
  auto kind = r.Enum("kind", false, kProjectKinds);
  auto address = r.Str("address", false, 200);
  auto status = r.Enum("status", false, {"active", "archived"});
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto row = tx.QueryOne("SELECT " + std::string(kProjectColumns) +
                               " FROM projects WHERE id = ? AND company_id = ?",
                           {id, ctx.company_id});
    if (!row) return Error(kProjectNotFound);
    if (auto s = identity::RequireIn(ctx, perm::kProjectWrite, id); !s.ok())
      return s.error().kind == ErrorKind::kNotFound ? Error(kProjectNotFound) : s.take_error();
    json::object before = ProjectJson(*row);
    Millis now = clock_.Now();
    tx.Exec("UPDATE projects SET name = ?, kind = ?, address = ?, status = ?, updated_at = ? "
            "WHERE id = ?",
            {name.value_or(row->Str(2)), kind.value_or(row->Str(3)),
             address.value_or(row->Str(4)), status.value_or(row->Str(6)), now, id});
    auto after_row = tx.QueryOne(
        "SELECT " + std::string(kProjectColumns) + " FROM projects WHERE id = ?", {id});
    json::object after = ProjectJson(*after_row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.project.update", "project", id, id, before, after}, now);
    return json::value(after);
  });
}

Result<json::value> OrgService::ListDepartments(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kDepartmentRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
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
    json::array items;
    for (auto& r : tx.Query(sql, params)) items.push_back(DepartmentJson(r));
    int64_t n = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", n}});
  });
}

Result<json::value> OrgService::CreateDepartment(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kDepartmentWrite));
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "created_at", "updated_at"});
  auto name = r.Str("name", true, 100);
  auto project_id = r.Int("project_id", false, 1, INT64_MAX);
  auto parent_id = r.Int("parent_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
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
         parent_id ? db::Value(*parent_id) : db::kNull, *name, now, now});
    auto row = tx.QueryOne("SELECT id, project_id, parent_id, name FROM departments WHERE id = ?",
                           {id});
    json::object after = DepartmentJson(*row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.department.create", "department", id, project_id, nullptr, after}, now);
    return json::value(after);
  });
}

Result<json::value> OrgService::UpdateDepartment(const TenantContext& ctx, int64_t id,
                                                 const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kDepartmentWrite));
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "project_id", "created_at", "updated_at"});
  auto name = r.Str("name", false, 100, 1);
  auto parent_id = r.Int("parent_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
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
    json::object before = DepartmentJson(*row);
    Millis now = clock_.Now();
    // parent_id: a new parent, null to make it a top-level department, absent to keep it.
    db::Value parent = parent_id              ? db::Value(*parent_id)
                       : r.IsNull("parent_id") || row->IsNull(2) ? db::kNull
                                                                 : db::Value(row->Int(2));
    tx.Exec("UPDATE departments SET name = ?, parent_id = ?, updated_at = ? WHERE id = ?",
            {name.value_or(row->Str(3)), parent, now, id});
    auto after_row = tx.QueryOne(
        "SELECT id, project_id, parent_id, name FROM departments WHERE id = ?", {id});
    json::object after = DepartmentJson(*after_row);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"org.department.update", "department", id, row->OptInt(1), before, after},
                  now);
    return json::value(after);
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
