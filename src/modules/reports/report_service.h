// Reports (报表) on billing's books: the collection report (收缴报表) per project and month,
// arrears (欠费) with aging buckets, and the daily figures (daily_report.h); their .xlsx
// exports are in report_exports.h.
//
// Reports own no table. Every figure is a sum that billing (billing/report_queries.h) or
// corrections (CorrectedBefore) computes over its own tables inside the report's read
// transaction; this module checks the query, scopes it to the caller and shapes the answer.
// Scope: billing:bill:read; rows only for the projects where the caller holds it.
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::reports {

using JsonResult = Result<boost::json::value>;

struct ArrearsQuery {
  std::optional<int64_t> project_id;
  std::string group = "house";  // project | building | house
  std::string as_of;            // "YYYY-MM-DD"
};

class ReportService {
 public:
  ReportService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // Today's civil date in China time, by the service's clock (the arrears' default day).
  std::string Today() const { return CivilDate(clock_.Now()); }

  // 应收 / 实收 / 欠收, 当期收缴率 and 清欠率 per project and month ("YYYY-MM" .. "YYYY-MM")
  // (reports.cc has the definitions).
  JsonResult CollectionReport(const TenantContext& ctx, const std::string& from,
                              const std::string& to, std::optional<int64_t> project_id);

  // Arrears (欠费) on a day with aging buckets, grouped by project, building or house
  // (arrears.cc).
  JsonResult Arrears(const TenantContext& ctx, const ArrearsQuery& q, const Page& page);

  db::Database& db() { return db_; }

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::reports
