// Report exports (.xlsx): the collection report, the daily figures and the arrears, as
// spreadsheets with Chinese headers. Each export calls the report use case with the caller's
// context and only reshapes its answer (report_json.h), so scope, validation and figures are exactly those
// of the JSON route with the same query (docs/API.md). Money columns are 元 with two
// decimals computed from integer 分 at the spreadsheet boundary (core/xlsx.h); rates are
// percentages. A last row 合计 carries the totals the JSON answer gives.
// Thread-safe: no mutable state of its own.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/reports/daily_report.h"
#include "modules/reports/report_errors.h"
#include "modules/reports/report_service.h"

namespace anju::reports {

// Arrears exports list every group in one sheet, up to this many rows.
inline constexpr int64_t kMaxExportRows = 100'000;

// A file to download: an ASCII name, the same name in Chinese, and the bytes.
struct Download {
  std::string ascii_name, utf8_name, bytes;
};

class ReportExports {
 public:
  ReportExports(ReportService& reports, db::Database& db) : reports_(reports), db_(db) {}

  Result<Download> Collection(const TenantContext& ctx, const std::string& from,
                              const std::string& to, std::optional<int64_t> project_id);
  Result<Download> Daily(const TenantContext& ctx, const DailyQuery& q);
  // Errors besides the JSON route's: EXPORT_TOO_LARGE above kMaxExportRows groups.
  Result<Download> Arrears(const TenantContext& ctx, const ArrearsQuery& q);

 private:
  ReportService& reports_;
  db::Database& db_;
};

}  // namespace anju::reports
