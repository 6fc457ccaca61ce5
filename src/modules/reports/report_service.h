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
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::reports {

struct ArrearsQuery {
  std::optional<int64_t> project_id;
  std::string group = "house";  // project | building | house
  std::string as_of;            // "YYYY-MM-DD"
};

// One project's month of the collection report (reports.cc has the definitions). Rates are
// basis points (floor), nullopt when their denominator is 0.
struct CollectionMonth {
  int64_t project_id = 0;
  std::string month;  // "YYYY-MM"
  int64_t receivable = 0, received = 0, arrears = 0;
  std::optional<int64_t> rate_bp;
  int64_t recovered = 0;
  std::optional<int64_t> recovery_bp;
};

// The collection report over from..to: the months with bills per project, in project and
// month order, and the sums over them.
struct CollectionSummary {
  std::string from, to;
  int64_t receivable = 0, received = 0;
  std::optional<int64_t> rate_bp;
  std::vector<CollectionMonth> items;
};

// One group's arrears by age of its bills (billing::ArrearsAging's row); house_code for a
// house group when the house is found.
struct ArrearsRow {
  int64_t id = 0;  // the project, building or house
  int64_t owed = 0, houses = 0;
  int64_t d0_30 = 0, d31_90 = 0, d91_180 = 0, d181_365 = 0, d365_plus = 0;
  std::optional<std::string> house_code;
};

// A page of the arrears on `as_of`, grouped by `group`; owed and total over all groups.
struct ArrearsSummary {
  std::string as_of, group;
  int64_t owed = 0;
  std::vector<ArrearsRow> items;
  int64_t total = 0;  // groups
};

class ReportService {
 public:
  ReportService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // Today's civil date in China time, by the service's clock (the arrears' default day).
  std::string Today() const { return CivilDate(clock_.Now()); }

  // 应收 / 实收 / 欠收, 当期收缴率 and 清欠率 per project and month ("YYYY-MM" .. "YYYY-MM")
  // (reports.cc has the definitions).
  // Errors: FORBIDDEN, BAD_QUERY_PARAMETER (from, to).
  Result<CollectionSummary> CollectionReport(const TenantContext& ctx, const std::string& from,
                                             const std::string& to,
                                             std::optional<int64_t> project_id);

  // Arrears (欠费) on a day with aging buckets, grouped by project, building or house
  // (arrears.cc).
  // (arrears.cc). Errors: FORBIDDEN, BAD_QUERY_PARAMETER (as_of, group).
  Result<ArrearsSummary> Arrears(const TenantContext& ctx, const ArrearsQuery& q,
                                 const Page& page);

  db::Database& db() { return db_; }

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::reports
