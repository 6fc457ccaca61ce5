#include "modules/billing/bill_queries.h"

#include <string>

#include "modules/billing/bill_sql.h"

namespace anju::billing {

bool PeriodBilled(db::Tx& tx, int64_t fee_item_id, std::string_view period,
                  std::optional<int64_t> house_id, std::optional<int64_t> building_id) {
  if (!house_id && !building_id) return false;
  std::string sql = "SELECT 1 FROM bills WHERE fee_item_id = ? AND period = ? AND (";
  db::Params params{fee_item_id, std::string(period)};
  if (house_id) sql += "house_id = ?", params.emplace_back(*house_id);
  if (house_id && building_id) sql += " OR ";
  if (building_id) sql += "building_id = ?", params.emplace_back(*building_id);
  return tx.QueryOne(sql + ")", params).has_value();
}

namespace {

// What a bill still owes, principal and late fee (bill_sql.h).
const std::string kOwed =
    "(" + std::string(kOpenPrincipalSql) + " + " + std::string(kOpenLateSql) + ")";

}  // namespace

int64_t OwedDueBefore(db::Tx& tx, int64_t company_id, int64_t house_id, std::string_view day) {
  return tx.QueryOne("SELECT COALESCE(SUM(" + kOwed + "), 0) FROM bills b WHERE b.house_id = ? "
                     "AND b.company_id = ? AND b.due_date < ?",
                     {house_id, company_id, std::string(day)})->Int(0);
}

std::vector<HouseDueDate> OwingDueDates(db::Tx& tx, int64_t company_id, int64_t project_id,
                                        std::string_view first_day, std::string_view last_day) {
  std::vector<HouseDueDate> out;
  for (auto& r : tx.Query("SELECT b.house_id, b.due_date FROM bills b WHERE b.company_id = ? "
                          "AND b.project_id = ? AND b.due_date >= ? AND b.due_date <= ? AND " +
                              kOwed + " > 0 GROUP BY b.house_id, b.due_date "
                              "ORDER BY b.house_id, b.due_date",
                          {company_id, project_id, std::string(first_day),
                           std::string(last_day)}))
    out.push_back({r.Int(0), r.Str(1)});
  return out;
}

std::vector<OverdueHouse> OverdueHouses(db::Tx& tx, int64_t company_id, int64_t project_id,
                                        std::string_view day) {
  std::vector<OverdueHouse> out;
  for (auto& r : tx.Query("SELECT b.house_id, MIN(b.due_date), SUM(" + kOwed +
                              ") FROM bills b WHERE b.company_id = ? AND b.project_id = ? AND "
                              "b.due_date < ? AND " + kOwed +
                              " > 0 GROUP BY b.house_id ORDER BY b.house_id",
                          {company_id, project_id, std::string(day)}))
    out.push_back({r.Int(0), r.Str(1), r.Int(2)});
  return out;
}

std::optional<PaymentFacts> FindPayment(db::Tx& tx, int64_t company_id, int64_t payment_id) {
  auto r = tx.QueryOne("SELECT id, project_id, house_id, amount, number, channel, to_prepayment, "
                       "created_by FROM payments WHERE id = ? AND company_id = ?",
                       {payment_id, company_id});
  if (!r) return std::nullopt;
  return PaymentFacts{r->Int(0), r->Int(1), r->Int(2), r->Int(3),
                      r->Str(4), r->Str(5), r->Int(6), r->OptInt(7)};
}

std::vector<PaymentPart> PaymentParts(db::Tx& tx, int64_t payment_id) {
  std::vector<PaymentPart> out;
  for (auto& r : tx.Query("SELECT f.name, b.period, a.amount, a.kind FROM payment_allocations a "
                          "JOIN bills b ON b.id = a.bill_id "
                          "JOIN fee_items f ON f.id = b.fee_item_id "
                          "WHERE a.payment_id = ? ORDER BY a.id",
                          {payment_id}))
    out.push_back({r.Str(0), r.Str(1), r.Int(2), r.Str(3) == "late_fee"});
  return out;
}

std::optional<BillFacts> FindBill(db::Tx& tx, int64_t company_id, int64_t bill_id,
                                  bool for_update) {
  std::string lock = for_update && tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : "";
  auto r = tx.QueryOne("SELECT b.id, b.project_id, b.house_id, b.fee_item_id, b.number, b.period, "
                       "b.amount, b.paid, b.credited, b.late_fee, b.late_paid, b.late_waived, " +
                           std::string(kOpenPrincipalSql) + ", " + std::string(kOpenLateSql) +
                           " FROM bills b WHERE b.id = ? AND b.company_id = ?" + lock,
                       {bill_id, company_id});
  if (!r) return std::nullopt;
  return BillFacts{r->Int(0),  r->Int(1),  r->Int(2),  r->Int(3),  r->Str(4),
                   r->Str(5),  r->Int(6),  r->Int(7),  r->Int(8),  r->Int(9),
                   r->Int(10), r->Int(11), r->Int(12), r->Int(13)};
}

std::optional<PaidOrder> OrderOfPayment(db::Tx& tx, int64_t payment_id) {
  auto r = tx.QueryOne("SELECT order_no, amount FROM online_orders WHERE payment_id = ?",
                       {payment_id});
  if (!r) return std::nullopt;
  return PaidOrder{r->Str(0), r->Int(1)};
}

}  // namespace anju::billing
