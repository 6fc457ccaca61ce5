// The three levels: company (the tenant) → projects → departments and staff; roles bundle
// permission codes and are granted to staff company-wide or for one project.
//
// Rules
// - Creating projects and company-wide grants needs the code company-wide.
// - Nobody grants what they do not hold: every code of the granted role must be held by
//   the granter in that scope (company-wide, or the project), so a project manager cannot
//   make anybody an HQ admin.
// - Staff are visible to callers holding org:staff:read company-wide, or in a project where
//   the staff member has a grant or whose department they belong to. Project-scoped
//   callers can only place staff in departments of their own projects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "platform/identity/accounts.h"
#include "platform/identity/identity_service.h"
#include "platform/identity/roles.h"
#include "platform/org/house_directory.h"

namespace anju::org {

// A project (项目/小区) of the company.
struct Project {
  int64_t id = 0;
  std::string code, name;
  std::string kind;  // residential | commercial | office | park | mixed
  std::string address, time_zone;
  std::string status;  // active | archived
  Millis created_at = 0, updated_at = 0;
};
// A new project (POST /api/v1/projects); the code is unique in the company.
struct NewProject {
  std::string code, name, kind;
  std::optional<std::string> address;
};
// A project's changes (PATCH): absent fields keep their value.
struct ProjectChanges {
  std::optional<std::string> name, kind, address, status;
};

// A department: of a project, or of the head office (no project); in a tree by parent.
struct Department {
  int64_t id = 0;
  std::optional<int64_t> project_id, parent_id;
  std::string name;
};
struct NewDepartment {
  std::string name;
  std::optional<int64_t> project_id, parent_id;
};
// A department's changes (PATCH): absent fields keep their value; `clear_parent` (the body's
// `"parent_id": null`) makes it a top-level department when no new parent is given.
struct DepartmentChanges {
  std::optional<std::string> name;
  std::optional<int64_t> parent_id;
  bool clear_parent = false;
};

// A staff member as the staff pages show them; `locked`: locked out at the time of reading.
struct StaffMember {
  int64_t id = 0;
  std::string login, name, trade;
  std::string status;  // active | disabled
  bool locked = false;
  Millis created_at = 0;
  std::optional<int64_t> department_id;
};
// Which staff a list shows: `q` part of the name or login ("" for all).
struct StaffFilter {
  std::optional<int64_t> project_id;
  std::string q;
};
// A page of staff and how many match in all.
struct StaffPage {
  std::vector<StaffMember> items;
  int64_t total = 0;
};
struct NewStaff {
  std::string login, name, password;
  std::optional<int64_t> department_id;
  std::optional<std::string> trade;
};
// A staff member's changes (PATCH): absent fields keep their value.
struct StaffChanges {
  std::optional<std::string> name;
  std::optional<int64_t> department_id;
  std::optional<std::string> trade, status;
};

// A new role: `permissions` known codes separated by one space, without repeats.
struct NewRole {
  std::string code, name, permissions;
};
// A role's changes: absent fields keep their value.
struct RoleChanges {
  std::optional<std::string> name, permissions;
};

// A grant of a staff member with its role and project names (nullopt: company-wide).
struct StaffGrant {
  int64_t id = 0, role_id = 0;
  std::string role_code, role_name;
  std::optional<int64_t> project_id;
  std::optional<std::string> project_name;
};
// A role to grant: company-wide, or for one project.
struct NewGrant {
  int64_t role_id = 0;
  std::optional<int64_t> project_id;
};
// A grant as made.
struct GrantAdded {
  int64_t id = 0, user_id = 0, role_id = 0;
  std::string role_code;
  std::optional<int64_t> project_id;
};

class OrgService {
 public:
  OrgService(db::Database& db, const Clock& clock, identity::IdentityService& identity)
      : db_(db), clock_(clock), identity_(identity) {}

  // Where the projects of residents' houses come from (property implements it; the app
  // wires it before serving). Not owned; must outlive the service.
  void SetHouseDirectory(const HouseDirectory* houses) { houses_ = houses; }

  // Companies are created from the command line (`anju demo`, `anju company add`): the
  // company row and its built-in roles. Returns the id.
  Result<int64_t> CreateCompany(db::Tx& tx, const std::string& code, const std::string& name,
                                const std::string& actor_login);

  // Projects. Readers: residents see the projects their houses are in; staff need
  // org:project:read (in the project). Errors: PROJECT_NOT_FOUND (also for a project out of
  // the caller's reach), FORBIDDEN.
  Result<std::vector<Project>> ListProjects(const TenantContext& ctx);
  Result<Project> GetProject(const TenantContext& ctx, int64_t id);
  // FORBIDDEN unless the caller holds org:project:write company-wide (routes ask before
  // reading the body, as the service does before writing).
  Status MayCreateProjects(const TenantContext& ctx) const;
  // Audited. Errors: FORBIDDEN, PROJECT_CODE_TAKEN (field `code`).
  Result<Project> CreateProject(const TenantContext& ctx, const NewProject& cmd);
  // Audited. Errors: PROJECT_NOT_FOUND, FORBIDDEN.
  Result<Project> UpdateProject(const TenantContext& ctx, int64_t id, const ProjectChanges& cmd);

  // Departments: project-scoped callers see their projects' and the HQ ones, by id.
  Result<std::vector<Department>> ListDepartments(const TenantContext& ctx);
  // FORBIDDEN unless the caller holds org:department:write (asked before the body is read).
  Status MayWriteDepartments(const TenantContext& ctx) const;
  // Audited. Errors: PROJECT_NOT_FOUND (not the company's or not in the caller's scope),
  // FORBIDDEN (an HQ department without the code company-wide), DEPARTMENT_NOT_FOUND
  // (field `parent_id`).
  Result<Department> CreateDepartment(const TenantContext& ctx, const NewDepartment& cmd);
  // Audited. Errors: DEPARTMENT_NOT_FOUND (the department, or field `parent_id` for an
  // unknown parent or the department itself).
  Result<Department> UpdateDepartment(const TenantContext& ctx, int64_t id,
                                      const DepartmentChanges& cmd);

  // A page of the staff the caller may see (org:staff:read), by login; `filter.project_id`:
  // staff with a grant for the project or in one of its departments.
  Result<StaffPage> ListStaff(const TenantContext& ctx, const StaffFilter& filter,
                              const Page& page);
  // STAFF_NOT_FOUND for staff the caller may not see.
  Result<StaffMember> GetStaff(const TenantContext& ctx, int64_t id);
  // FORBIDDEN unless the caller holds org:staff:write (asked before the body is read).
  Status MayCreateStaff(const TenantContext& ctx) const;
  // Errors: VALIDATION (field `department_id`: project-scoped callers must place new staff
  // in a department of their projects), DEPARTMENT_NOT_FOUND, and identity's (login taken,
  // password policy).
  Result<StaffMember> CreateStaff(const TenantContext& ctx, const NewStaff& cmd);
  // Audited. Errors: STAFF_NOT_FOUND, DEPARTMENT_NOT_FOUND, FORBIDDEN (disabling oneself).
  Result<StaffMember> UpdateStaff(const TenantContext& ctx, int64_t id, const StaffChanges& cmd);
  // Sets a staff member's password (identity's policy and audit). Errors: STAFF_NOT_FOUND.
  Status ResetStaffPassword(const TenantContext& ctx, int64_t id, const std::string& password);

  // The company's roles, built-in first (org:role:read).
  Result<std::vector<identity::Role>> ListRoles(const TenantContext& ctx);
  // FORBIDDEN unless the caller holds org:role:write company-wide (asked before the body is
  // read, as the service does before writing).
  Status MayWriteRoles(const TenantContext& ctx) const;
  // Audited. Errors: FORBIDDEN, ROLE_CODE_TAKEN (field `code`).
  Result<identity::Role> CreateRole(const TenantContext& ctx, const NewRole& cmd);
  // Audited; every context is reloaded. Errors: FORBIDDEN, ROLE_NOT_FOUND, ROLE_BUILTIN.
  Result<identity::Role> UpdateRole(const TenantContext& ctx, int64_t id, const RoleChanges& cmd);

  // The grants of a staff member the caller may see (org:staff:read), oldest first.
  Result<std::vector<StaffGrant>> ListGrants(const TenantContext& ctx, int64_t staff_id);
  // Audited; the staff member's context is reloaded. Errors: STAFF_NOT_FOUND, FORBIDDEN,
  // ROLE_NOT_FOUND (field `role_id`), PROJECT_NOT_FOUND (field `project_id`),
  // GRANT_ESCALATION (the caller lacks role:write or a code of the role there), GRANT_EXISTS.
  Result<GrantAdded> AddGrant(const TenantContext& ctx, int64_t staff_id, const NewGrant& cmd);
  // Audited. Errors: STAFF_NOT_FOUND, FORBIDDEN, GRANT_NOT_FOUND, GRANT_ESCALATION.
  Status RemoveGrant(const TenantContext& ctx, int64_t staff_id, int64_t grant_id);

  // Grants a role by code without permission checks (command line and demo).
  Status GrantByCode(db::Tx& tx, int64_t company_id, int64_t user_id, const std::string& role_code,
                     std::optional<int64_t> project_id, const std::string& actor_login);

 private:
  // Loads a staff member of the caller's company whom the caller may see with `code`.
  Result<StaffMember> VisibleStaff(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                   std::string_view code);

  // Whom a project-scoped caller reaches with `code`: staff with a grant for one of the
  // caller's projects, or in a department of one.
  static identity::StaffReach StaffScope(db::Tx& tx, const TenantContext& ctx,
                                         std::string_view code);
  // 404 DEPARTMENT_NOT_FOUND unless the department is the caller's company's and within
  // `code`'s scope (HQ departments need the code company-wide).
  Status CheckDepartment(db::Tx& tx, const TenantContext& ctx, int64_t department_id,
                         std::string_view code);

  db::Database& db_;
  const Clock& clock_;
  identity::IdentityService& identity_;
  const HouseDirectory* houses_ = nullptr;
};

// For other modules, inside their transaction (the tables are org's): the code ("JHY") or
// name of the company's project `project_id`, nullopt when it is not one of the company's
// projects; whether it is; the company's project ids.
std::optional<std::string> ProjectCode(db::Tx& tx, int64_t company_id, int64_t project_id);
std::optional<std::string> ProjectName(db::Tx& tx, int64_t company_id, int64_t project_id);
bool ProjectExists(db::Tx& tx, int64_t company_id, int64_t project_id);
std::vector<int64_t> ProjectIds(db::Tx& tx, int64_t company_id);
// The name of a company ("" when there is none) and the ids of all companies, ascending.
std::string CompanyName(db::Tx& tx, int64_t company_id);
std::vector<int64_t> CompanyIds(db::Tx& tx);

}  // namespace anju::org
