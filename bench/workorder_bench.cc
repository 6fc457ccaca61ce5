// Work orders at scale (issue 5), on SQLite, through the real service code:
//
//   workorder_bench [STAFF=10000] [OPEN=100000] [DECISIONS=2000] [SUBMISSIONS=2000]
//
// Builds a company of 100 projects with STAFF handlers (skills, 24-hour shifts for 70 % of
// them, responsible buildings) and OPEN open orders assigned among them, then measures
//  1. dispatch decisions: workorder::Dispatch (the candidates' skills, shifts, open-order
//     counts and buildings read in the transaction, the pure chooser, the cursor written)
//     for random projects and categories — p50/p99 per decision — against a ceiling in the
//     same run: the bare SELECT of the project's handlers that any dispatcher must make;
//  2. order submission: WorkOrderService::Create (validation, suggestion, SLA rule,
//     numbering, timers, automatic dispatch, timeline, outbox, audit) one order per
//     transaction — orders/s — against a ceiling: a raw INSERT of the order row and its
//     first event per transaction, with the same database settings.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "app/app.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_json.h"

using namespace anju;
namespace json = boost::json;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kProjects = 100;
const char* kSkills[] = {"plumbing", "carpentry", "elevator", "lighting", "greening", "cleaning", "security", "service"};

double Micros(Steady::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }
double Pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * (v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  int staff = argc > 1 ? std::atoi(argv[1]) : 10000;
  int open = argc > 2 ? std::atoi(argv[2]) : 100000;
  int decisions = argc > 3 ? std::atoi(argv[3]) : 2000;
  int submissions = argc > 4 ? std::atoi(argv[4]) : 2000;
  auto dir = std::filesystem::temp_directory_path() / fmt::format("anju-wo-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  SystemClock clock;
  app::AppConfig cfg;
  cfg.db_url = "sqlite:" + (dir / "bench.db").string();
  cfg.data_dir = (dir / "data").string();
  app::App app(cfg, clock);
  std::mt19937 rng(42);
  auto rnd = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Millis now = clock.Now();

  // --- generate -------------------------------------------------------------------------
  auto t0 = Steady::now();
  int64_t company = 0, role = 0;
  std::vector<int64_t> projects, buildings, categories;
  std::vector<std::vector<int64_t>> team(kProjects);
  app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    company = *app.org().CreateCompany(tx, "bench", "压测物业", "bench");
    workorder::WorkOrderSettings::SeedDefaults(tx, company, now);
    role = tx.QueryOne("SELECT id FROM roles WHERE company_id = ? AND code = 'engineer'", {company})->Int(0);
    for (auto& r : tx.Query("SELECT id FROM wo_categories WHERE company_id = ? ORDER BY id", {company}))
      categories.push_back(r.Int(0));
    for (int p = 0; p < kProjects; ++p) {
      int64_t pid = tx.InsertId("INSERT INTO projects (company_id, code, name, kind, created_at, updated_at) "
                                "VALUES (?, ?, ?, 'residential', ?, ?) RETURNING id",
                                {company, fmt::format("P{:03d}", p), fmt::format("项目{}", p), now, now});
      projects.push_back(pid);
      buildings.push_back(tx.InsertId("INSERT INTO buildings (company_id, project_id, code, name, kind, "
                                      "created_at, updated_at) VALUES (?, ?, '1', '1号楼', 'residential', ?, ?) "
                                      "RETURNING id", {company, pid, now, now}));
    }
    for (int i = 0; i < staff; ++i) {
      int p = i % kProjects;
      int64_t uid = tx.InsertId("INSERT INTO users (company_id, kind, login, name, password_hash, trade, "
                                "password_changed_at, created_at, updated_at) VALUES (?, 'staff', ?, ?, "
                                "'x', 'engineering', ?, ?, ?) RETURNING id",
                                {company, fmt::format("s{}", i), fmt::format("员工{}", i), now, now, now});
      team[p].push_back(uid);
      tx.Exec("INSERT INTO role_grants (company_id, user_id, role_id, project_id, created_at) VALUES (?, ?, ?, ?, ?)",
              {company, uid, role, projects[p], now});
      for (int k = rnd(1, 3); k > 0; --k)
        tx.Exec("INSERT INTO wo_staff_skills (company_id, user_id, skill) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                {company, uid, std::string(kSkills[rnd(0, 7)])});
      if (rnd(1, 10) <= 7)
        tx.Exec("INSERT INTO wo_shifts (company_id, project_id, user_id, starts_at, ends_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)", {company, projects[p], uid, now - kHour, now + kDay, now});
      if (rnd(1, 2) == 1)
        tx.Exec("INSERT INTO wo_staff_buildings (company_id, user_id, building_id) VALUES (?, ?, ?)",
                {company, uid, buildings[p]});
    }
    for (int i = 0; i < open; ++i) {
      int p = rnd(0, kProjects - 1);
      tx.Exec("INSERT INTO work_orders (company_id, project_id, number, kind, category_id, building_id, "
              "description, urgency, channel, status, assignee_id, dispatch_mode, created_at, sla_started_at, "
              "sla_calendar, accept_minutes, finish_minutes, warn_percent, manager_percent, hq_percent, "
              "updated_at) VALUES (?, ?, ?, 'repair_public', ?, ?, '存量工单', 'normal', 'api', ?, ?, 'auto', "
              "?, ?, 'always', 120, 1440, 80, 100, 200, ?)",
              {company, projects[p], fmt::format("WO-BENCH-{}", i), categories[rnd(0, 7)], buildings[p],
               std::string(rnd(0, 1) ? "assigned" : "accepted"),
               team[p][rnd(0, static_cast<int>(team[p].size()) - 1)], now, now, now});
    }
    return 0;
  });
  std::printf("generated %d staff, %d open orders in %d projects in %.1f s\n", staff, open, kProjects,
              Micros(Steady::now() - t0) / 1e6);

  // --- 1. dispatch decisions --------------------------------------------------------------
  std::vector<double> ours, ceiling;
  int assigned = 0;
  for (int i = 0; i < decisions; ++i) {
    int p = rnd(0, kProjects - 1);
    workorder::Order o;
    o.company_id = company, o.project_id = projects[p], o.category_id = categories[rnd(0, 7)];
    o.building_id = buildings[p];
    app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      auto a = Steady::now();
      auto d = workorder::Dispatch(tx, o, now);
      ours.push_back(Micros(Steady::now() - a));
      assigned += d.staff_id ? 1 : 0;
      auto b = Steady::now();
      auto ids = identity::StaffHolding(tx, company, projects[p], identity::perm::kWorkOrderHandle);
      ceiling.push_back(Micros(Steady::now() - b));
      return ids.size();
    });
  }
  std::printf("dispatch: %d decisions (%d assigned): p50 %.0f µs, p99 %.0f µs, max %.0f µs; "
              "ceiling (SELECT the project's handlers) p50 %.0f µs, p99 %.0f µs; ratio p50 %.2f×\n",
              decisions, assigned, Pct(ours, 0.5), Pct(ours, 0.99), Pct(ours, 1.0), Pct(ceiling, 0.5),
              Pct(ceiling, 0.99), Pct(ours, 0.5) / Pct(ceiling, 0.5));

  // --- 2. submission --------------------------------------------------------------------
  TenantContext ctx;
  ctx.company_id = company;
  ctx.user_id = team[0][0];
  ctx.name = "客服";
  ctx.login = "bench";
  for (int64_t pid : projects) ctx.access.Grant("workorder:write", pid);
  const char* texts[] = {"3号楼电梯按钮失灵", "楼道灯不亮了", "地下车库有积水", "草坪需要修剪", "东门道闸坏了"};
  auto s0 = Steady::now();
  int ok = 0;
  for (int i = 0; i < submissions; ++i) {
    json::object body{{"kind", "repair_public"}, {"project_id", projects[i % kProjects]},
                      {"place", "公共区域"}, {"description", texts[i % 5]}};
    auto order = workorder::ReadNewOrder(body, /*resident=*/false);  // as the route reads it
    ok += order.ok() && app.workorders().Create(ctx, *order).ok() ? 1 : 0;
  }
  double ours_s = Micros(Steady::now() - s0) / 1e6;
  auto r0 = Steady::now();
  for (int i = 0; i < submissions; ++i)
    app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      int64_t id = tx.InsertId(
          "INSERT INTO work_orders (company_id, project_id, number, kind, category_id, description, urgency, "
          "channel, status, dispatch_mode, created_at, sla_started_at, sla_calendar, accept_minutes, "
          "finish_minutes, warn_percent, manager_percent, hq_percent, updated_at) VALUES (?, ?, ?, "
          "'repair_public', ?, ?, 'normal', 'api', 'submitted', 'auto', ?, ?, 'always', 120, 1440, 80, 100, "
          "200, ?) RETURNING id",
          {company, projects[i % kProjects], fmt::format("WO-RAW-{}", i), categories[0], std::string(texts[i % 5]),
           now, now, now});
      tx.Exec("INSERT INTO wo_events (company_id, work_order_id, seq, action, at) VALUES (?, ?, 1, 'submit', ?)",
              {company, id, now});
      return id;
    });
  double raw_s = Micros(Steady::now() - r0) / 1e6;
  std::printf("submission: %d orders (%d ok) in %.2f s = %.0f orders/s; ceiling (raw INSERT of the order "
              "and its event per transaction) %.0f orders/s; ratio %.2f×\n",
              submissions, ok, ours_s, submissions / ours_s, submissions / raw_s, ours_s / raw_s);
  std::filesystem::remove_all(dir);
  return ok == submissions ? 0 : 1;
}
