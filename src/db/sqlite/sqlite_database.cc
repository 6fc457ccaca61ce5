// SQLite backend. Design in sqlite_database.h; the statement rules are:
// - a statement is prepared once per connection (SQLITE_PREPARE_PERSISTENT) and reset,
//   never finalized, after each use; parameters are bound SQLITE_STATIC because the
//   Params outlive the step loop and every parameter is rebound on the next use;
// - Query/Exec take exactly one statement; ExecScript takes many and caches nothing.
#include "db/sqlite/sqlite_database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace anju::db {
namespace {

constexpr int kBusyTimeoutMs = 5000;
// A connection's cache is flushed when it grows past this (SQL built at run time).
constexpr size_t kMaxCachedStatements = 512;

DbError::Kind KindOf(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbError::Kind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DbError::Kind::kForeignKeyViolation;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbError::Kind::kSerialization;
    case SQLITE_CANTOPEN:
      return DbError::Kind::kConnection;
  }
  return DbError::Kind::kOther;
}

[[noreturn]] void Throw(sqlite3* db, int rc, std::string_view sql) {
  std::string msg = "sqlite: ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (!sql.empty()) {
    msg += " [";
    msg += sql.substr(0, 200);
    msg += "]";
  }
  throw DbError(KindOf(rc), msg);
}

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

bool OnlySpaceOrSemicolons(const char* p, const char* end) {
  for (; p < end && *p; ++p) {
    if (*p != ';' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t') return false;
  }
  return true;
}

// One sqlite3 handle and its statement cache. Used by one thread at a time.
class Connection {
 public:
  Connection(const std::string& path, bool writer) : writer_(writer) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg =
          "sqlite: cannot open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
      sqlite3_close(db_);
      throw DbError(DbError::Kind::kConnection, msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    try {
      if (writer) {
        std::string mode = PragmaValue("PRAGMA journal_mode=WAL");
        if (mode != "wal") {
          throw DbError(DbError::Kind::kOther, "sqlite: cannot enable WAL on " + path);
        }
        // The writer keeps statement journals in memory (as a temp file they cost ~11
        // pwrite calls per billed bill) and a page cache that holds a batch's dirty pages.
        ExecScript("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;");
      } else {
        ExecScript("PRAGMA foreign_keys=ON; PRAGMA query_only=ON; PRAGMA cache_size=-32768;");
      }
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }

  ~Connection() {
    for (auto& [sql, stmt] : stmts_) sqlite3_finalize(stmt);
    if (writer_) sqlite3_exec(db_, "PRAGMA optimize", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }

  // Returns the cached statement for `sql` (reset, parameters unbound on first use),
  // preparing it on first use. Throws DbError for bad SQL or more than one statement.
  sqlite3_stmt* Prepare(std::string_view sql) {
    if (auto it = stmts_.find(sql); it != stmts_.end()) return it->second;
    if (stmts_.size() >= kMaxCachedStatements) {
      for (auto& [text, stmt] : stmts_) sqlite3_finalize(stmt);
      stmts_.clear();
    }
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) Throw(db_, rc, sql);
    if (stmt == nullptr) throw DbError(DbError::Kind::kOther, "sqlite: empty statement");
    if (!OnlySpaceOrSemicolons(tail, sql.data() + sql.size())) {
      sqlite3_finalize(stmt);
      throw DbError(DbError::Kind::kOther,
                    "sqlite: Query/Exec take one statement; use ExecScript [" +
                        std::string(sql.substr(0, 200)) + "]");
    }
    stmts_.emplace(std::string(sql), stmt);
    return stmt;
  }

  void ExecScript(const std::string& sql) {
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) Throw(db_, rc, sql);
  }

 private:
  std::string PragmaValue(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) Throw(db_, rc, sql);
    std::string value;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) Throw(db_, rc, sql);
    return value;
  }

  sqlite3* db_ = nullptr;
  bool writer_;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> stmts_;
};

// Resets a statement when a Query/Exec ends, however it ends.
class StmtScope {
 public:
  explicit StmtScope(sqlite3_stmt* s) : s_(s) {}
  ~StmtScope() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

 private:
  sqlite3_stmt* s_;
};

void Bind(sqlite3* db, sqlite3_stmt* stmt, const Params& params, std::string_view sql) {
  if (sqlite3_bind_parameter_count(stmt) != static_cast<int>(params.size())) {
    throw DbError(DbError::Kind::kOther, "sqlite: statement takes " +
                                             std::to_string(sqlite3_bind_parameter_count(stmt)) +
                                             " parameters, got " + std::to_string(params.size()) +
                                             " [" + std::string(sql.substr(0, 200)) + "]");
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i) + 1;
    int rc;
    if (const int64_t* n = std::get_if<int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(stmt, idx, *n);
    } else if (const std::string* s = std::get_if<std::string>(&params[i])) {
      rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt, idx);
    }
    if (rc != SQLITE_OK) Throw(db, rc, sql);
  }
}

Value Cell(sqlite3_stmt* stmt, int col) {
  switch (sqlite3_column_type(stmt, col)) {
    case SQLITE_INTEGER:
      return sqlite3_column_int64(stmt, col);
    case SQLITE_NULL:
      return kNull;
    case SQLITE_BLOB: {
      const void* p = sqlite3_column_blob(stmt, col);
      return std::string(static_cast<const char*>(p), sqlite3_column_bytes(stmt, col));
    }
    default: {  // TEXT, or FLOAT from an expression, as SQLite formats it
      const unsigned char* p = sqlite3_column_text(stmt, col);
      return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt, col));
    }
  }
}

class SqliteDatabase;

class SqliteTx final : public Tx {
 public:
  // `conn` is leased from `owner` (the writer for kWrite) and given back by the destructor.
  SqliteTx(SqliteDatabase* owner, Connection* conn) : owner_(owner), conn_(conn) {}
  ~SqliteTx() override;

  Dialect dialect() const override { return Dialect::kSqlite; }

  Rows Query(std::string_view sql, const Params& params) override {
    CheckOpen();
    sqlite3_stmt* stmt = conn_->Prepare(sql);
    StmtScope scope(stmt);
    Bind(conn_->handle(), stmt, params, sql);
    Rows rows;
    const int ncols = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) Throw(conn_->handle(), rc, sql);
      std::vector<Value> cells;
      cells.reserve(ncols);
      for (int c = 0; c < ncols; ++c) cells.push_back(Cell(stmt, c));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  int64_t Exec(std::string_view sql, const Params& params) override {
    CheckOpen();
    return Step(sql, params);
  }

  void ExecScript(std::string_view sql) override {
    CheckOpen();
    conn_->ExecScript(std::string(sql));
  }

  void Commit() override {
    CheckOpen();
    done_ = true;  // a failed COMMIT leaves the transaction open; the destructor rolls back
    Step("COMMIT", {});
  }

  // Runs BEGIN …; called once by SqliteDatabase::Begin.
  void Start(std::string_view begin_sql) { Step(begin_sql, {}); }

 private:
  void CheckOpen() const {
    if (done_) throw DbError(DbError::Kind::kOther, "sqlite: transaction already committed");
  }

  int64_t Step(std::string_view sql, const Params& params) {
    sqlite3* db = conn_->handle();
    sqlite3_stmt* stmt = conn_->Prepare(sql);
    StmtScope scope(stmt);
    Bind(db, stmt, params, sql);
    const int64_t before = sqlite3_total_changes64(db);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) Throw(db, rc, sql);
    return sqlite3_total_changes64(db) == before ? 0 : sqlite3_changes64(db);
  }

  SqliteDatabase* owner_;
  Connection* conn_;
  bool done_ = false;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int readers)
      : path_(std::move(path)), max_readers_(readers), writer_(path_, /*writer=*/true) {}

  Dialect dialect() const override { return Dialect::kSqlite; }

  std::unique_ptr<Tx> Begin(TxMode mode) override {
    if (mode == TxMode::kWrite) {
      {
        std::unique_lock<std::mutex> lock(pool_mu_);
        if (writer_busy_) {
          ++waits_;
          writer_cv_.wait(lock, [&] { return !writer_busy_; });
        }
        writer_busy_ = true;
      }
      auto tx = std::make_unique<SqliteTx>(this, &writer_);
      tx->Start("BEGIN IMMEDIATE");
      return tx;
    }
    auto tx = std::make_unique<SqliteTx>(this, AcquireReader());
    tx->Start("BEGIN");
    return tx;
  }

  PoolStats Stats() const override {
    std::lock_guard<std::mutex> lock(pool_mu_);
    PoolStats s;
    s.size = 1 + static_cast<int>(readers_.size());
    s.in_use = static_cast<int>(readers_.size() - idle_.size()) + (writer_busy_ ? 1 : 0);
    s.waits = waits_;
    return s;
  }

  void Backup(const std::string& to_file) override;

  // Called by SqliteTx's destructor after the transaction has ended.
  void Release(Connection* conn) {
    {
      std::lock_guard<std::mutex> lock(pool_mu_);
      if (conn == &writer_) {
        writer_busy_ = false;
      } else {
        idle_.push_back(conn);
      }
    }
    (conn == &writer_ ? writer_cv_ : pool_cv_).notify_one();
  }

 private:
  // Takes an idle reader, opens a new one while below max_readers_, or waits.
  Connection* AcquireReader() {
    std::unique_lock<std::mutex> lock(pool_mu_);
    if (idle_.empty() && opening_ + static_cast<int>(readers_.size()) >= max_readers_) {
      ++waits_;
      pool_cv_.wait(lock, [&] {
        return !idle_.empty() || opening_ + static_cast<int>(readers_.size()) < max_readers_;
      });
    }
    if (!idle_.empty()) {
      Connection* c = idle_.back();
      idle_.pop_back();
      return c;
    }
    ++opening_;
    lock.unlock();
    std::unique_ptr<Connection> conn;
    try {
      conn = std::make_unique<Connection>(path_, /*writer=*/false);
    } catch (...) {
      lock.lock();
      --opening_;
      pool_cv_.notify_one();
      throw;
    }
    lock.lock();
    --opening_;
    readers_.push_back(std::move(conn));
    return readers_.back().get();
  }

  const std::string path_;
  const int max_readers_;

  Connection writer_;

  mutable std::mutex pool_mu_;
  std::condition_variable writer_cv_;  // signalled when the writer is free
  std::condition_variable pool_cv_;    // signalled when a reader is free
  bool writer_busy_ = false;           // guarded by pool_mu_; one kWrite Tx

  std::vector<std::unique_ptr<Connection>> readers_;  // guarded by pool_mu_
  std::vector<Connection*> idle_;                     // guarded by pool_mu_
  int opening_ = 0;                                   // guarded by pool_mu_
  std::atomic<int64_t> waits_{0};
};

SqliteTx::~SqliteTx() {
  if (!sqlite3_get_autocommit(conn_->handle())) {
    sqlite3_exec(conn_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  owner_->Release(conn_);
}

void FsyncDir(const std::filesystem::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Copies every page in one backup step, i.e. under one read transaction on a reader
// connection, so the copy is a consistent snapshot and writers are not held up. The copy is
// written beside the target and renamed over it, so `to_file` is never half written.
void SqliteDatabase::Backup(const std::string& to_file) {
  namespace fs = std::filesystem;
  const std::string tmp = to_file + ".tmp-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove(tmp, ec);

  struct ReaderLease {
    SqliteDatabase* db;
    Connection* conn;
    ~ReaderLease() { db->Release(conn); }
  } lease{this, AcquireReader()};

  sqlite3* dst = nullptr;
  int rc = sqlite3_open_v2(tmp.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(dst);
    throw DbError(DbError::Kind::kOther, "sqlite backup: cannot create " + tmp);
  }
  sqlite3_busy_timeout(dst, kBusyTimeoutMs);
  std::string error;
  if (sqlite3_backup* b = sqlite3_backup_init(dst, "main", lease.conn->handle(), "main")) {
    rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) error = sqlite3_errstr(rc);
  } else {
    error = sqlite3_errmsg(dst);
  }
  rc = sqlite3_close(dst);
  if (error.empty() && rc != SQLITE_OK) error = sqlite3_errstr(rc);
  if (error.empty()) {
    fs::rename(tmp, to_file, ec);
    if (ec) error = "cannot rename to " + to_file + ": " + ec.message();
  }
  if (!error.empty()) {
    fs::remove(tmp, ec);
    throw DbError(KindOf(rc), "sqlite backup failed: " + error);
  }
  FsyncDir(fs::path(to_file).parent_path());
}

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path, int readers) {
  return std::make_unique<SqliteDatabase>(path, readers < 1 ? 1 : readers);
}

}  // namespace anju::db
