// The import runner: reads a file row by row and applies each row through its kind.
//
// Design
// - The header row is matched to the kind's columns (the template's Chinese headers, with or
//   without the "*" and unit, or the column keys); a missing required column fails the
//   whole file before any row is read.
// - Rows are applied in batches of `batch_rows`, one transaction per batch. Inside it each
//   row runs in a SAVEPOINT: a refused row (the API's own validation, a duplicate of an
//   earlier row of the file by natural key, a database constraint) is rolled back alone and
//   reported with its line, column and reason; the good rows of the batch stay.
// - A dry run applies every batch exactly the same way and rolls each one back: the report
//   is what a commit would do, and nothing is written (only the batch's progress counters).
//   Rows of different batches do not see each other in a dry run; duplicates across the
//   file are still caught by natural key in memory.
// - all_or_nothing: one transaction for the whole file, rolled back at the first bad row's
//   end of file (every bad row is still reported).
// - A committed batch records each change (import_changes) in its own transaction, and the
//   progress with it: a crash loses at most the batch in flight, and importing the same file
//   again matches the committed rows on their natural keys (skipped) and adds the rest.
// Memory: one batch of rows, the natural keys seen, and the bad rows (capped at kMaxBadRows).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/tabular/tabular.h"
#include "db/database.h"
#include "modules/importer/kind.h"

namespace anju::importer {

inline constexpr size_t kMaxBadRows = 10'000;
inline constexpr size_t kDefaultBatchRows = 500;

struct RunOptions {
  int64_t batch_id = 0;
  int64_t project_id = 0;
  bool dry_run = true;
  bool all_or_nothing = false;
  size_t batch_rows = kDefaultBatchRows;
};

struct BadRow {
  int64_t line = 0;
  std::vector<RowError> errors;
  std::vector<std::string> cells;  // as read, in the file's column order
};

struct RunReport {
  int64_t rows = 0, created = 0, updated = 0, skipped = 0, bad = 0;
  std::vector<std::string> header;  // the file's header row
  std::vector<BadRow> bad_rows;     // the first kMaxBadRows
  std::string file_error;           // the file could not be read at all (nothing applied)
  bool committed = false;           // something was written
};
// (importer_json.h: the report as the batch's stored JSON, ReportJson.)

using OnProgress = std::function<void(const RunReport&)>;

RunReport Run(db::Database& db, const TenantContext& ctx, const crypto::SecretKey& key,
              const Clock& clock, tabular::RowReader& reader, const Kind& kind,
              const RunOptions& options, const OnProgress& progress = {});

}  // namespace anju::importer
