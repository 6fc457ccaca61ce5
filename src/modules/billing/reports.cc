// Collection report (收缴报表) per project and month, for HQ and project managers.
//
//   receivable  应收   Σ amount of the month's bills
//   received    实收   Σ principal settled on the month's bills (to date)
//   arrears     欠收   receivable − received
//   rate_bp     当期收缴率  received / receivable, in basis points (floor; 10000 = 100 %)
//   recovered   清欠       principal settled during the month on bills of earlier months
//   recovery_bp 清欠率      recovered / what those earlier bills still owed when the month began
//
// Rates are integers (basis points), never floating point; a zero denominator gives null.
// Months are billing periods "YYYY-MM"; "during the month" is by payment time in China.
#include <fmt/format.h>

#include "modules/billing/billing_service.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

// Epoch ms of 00:00 China time (UTC+8) on the first day of month m.
Millis MonthStart(const std::string& m) { return DaysFromCivil(m + "-01") * kDay - 8 * kHour; }

json::value Rate(int64_t num, int64_t den) {
  if (den <= 0) return nullptr;
  return json::value(num * 10000 / den);
}

}  // namespace

JsonResult BillingService::CollectionReport(const TenantContext& ctx, const std::string& from,
                                            const std::string& to,
                                            std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  if (!IsValidCivilMonth(from) || !IsValidCivilMonth(to) || to < from)
    return Error(errors::kBadQuery).WithField("from", "invalid", "from and to are months YYYY-MM, from ≤ to");
  std::string scope;
  db::Params sp;
  identity::AppendProjectScope(ctx, perm::kBillRead, "b.project_id", scope, sp);
  if (project_id) scope += " AND b.project_id = ?", sp.emplace_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    // Receivable and received of each month's own bills.
    db::Params p{ctx.company_id, from, to};
    p.insert(p.end(), sp.begin(), sp.end());
    std::map<std::pair<int64_t, std::string>, json::object> rows;
    for (auto& r : tx.Query("SELECT b.project_id, b.period, SUM(b.amount), SUM(b.paid) FROM bills b "
                            "WHERE b.company_id = ? AND b.period >= ? AND b.period <= ?" + scope +
                                " GROUP BY b.project_id, b.period",
                            p)) {
      int64_t receivable = r.Int(2), received = r.Int(3);
      rows[{r.Int(0), r.Str(1)}] = json::object{{"project_id", r.Int(0)},
                                                {"month", r.Str(1)},
                                                {"receivable", receivable},
                                                {"received", received},
                                                {"arrears", receivable - received},
                                                {"rate_bp", Rate(received, receivable)}};
    }
    // 清欠: per month, older bills' principal settled during the month, against what they
    // still owed at its start.
    for (auto& [key, row] : rows) {
      const std::string& month = key.second;
      Millis start = MonthStart(month);
      std::string next = AddDays(month + "-28", 4).substr(0, 7);
      Millis end = MonthStart(next);
      auto r = tx.QueryOne(
          "SELECT COALESCE(SUM(b.amount), 0), "
          "COALESCE((SELECT SUM(pa.amount) FROM payment_allocations pa JOIN payments py ON "
          "py.id = pa.payment_id JOIN bills x ON x.id = pa.bill_id WHERE pa.kind = 'principal' "
          "AND x.project_id = ? AND x.period < ? AND py.created_at < ?), 0), "
          "COALESCE((SELECT SUM(pa.amount) FROM payment_allocations pa JOIN payments py ON "
          "py.id = pa.payment_id JOIN bills x ON x.id = pa.bill_id WHERE pa.kind = 'principal' "
          "AND x.project_id = ? AND x.period < ? AND py.created_at >= ? AND py.created_at < ?), 0) "
          "FROM bills b WHERE b.project_id = ? AND b.period < ?",
          {key.first, month, start, key.first, month, start, end, key.first, month});
      int64_t owed_at_start = r->Int(0) - r->Int(1), recovered = r->Int(2);
      row["recovered"] = recovered;
      row["recovery_bp"] = Rate(recovered, owed_at_start);
    }
    json::array items;
    int64_t receivable = 0, received = 0;
    for (auto& [key, row] : rows) {
      receivable += row["receivable"].as_int64();
      received += row["received"].as_int64();
      items.push_back(std::move(row));
    }
    return json::value(json::object{{"from", from},
                                    {"to", to},
                                    {"receivable", receivable},
                                    {"received", received},
                                    {"rate_bp", Rate(received, receivable)},
                                    {"items", std::move(items)}});
  });
}

}  // namespace anju::billing
