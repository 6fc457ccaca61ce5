// Rows of other modules' tables for the unit tests beside a module's code (src/**/*_test.cc).
//
// Those tests follow their module's table rules (tests/structure/module_rules_test.cc): the
// rows they need from other modules — a company, a project, a house, an account — and the
// audit rows they check come from here. Plain SQL: timestamps 0, no audit rows, no checks.
#pragma once

#include <cstdint>
#include <string>

#include "db/database.h"

namespace anju::testing {

int64_t SeedCompany(db::Tx& tx, const std::string& code, const std::string& name);
// A residential project.
int64_t SeedProject(db::Tx& tx, int64_t company_id, const std::string& code,
                    const std::string& name);
// A residential building.
int64_t SeedBuilding(db::Tx& tx, int64_t company_id, int64_t project_id, const std::string& code,
                     const std::string& name);
int64_t SeedEntrance(db::Tx& tx, int64_t company_id, int64_t project_id, int64_t building_id,
                     const std::string& code, const std::string& name);
int64_t SeedFloor(db::Tx& tx, int64_t company_id, int64_t project_id, int64_t building_id,
                  int64_t entrance_id, int64_t number, const std::string& name);

struct HouseSeed {
  int64_t company_id = 0, project_id = 0, building_id = 0, entrance_id = 0, floor_id = 0;
  std::string number, code, kind = "residential";
  int64_t gross_area = 0, net_area = 0;  // 0.01 m²
};
// A self-occupied house.
int64_t SeedHouse(db::Tx& tx, const HouseSeed& h);

// An active staff account (password hash "x": it cannot log in).
int64_t SeedStaffAccount(db::Tx& tx, int64_t company_id, const std::string& login,
                         const std::string& name);

// "SELECT <columns> FROM audit_log <where>", e.g. AuditRows(tx, "COUNT(*)", "WHERE action = ?",
// {"billing.receipt.void"}).
db::Rows AuditRows(db::Tx& tx, const std::string& columns, const std::string& where = "",
                   const db::Params& params = {});

}  // namespace anju::testing
