// Accounts at transaction level, for other modules. The `users` table is identity's: a
// module that shows who did something, or org's staff pages, read and write accounts
// through these functions inside their own transaction, never with SQL of their own.
// Stateless; `tx` is used by one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "db/database.h"

namespace anju::identity {

// The names of the company's accounts among `ids` (unknown ids and other companies' are
// left out): one query, for a page of rows that name people.
std::map<int64_t, std::string> UserNames(db::Tx& tx, int64_t company_id,
                                         const std::vector<int64_t>& ids);
// The login of an account of the company, or "" when there is none.
std::string UserLogin(db::Tx& tx, int64_t company_id, int64_t user_id);
// The trade of an account of the company (engineering, service, …), or "".
std::string UserTrade(db::Tx& tx, int64_t company_id, int64_t user_id);

// A staff account as org's staff pages show it.
struct StaffAccount {
  int64_t id = 0;
  std::string login, name;
  std::optional<int64_t> department_id;
  std::string trade, status;  // status: active | disabled
  Millis locked_until = 0, created_at = 0;
};
// A staff account of the company, or nullopt (also for resident accounts).
std::optional<StaffAccount> FindStaffAccount(db::Tx& tx, int64_t company_id, int64_t id);

// Whom a staff list reaches: staff holding a grant for one of `grant_projects`, or placed in
// one of `departments` (org decides which; empty lists reach nobody).
struct StaffReach {
  std::vector<int64_t> grant_projects;
  std::vector<int64_t> departments;
};
struct StaffQuery {
  int64_t company_id = 0;
  std::vector<StaffReach> reach;  // each must hold; none: all staff of the company
  std::string q;                  // part of the name or login; "" for all
  int64_t offset = 0, limit = 50;
};
// A page of staff accounts by login, and in `*total` how many match.
std::vector<StaffAccount> FindStaff(db::Tx& tx, const StaffQuery& q, int64_t* total);
// Whether `reach` reaches the account `user_id`.
bool StaffReaches(db::Tx& tx, int64_t user_id, const StaffReach& reach);

// Sets a staff account's name, department and trade (org checks and audits the change).
void UpdateStaffProfile(db::Tx& tx, int64_t user_id, const std::string& name,
                        std::optional<int64_t> department_id, const std::string& trade, Millis now);

}  // namespace anju::identity
