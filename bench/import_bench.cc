// Data migration at scale (issue 6), on SQLite, through the real import code:
//
//   import_bench gen N DIR    writes DIR/houses.xlsx and DIR/residents.xlsx (N rows each:
//                             N houses in towers of 400, one owner per house)
//   import_bench run DIR      a fresh database in DIR; then, each in turn: a read-only pass
//                             over the file (tabular reader: the floor any import pays), the
//                             import of the houses, the import of the residents — printing
//                             rows/s, the ratio import time / read time, and the peak
//                             resident memory (getrusage) after each step
//
// Two invocations, so that generating the files (which holds them in memory) does not
// count in the import's peak memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "app/app.h"
#include "core/tabular/tabular.h"
#include "platform/identity/permissions.h"

using namespace anju;
using Steady = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double Seconds(Steady::time_point t) { return std::chrono::duration<double>(Steady::now() - t).count(); }
long PeakMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

int Gen(int n, const fs::path& dir) {
  fs::create_directories(dir);
  tabular::Table houses, residents;
  for (int i = 0; i < n; ++i) {
    std::string b = fmt::format("T{}", i / 400), num = fmt::format("{:02d}{:02d}", i % 400 / 10 + 1, i % 10 + 1);
    houses.push_back({b, "", "1", std::to_string(i % 400 / 10 + 1), num, "住宅", "自住",
                      fmt::format("{}.{:02d}", 60 + i % 80, i % 100), "55.5", "2020-06-30"});
    residents.push_back({fmt::format("业主{}", i), fmt::format("139{:08d}", i), "",
                         fmt::format("{}-1-{}", b, num), "业主", "2020-07-01"});
  }
  auto h = tabular::WriteXlsx({"楼栋编码*", "楼栋名称", "单元*", "楼层*", "房号*", "房屋类型*", "状态",
                               "建筑面积(㎡)*", "套内面积(㎡)*", "交付日期"}, houses);
  auto r = tabular::WriteXlsx({"姓名*", "手机号*", "身份证号", "房号*", "关系*", "入住日期"}, residents);
  if (!h.ok() || !r.ok()) return 1;
  std::ofstream(dir / "houses.xlsx", std::ios::binary) << *h;
  std::ofstream(dir / "residents.xlsx", std::ios::binary) << *r;
  std::printf("wrote %d houses (%.1f MB) and %d residents (%.1f MB)\n", n,
              fs::file_size(dir / "houses.xlsx") / 1e6, n, fs::file_size(dir / "residents.xlsx") / 1e6);
  return 0;
}

int Run(const fs::path& dir) {
  SystemClock clock;
  app::AppConfig cfg;
  fs::remove(dir / "bench.db");
  cfg.db_url = "sqlite:" + (dir / "bench.db").string();
  cfg.data_dir = (dir / "data").string();
  app::App app(cfg, clock);
  TenantContext ctx;
  ctx.login = "bench";
  int64_t project = 0;
  app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    ctx.company_id = *app.org().CreateCompany(tx, "bench", "压测物业", "bench");
    project = tx.InsertId("INSERT INTO projects (company_id, code, name, kind, created_at, updated_at) "
                          "VALUES (?, 'BIG', '大型社区', 'residential', ?, ?) RETURNING id",
                          {ctx.company_id, clock.Now(), clock.Now()});
    return 0;
  });
  for (const auto& p : identity::PermissionCatalogue()) ctx.access.Grant(std::string(p.code), std::nullopt);
  std::printf("start: peak RSS %ld MiB\n", PeakMiB());
  for (const char* kind : {"houses", "residents"}) {
    fs::path file = dir / (std::string(kind) + ".xlsx");
    auto t0 = Steady::now();
    auto reader = tabular::Open(file.string());
    int64_t rows = 0;
    while (true) {
      auto row = (*reader)->Next();
      if (!row.ok() || !*row) break;
      ++rows;
    }
    double read_s = Seconds(t0);
    long read_peak = PeakMiB();
    auto t1 = Steady::now();
    auto out = app.imports().RunFile(ctx, kind, project, file, false, false, {});
    double import_s = Seconds(t1);
    if (!out.ok()) return std::printf("%s: %s\n", kind, out.error().message.c_str()), 1;
    const importer::Batch& b = *out;
    std::printf("%s: %lld data rows; read-only pass %.2f s (%.0f rows/s, peak RSS %ld MiB); import %.1f s = "
                "%.0f rows/s (created %lld, bad %lld), peak RSS %ld MiB; import / read %.1f×\n",
                kind, static_cast<long long>(rows - 1), read_s, (rows - 1) / read_s, read_peak, import_s,
                (rows - 1) / import_s, static_cast<long long>(b.created),
                static_cast<long long>(b.bad), PeakMiB(), import_s / read_s);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "gen") return Gen(std::atoi(argv[2]), argv[3]);
  if (argc == 3 && std::string(argv[1]) == "run") return Run(argv[2]);
  std::fprintf(stderr, "usage: import_bench gen N DIR | import_bench run DIR\n");
  return 2;
}
