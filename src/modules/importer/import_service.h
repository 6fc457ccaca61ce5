// Imports (数据迁移) as batches: every file imported is a batch with an id, its file kept
// under <data-dir>/imports/<company>/, its options, progress and report; a committed batch
// can be rolled back while nothing newer depends on what it wrote.
//
// Contracts
// - Start() stores the uploaded file and queues the batch; one worker thread runs queued
//   batches in order (GET shows progress and, when done, the report). RunFile() does the
//   same synchronously (the command line). A batch still queued or running when its
//   process stopped is marked `interrupted` when a process starts and the batch has shown
//   no progress for kStale (so `anju import` beside a running server, or another instance
//   starting, leaves live batches alone); importing the file again completes it (rows
//   already there are matched and skipped), or a rollback undoes what it committed.
// - Needs data:import in the project, plus whatever the kind's own routes need (the rows
//   go through them: property:house:write for houses, …).
// - Rollback() undoes a committed batch in one transaction, newest change first, and
//   answers exactly what it removed and restored, or refuses as a whole (409) naming the
//   row that something newer depends on (a house with bills, a resident linked elsewhere…).
#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/ports.h"
#include "modules/importer/runner.h"

namespace anju::importer {

inline constexpr size_t kMaxUploadBytes = 5 * 1024 * 1024;  // larger files: `anju import`
// A queued or running batch that has shown no progress for this long when a process starts
// is taken to be dead (its process stopped) and marked interrupted.
inline constexpr Millis kStale = 2 * kMinute;

struct StartRequest {
  std::string kind;
  int64_t project_id = 0;
  bool dry_run = true;
  bool all_or_nothing = false;
  std::string file_name;  // as uploaded; only its extension decides the format
  std::string bytes;
};

// An import batch as stored: its options, status and counts. `report` is the stored report
// document (JSON text, importer_json.h ReportJson) and `rollback` the stored rollback
// report ({by_entity, changes}); both are filled only by Get and the calls answering one
// batch, not by List.
struct Batch {
  int64_t id = 0;
  std::optional<int64_t> project_id;
  std::string kind, file_name, format;  // format: csv | xlsx
  bool dry_run = true, all_or_nothing = false;
  std::string status;  // queued | running | done | failed | interrupted | committed | rolled_back
  int64_t rows = 0, created = 0, updated = 0, skipped = 0, bad = 0;
  std::string error;
  Millis created_at = 0;
  std::optional<Millis> finished_at, rolled_back_at;
  bool with_report = false;  // report and rollback below were read
  std::string report, rollback;
};

// A file to download: its name for the user (UTF-8, in the UI's language), a plain ASCII
// name for clients that do not read RFC 5987's filename*, and the bytes.
struct DownloadFile {
  std::string name, ascii_name, bytes;
};

// The language of a template's sheet names, instructions and file name (the headers are
// Chinese in both: the importer matches them).
enum class Lang { kZh, kEn };

// Rows of a finished dry run that a commit would write: created + updated, and none when
// all-or-nothing meets a bad row. A commit of a dry run with none is refused.
int64_t ImportableRows(const Batch& dry_run);

// A page of batches, newest first, and how many there are in all.
struct BatchPage {
  std::vector<Batch> items;
  int64_t total = 0;
  Page page;
};

class ImportService {
 public:
  // Writes the batch's kept file at the given path.
  using Store = std::function<Status(const std::filesystem::path&)>;

  // `holds`: what corrections hold on billing's balances (billing/ports.h), for rolling
  // back opening balances; wired in src/app/app.cc.
  ImportService(db::Database& db, const Clock& clock, const crypto::SecretKey& key,
                std::filesystem::path data_dir, billing::CorrectionHolds& holds);
  ~ImportService();  // finishes the batch in progress, leaves queued ones queued

  // The batch, queued for the worker (the route answers 202).
  Result<Batch> Start(const TenantContext& ctx, StartRequest req);
  // Synchronous (command line): copies the file in, runs, returns the batch with its report.
  Result<Batch> RunFile(const TenantContext& ctx, const std::string& kind,
                                     int64_t project_id, const std::filesystem::path& file,
                                     bool dry_run, bool all_or_nothing, const OnProgress& progress);
  // Queues the file of a finished dry run again, committing (a new batch, same options).
  // IMPORT_NOT_COMMITTABLE unless it is a finished dry run not committed yet;
  // IMPORT_NOTHING_TO_IMPORT when it has no importable row (ImportableRows).
  Result<Batch> Commit(const TenantContext& ctx, int64_t dry_run_id);
  // The batch with its report (IMPORT_NOT_FOUND outside the caller's reach).
  Result<Batch> Get(const TenantContext& ctx, int64_t id);
  // The batches in reach, newest first, without their reports.
  Result<BatchPage> List(const TenantContext& ctx, const Page& page);
  // The batch, rolled back, with its rollback report (see above).
  Result<Batch> Rollback(const TenantContext& ctx, int64_t id);
  // The kept file (the upload as it was) and the bad rows as a file to fix and re-upload.
  Result<DownloadFile> BadRowsFile(const TenantContext& ctx, int64_t id, const std::string& format);
  // The template of a kind (files.cc): an .xlsx has a sheet named after the kind (房屋 /
  // Houses) with the Chinese headers, one example row and a drop-down list on every column
  // of a fixed list of values (Column::choices), then a 填写说明 / Instructions sheet: each
  // column, required or not, what to type, the accepted values, the example. A CSV has the
  // header and the example row. The file is named in `lang` (房屋导入模板.xlsx).
  // Without a project the example row is the columns' examples; with one (the caller needs
  // data:import there, else IMPORT_PROJECT_NOT_FOUND) it is Kind::Example for that
  // project, which passes a dry run there in the demo.
  Result<DownloadFile> Template(const TenantContext& ctx, const std::string& kind,
                                const std::string& format, Lang lang,
                                std::optional<int64_t> project_id);
  static Result<DownloadFile> Template(const std::string& kind, const std::string& format,
                                       Lang lang = Lang::kZh);
  // Waits until the worker is idle (tests).
  void WaitIdle();

 private:
  struct Job {
    int64_t batch_id;
    TenantContext ctx;
  };
  static Result<DownloadFile> WriteTemplate(const Kind& kind, const std::string& format, Lang lang,
                                            const std::vector<std::string>& example);
  void Work();
  void Execute(const Job& job, const OnProgress& progress);
  std::filesystem::path PathOf(int64_t company_id, const std::string& stored) const;
  // Checks the request, keeps the file (`store`), records the batch (queued).
  Result<int64_t> CreateBatch(const TenantContext& ctx, const std::string& kind, int64_t project_id,
                              const std::string& file_name, const Store& store, bool dry_run,
                              bool all_or_nothing);
  // Queues a created batch for the worker; the batch.
  Result<Batch> Enqueue(const TenantContext& ctx, Result<int64_t> id);

  db::Database& db_;
  const Clock& clock_;
  const crypto::SecretKey& key_;
  billing::CorrectionHolds& holds_;
  std::filesystem::path root_;
  std::mutex mu_;
  std::condition_variable cv_, idle_cv_;
  std::deque<Job> queue_;
  bool busy_ = false, stop_ = false;
  std::thread worker_;
};

}  // namespace anju::importer
