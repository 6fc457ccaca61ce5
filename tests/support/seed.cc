#include "support/seed.h"

namespace anju::testing {

int64_t SeedCompany(db::Tx& tx, const std::string& code, const std::string& name) {
  return tx.InsertId("INSERT INTO companies (code, name, created_at) VALUES (?, ?, 0) RETURNING id",
                     {code, name});
}

int64_t SeedProject(db::Tx& tx, int64_t company_id, const std::string& code,
                    const std::string& name) {
  return tx.InsertId(
      "INSERT INTO projects (company_id, code, name, kind, created_at, updated_at) "
      "VALUES (?, ?, ?, 'residential', 0, 0) RETURNING id",
      {company_id, code, name});
}

int64_t SeedBuilding(db::Tx& tx, int64_t company_id, int64_t project_id, const std::string& code,
                     const std::string& name) {
  return tx.InsertId(
      "INSERT INTO buildings (company_id, project_id, code, name, kind, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, 'residential', 0, 0) RETURNING id",
      {company_id, project_id, code, name});
}

int64_t SeedEntrance(db::Tx& tx, int64_t company_id, int64_t project_id, int64_t building_id,
                     const std::string& code, const std::string& name) {
  return tx.InsertId(
      "INSERT INTO entrances (company_id, project_id, building_id, code, name, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, 0, 0) RETURNING id",
      {company_id, project_id, building_id, code, name});
}

int64_t SeedFloor(db::Tx& tx, int64_t company_id, int64_t project_id, int64_t building_id,
                  int64_t entrance_id, int64_t number, const std::string& name) {
  return tx.InsertId(
      "INSERT INTO floors (company_id, project_id, building_id, entrance_id, number, name, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0) RETURNING id",
      {company_id, project_id, building_id, entrance_id, number, name});
}

int64_t SeedHouse(db::Tx& tx, const HouseSeed& h) {
  return tx.InsertId(
      "INSERT INTO houses (company_id, project_id, building_id, entrance_id, floor_id, number, "
      "code, kind, status, gross_area, net_area, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'self_occupied', ?, ?, 0, 0) RETURNING id",
      {h.company_id, h.project_id, h.building_id, h.entrance_id, h.floor_id, h.number, h.code,
       h.kind, h.gross_area, h.net_area});
}

int64_t SeedStaffAccount(db::Tx& tx, int64_t company_id, const std::string& login,
                         const std::string& name) {
  return tx.InsertId(
      "INSERT INTO users (company_id, kind, login, name, password_hash, password_changed_at, "
      "created_at, updated_at) VALUES (?, 'staff', ?, ?, 'x', 0, 0, 0) RETURNING id",
      {company_id, login, name});
}

db::Rows AuditRows(db::Tx& tx, const std::string& columns, const std::string& where,
                   const db::Params& params) {
  return tx.Query("SELECT " + columns + " FROM audit_log " + where, params);
}

int64_t SeedFeeItem(db::Tx& tx, const FeeItemSeed& f) {
  return tx.InsertId(
      "INSERT INTO fee_items (company_id, project_id, code, name, kind, method, unit_price, "
      "house_kinds, valid_from, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "'residential', '2020-01-01', 0, 0) RETURNING id",
      {f.company_id, f.project_id, f.code, f.name, f.kind, f.method, f.unit_price});
}

void SetFeeItemTiers(db::Tx& tx, int64_t fee_item_id, const std::string& tiers_json) {
  tx.Exec("UPDATE fee_items SET tiers = ? WHERE id = ?", {tiers_json, fee_item_id});
}

int64_t SeedBill(db::Tx& tx, const BillSeed& b) {
  return tx.InsertId(
      "INSERT INTO bills (company_id, project_id, house_id, fee_item_id, period, number, "
      "quantity, unit_price, amount, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?) RETURNING id",
      {b.company_id, b.project_id, b.house_id, b.fee_item_id, b.period, b.number, b.quantity,
       b.unit_price, b.amount, b.due_date, b.created_at});
}

int64_t RowCount(db::Tx& tx, const std::string& table) {
  return tx.QueryOne("SELECT COUNT(*) FROM " + table)->Int(0);
}

int64_t ColumnSum(db::Tx& tx, const std::string& table, const std::string& column) {
  return tx.QueryOne("SELECT COALESCE(SUM(" + column + "), 0) FROM " + table)->Int(0);
}

}  // namespace anju::testing
