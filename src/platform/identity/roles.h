// Roles and grants at transaction level. The tables are identity's because every request's
// tenant context is built from them (IdentityService::LoadContext, StaffHolding); org owns
// the pages and the rules — who may create roles, nobody grants what they do not hold —
// and writes through these functions in its own transaction, then calls
// IdentityService::InvalidateAccount / InvalidateAll. No permission checks and no audit
// rows here: the caller has decided and audits. Stateless.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "db/database.h"

namespace anju::identity {

struct Role {
  int64_t id = 0;
  std::string code, name;
  std::string permissions;  // codes separated by one space
  bool builtin = false;
};

// Adds the built-in roles (BuiltinRoles(), permissions.h) to a new company.
void CreateBuiltinRoles(db::Tx& tx, int64_t company_id, Millis now);
// The company's roles, built-in first, then by code.
std::vector<Role> ListRoles(db::Tx& tx, int64_t company_id);
std::optional<Role> FindRole(db::Tx& tx, int64_t company_id, int64_t role_id);
std::optional<Role> FindRoleByCode(db::Tx& tx, int64_t company_id, std::string_view code);
// Returns the new role's id. The caller checked that the code is free (FindRoleByCode).
int64_t InsertRole(db::Tx& tx, int64_t company_id, const std::string& code, const std::string& name,
                   const std::string& permissions, Millis now);
void UpdateRole(db::Tx& tx, int64_t role_id, const std::string& name,
                const std::string& permissions, Millis now);

struct Grant {
  int64_t id = 0, user_id = 0, role_id = 0;
  std::optional<int64_t> project_id;  // nullopt: company-wide
  std::string role_code, role_name;
};
// The grants of an account, oldest first.
std::vector<Grant> GrantsOf(db::Tx& tx, int64_t user_id);
// One grant of the company's account `user_id`, or nullopt.
std::optional<Grant> FindGrant(db::Tx& tx, int64_t company_id, int64_t user_id, int64_t grant_id);
// Whether the account already holds the role in exactly that scope.
bool HasGrant(db::Tx& tx, int64_t user_id, int64_t role_id, std::optional<int64_t> project_id);
// Returns the new grant's id.
int64_t InsertGrant(db::Tx& tx, int64_t company_id, int64_t user_id, int64_t role_id,
                    std::optional<int64_t> project_id, Millis now);
void DeleteGrant(db::Tx& tx, int64_t grant_id);

}  // namespace anju::identity
