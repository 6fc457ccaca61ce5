#include "modules/billing/late_fees.h"

#include <boost/json.hpp>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_sql.h"
#include "modules/billing/calc/bill_calc.h"
#include "modules/billing/ledger.h"

namespace anju::billing {

namespace {

struct OverdueBill {
  int64_t id, company_id, project_id, house_id, amount;
  std::string due_date, rounding, round_to;
  calc::LateFeeRule rule;
  std::optional<std::string> last_day;
};

calc::RoundRule RuleOf(const OverdueBill& b) {
  calc::RoundRule r;
  r.rounding = b.rounding == "up"     ? calc::Rounding::kUp
               : b.rounding == "down" ? calc::Rounding::kDown
                                      : calc::Rounding::kHalfUp;
  r.to = b.round_to == "jiao" ? calc::RoundTo::kJiao : calc::RoundTo::kFen;
  return r;
}

// Accrues one bill's missing days in `tx`; returns {days, amount}.
std::pair<int64_t, int64_t> AccrueBill(db::Tx& tx, const OverdueBill& b, const std::string& as_of,
                                       Millis now) {
  std::string first = b.last_day ? AddDays(*b.last_day, 1) : AddDays(b.due_date, 1);
  int64_t days = 0, total = 0;
  auto row = tx.QueryOne("SELECT " + std::string(kOpenPrincipalSql) +
                             ", b.late_fee FROM bills b WHERE b.id = ?",
                         {b.id});
  int64_t principal = row->Int(0), accrued = row->Int(1);
  int64_t cap = b.rule.cap_basis_points > 0
                    ? b.amount * b.rule.cap_basis_points / calc::kBasisPoints
                    : INT64_MAX;
  for (std::string day = first; day <= as_of && days < kMaxCatchUpDays; day = AddDays(day, 1)) {
    if (principal <= 0 || accrued >= cap) break;
    auto inc = calc::LateFeeForDay(principal, b.due_date, day, b.rule, RuleOf(b));
    if (!inc.ok() || *inc <= 0) continue;
    int64_t amount = std::min(*inc, cap - accrued);
    auto inserted = tx.QueryOne(
        "INSERT INTO late_fee_accruals (company_id, bill_id, day, amount, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (bill_id, day) DO NOTHING RETURNING id",
        {b.company_id, b.id, day, amount, now});
    if (!inserted) continue;  // another run accrued this day already
    tx.Exec("UPDATE bills SET late_fee = late_fee + ? WHERE id = ?", {amount, b.id});
    ledger::Post(tx,
                 {b.company_id, b.project_id, "late_fee", "bill", b.id, "滞纳金 " + day},
                 {{ledger::LateOf(b.house_id), ledger::AccountKind::kAsset, amount, 0},
                  {std::string(ledger::kLateFeeIncome), ledger::AccountKind::kIncome, 0, amount}},
                 now);
    accrued += amount;
    total += amount;
    ++days;
  }
  return {days, total};
}

}  // namespace

AccrualReport AccrueLateFees(db::Database& db, const Clock& clock, const std::string& as_of,
                             std::optional<int64_t> company_id) {
  AccrualReport rep;
  std::string where = company_id ? " AND b.company_id = ?" : "";
  db::Params params{as_of};
  if (company_id) params.emplace_back(*company_id);
  std::vector<OverdueBill> bills = db.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    std::vector<OverdueBill> out;
    for (auto& r : tx.Query(
             "SELECT b.id, b.company_id, b.project_id, b.house_id, b.amount, b.due_date, "
             "f.rounding, f.round_to, f.late_grace_days, f.late_daily_bp, f.late_flat_per_day, "
             "f.late_cap_bp, f.late_start_date, (SELECT MAX(day) FROM late_fee_accruals a "
             "WHERE a.bill_id = b.id) FROM bills b JOIN fee_items f ON f.id = b.fee_item_id "
             "WHERE b.due_date < ? AND b.paid + b.credited < b.amount AND (f.late_daily_bp > 0 OR "
             "f.late_flat_per_day > 0)" + where + " ORDER BY b.id",
             params)) {
      OverdueBill b{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Str(5), r.Str(6),
                    r.Str(7), {}, r.OptStr(13)};
      b.rule.grace_days = r.Int(8);
      b.rule.daily_rate_bp = r.Int(9);
      b.rule.flat_per_day_fen = r.Int(10);
      b.rule.cap_basis_points = r.Int(11);
      b.rule.start_date = r.OptStr(12);
      out.push_back(std::move(b));
    }
    return out;
  });
  std::map<int64_t, AccrualReport> per_company;
  for (const OverdueBill& b : bills) {
    Millis now = clock.Now();
    auto [days, amount] = db.Run(db::TxMode::kWrite,
                                 [&](db::Tx& tx) { return AccrueBill(tx, b, as_of, now); });
    if (days == 0) continue;
    AccrualReport& c = per_company[b.company_id];
    ++c.bills;
    c.days += days;
    c.amount += amount;
  }
  // One audit row per company and run: what the job accrued.
  for (auto& [company, c] : per_company) {
    db.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      audit::Append(tx, {company, std::nullopt, "job:late-fees", "", ""},
                    {"billing.late_fee.accrue", "company", company, std::nullopt, nullptr,
                     boost::json::object{{"as_of", as_of}, {"bills", c.bills},
                                         {"days", c.days}, {"amount", c.amount}}},
                    clock.Now());
    });
    rep.bills += c.bills;
    rep.days += c.days;
    rep.amount += c.amount;
  }
  return rep;
}

}  // namespace anju::billing
