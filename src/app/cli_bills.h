// `anju bills run`: a bill run from the command line (operators, cron, benchmarks).
#pragma once

#include <string>
#include <vector>

#include "app/app.h"

namespace anju::app {

struct BillsRunOptions {
  std::string company;                // company code
  std::vector<std::string> projects;  // project codes; empty = every project of the company
  std::string period;                 // "YYYY-MM"
  bool dry_run = false;
};

// Runs the period for each project in turn as the command line (audited as "cli", with
// company-wide billing:bill:run), printing one line per project and a total. Returns the
// process exit code: 0, or 2 after printing the error.
int RunBillsFromCli(App& app, const BillsRunOptions& opt);

}  // namespace anju::app
