// The JSON side of imports: a batch as the API answers it, and a run's report as the batch
// stores it (import_batches.report, also the document GET /api/v1/imports/{id} shows).
// Used by import_routes.cc, the service (the stored report) and the command line.
#pragma once

#include <boost/json.hpp>

#include "modules/importer/import_service.h"
#include "modules/importer/kind.h"
#include "modules/importer/runner.h"

namespace anju::importer {

// {id, project_id, kind, file_name, format, dry_run, all_or_nothing, status, rows, created,
//  updated, skipped, bad, error, created_at, finished_at, rolled_back_at} and, when the
// batch was read with its report, {report, rollback} (the stored documents, parsed).
boost::json::object BatchJson(const Batch& b);
// {items, total, page, size}
boost::json::object BatchesJson(const BatchPage& p);

// The report as JSON ({rows, created, updated, skipped, bad, header, bad_rows: [{line,
// errors: [{column, header, code, reason}], cells}], file_error, committed}); `kind` names
// each error's column by its template header.
boost::json::object ReportJson(const RunReport& r, const Kind& kind);

}  // namespace anju::importer
