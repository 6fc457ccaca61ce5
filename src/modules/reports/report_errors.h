// The errors of the reports and their .xlsx exports (report_exports.h): code, kind
// (→ HTTP status), i18n key, English message.
#pragma once

#include "core/error.h"

namespace anju::reports {

// An arrears export would have more than kMaxExportRows rows (report_exports.h).
inline constexpr ErrorDef kExportTooLarge{"EXPORT_TOO_LARGE", ErrorKind::kUnprocessable,
                                          "billing.export_too_large",
                                          "Too many rows to export; narrow the filter"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kReportErrors[] = {&kExportTooLarge};

}  // namespace anju::reports
