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

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "platform/identity/accounts.h"
#include "platform/identity/identity_service.h"
#include "platform/org/house_directory.h"

namespace anju::org {

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

  Result<boost::json::value> ListProjects(const TenantContext& ctx);
  Result<boost::json::value> GetProject(const TenantContext& ctx, int64_t id);
  Result<boost::json::value> CreateProject(const TenantContext& ctx, const boost::json::object& b);
  Result<boost::json::value> UpdateProject(const TenantContext& ctx, int64_t id,
                                           const boost::json::object& b);

  Result<boost::json::value> ListDepartments(const TenantContext& ctx);
  Result<boost::json::value> CreateDepartment(const TenantContext& ctx,
                                              const boost::json::object& b);
  Result<boost::json::value> UpdateDepartment(const TenantContext& ctx, int64_t id,
                                              const boost::json::object& b);

  Result<boost::json::value> ListStaff(const TenantContext& ctx, std::optional<int64_t> project_id,
                                       const std::string& q, int64_t offset, int64_t limit,
                                       int64_t* total);
  Result<boost::json::value> GetStaff(const TenantContext& ctx, int64_t id);
  Result<boost::json::value> CreateStaff(const TenantContext& ctx, const boost::json::object& b);
  Result<boost::json::value> UpdateStaff(const TenantContext& ctx, int64_t id,
                                         const boost::json::object& b);
  Status ResetStaffPassword(const TenantContext& ctx, int64_t id, const boost::json::object& b);

  Result<boost::json::value> ListRoles(const TenantContext& ctx);
  Result<boost::json::value> CreateRole(const TenantContext& ctx, const boost::json::object& b);
  Result<boost::json::value> UpdateRole(const TenantContext& ctx, int64_t id,
                                        const boost::json::object& b);
  boost::json::value PermissionCatalogueJson() const;

  Result<boost::json::value> ListGrants(const TenantContext& ctx, int64_t staff_id);
  Result<boost::json::value> AddGrant(const TenantContext& ctx, int64_t staff_id,
                                      const boost::json::object& b);
  Status RemoveGrant(const TenantContext& ctx, int64_t staff_id, int64_t grant_id);

  // Grants a role by code without permission checks (command line and demo).
  Status GrantByCode(db::Tx& tx, int64_t company_id, int64_t user_id, const std::string& role_code,
                     std::optional<int64_t> project_id, const std::string& actor_login);

 private:
  // Loads a staff member of the caller's company whom the caller may see with `code`.
  Result<boost::json::object> VisibleStaff(db::Tx& tx, const TenantContext& ctx, int64_t id,
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
