// Rows of other modules' tables for the unit tests beside a module's code (src/**/*_test.cc).
//
// Those tests follow their module's table rules (tests/structure/module_rules_test.cc): the
// rows they need from other modules — a company, a project, a house, an account — and the
// audit rows they check come from here. Plain SQL: timestamps 0, no audit rows, no checks.
#pragma once

#include <cstdint>
#include <optional>
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

// Billing's rows, for the modules built on billing (metering, receipts, …): a fee item valid
// from 2020-01-01 for residential houses, its tiers, and a bill as a bill run would write it
// (no ledger entry: post one with billing::ledger where the test needs the books).
struct FeeItemSeed {
  int64_t company_id = 0, project_id = 0;
  std::string code, name, kind = "property", method = "area";
  int64_t unit_price = 0;  // 1/100 分
};
int64_t SeedFeeItem(db::Tx& tx, const FeeItemSeed& f);
void SetFeeItemTiers(db::Tx& tx, int64_t fee_item_id, const std::string& tiers_json);
struct BillSeed {
  int64_t company_id = 0, project_id = 0, house_id = 0, fee_item_id = 0;
  std::string period, number;
  int64_t quantity = 0, unit_price = 0, amount = 0;
  std::string due_date;
  int64_t created_at = 0;
};
int64_t SeedBill(db::Tx& tx, const BillSeed& b);

// COUNT(*) of another module's table, and the SUM of one of its columns (0 when empty), for
// a test that checks its code left them alone.
int64_t RowCount(db::Tx& tx, const std::string& table);
int64_t ColumnSum(db::Tx& tx, const std::string& table, const std::string& column);

// "SELECT <columns> FROM audit_log <where>", e.g. AuditRows(tx, "COUNT(*)", "WHERE action = ?",
// {"billing.receipt.void"}).
db::Rows AuditRows(db::Tx& tx, const std::string& columns, const std::string& where = "",
                   const db::Params& params = {});

}  // namespace anju::testing
