// Org's bodies and JSON forms (org_json.h).
#include "platform/org/org_json.h"

#include <set>
#include <sstream>

#include "core/json_body.h"
#include "platform/identity/permissions.h"

namespace anju::org {

namespace json = boost::json;

namespace {

const std::vector<std::string_view> kProjectKinds = {
    "residential", "commercial", "office", "park", "mixed"};

const std::vector<std::string_view> kTrades = {
    "management", "service",  "cashier",  "finance",   "engineering",
    "security",   "cleaning", "greening", "collection"};

json::value OptJson(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
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

Result<NewProject> ReadNewProject(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "status", "created_at", "updated_at"});
  auto code = r.Str("code", true, 32);
  auto name = r.Str("name", true, 100);
  auto kind = r.Enum("kind", true, kProjectKinds);
  auto address = r.Str("address", false, 200);
  ANJU_TRY(r.Finish());
  return NewProject{*code, *name, *kind, address};
}

Result<ProjectChanges> ReadProjectChanges(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "code", "created_at", "updated_at"});
  auto name = r.Str("name", false, 100, 1);
  auto kind = r.Enum("kind", false, kProjectKinds);
  auto address = r.Str("address", false, 200);
  auto status = r.Enum("status", false, {"active", "archived"});
  ANJU_TRY(r.Finish());
  return ProjectChanges{name, kind, address, status};
}

Result<NewDepartment> ReadNewDepartment(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "created_at", "updated_at"});
  auto name = r.Str("name", true, 100);
  auto project_id = r.Int("project_id", false, 1, INT64_MAX);
  auto parent_id = r.Int("parent_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return NewDepartment{*name, project_id, parent_id};
}

Result<DepartmentChanges> ReadDepartmentChanges(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "project_id", "created_at", "updated_at"});
  auto name = r.Str("name", false, 100, 1);
  auto parent_id = r.Int("parent_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return DepartmentChanges{name, parent_id, r.IsNull("parent_id")};
}

Result<NewStaff> ReadNewStaff(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "status", "kind", "created_at", "updated_at"});
  auto login = r.Str("login", true, 32);
  auto name = r.Str("name", true, 50);
  auto password = r.Str("password", true, 128);
  auto department_id = r.Int("department_id", false, 1, INT64_MAX);
  auto trade = r.Enum("trade", false, kTrades);
  ANJU_TRY(r.Finish());
  return NewStaff{*login, *name, *password, department_id, trade};
}

Result<StaffChanges> ReadStaffChanges(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "login", "kind", "created_at", "updated_at", "locked"});
  auto name = r.Str("name", false, 50, 1);
  auto department_id = r.Int("department_id", false, 1, INT64_MAX);
  auto trade = r.Enum("trade", false, kTrades);
  auto status = r.Enum("status", false, {"active", "disabled"});
  ANJU_TRY(r.Finish());
  return StaffChanges{name, department_id, trade, status};
}

Result<std::string> ReadNewPassword(const json::object& body) {
  BodyReader r(body);
  auto password = r.Str("password", true, 128);
  ANJU_TRY(r.Finish());
  return *password;
}

Result<NewRole> ReadNewRole(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "builtin", "created_at", "updated_at"});
  auto code = r.Str("code", true, 32);
  auto name = r.Str("name", true, 50);
  auto perms = ReadPermissions(r, true);
  ANJU_TRY(r.Finish());
  return NewRole{*code, *name, *perms};
}

Result<RoleChanges> ReadRoleChanges(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "code", "builtin", "created_at", "updated_at"});
  auto name = r.Str("name", false, 50, 1);
  auto perms = ReadPermissions(r, false);
  ANJU_TRY(r.Finish());
  return RoleChanges{name, perms};
}

Result<NewGrant> ReadNewGrant(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "user_id"});
  auto role_id = r.Int("role_id", true, 1, INT64_MAX);
  auto project_id = r.Int("project_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return NewGrant{*role_id, project_id};
}

json::object ProjectJson(const Project& p) {
  return {{"id", p.id},
          {"code", p.code},
          {"name", p.name},
          {"kind", p.kind},
          {"address", p.address},
          {"time_zone", p.time_zone},
          {"status", p.status},
          {"created_at", FormatUtc(p.created_at)},
          {"updated_at", FormatUtc(p.updated_at)}};
}

json::object DepartmentJson(const Department& d) {
  json::object o{{"id", d.id}, {"name", d.name}};
  o["project_id"] = OptJson(d.project_id);
  o["parent_id"] = OptJson(d.parent_id);
  return o;
}

json::object StaffJson(const StaffMember& s) {
  json::object o{{"id", s.id},         {"login", s.login},   {"name", s.name},
                 {"trade", s.trade},   {"status", s.status}, {"locked", s.locked},
                 {"created_at", FormatUtc(s.created_at)}};
  o["department_id"] = OptJson(s.department_id);
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

json::object GrantJson(const StaffGrant& g) {
  json::object o{{"id", g.id}, {"role_id", g.role_id}, {"role_code", g.role_code},
                 {"role_name", g.role_name}};
  o["project_id"] = OptJson(g.project_id);
  o["project_name"] = g.project_name ? json::value(*g.project_name) : json::value(nullptr);
  return o;
}

json::object GrantJson(const GrantAdded& g) {
  json::object o{{"id", g.id}, {"user_id", g.user_id}, {"role_id", g.role_id},
                 {"role_code", g.role_code}};
  o["project_id"] = OptJson(g.project_id);
  return o;
}

json::object PermissionCatalogueJson(const std::vector<identity::PermissionDef>& codes) {
  json::array items;
  for (auto& p : codes)
    items.push_back(json::object{{"code", p.code}, {"name_zh", p.name_zh}, {"name_en", p.name_en}});
  return json::object{{"items", std::move(items)}};
}

}  // namespace anju::org
