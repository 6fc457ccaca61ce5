#include "app/cli_import.h"

#include <fstream>
#include <iostream>

#include "modules/importer/importer_json.h"
#include "platform/identity/permissions.h"

namespace anju::app {

namespace json = boost::json;

namespace {

// The command line's context: the company (the only one, or --company), every code.
std::optional<TenantContext> CliContext(App& app, const ImportCliOptions& o, int64_t* project_id) {
  return app.db().Run(db::TxMode::kRead, [&](db::Tx& tx) -> std::optional<TenantContext> {
    auto companies = o.company.empty() ? tx.Query("SELECT id FROM companies ORDER BY id")
                                       : tx.Query("SELECT id FROM companies WHERE code = ?", {o.company});
    if (companies.size() != 1) {
      std::cerr << (o.company.empty() ? "several companies: give --company CODE\n" : "no company " + o.company + "\n");
      return std::nullopt;
    }
    TenantContext ctx;
    ctx.company_id = companies[0].Int(0);
    ctx.login = "cli";
    ctx.name = "命令行";
    for (const auto& p : identity::PermissionCatalogue()) ctx.access.Grant(std::string(p.code), std::nullopt);
    if (project_id) {
      auto p = o.project.empty()
                   ? tx.Query("SELECT id FROM projects WHERE company_id = ? ORDER BY id", {ctx.company_id})
                   : tx.Query("SELECT id FROM projects WHERE company_id = ? AND code = ?", {ctx.company_id, o.project});
      if (p.size() != 1) {
        std::cerr << (o.project.empty() ? "several projects: give --project CODE\n" : "no project " + o.project + "\n");
        return std::nullopt;
      }
      *project_id = p[0].Int(0);
    }
    return ctx;
  });
}

void PrintReport(const json::object& batch) {
  std::cout << "batch " << batch.at("id").as_int64() << " (" << batch.at("kind").as_string()
            << (batch.at("dry_run").as_bool() ? ", dry run" : "") << "): " << batch.at("status").as_string()
            << "\nrows " << batch.at("rows").as_int64() << ", created " << batch.at("created").as_int64()
            << ", updated " << batch.at("updated").as_int64() << ", skipped "
            << batch.at("skipped").as_int64() << ", bad " << batch.at("bad").as_int64() << "\n";
  if (!batch.at("error").as_string().empty()) std::cout << "file: " << batch.at("error").as_string() << "\n";
  const json::object& report = batch.at("report").as_object();
  if (report.contains("bad_rows"))
    for (const auto& b : report.at("bad_rows").as_array())
      for (const auto& e : b.at("errors").as_array())
        std::cout << "line " << b.at("line").as_int64() << ": "
                  << (e.at("header").as_string().empty() ? std::string("(row)") : std::string(e.at("header").as_string()))
                  << ": " << e.at("reason").as_string() << " [" << e.at("code").as_string() << "]\n";
}

}  // namespace

int RunImportFromCli(App& app, const ImportCliOptions& o) {
  int64_t project_id = 0;
  auto ctx = CliContext(app, o, &project_id);
  if (!ctx) return 2;
  auto out = app.imports().RunFile(*ctx, o.kind, project_id, o.file, o.dry_run, o.all_or_nothing,
                                   [](const importer::RunReport& r) {
                                     std::cerr << "\r" << r.rows << " rows (" << r.bad << " bad)" << std::flush;
                                   });
  std::cerr << "\n";
  if (!out.ok()) {
    std::cerr << out.error().code << ": " << out.error().message << "\n";
    return 2;
  }
  const json::object b = importer::BatchJson(*out);  // the batch as the API shows it
  PrintReport(b);
  if (b.at("status") != "done") return 2;
  bool all_or_nothing_failed = o.all_or_nothing && b.at("bad").as_int64() > 0;
  if (o.dry_run || all_or_nothing_failed) return b.at("bad").as_int64() == 0 ? 0 : 1;
  return 0;
}

int RollbackImportFromCli(App& app, const ImportCliOptions& o) {
  auto ctx = CliContext(app, o, nullptr);
  if (!ctx) return 2;
  auto out = app.imports().Rollback(*ctx, o.batch_id);
  if (!out.ok()) {
    std::cerr << out.error().code << ": " << out.error().message << "\n";
    return 1;
  }
  const json::value rb = json::parse(out->rollback);  // the stored rollback report
  std::cout << "batch " << o.batch_id << " rolled back: " << json::serialize(rb.as_object().at("by_entity")) << "\n";
  return 0;
}

int WriteImportTemplate(const ImportCliOptions& o) {
  std::string format = o.format.empty() ? (o.to.ends_with(".csv") ? "csv" : "xlsx") : o.format;
  auto file = importer::ImportService::Template(o.kind, format);
  if (!file.ok()) {
    std::cerr << file.error().code << ": " << file.error().message << "\n";
    return 2;
  }
  std::ofstream out(o.to, std::ios::binary);
  out << file->bytes;
  if (!out) {
    std::cerr << "cannot write " << o.to << "\n";
    return 2;
  }
  std::cout << "wrote " << o.to << "\n";
  return 0;
}

}  // namespace anju::app
