#include "modules/importer/import_service.h"

#include <fstream>

#include "core/tabular/tabular.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/importer/importer_errors.h"
#include "modules/importer/importer_json.h"
#include "platform/org/org_service.h"

namespace anju::importer {

namespace json = boost::json;
namespace fs = std::filesystem;
namespace perm = identity::perm;

namespace {

std::string FormatOf(const std::string& file_name) {
  auto dot = file_name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : file_name.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "csv" || ext == "xlsx" ? ext : "";
}

constexpr const char* kBatchSelect =
    "SELECT id, project_id, kind, file_name, format, dry_run, all_or_nothing, status, rows_total, "
    "created, updated, skipped, bad, report, error, created_at, finished_at, rolled_back_at, "
    "rollback_report FROM import_batches ";

Batch BatchOf(const db::Row& r, bool with_report) {
  Batch b;
  b.id = r.Int(0);
  b.project_id = r.OptInt(1);
  b.kind = r.Str(2);
  b.file_name = r.Str(3);
  b.format = r.Str(4);
  b.dry_run = r.Int(5) != 0;
  b.all_or_nothing = r.Int(6) != 0;
  b.status = r.Str(7);
  b.rows = r.Int(8);
  b.created = r.Int(9);
  b.updated = r.Int(10);
  b.skipped = r.Int(11);
  b.bad = r.Int(12);
  b.error = r.Str(14);
  b.created_at = r.Int(15);
  b.finished_at = r.OptInt(16);
  b.rolled_back_at = r.OptInt(17);
  b.with_report = with_report;
  if (with_report) {
    b.report = r.Str(13);
    b.rollback = r.Str(18);
  }
  return b;
}

Status CheckProject(db::Tx& tx, const TenantContext& ctx, int64_t project_id) {
  if (!org::ProjectCode(tx, ctx.company_id, project_id) ||
      !ctx.access.HasIn(std::string(perm::kDataImport), project_id))
    return Error(kProjectRequired).WithField("project_id", "not_found");
  return {};
}

}  // namespace

ImportService::ImportService(db::Database& db, const Clock& clock, const crypto::SecretKey& key,
                             fs::path data_dir, billing::CorrectionHolds& holds)
    : db_(db), clock_(clock), key_(key), holds_(holds), root_(std::move(data_dir) / "imports") {
  // Batches left queued or running by a process that stopped: nothing has moved them for
  // kStale (a live instance's running batch beats at every committed batch).
  Millis stale = clock_.Now() - kStale;
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return tx.Exec("UPDATE import_batches SET status = 'interrupted' WHERE status IN ('queued', "
                   "'running') AND COALESCE(heartbeat_at, created_at) < ?",
                   {stale});
  });
  worker_ = std::thread([this] { Work(); });
}

ImportService::~ImportService() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

fs::path ImportService::PathOf(int64_t company_id, const std::string& stored) const {
  return root_ / std::to_string(company_id) / stored;
}

Result<int64_t> ImportService::CreateBatch(const TenantContext& ctx, const std::string& kind,
                                           int64_t project_id, const std::string& file_name,
                                           const Store& store, bool dry_run, bool all_or_nothing) {
  ANJU_TRY(identity::Require(ctx, perm::kDataImport));
  if (!FindKind(kind)) return Error(kUnknownKind).WithField("kind", "invalid");
  std::string format = FormatOf(file_name);
  if (format.empty()) return Error(kBadFormat).WithField("file", "invalid");
  ANJU_TRY(db_.Run(db::TxMode::kRead, [&](db::Tx& tx) { return CheckProject(tx, ctx, project_id); }));
  std::string stored = crypto::RandomToken(16) + "." + format;
  fs::path path = PathOf(ctx.company_id, stored);
  fs::create_directories(path.parent_path());
  ANJU_TRY(store(path));
  int64_t size = static_cast<int64_t>(fs::file_size(path));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<int64_t> {
    int64_t id = tx.InsertId(
        "INSERT INTO import_batches (company_id, project_id, kind, file_name, stored_name, format, "
        "dry_run, all_or_nothing, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "'queued', ?, ?) RETURNING id",
        {ctx.company_id, project_id, kind, file_name, stored, format, int64_t(dry_run),
         int64_t(all_or_nothing), ctx.user_id ? db::Value(ctx.user_id) : db::kNull, now});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"import.batch.create", "import_batch", id, project_id, nullptr,
                   json::object{{"kind", kind}, {"file_name", file_name}, {"dry_run", dry_run},
                                {"all_or_nothing", all_or_nothing}, {"bytes", size}}},
                  now);
    return id;
  });
}

namespace {

// Keeps a copy of `source` (the command line's file, a dry run's kept file) without reading
// it into memory.
ImportService::Store CopyOf(fs::path source) {
  return [source = std::move(source)](const fs::path& dest) -> Status {
    std::error_code ec;
    fs::copy_file(source, dest, ec);
    if (ec) return Error(kBadFormat, "cannot read " + source.string()).WithField("file", "not_found");
    return {};
  };
}

}  // namespace

Result<Batch> ImportService::Enqueue(const TenantContext& ctx, Result<int64_t> id) {
  if (!id.ok()) return id.error();
  {
    std::lock_guard lock(mu_);
    queue_.push_back({*id, ctx});
  }
  cv_.notify_all();
  return Get(ctx, *id);
}

Result<Batch> ImportService::Start(const TenantContext& ctx, StartRequest req) {
  auto write = [&req](const fs::path& dest) -> Status {
    std::ofstream out(dest, std::ios::binary);
    out.write(req.bytes.data(), static_cast<std::streamsize>(req.bytes.size()));
    if (!out) return Error(errors::kInternal);
    return {};
  };
  return Enqueue(ctx, CreateBatch(ctx, req.kind, req.project_id, req.file_name, write, req.dry_run,
                                  req.all_or_nothing));
}

int64_t ImportableRows(const Batch& b) {
  if (b.all_or_nothing && b.bad > 0) return 0;
  return b.created + b.updated;
}

Result<DownloadFile> ImportService::Template(const TenantContext& ctx, const std::string& kind,
                                             const std::string& format, Lang lang,
                                             std::optional<int64_t> project_id) {
  const Kind* k = FindKind(kind);
  if (!k) return Error(kUnknownKind).WithField("kind", "invalid");
  if (!project_id) return Template(kind, format, lang);
  auto example = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<std::string>> {
    ANJU_TRY(CheckProject(tx, ctx, *project_id));
    return k->Example(tx, ctx.company_id, *project_id);
  });
  if (!example.ok()) return example.error();
  return WriteTemplate(*k, format, lang, *example);
}

Result<Batch> ImportService::Commit(const TenantContext& ctx, int64_t dry_run_id) {
  auto batch = Get(ctx, dry_run_id);
  if (!batch.ok()) return batch;
  const Batch& b = *batch;
  if (!b.dry_run || b.status != "done") return Error(kNotCommittable);
  if (ImportableRows(b) == 0) return Error(kNothingToImport);
  auto stored = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return tx.QueryOne("SELECT stored_name FROM import_batches WHERE id = ?", {dry_run_id})->Str(0);
  });
  // A dry run is committed once: it becomes `committed` (its report stays).
  int64_t changed = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return tx.Exec("UPDATE import_batches SET status = 'committed' WHERE id = ? AND status = 'done'",
                   {dry_run_id});
  });
  if (changed != 1) return Error(kNotCommittable);
  return Enqueue(ctx, CreateBatch(ctx, b.kind, b.project_id.value_or(0), b.file_name,
                                  CopyOf(PathOf(ctx.company_id, stored)), false,
                                  b.all_or_nothing));
}

Result<Batch> ImportService::RunFile(const TenantContext& ctx, const std::string& kind,
                                           int64_t project_id, const fs::path& file, bool dry_run,
                                           bool all_or_nothing, const OnProgress& progress) {
  auto id = CreateBatch(ctx, kind, project_id, file.filename().string(), CopyOf(file), dry_run,
                        all_or_nothing);
  if (!id.ok()) return id.error();
  Execute({*id, ctx}, progress);
  return Get(ctx, *id);
}

void ImportService::Work() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    Job job = queue_.front();
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    try {
      Execute(job, {});
    } catch (const std::exception& e) {
      db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
        return tx.Exec("UPDATE import_batches SET status = 'failed', error = ? WHERE id = ?",
                       {std::string(e.what()), job.batch_id});
      });
    }
    lock.lock();
    busy_ = false;
    idle_cv_.notify_all();
  }
}

void ImportService::WaitIdle() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void ImportService::Execute(const Job& job, const OnProgress& progress) {
  auto row = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return *tx.QueryOne("SELECT kind, project_id, stored_name, format, dry_run, all_or_nothing "
                        "FROM import_batches WHERE id = ?", {job.batch_id});
  });
  const Kind* kind = FindKind(row.Str(0));
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return tx.Exec("UPDATE import_batches SET status = 'running', heartbeat_at = ? WHERE id = ?",
                   {clock_.Now(), job.batch_id});
  });
  RunOptions o{job.batch_id, row.Int(1), row.Int(4) != 0, row.Int(5) != 0};
  RunReport rep;
  auto reader = tabular::Open(PathOf(job.ctx.company_id, row.Str(2)).string());
  if (!reader.ok()) rep.file_error = reader.error().message;
  else rep = Run(db_, job.ctx, key_, clock_, **reader, *kind, o, progress);
  Millis now = clock_.Now();
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    std::string status = !rep.file_error.empty() ? "failed" : "done";
    tx.Exec("UPDATE import_batches SET status = ?, rows_total = ?, created = ?, updated = ?, "
            "skipped = ?, bad = ?, report = ?, error = ?, finished_at = ? WHERE id = ?",
            {status, rep.rows, rep.created, rep.updated, rep.skipped, rep.bad,
             json::serialize(ReportJson(rep, *kind)), rep.file_error, now, job.batch_id});
    audit::Append(tx, audit::Actor::Of(job.ctx),
                  {o.dry_run ? "import.batch.dry_run" : "import.batch.commit", "import_batch",
                   job.batch_id, o.project_id, nullptr,
                   json::object{{"rows", rep.rows}, {"created", rep.created}, {"updated", rep.updated},
                                {"skipped", rep.skipped}, {"bad", rep.bad}, {"committed", rep.committed}}},
                  now);
    return 0;
  });
}

Result<Batch> ImportService::Get(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kDataImport));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Batch> {
    auto r = tx.QueryOne(std::string(kBatchSelect) + "WHERE id = ? AND company_id = ?",
                         {id, ctx.company_id});
    if (!r || !ctx.access.HasIn(std::string(perm::kDataImport), r->Int(1)))
      return Error(kBatchNotFound);
    return BatchOf(*r, true);
  });
}

Result<BatchPage> ImportService::List(const TenantContext& ctx, const Page& page) {
  ANJU_TRY(identity::Require(ctx, perm::kDataImport));
  std::string where = "WHERE company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kDataImport, "project_id", where, p);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<BatchPage> {
    BatchPage out;
    out.page = page;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM import_batches " + where, p)->Int(0);
    db::Params pp = p;
    pp.push_back(page.size), pp.push_back(page.offset());
    for (auto& r : tx.Query(std::string(kBatchSelect) + where + " ORDER BY id DESC LIMIT ? OFFSET ?", pp))
      out.items.push_back(BatchOf(r, false));
    return out;
  });
}

}  // namespace anju::importer
