#include "modules/billing/counters.h"

#include <fmt/format.h>

namespace anju::billing {

int64_t NextCounter(db::Tx& tx, int64_t company_id, const std::string& name, int64_t n) {
  tx.Exec("INSERT INTO counters (company_id, name, value) VALUES (?, ?, 0) "
          "ON CONFLICT (company_id, name) DO NOTHING",
          {company_id, name});
  auto r = tx.QueryOne(
      "UPDATE counters SET value = value + ? WHERE company_id = ? AND name = ? RETURNING value",
      {n, company_id, name});
  return r->Int(0) - n + 1;
}

std::string NextBillNumber(db::Tx& tx, int64_t company_id, int64_t project_id,
                           const std::string& project_code, const std::string& period) {
  int64_t seq = NextCounter(tx, company_id, "bill:" + std::to_string(project_id) + ":" + period);
  return fmt::format("B-{}-{}{}-{:06d}", project_code, period.substr(0, 4), period.substr(5, 2), seq);
}

std::string DayStamp(Millis now) {
  std::string d = CivilDate(now);
  return d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
}

}  // namespace anju::billing
