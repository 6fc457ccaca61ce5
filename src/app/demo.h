// `anju demo`: a realistic company to try Anju with, and scale data for benchmarks.
#pragma once

#include <cstdint>
#include <string>

#include "app/app.h"

namespace anju::app {

struct DemoOptions {
  std::string company_code = "anju-demo";
  std::string company_name = "安居物业服务有限公司";
  std::string login_prefix;  // "" for the documented logins (admin, manager, owner…)
  std::string password;
  int scale = 0;             // extra houses spread over the projects (never billed)
  // Months of history before the current one (demo_history.cc): bills, payments, arrears of
  // every age, late fees, readings every month, this month billed and partly paid, open work
  // orders in every state. 0: the registry, fee items, settings and readings of this month
  // and the last only (what the API tests start from).
  int history_months = 12;
};

struct DemoSummary {
  int64_t company_id = 0;
  int64_t projects = 0, buildings = 0, houses = 0, residents = 0, vehicles = 0,
          parking_spaces = 0, staff = 0;
  int64_t bills = 0, payments = 0, open_orders = 0;  // the history's (0 without one)
};

// Creates the demo company, relative to clock.Now(): the registry in one transaction, then
// the history, then the scale houses. `clock` must be the clock `app` was built with: the
// history is written by the services themselves, with the clock moved back to each moment,
// and it is set back to where it was before this returns. The same seed gives the same
// company on the same day. Fails (CONFLICT) if the company code exists.
// Logins: admin (HQ admin), manager, service, cashier, engineer (first project), owner and
// owner2 (owners of two houses of the first project), owner3 (owner in the second
// project), plus more staff of every role under "p<N>." prefixed logins.
Result<DemoSummary> SeedDemo(App& app, ManualClock& clock, const DemoOptions& opt);

}  // namespace anju::app
