// The parts of `anju demo` after the registry (demo.cc): the billing history and the open
// work orders, written through the services with the clock moved back to each moment.
#pragma once

#include <string>
#include <string_view>

#include "app/app.h"
#include "app/demo.h"

namespace anju::app::demo {

// "YYYY-MM" of instant t in China.
std::string MonthOf(Millis t);
// The month `k` months after (before, when negative) a valid "YYYY-MM".
std::string AddMonths(std::string_view period, int k);
// The instant of hour:minute China time on a valid "YYYY-MM-DD".
Millis ChinaTime(std::string_view date, int hour, int minute = 0);

struct HistorySummary {
  int64_t bills = 0, payments = 0, open_orders = 0;
};

// Bills, payments, opening arrears and late fees of opt.history_months months and this one,
// then the open work orders (SeedOpenOrders). Leaves `clock` anywhere: the caller sets it back.
Result<HistorySummary> SeedHistory(App& app, ManualClock& clock, int64_t company_id,
                                   const DemoOptions& opt);

// Work orders in every open state, reported over the last days (demo_orders.cc); how many.
Result<int64_t> SeedOpenOrders(App& app, ManualClock& clock, int64_t company_id,
                               const DemoOptions& opt);

// The context of the demo login opt.login_prefix + `login`: it signs in with the demo's
// password, as its person would, and signs out again (the context stays usable).
Result<TenantContext> ContextOf(App& app, const DemoOptions& opt, const std::string& login);

}  // namespace anju::app::demo
