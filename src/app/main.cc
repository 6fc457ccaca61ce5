// `anju`: the one binary. Sub-commands: serve, migrate, demo, company, user, backup, audit,
// ledger, bills, import, jobs, permissions, version.
// Every sub-command that touches data takes --db URL (or ANJU_DB).
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>

#include "app/app.h"
#include "app/cli_bills.h"
#include "app/cli_import.h"
#include "app/demo.h"
#include "core/log.h"
#include "db/migrations.h"
#include "http/server.h"
#include "platform/audit/audit_log.h"
#include "jobs/scheduler.h"
#include "modules/billing/late_fees.h"
#include "modules/billing/ledger.h"
#include "platform/identity/permissions.h"

using namespace anju;

namespace {

struct Common {
  std::string db = "sqlite:./data/anju.db";
  std::string data_dir = "./data";
};

// SMS provider settings (serve and jobs reminders): without a URL, SMS stays in the outbox.
struct Sms {
  std::string url, key_file;
};
void AddSms(CLI::App* cmd, Sms& s) {
  cmd->add_option("--sms-url", s.url, "SMS provider URL (http://…); none: SMS stays in the local outbox")
      ->envname("ANJU_SMS_URL");
  cmd->add_option("--sms-key-file", s.key_file, "File holding the SMS signing key (HMAC-SHA256)")
      ->envname("ANJU_SMS_KEY_FILE");
}

void AddCommon(CLI::App* cmd, Common& c) {
  cmd->add_option("--db", c.db, "Database URL: sqlite:PATH or postgresql://…")
      ->envname("ANJU_DB")
      ->capture_default_str();
  cmd->add_option("--data-dir", c.data_dir, "Folder for secret.key and files")
      ->envname("ANJU_DATA_DIR")
      ->capture_default_str();
}

app::AppConfig ConfigOf(const Common& c) {
  app::AppConfig cfg;
  cfg.db_url = c.db;
  cfg.data_dir = c.data_dir;
  return cfg;
}

std::string ReadPassword(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("ANJU_PASSWORD")) return env;
  std::string pw;
  std::cerr << "Password: ";
  std::getline(std::cin, pw);
  return pw;
}

int PrintError(const Error& e) {
  std::cerr << "error: " << e.code << ": " << e.message << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.code << " " << f.message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // Log lines are JSON (core/log.h). A command's own output stays on stdout as text; what the
  // code under a command logs goes to stderr. `serve` logs to stdout, access lines included.
  log::Setup("info", log::Output::kStderr, /*access=*/false);
  bool serving = false;
  CLI::App cli{"Anju (安居) property-management platform"};
  cli.require_subcommand(1);
  SystemClock clock;
  Common common;
  Sms sms;
  int rc = 0;

  // serve
  auto* serve = cli.add_subcommand("serve", "Serve the API and the web UI");
  AddCommon(serve, common);
  http::ServerOptions sopt;
  std::string listen = "127.0.0.1:8080", log_level = "info";
  int idle_minutes = 120, max_hours = 168, lock_threshold = 5, lock_minutes = 30;
  bool cookie_secure = false, no_jobs = false;
  std::string web_dir = "./web/dist", public_url = "http://127.0.0.1:8080";
  serve->add_option("--listen", listen, "HOST:PORT")->envname("ANJU_LISTEN")->capture_default_str();
  serve->add_option("--io-threads", sopt.io_threads)->envname("ANJU_IO_THREADS")->capture_default_str();
  serve->add_option("--workers", sopt.worker_threads)->envname("ANJU_WORKERS")->capture_default_str();
  serve->add_option("--body-limit", sopt.body_limit, "Bytes (uploads need 4 MiB; JSON bodies stay at 1 MiB)")->envname("ANJU_BODY_LIMIT")->capture_default_str();
  serve->add_option("--max-streams", sopt.max_streams, "Open live-update (SSE) streams")->envname("ANJU_MAX_STREAMS")->capture_default_str();
  serve->add_option("--session-idle-minutes", idle_minutes)->envname("ANJU_SESSION_IDLE_MINUTES")->capture_default_str();
  serve->add_option("--session-max-hours", max_hours)->envname("ANJU_SESSION_MAX_HOURS")->capture_default_str();
  serve->add_option("--lockout-threshold", lock_threshold)->envname("ANJU_LOCKOUT_THRESHOLD")->capture_default_str();
  serve->add_option("--lockout-minutes", lock_minutes)->envname("ANJU_LOCKOUT_MINUTES")->capture_default_str();
  serve->add_flag("--cookie-secure", cookie_secure, "Mark the session cookie Secure (behind TLS)")->envname("ANJU_COOKIE_SECURE");
  serve->add_option("--public-url", public_url, "How users reach this server (printed in receipt QR codes)")->envname("ANJU_PUBLIC_URL")->capture_default_str();
  serve->add_option("--web-dir", web_dir, "The built web UI (web/dist)")->envname("ANJU_WEB_DIR")->capture_default_str();
  serve->add_flag("--no-jobs", no_jobs, "Do not run scheduled jobs here (another instance does)")->envname("ANJU_NO_JOBS");
  serve->add_option("--log-level", log_level)->envname("ANJU_LOG_LEVEL")->capture_default_str();
  AddSms(serve, sms);
  serve->callback([&] {
    log::Setup(log_level, log::Output::kStdout, /*access=*/true);
    serving = true;
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT");
    sopt.host = listen.substr(0, colon);
    sopt.port = static_cast<uint16_t>(std::stoi(listen.substr(colon + 1)));
    sopt.handle_signals = true;
    app::AppConfig cfg = ConfigOf(common);
    cfg.identity.session_idle = idle_minutes * kMinute;
    cfg.identity.session_max = max_hours * kHour;
    cfg.identity.lockout_threshold = lock_threshold;
    cfg.identity.lockout_duration = lock_minutes * kMinute;
    cfg.identity.cookie_secure = cookie_secure;
    cfg.web_dir = web_dir;
    cfg.public_url = public_url;
    cfg.db_pool = std::max(4, sopt.worker_threads + 2);
    cfg.sms_url = sms.url;
    cfg.sms_key_file = sms.key_file;
    app::App app(cfg, clock);
    http::Server server(sopt, [&app](http::Request& req) { return app.Handle(req); });
    jobs::Scheduler scheduler;
    if (!no_jobs) {
      // Late fees: hourly, accruing up to today (China time); idempotent per bill and day.
      scheduler.Every("late-fees", kHour, 30 * kSecond, [&app, &clock] {
        auto rep = billing::AccrueLateFees(app.db(), clock, CivilDate(clock.Now()));
        if (rep.days > 0)
          spdlog::info("late fees: {} bills, {} days, {} fen", rep.bills, rep.days, rep.amount);
      });
      scheduler.Every("online-orders", 5 * kMinute, 60 * kSecond, [&app] {
        auto sweep = app.billing().SweepPendingOrders();
        if (sweep.settled > 0 || sweep.failed > 0)
          spdlog::info("online orders: {} pending checked, {} settled, {} failed", sweep.checked,
                       sweep.settled, sweep.failed);
      });
      // Reminders and collection: hourly for today; each reminder once (collection/reminders.h).
      scheduler.Every("reminders", kHour, 60 * kSecond, [&app, &clock] {
        auto rep = app.reminders().Run(CivilDate(clock.Now()));
        if (rep.reminders + rep.assigned + rep.closed > 0)
          spdlog::info("reminders: {} sent ({} messages), {} houses assigned, {} closed",
                       rep.reminders, rep.messages, rep.assigned, rep.closed);
      });
      // Work orders: SLA escalations every minute (timers live in the rows, so a restart
      // resumes them); the follow-up list every 10 minutes.
      scheduler.Every("work-order-sla", kMinute, 20 * kSecond, [&app] {
        auto rep = app.workorders().RunEscalations();
        if (rep.escalations > 0) spdlog::info("work orders: {} escalation steps sent", rep.escalations);
      });
      scheduler.Every("work-order-follow-ups", 10 * kMinute, 45 * kSecond, [&app] {
        auto rep = app.workorders().RunFollowUps();
        if (rep.follow_ups > 0) spdlog::info("work orders: {} due for a follow-up call", rep.follow_ups);
      });
      // The notification outbox: retries what failed, once a minute.
      scheduler.Every("notify", kMinute, 90 * kSecond, [&app] {
        auto rep = app.notifier().Deliver();
        if (rep.failed > 0) spdlog::warn("notify: {} messages failed for good", rep.failed);
      });
      scheduler.Start();
    }
    uint16_t port = server.Listen();
    spdlog::info("anju {} serving on http://{}:{} ({})", ANJU_VERSION, sopt.host, port,
                 app.db().dialect() == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL");
    server.Run();
    spdlog::info("anju stopped");
  });

  // migrate
  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations");
  AddCommon(migrate, common);
  migrate->callback([&] {
    crypto::Init();
    auto db = db::Open(common.db);
    auto applied = db::Migrate(*db);
    for (auto& m : applied) std::cout << "applied " << m << "\n";
    std::cout << (applied.empty() ? "up to date\n" : "done\n");
  });

  // demo
  auto* demo = cli.add_subcommand("demo", "Create a demo company with projects, houses and logins");
  AddCommon(demo, common);
  app::DemoOptions dopt;
  demo->add_option("--password", dopt.password, "Password of every demo login")->required();
  demo->add_option("--scale", dopt.scale, "Extra houses for benchmarks")->capture_default_str();
  demo->add_option("--company", dopt.company_code, "Company code")->capture_default_str();
  demo->add_option("--login-prefix", dopt.login_prefix, "Prefix for every login (a second demo company)");
  demo->add_option("--history", dopt.history_months, "Months of bills, payments and orders before this one (0: none)")
      ->check(CLI::Range(0, 36))->capture_default_str();
  demo->callback([&] {
    // The history is written at the moments it happens: the app runs on a clock the demo
    // moves (app/demo.h), starting now.
    ManualClock demo_clock(clock.Now());
    app::App app(ConfigOf(common), demo_clock);
    auto s = app::SeedDemo(app, demo_clock, dopt);
    if (!s.ok()) { rc = PrintError(s.error()); return; }
    std::cout << "demo company " << dopt.company_code << ": " << s->projects << " projects, "
              << s->buildings << " buildings, " << s->houses << " houses, " << s->residents
              << " residents, " << s->vehicles << " vehicles, " << s->parking_spaces
              << " parking spaces, " << s->staff << " staff, " << s->bills << " bills, "
              << s->payments << " payments, " << s->open_orders << " open work orders\n"
              << "logins: admin manager service cashier engineer finance owner owner2 owner3\n";
  });

  // company add
  auto* company = cli.add_subcommand("company", "Manage companies (tenants)");
  company->require_subcommand(1);
  std::string c_code, c_name;
  auto* cadd = company->add_subcommand("add", "Create a company with its built-in roles");
  AddCommon(cadd, common);
  cadd->add_option("--code", c_code, "Short code, e.g. acme")->required();
  cadd->add_option("--name", c_name, "Name, e.g. 安居物业服务有限公司")->required();
  cadd->callback([&] {
    app::App app(ConfigOf(common), clock);
    auto id = app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      auto created = app.org().CreateCompany(tx, c_code, c_name, "cli");
      // The default work-order categories and SLA rules, editable in 工单设置.
      if (created.ok()) workorder::WorkOrderSettings::SeedDefaults(tx, *created, clock.Now());
      return created;
    });
    if (!id.ok()) { rc = PrintError(id.error()); return; }
    std::cout << "created company " << c_code << " (id " << *id << ")\n";
  });

  // user add | passwd | lock | unlock
  auto* user = cli.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  std::string u_login, u_name, u_password, u_company, u_role, u_project, u_kind = "staff";
  auto* uadd = user->add_subcommand("add", "Create a staff account");
  AddCommon(uadd, common);
  uadd->add_option("--company", u_company, "Company code")->required();
  uadd->add_option("--login", u_login)->required();
  uadd->add_option("--name", u_name)->required();
  uadd->add_option("--password", u_password, "Or ANJU_PASSWORD, or asked on stdin");
  uadd->add_option("--role", u_role, "Role code to grant, e.g. hq_admin");
  uadd->add_option("--project", u_project, "Project code the role is granted for (default: company-wide)");
  uadd->callback([&] {
    app::App app(ConfigOf(common), clock);
    std::string pw = ReadPassword(u_password);
    auto r = app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<int64_t> {
      auto c = tx.QueryOne("SELECT id FROM companies WHERE code = ?", {u_company});
      if (!c) return Error(errors::kNotFound, "no company " + u_company);
      std::optional<int64_t> project;
      if (!u_project.empty()) {
        auto p = tx.QueryOne("SELECT id FROM projects WHERE company_id = ? AND code = ?",
                             {c->Int(0), u_project});
        if (!p) return Error(errors::kNotFound, "no project " + u_project);
        project = p->Int(0);
      }
      identity::NewAccount a{c->Int(0), AccountKind::kStaff, u_login, u_name, pw, std::nullopt, ""};
      auto id = app.identity().CreateAccount(tx, a, "cli", std::nullopt);
      if (!id.ok()) return id;
      if (!u_role.empty()) ANJU_TRY(app.org().GrantByCode(tx, c->Int(0), *id, u_role, project, "cli"));
      return id;
    });
    if (!r.ok()) { rc = PrintError(r.error()); return; }
    std::cout << "created " << u_login << " (id " << *r << ")\n";
  });
  auto user_by_login = [&](app::App& app, db::Tx& tx) -> std::optional<int64_t> {
    auto u = tx.QueryOne("SELECT id FROM users WHERE login = ?", {u_login});
    return u ? std::optional(u->Int(0)) : std::nullopt;
  };
  auto* upass = user->add_subcommand("passwd", "Set an account's password");
  AddCommon(upass, common);
  upass->add_option("--login", u_login)->required();
  upass->add_option("--password", u_password, "Or ANJU_PASSWORD, or asked on stdin");
  upass->callback([&] {
    app::App app(ConfigOf(common), clock);
    std::string pw = ReadPassword(u_password);
    Status s = app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
      auto id = user_by_login(app, tx);
      if (!id) return Error(errors::kNotFound, "no account " + u_login);
      return app.identity().ResetPassword(tx, *id, pw, "cli");
    });
    if (!s.ok()) { rc = PrintError(s.error()); return; }
    std::cout << "password of " << u_login << " changed; its sessions ended\n";
  });
  for (bool lock : {true, false}) {
    auto* ulock = user->add_subcommand(lock ? "lock" : "unlock",
                                       lock ? "Disable an account and end its sessions"
                                            : "Enable an account again");
    AddCommon(ulock, common);
    ulock->add_option("--login", u_login)->required();
    ulock->callback([&, lock] {
      app::App app(ConfigOf(common), clock);
      Status s = app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
        auto id = user_by_login(app, tx);
        if (!id) return Error(errors::kNotFound, "no account " + u_login);
        return app.identity().SetLocked(tx, *id, lock, "cli");
      });
      if (!s.ok()) { rc = PrintError(s.error()); return; }
      std::cout << u_login << (lock ? " locked\n" : " unlocked\n");
    });
  }

  // backup
  auto* backup = cli.add_subcommand("backup", "Online, consistent copy of the database");
  AddCommon(backup, common);
  std::string backup_to;
  backup->add_option("--to", backup_to, "Target file (must not exist)")->required();
  backup->callback([&] {
    auto db = db::Open(common.db);
    db->Backup(backup_to);
    std::cout << "backup written to " << backup_to << "\n";
  });

  // audit verify
  auto* audit_cmd = cli.add_subcommand("audit", "Audit log");
  audit_cmd->require_subcommand(1);
  auto* verify = audit_cmd->add_subcommand("verify", "Check the audit hash chain");
  AddCommon(verify, common);
  verify->callback([&] {
    crypto::Init();
    auto db = db::Open(common.db);
    auto rep = audit::Verify(*db);
    std::cout << boost::json::serialize(audit::ToJson(rep)) << "\n";
    if (!rep.ok) {
      std::cerr << "audit chain broken: company " << rep.company_id << ", "
                << (rep.row_id ? "row id " + std::to_string(*rep.row_id) : std::string("tail"))
                << ": " << rep.detail << "\n";
      rc = 1;
    }
  });

  // ledger check
  auto* ledger_cmd = cli.add_subcommand("ledger", "The billing ledger");
  ledger_cmd->require_subcommand(1);
  auto* lcheck = ledger_cmd->add_subcommand("check", "Prove the books balance and agree with the bills");
  AddCommon(lcheck, common);
  lcheck->callback([&] {
    auto db = db::Open(common.db);
    auto rep = app::CheckBooks(*db);
    std::cout << "ledger: " << rep.companies << " companies, " << rep.entries << " entries, "
              << rep.lines << " lines, " << rep.accounts << " accounts: "
              << (rep.ok ? "sound" : "NOT SOUND") << "\n";
    for (const auto& p : rep.problems) std::cerr << "  " << p << "\n";
    if (!rep.ok) rc = 1;
  });

  // bills run
  auto* bills_cmd = cli.add_subcommand("bills", "Bills");
  bills_cmd->require_subcommand(1);
  app::BillsRunOptions bopt;
  auto* brun = bills_cmd->add_subcommand("run", "Bill a period for one, several or all projects");
  AddCommon(brun, common);
  brun->add_option("--company", bopt.company, "Company code")->required();
  brun->add_option("--project", bopt.projects, "Project code (repeatable; default: all)");
  brun->add_option("--period", bopt.period, "YYYY-MM")->required();
  brun->add_flag("--dry-run", bopt.dry_run, "Count and total only; write nothing");
  brun->callback([&] {
    app::App app(ConfigOf(common), clock);
    rc = app::RunBillsFromCli(app, bopt);
  });

  // import (数据迁移)
  auto* imp = cli.add_subcommand("import", "Import houses, residents, … from .xlsx/.csv (KIND FILE), roll back, templates");
  app::ImportCliOptions iopt;
  AddCommon(imp, common);
  imp->add_option("kind", iopt.kind, "houses | residents | vehicles | parking | fee-items | readings | balances");
  imp->add_option("file", iopt.file, "The .xlsx or .csv file");
  imp->add_option("--company", iopt.company, "Company code (default: the only one)");
  imp->add_option("--project", iopt.project, "Project code (default: the only one)");
  imp->add_flag("--dry-run", iopt.dry_run, "Check the whole file; write nothing");
  imp->add_flag("--all-or-nothing", iopt.all_or_nothing, "Write nothing if any row is bad");
  auto* irb = imp->add_subcommand("rollback", "Undo a committed import batch");
  AddCommon(irb, common);
  irb->add_option("batch", iopt.batch_id, "Batch id")->required();
  irb->add_option("--company", iopt.company, "Company code (default: the only one)");
  irb->callback([&] {
    app::App app(ConfigOf(common), clock);
    rc = app::RollbackImportFromCli(app, iopt);
  });
  auto* itpl = imp->add_subcommand("template", "Write the template of a kind (Chinese headers, an example row)");
  itpl->add_option("kind", iopt.kind, "houses | residents | …")->required();
  itpl->add_option("--to", iopt.to, "File to write (.xlsx or .csv)")->required();
  itpl->callback([&] { rc = app::WriteImportTemplate(iopt); });
  imp->callback([&] {
    if (imp->get_subcommands().size() > 0) return;
    if (iopt.kind.empty() || iopt.file.empty()) throw CLI::ValidationError("import", "expected KIND FILE");
    app::App app(ConfigOf(common), clock);
    rc = app::RunImportFromCli(app, iopt);
  });

  // jobs
  auto* jobs_cmd = cli.add_subcommand("jobs", "Run a scheduled job now");
  jobs_cmd->require_subcommand(1);
  auto* late = jobs_cmd->add_subcommand("late-fees", "Accrue late fees up to a day (default today)");
  AddCommon(late, common);
  std::string as_of;
  late->add_option("--as-of", as_of, "YYYY-MM-DD (China time); default today");
  late->callback([&] {
    crypto::Init();
    auto db = db::Open(common.db);
    db::Migrate(*db);
    if (as_of.empty()) as_of = CivilDate(clock.Now());
    if (!IsValidCivilDate(as_of)) throw CLI::ValidationError("--as-of", "expected YYYY-MM-DD");
    auto rep = billing::AccrueLateFees(*db, clock, as_of);
    std::cout << "late fees up to " << as_of << ": " << rep.bills << " bills, " << rep.days
              << " days, " << rep.amount << " fen\n";
  });

  auto* orders = jobs_cmd->add_subcommand(
      "online-orders", "Ask the payment providers about pending online orders (lost notifies)");
  AddCommon(orders, common);
  orders->callback([&] {
    app::App app(ConfigOf(common), clock);
    auto sweep = app.billing().SweepPendingOrders();
    std::cout << "online orders: " << sweep.checked << " pending checked, " << sweep.settled
              << " settled, " << sweep.failed << " failed\n";
    if (sweep.failed > 0) rc = 1;
  });

  auto* wo = jobs_cmd->add_subcommand(
      "work-orders", "Send due SLA escalations and put unrated completed orders on the follow-up list");
  AddCommon(wo, common);
  wo->callback([&] {
    app::App app(ConfigOf(common), clock);
    auto esc = app.workorders().RunEscalations();
    auto fu = app.workorders().RunFollowUps();
    auto sent = app.notifier().Deliver();
    std::cout << "work orders: " << esc.escalations << " escalation steps, " << fu.follow_ups
              << " due for a follow-up call; delivered " << sent.sent << " messages\n";
  });

  auto* remind = jobs_cmd->add_subcommand(
      "reminders", "Send due reminders, assign collection and deliver messages for a day (default today)");
  AddCommon(remind, common);
  AddSms(remind, sms);
  remind->add_option("--as-of", as_of, "YYYY-MM-DD (China time); default today");
  remind->callback([&] {
    app::AppConfig cfg = ConfigOf(common);
    cfg.sms_url = sms.url;
    cfg.sms_key_file = sms.key_file;
    app::App app(cfg, clock);
    if (as_of.empty()) as_of = CivilDate(clock.Now());
    if (!IsValidCivilDate(as_of)) throw CLI::ValidationError("--as-of", "expected YYYY-MM-DD");
    auto rep = app.reminders().Run(as_of);
    std::cout << "reminders for " << as_of << ": " << rep.reminders << " sent (" << rep.messages
              << " messages), " << rep.assigned << " houses assigned, " << rep.unassigned
              << " without a collector, " << rep.closed << " closed; delivered "
              << rep.delivery.sent << ", retrying " << rep.delivery.retrying << ", failed "
              << rep.delivery.failed << "\n";
  });

  // permissions: the catalogue the server checks; web/scripts/gen.mjs turns --json into the
  // web's typed permission codes (web/src/generated/permissions.ts).
  auto* perms = cli.add_subcommand("permissions", "Print the permission catalogue (code, Chinese and English name)");
  bool perms_json = false;
  perms->add_flag("--json", perms_json, R"(One JSON object {"items":[{"code","name_zh","name_en"}]}, like GET /api/v1/permissions)");
  perms->callback([&] {
    const auto& catalogue = identity::PermissionCatalogue();
    if (!perms_json) {
      for (const auto& p : catalogue) std::cout << p.code << "\t" << p.name_zh << "\t" << p.name_en << "\n";
      return;
    }
    boost::json::array items;
    for (const auto& p : catalogue)
      items.push_back(boost::json::object{{"code", p.code}, {"name_zh", p.name_zh}, {"name_en", p.name_en}});
    std::cout << boost::json::serialize(boost::json::object{{"items", std::move(items)}}) << "\n";
  });

  cli.add_subcommand("version", "Print the version")->callback([] {
    std::cout << "anju " << ANJU_VERSION << "\n";
  });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  } catch (const std::exception& e) {
    if (serving) log::Error("anju serve failed", {{"error", e.what()}});
    else std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return rc;
}
