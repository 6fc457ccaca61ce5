#include "platform/identity/accounts.h"

#include "platform/identity/access.h"

namespace anju::identity {

namespace {

constexpr std::string_view kStaffColumns =
    "SELECT u.id, u.login, u.name, u.department_id, u.trade, u.status, u.locked_until, "
    "u.created_at";

// " AND (staff u with a grant in the projects OR in the departments)".
void AppendReach(const StaffReach& reach, std::string& sql, db::Params& params) {
  sql += " AND (u.id IN (SELECT user_id FROM role_grants WHERE 1 = 1";
  AppendIdIn("project_id", reach.grant_projects, sql, params);
  sql += ") OR (1 = 1";
  AppendIdIn("u.department_id", reach.departments, sql, params);
  sql += "))";
}

StaffAccount StaffOf(const db::Row& r) {
  return {r.Int(0), r.Str(1), r.Str(2), r.OptInt(3), r.Str(4), r.Str(5), r.Int(6), r.Int(7)};
}

}  // namespace

std::map<int64_t, std::string> UserNames(db::Tx& tx, int64_t company_id,
                                         const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  std::string sql = "SELECT id, name FROM users WHERE company_id = ?";
  db::Params params{company_id};
  AppendIdIn("id", ids, sql, params);
  for (const db::Row& r : tx.Query(sql, params)) out[r.Int(0)] = r.Str(1);
  return out;
}

std::string UserLogin(db::Tx& tx, int64_t company_id, int64_t user_id) {
  auto r =
      tx.QueryOne("SELECT login FROM users WHERE id = ? AND company_id = ?", {user_id, company_id});
  return r ? r->Str(0) : std::string();
}

std::string UserTrade(db::Tx& tx, int64_t company_id, int64_t user_id) {
  auto r =
      tx.QueryOne("SELECT trade FROM users WHERE id = ? AND company_id = ?", {user_id, company_id});
  return r ? r->Str(0) : std::string();
}

std::optional<StaffAccount> FindStaffAccount(db::Tx& tx, int64_t company_id, int64_t id) {
  auto r = tx.QueryOne(std::string(kStaffColumns) +
                           " FROM users u WHERE u.id = ? AND u.company_id = ? AND "
                           "u.kind = 'staff'",
                       {id, company_id});
  if (!r) return std::nullopt;
  return StaffOf(*r);
}

std::vector<StaffAccount> FindStaff(db::Tx& tx, const StaffQuery& q, int64_t* total) {
  std::string where = " FROM users u WHERE u.company_id = ? AND u.kind = 'staff'";
  db::Params params{q.company_id};
  for (const StaffReach& r : q.reach) AppendReach(r, where, params);
  if (!q.q.empty()) {
    std::string like = "%";
    for (char c : q.q) {
      if (c == '%' || c == '_' || c == '\\') like += '\\';
      like += c;
    }
    like += "%";
    where += " AND (u.name LIKE ? ESCAPE '\\' OR u.login LIKE ? ESCAPE '\\')";
    params.emplace_back(like);
    params.emplace_back(like);
  }
  *total = tx.QueryOne("SELECT COUNT(*)" + where, params)->Int(0);
  params.emplace_back(q.limit);
  params.emplace_back(q.offset);
  std::vector<StaffAccount> out;
  for (const db::Row& r :
       tx.Query(std::string(kStaffColumns) + where + " ORDER BY u.login LIMIT ? OFFSET ?", params))
    out.push_back(StaffOf(r));
  return out;
}

bool StaffReaches(db::Tx& tx, int64_t user_id, const StaffReach& reach) {
  std::string sql = "SELECT 1 FROM users u WHERE u.id = ?";
  db::Params params{user_id};
  AppendReach(reach, sql, params);
  return tx.QueryOne(sql, params).has_value();
}

void UpdateStaffProfile(db::Tx& tx, int64_t user_id, const std::string& name,
                        std::optional<int64_t> department_id, const std::string& trade,
                        Millis now) {
  tx.Exec("UPDATE users SET name = ?, department_id = ?, trade = ?, updated_at = ? WHERE id = ?",
          {name, department_id ? db::Value(*department_id) : db::kNull, trade, now, user_id});
}

}  // namespace anju::identity
