// PostgreSQL backend. Design in postgres_database.h. Invariants:
// - a PgConn is owned either by the pool's idle list or by exactly one PgTx;
// - a PgConn goes back to the idle list only when it is healthy and outside a transaction
//   (PQTRANS_IDLE); anything else is closed, so the next Begin() gets a fresh session;
// - a prepared statement's name is unique per connection and never reused.
#include "db/postgres/postgres_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace anju::db {
namespace {

constexpr auto kPoolWait = std::chrono::seconds(30);
constexpr size_t kMaxPreparedStatements = 512;
constexpr Oid kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kBoolOid = 16;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

struct Prepared {
  std::string name;
  int nparams;
};

// One server session and its prepared statements. Used by one thread at a time.
struct PgConn {
  PGconn* conn = nullptr;
  std::unordered_map<std::string, Prepared, StringHash, std::equal_to<>> prepared;
  std::vector<std::string> stale;  // prepared names to DEALLOCATE once outside a transaction
  int64_t next_id = 0;
  bool broken = false;

  ~PgConn() { PQfinish(conn); }
};

bool IsOk(const PGresult* r) {
  if (!r) return false;
  ExecStatusType s = PQresultStatus(r);
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

// Builds the DbError for a failed command and marks `c` broken when the session is gone.
DbError MakeError(PgConn& c, const PGresult* r, std::string_view sql) {
  const char* field = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string_view state = field ? field : "";
  std::string msg = "postgres: ";
  msg += r ? PQresultErrorMessage(r) : PQerrorMessage(c.conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (!sql.empty()) {
    msg += " [";
    msg += sql.substr(0, 200);
    msg += "]";
  }
  DbError::Kind kind = DbError::Kind::kOther;
  if (PQstatus(c.conn) != CONNECTION_OK || state.starts_with("08") || state == "57P01" ||
      state == "57P02" || state == "57P03") {
    c.broken = true;
    kind = DbError::Kind::kConnection;
  } else if (state == "23505") {
    kind = DbError::Kind::kUniqueViolation;
  } else if (state == "23503") {
    kind = DbError::Kind::kForeignKeyViolation;
  } else if (state == "40001" || state == "40P01") {
    kind = DbError::Kind::kSerialization;
  } else if (state == "0A000" && msg.find("cached plan") != std::string::npos) {
    kind = DbError::Kind::kSerialization;  // DDL changed a table under a prepared statement
  }
  return DbError(kind, msg);
}

// Runs a parameterless command with the simple protocol; throws on failure.
PgResult Simple(PgConn& c, const char* sql) {
  PgResult r(PQexec(c.conn, sql));
  if (!IsOk(r.get())) throw MakeError(c, r.get(), sql);
  return r;
}

std::unique_ptr<PgConn> Connect(const std::string& url) {
  // Keywords before dbname are defaults the URL may override.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* vals[] = {"10", "anju", url.c_str(), nullptr};
  auto c = std::make_unique<PgConn>();
  c->conn = PQconnectdbParams(keys, vals, /*expand_dbname=*/1);
  if (c->conn == nullptr) throw DbError(DbError::Kind::kConnection, "postgres: out of memory");
  if (PQstatus(c->conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c->conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    throw DbError(DbError::Kind::kConnection, "postgres: cannot connect: " + msg);
  }
  PQsetNoticeProcessor(
      c->conn, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(c->conn, "UTF8") != 0) {
    throw DbError(DbError::Kind::kConnection, "postgres: cannot set client_encoding UTF8");
  }
  Simple(*c, "SET statement_timeout = 30000; SET TIME ZONE 'UTC'");
  return c;
}

// Prepares `sql` on first use and runs it with text parameters.
PgResult Execute(PgConn& c, std::string_view sql, const Params& params) {
  auto it = c.prepared.find(sql);
  if (it == c.prepared.end()) {
    int n = 0;
    std::string text = RewritePlaceholders(sql, &n);
    std::string name = "anju_" + std::to_string(c.next_id++);
    PgResult r(PQprepare(c.conn, name.c_str(), text.c_str(), n, nullptr));
    if (!IsOk(r.get())) throw MakeError(c, r.get(), sql);
    it = c.prepared.emplace(std::string(sql), Prepared{std::move(name), n}).first;
  }
  const Prepared& p = it->second;
  if (p.nparams != static_cast<int>(params.size())) {
    throw DbError(DbError::Kind::kOther, "postgres: statement takes " + std::to_string(p.nparams) +
                                             " parameters, got " + std::to_string(params.size()) +
                                             " [" + std::string(sql.substr(0, 200)) + "]");
  }
  // Integers are formatted into fixed slots; small parameter lists stay on the stack.
  constexpr size_t kInline = 16;
  using IntText = std::array<char, 24>;
  const char* inline_values[kInline];
  IntText inline_ints[kInline];
  std::vector<const char*> heap_values;
  std::vector<IntText> heap_ints;
  const char** values = inline_values;
  IntText* ints = inline_ints;
  if (params.size() > kInline) {
    heap_values.resize(params.size());
    heap_ints.resize(params.size());
    values = heap_values.data();
    ints = heap_ints.data();
  }
  for (size_t i = 0; i < params.size(); ++i) {
    if (const int64_t* v = std::get_if<int64_t>(&params[i])) {
      auto res = std::to_chars(ints[i].data(), ints[i].data() + ints[i].size() - 1, *v);
      *res.ptr = '\0';
      values[i] = ints[i].data();
    } else if (const std::string* s = std::get_if<std::string>(&params[i])) {
      if (s->find('\0') != std::string::npos) {
        throw DbError(DbError::Kind::kOther, "postgres: text parameter contains a NUL byte");
      }
      values[i] = s->c_str();
    } else {
      values[i] = nullptr;
    }
  }
  PgResult r(PQexecPrepared(c.conn, p.name.c_str(), static_cast<int>(params.size()), values,
                            nullptr, nullptr, 0));
  if (!IsOk(r.get())) {
    DbError e = MakeError(c, r.get(), sql);
    if (e.kind() == DbError::Kind::kSerialization && !c.broken) {
      const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
      if (state && std::strcmp(state, "0A000") == 0) {  // re-prepare on the next use
        c.stale.push_back(p.name);
        c.prepared.erase(it);
      }
    }
    throw e;
  }
  return r;
}

Value Cell(const PGresult* r, int row, int col) {
  if (PQgetisnull(r, row, col)) return kNull;
  const char* v = PQgetvalue(r, row, col);
  const int len = PQgetlength(r, row, col);
  switch (PQftype(r, col)) {
    case kInt8Oid:
    case kInt4Oid:
    case kInt2Oid: {
      int64_t n = 0;
      std::from_chars(v, v + len, n);
      return n;
    }
    case kBoolOid:
      return int64_t{v[0] == 't'};
    default:
      return std::string(v, len);
  }
}

class PgDatabase;

class PgTx final : public Tx {
 public:
  PgTx(PgDatabase* owner, std::unique_ptr<PgConn> c) : owner_(owner), c_(std::move(c)) {}
  ~PgTx() override;

  Dialect dialect() const override { return Dialect::kPostgres; }

  Rows Query(std::string_view sql, const Params& params) override {
    CheckOpen();
    PgResult r = Execute(*c_, sql, params);
    const int nrows = PQntuples(r.get());
    const int ncols = PQnfields(r.get());
    Rows rows;
    rows.reserve(nrows);
    for (int i = 0; i < nrows; ++i) {
      std::vector<Value> cells;
      cells.reserve(ncols);
      for (int c = 0; c < ncols; ++c) cells.push_back(Cell(r.get(), i, c));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  int64_t Exec(std::string_view sql, const Params& params) override {
    CheckOpen();
    PgResult r = Execute(*c_, sql, params);
    const char* n = PQcmdTuples(r.get());
    int64_t count = 0;
    std::from_chars(n, n + std::strlen(n), count);
    return count;
  }

  void ExecScript(std::string_view sql) override {
    CheckOpen();
    const std::string script(sql);
    PgResult r(PQexec(c_->conn, script.c_str()));
    if (!IsOk(r.get())) throw MakeError(*c_, r.get(), sql);
  }

  void Commit() override {
    CheckOpen();
    done_ = true;
    PgResult r = Simple(*c_, "COMMIT");
    if (std::strcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0) {
      throw DbError(DbError::Kind::kOther,
                    "postgres: COMMIT rolled back: an earlier statement failed");
    }
  }

 private:
  void CheckOpen() const {
    if (done_) throw DbError(DbError::Kind::kOther, "postgres: transaction already committed");
  }

  PgDatabase* owner_;
  std::unique_ptr<PgConn> c_;
  bool done_ = false;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, int pool_size) : url_(std::move(url)), max_(pool_size) {
    idle_.push_back(Connect(url_));  // fail fast on a bad URL
    open_ = 1;
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  std::unique_ptr<Tx> Begin(TxMode mode) override {
    const char* begin =
        mode == TxMode::kWrite ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN READ ONLY";
    // Idle pooled sessions may have died (server restart): drop each dead one and retry,
    // at most once per pool slot, so a fresh connection gets the last word.
    for (int attempt = 1;; ++attempt) {
      std::unique_ptr<PgConn> c = Acquire();
      PgResult r(PQexec(c->conn, begin));
      if (IsOk(r.get())) return std::make_unique<PgTx>(this, std::move(c));
      DbError e = MakeError(*c, r.get(), begin);
      const bool retry = c->broken && attempt <= max_;
      Release(std::move(c));
      if (!retry) throw e;
    }
  }

  PoolStats Stats() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return PoolStats{open_, in_use_, waits_};
  }

  void Backup(const std::string& to_file) override;

  // Takes back a connection; closes it unless it is healthy and outside a transaction.
  void Release(std::unique_ptr<PgConn> c) {
    bool keep = !c->broken && PQstatus(c->conn) == CONNECTION_OK &&
                PQtransactionStatus(c->conn) == PQTRANS_IDLE;
    if (keep && (!c->stale.empty() || c->prepared.size() > kMaxPreparedStatements)) {
      keep = Tidy(*c);
    }
    if (!keep) c.reset();  // closes the session outside the pool lock
    {
      std::lock_guard<std::mutex> lock(mu_);
      --in_use_;
      if (keep) {
        idle_.push_back(std::move(c));
      } else {
        --open_;
      }
    }
    cv_.notify_one();
  }

  std::unique_ptr<PgConn> Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    if (idle_.empty() && open_ >= max_) {
      ++waits_;
      if (!cv_.wait_for(lock, kPoolWait, [&] { return !idle_.empty() || open_ < max_; })) {
        throw DbError(
            DbError::Kind::kConnection,
            "postgres: no free connection after 30 s (pool size " + std::to_string(max_) + ")");
      }
    }
    ++in_use_;
    if (!idle_.empty()) {
      std::unique_ptr<PgConn> c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    ++open_;
    lock.unlock();
    try {
      return Connect(url_);
    } catch (...) {
      lock.lock();
      --open_;
      --in_use_;
      lock.unlock();
      cv_.notify_one();
      throw;
    }
  }

 private:
  // Frees server-side statements that are stale or over the cache bound.
  static bool Tidy(PgConn& c) {
    std::string sql;
    if (c.prepared.size() > kMaxPreparedStatements) {
      sql = "DEALLOCATE ALL";
      c.prepared.clear();
    } else {
      for (const std::string& name : c.stale) sql += "DEALLOCATE " + name + ";";
    }
    c.stale.clear();
    PgResult r(PQexec(c.conn, sql.c_str()));
    return IsOk(r.get());
  }

  const std::string url_;
  const int max_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConn>> idle_;  // guarded by mu_
  int open_ = 0;                               // guarded by mu_; idle + lent + being opened
  int in_use_ = 0;                             // guarded by mu_
  int64_t waits_ = 0;                          // guarded by mu_
};

PgTx::~PgTx() {
  if (!c_->broken && PQtransactionStatus(c_->conn) != PQTRANS_IDLE) {
    PgResult r(PQexec(c_->conn, "ROLLBACK"));
    if (!IsOk(r.get())) c_->broken = true;
  }
  owner_->Release(std::move(c_));
}

// Writes the data of every table in the current schema (public unless search_path says
// otherwise) from one REPEATABLE READ snapshot as psql-loadable COPY blocks, then sequence
// positions. Written to a temporary file that is renamed over `to_file` when complete.
void PgDatabase::Backup(const std::string& to_file) {
  struct Lease {
    PgDatabase* db;
    std::unique_ptr<PgConn> c;
    ~Lease() {
      if (!c->broken && PQtransactionStatus(c->conn) != PQTRANS_IDLE) {
        PgResult r(PQexec(c->conn, "ROLLBACK"));
      }
      db->Release(std::move(c));
    }
  } lease{this, Acquire()};
  PgConn& c = *lease.c;
  Simple(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = 0");
  PgResult tables =
      Simple(c,
             "SELECT quote_ident(c.relname), (SELECT string_agg(quote_ident(a.attname), ', ' "
             "ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND "
             "a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') "
             "FROM pg_class c JOIN pg_namespace n ON n.oid = "
             "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = "
             "'r' ORDER BY c.relname");
  PgResult seqs =
      Simple(c,
             "SELECT quote_literal(quote_ident(schemaname) || '.' || quote_ident(sequencename)), "
             "last_value FROM pg_sequences WHERE schemaname = "
             "current_schema() AND last_value IS NOT NULL ORDER BY sequencename");
  PgResult schema_row = Simple(c, "SELECT quote_ident(current_schema())");
  const std::string schema = PQgetvalue(schema_row.get(), 0, 0);

  const std::string tmp = to_file + ".tmp-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw DbError(DbError::Kind::kOther, "postgres backup: cannot create " + tmp);
  struct Closer {
    std::FILE*& f;
    const std::string& tmp;
    ~Closer() {
      if (f) {
        std::fclose(f);
        std::remove(tmp.c_str());
      }
    }
  } closer{f, tmp};

  std::time_t now = std::time(nullptr);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  std::fprintf(f,
               "-- Anju PostgreSQL data dump, written %s (not a pg_dump archive).\n"
               "-- Every table of schema %s, read in one REPEATABLE READ READ ONLY\n"
               "-- transaction, so all tables come from the same snapshot. Data only, as COPY\n"
               "-- blocks in table-name order, then sequence positions. To restore, create the\n"
               "-- schema with `anju migrate` on an empty database, empty its tables, then run\n"
               "--   psql -v ON_ERROR_STOP=1 --single-transaction -f THIS_FILE\n"
               "-- (as a superuser, with SET session_replication_role = replica, so foreign\n"
               "-- keys do not depend on table order).\n\n"
               "SET client_encoding = 'UTF8';\n\n",
               when, schema.c_str());
  for (int i = 0; i < PQntuples(tables.get()); ++i) {
    const std::string table = schema + "." + PQgetvalue(tables.get(), i, 0);
    const std::string cols = PQgetvalue(tables.get(), i, 1);
    std::fprintf(f, "COPY %s (%s) FROM stdin;\n", table.c_str(), cols.c_str());
    const std::string copy = "COPY " + table + " (" + cols + ") TO STDOUT";
    PgResult start(PQexec(c.conn, copy.c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_OUT) throw MakeError(c, start.get(), copy);
    char* buf = nullptr;
    int n;
    while ((n = PQgetCopyData(c.conn, &buf, 0)) > 0) {
      std::fwrite(buf, 1, n, f);
      PQfreemem(buf);
    }
    PgResult end(PQgetResult(c.conn));
    if (n == -2 || !IsOk(end.get())) throw MakeError(c, end.get(), copy);
    while (PGresult* extra = PQgetResult(c.conn)) PQclear(extra);
    std::fputs("\\.\n\n", f);
  }
  for (int i = 0; i < PQntuples(seqs.get()); ++i) {
    std::fprintf(f, "SELECT pg_catalog.setval(%s, %s, true);\n", PQgetvalue(seqs.get(), i, 0),
                 PQgetvalue(seqs.get(), i, 1));
  }
  Simple(c, "COMMIT");
  const bool written = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  f = nullptr;
  std::error_code ec;
  if (written && closed) std::filesystem::rename(tmp, to_file, ec);
  if (!written || !closed || ec) {
    std::remove(tmp.c_str());
    throw DbError(DbError::Kind::kOther, "postgres backup: cannot write " + to_file);
  }
}

bool IsIdentChar(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_' || static_cast<unsigned char>(ch) >= 0x80;
}

// Length of a dollar-quote tag ("$$" or "$tag$") starting at sql[i], or 0.
size_t DollarTag(std::string_view sql, size_t i) {
  if (i > 0 && IsIdentChar(sql[i - 1])) return 0;  // part of an identifier like a$b
  size_t j = i + 1;
  if (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') return 0;  // $1 is a parameter
  while (j < sql.size() && IsIdentChar(sql[j])) ++j;
  return j < sql.size() && sql[j] == '$' ? j - i + 1 : 0;
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  size_t i = 0;
  // Copies sql[i, end) verbatim and moves i to end.
  auto copy_to = [&](size_t end) {
    end = std::min(end, sql.size());
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    const char ch = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (ch == '\'' || ch == '"') {
      // A doubled quote closes and reopens, which copies the same bytes.
      const bool backslashes = ch == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                               (i < 2 || !IsIdentChar(sql[i - 2]));
      size_t j = i + 1;
      while (j < sql.size() && sql[j] != ch) j += (backslashes && sql[j] == '\\') ? 2 : 1;
      copy_to(j + 1);
    } else if (ch == '-' && next == '-') {
      copy_to(sql.find('\n', i));
    } else if (ch == '/' && next == '*') {
      size_t j = i + 2;
      for (int depth = 1; j < sql.size() && depth > 0;) {  // PostgreSQL nests block comments
        if (sql.compare(j, 2, "/*") == 0) {
          ++depth;
          j += 2;
        } else if (sql.compare(j, 2, "*/") == 0) {
          --depth;
          j += 2;
        } else {
          ++j;
        }
      }
      copy_to(j);
    } else if (size_t tag = ch == '$' ? DollarTag(sql, i) : 0; tag > 0) {
      size_t close = sql.find(sql.substr(i, tag), i + tag);
      copy_to(close == std::string_view::npos ? sql.size() : close + tag);
    } else if (ch == '?') {
      out += '$';
      out += std::to_string(++n);
      ++i;
    } else {
      out += ch;
      ++i;
    }
  }
  *count = n;
  return out;
}

std::unique_ptr<Database> OpenPostgres(const std::string& url, int pool_size) {
  return std::make_unique<PgDatabase>(url, pool_size < 1 ? 1 : pool_size);
}

}  // namespace anju::db
