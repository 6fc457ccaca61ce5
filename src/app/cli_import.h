// `anju import …`: data migration from the command line (数据迁移):
//   anju import KIND FILE [--project CODE] [--company CODE] [--dry-run] [--all-or-nothing]
//   anju import rollback BATCH_ID [--company CODE]
//   anju import template KIND --to FILE
// Runs as the command line (audited as "cli") with company-wide rights. Prints the report
// on stdout (counts, then each bad row with its line, column and reason) and the progress on
// stderr. Exit codes: 0 when the file was clean or the import committed, 1 when rows were
// refused (nothing committed for all-or-nothing), 2 for a usage or file error.
#pragma once

#include <string>

#include "app/app.h"

namespace anju::app {

struct ImportCliOptions {
  std::string kind, file, company, project, to, format;
  int64_t batch_id = 0;
  bool dry_run = false, all_or_nothing = false;
};

int RunImportFromCli(App& app, const ImportCliOptions& o);
int RollbackImportFromCli(App& app, const ImportCliOptions& o);
// Needs no database.
int WriteImportTemplate(const ImportCliOptions& o);

}  // namespace anju::app
