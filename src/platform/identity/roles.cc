#include "platform/identity/roles.h"

#include "platform/identity/permissions.h"

namespace anju::identity {

namespace {

constexpr std::string_view kRoleColumns = "SELECT id, code, name, permissions, builtin FROM roles";

Role RoleOf(const db::Row& r) { return {r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Int(4) != 0}; }

constexpr std::string_view kGrantColumns =
    "SELECT g.id, g.user_id, g.role_id, g.project_id, r.code, r.name FROM role_grants g "
    "JOIN roles r ON r.id = g.role_id";

Grant GrantOf(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.OptInt(3), r.Str(4), r.Str(5)};
}

db::Value OptValue(std::optional<int64_t> v) { return v ? db::Value(*v) : db::kNull; }

}  // namespace

void CreateBuiltinRoles(db::Tx& tx, int64_t company_id, Millis now) {
  for (const auto& role : BuiltinRoles()) {
    std::string codes;
    for (auto p : role.permissions) codes += (codes.empty() ? "" : " ") + std::string(p);
    tx.Exec(
        "INSERT INTO roles (company_id, code, name, permissions, builtin, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
        {company_id, std::string(role.code), std::string(role.name), codes, now, now});
  }
}

std::vector<Role> ListRoles(db::Tx& tx, int64_t company_id) {
  std::vector<Role> out;
  for (const db::Row& r :
       tx.Query(std::string(kRoleColumns) + " WHERE company_id = ? ORDER BY builtin DESC, code",
                {company_id}))
    out.push_back(RoleOf(r));
  return out;
}

std::optional<Role> FindRole(db::Tx& tx, int64_t company_id, int64_t role_id) {
  auto r = tx.QueryOne(std::string(kRoleColumns) + " WHERE id = ? AND company_id = ?",
                       {role_id, company_id});
  if (!r) return std::nullopt;
  return RoleOf(*r);
}

std::optional<Role> FindRoleByCode(db::Tx& tx, int64_t company_id, std::string_view code) {
  auto r = tx.QueryOne(std::string(kRoleColumns) + " WHERE company_id = ? AND code = ?",
                       {company_id, std::string(code)});
  if (!r) return std::nullopt;
  return RoleOf(*r);
}

int64_t InsertRole(db::Tx& tx, int64_t company_id, const std::string& code, const std::string& name,
                   const std::string& permissions, Millis now) {
  return tx.InsertId(
      "INSERT INTO roles (company_id, code, name, permissions, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {company_id, code, name, permissions, now, now});
}

void UpdateRole(db::Tx& tx, int64_t role_id, const std::string& name,
                const std::string& permissions, Millis now) {
  tx.Exec("UPDATE roles SET name = ?, permissions = ?, updated_at = ? WHERE id = ?",
          {name, permissions, now, role_id});
}

std::vector<Grant> GrantsOf(db::Tx& tx, int64_t user_id) {
  std::vector<Grant> out;
  for (const db::Row& r :
       tx.Query(std::string(kGrantColumns) + " WHERE g.user_id = ? ORDER BY g.id", {user_id}))
    out.push_back(GrantOf(r));
  return out;
}

std::optional<Grant> FindGrant(db::Tx& tx, int64_t company_id, int64_t user_id, int64_t grant_id) {
  auto r = tx.QueryOne(
      std::string(kGrantColumns) + " WHERE g.id = ? AND g.user_id = ? AND g.company_id = ?",
      {grant_id, user_id, company_id});
  if (!r) return std::nullopt;
  return GrantOf(*r);
}

bool HasGrant(db::Tx& tx, int64_t user_id, int64_t role_id, std::optional<int64_t> project_id) {
  std::string sql = "SELECT 1 FROM role_grants WHERE user_id = ? AND role_id = ? AND ";
  db::Params params{user_id, role_id};
  if (project_id) {
    sql += "project_id = ?";
    params.emplace_back(*project_id);
  } else {
    sql += "project_id IS NULL";
  }
  return tx.QueryOne(sql, params).has_value();
}

int64_t InsertGrant(db::Tx& tx, int64_t company_id, int64_t user_id, int64_t role_id,
                    std::optional<int64_t> project_id, Millis now) {
  return tx.InsertId(
      "INSERT INTO role_grants (company_id, user_id, role_id, project_id, created_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {company_id, user_id, role_id, OptValue(project_id), now});
}

void DeleteGrant(db::Tx& tx, int64_t grant_id) {
  tx.Exec("DELETE FROM role_grants WHERE id = ?", {grant_id});
}

}  // namespace anju::identity
