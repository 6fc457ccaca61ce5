#include "app/cli_bills.h"

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "modules/billing/billing_json.h"
#include "platform/identity/permissions.h"

namespace anju::app {

namespace json = boost::json;

int RunBillsFromCli(App& app, const BillsRunOptions& opt) {
  auto fail = [](const std::string& msg) {
    std::cerr << "error: " << msg << "\n";
    return 2;
  };
  struct Target {
    int64_t id;
    std::string code;
  };
  int64_t company_id = 0;
  std::vector<Target> targets;
  app.db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto c = tx.QueryOne("SELECT id FROM companies WHERE code = ?", {opt.company});
    if (!c) return;
    company_id = c->Int(0);
    for (auto& r : tx.Query("SELECT id, code FROM projects WHERE company_id = ? ORDER BY id",
                            {company_id}))
      if (opt.projects.empty() ||
          std::find(opt.projects.begin(), opt.projects.end(), r.Str(1)) != opt.projects.end())
        targets.push_back({r.Int(0), r.Str(1)});
  });
  if (company_id == 0) return fail("no company " + opt.company);
  if (targets.size() != (opt.projects.empty() ? targets.size() : opt.projects.size()))
    return fail("a project code is not a project of " + opt.company);

  TenantContext ctx;
  ctx.company_id = company_id;
  ctx.login = "cli";
  ctx.access.Grant(std::string(identity::perm::kBillRun), std::nullopt);

  int64_t houses = 0, bills = 0, amount = 0, existing = 0;
  auto started = std::chrono::steady_clock::now();
  for (const Target& t : targets) {
    // The route's reader checks the period as POST /api/v1/bill-runs does.
    auto r = [&]() -> Result<billing::BillRunResult> {
      auto cmd = billing::ReadBillRun(
          json::object{{"project_id", t.id}, {"period", opt.period}, {"dry_run", opt.dry_run}});
      if (!cmd.ok()) return cmd.take_error();
      return app.billing().RunBills(ctx, *cmd);
    }();
    if (!r.ok()) {
      std::cerr << "error: " << t.code << ": " << r.error().code << ": " << r.error().message << "\n";
      for (const auto& f : r.error().fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
      return 2;
    }
    const billing::ProjectRun& o = r->projects.front();
    std::cout << fmt::format("{} {}: {} houses, {} bills, {} fen, {} existing\n", t.code,
                             opt.period, o.houses, o.bills, o.amount, o.existing);
    houses += o.houses;
    bills += o.bills;
    amount += o.amount;
    existing += o.existing;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("total{}: {} houses, {} bills, {} fen, {} existing in {:.3f} s\n",
                           opt.dry_run ? " (dry run)" : "", houses, bills, amount, existing, secs);
  return 0;
}

}  // namespace anju::app
