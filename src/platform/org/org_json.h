// The JSON side of org's typed API: the bodies the routes read into commands (strict, with
// BodyReader: the same checks, codes and fields in the same order as ever), and the JSON
// forms of org's values — the routes' replies and the documents the audit log keeps of the
// same rows. The API contract (api/openapi.yaml) describes these shapes.
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "core/error.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"

namespace anju::org {

// {code, name, kind, address?}; read-only: id, company_id, status, created_at, updated_at.
Result<NewProject> ReadNewProject(const boost::json::object& body);
// {name?, kind?, address?, status?}; read-only: id, company_id, code, created_at, updated_at.
Result<ProjectChanges> ReadProjectChanges(const boost::json::object& body);
// {name, project_id?, parent_id?}; read-only: id, company_id, created_at, updated_at.
Result<NewDepartment> ReadNewDepartment(const boost::json::object& body);
// {name?, parent_id? (null: top level)}; read-only: id, company_id, project_id, created_at,
// updated_at.
Result<DepartmentChanges> ReadDepartmentChanges(const boost::json::object& body);
// {login, name, password, department_id?, trade?}; read-only: id, company_id, status, kind,
// created_at, updated_at.
Result<NewStaff> ReadNewStaff(const boost::json::object& body);
// {name?, department_id?, trade?, status?}; read-only: id, company_id, login, kind,
// created_at, updated_at, locked.
Result<StaffChanges> ReadStaffChanges(const boost::json::object& body);
// {password}: the new password.
Result<std::string> ReadNewPassword(const boost::json::object& body);
// {code, name, permissions: [known codes]}; read-only: id, company_id, builtin, created_at,
// updated_at. Duplicate codes are dropped; an unknown one fails as `permissions[i]`.
Result<NewRole> ReadNewRole(const boost::json::object& body);
// {name?, permissions?}; read-only: id, company_id, code, builtin, created_at, updated_at.
Result<RoleChanges> ReadRoleChanges(const boost::json::object& body);
// {role_id, project_id?}; read-only: id, company_id, user_id.
Result<NewGrant> ReadNewGrant(const boost::json::object& body);

// {id, code, name, kind, address, time_zone, status, created_at, updated_at}
boost::json::object ProjectJson(const Project& p);
// {id, name, project_id, parent_id}
boost::json::object DepartmentJson(const Department& d);
// {id, login, name, trade, status, locked, created_at, department_id}
boost::json::object StaffJson(const StaffMember& s);
// {id, code, name, permissions: [codes], builtin}
boost::json::object RoleJson(const identity::Role& r);
// {id, role_id, role_code, role_name, project_id, project_name}
boost::json::object GrantJson(const StaffGrant& g);
// {id, user_id, role_id, role_code, project_id}
boost::json::object GrantJson(const GrantAdded& g);
// {items: [{code, name_zh, name_en}]}: every permission code.
boost::json::object PermissionCatalogueJson(const std::vector<identity::PermissionDef>& codes);

// {"items": [shape(x)…], "total": n} (total omitted when `with_total` is false).
template <class T, class Shape>
boost::json::object ItemsJson(const std::vector<T>& items, Shape&& shape, bool with_total = true) {
  boost::json::array out;
  for (const T& x : items) out.push_back(shape(x));
  boost::json::object o{{"items", std::move(out)}};
  if (with_total) o["total"] = static_cast<int64_t>(items.size());
  return o;
}

}  // namespace anju::org
