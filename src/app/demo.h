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
  int scale = 0;             // extra houses spread over the projects
};

struct DemoSummary {
  int64_t company_id = 0;
  int64_t projects = 0, buildings = 0, houses = 0, residents = 0, vehicles = 0,
          parking_spaces = 0, staff = 0;
};

// Creates the demo company in one go. Fails (CONFLICT) if the company code exists.
// Logins: admin (HQ admin), manager, service, cashier, engineer (first project), owner and
// owner2 (owners of two houses of the first project), owner3 (owner in the second
// project), plus more staff of every role under "p<N>." prefixed logins.
Result<DemoSummary> SeedDemo(App& app, const DemoOptions& opt);

}  // namespace anju::app
