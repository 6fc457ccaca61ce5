// One database interface, two backends: SQLite (default, embedded) and PostgreSQL (libpq).
//
// Contract
// - SQL is written once, with `?` placeholders; the PostgreSQL backend rewrites them to
//   `$1, $2, …` (outside string literals). Use the common subset of both dialects:
//   `RETURNING id`, `ON CONFLICT … DO …`, `LIMIT ? OFFSET ?`, `COALESCE`, `||`.
//   Where the dialects differ, branch on `tx.dialect()`.
// - Column types: integers are BIGINT (SQLite INTEGER), text is TEXT, booleans are 0/1
//   integers, times are UTC epoch milliseconds (BIGINT). No floating point columns.
// - Every statement runs inside a Tx. A Tx is used by one thread at a time.
//   `Write` transactions are serialised: SQLite takes `BEGIN IMMEDIATE` (one writer),
//   PostgreSQL runs them at READ COMMITTED and money paths lock rows with FOR UPDATE.
// - Failures throw DbError (db problems end the operation). A unique or foreign-key
//   violation throws DbError with kind kUniqueViolation / kForeignKeyViolation so a
//   service can turn it into a 409. Database::Run retries kSerialization (PostgreSQL
//   40001/40P01, SQLite SQLITE_BUSY after busy_timeout) a bounded number of times.
// - A Tx that is destroyed without Commit() rolls back.
// - Database is thread-safe: each Begin() takes a connection from the backend's pool.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace anju::db {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter or a cell of a result row.
using Value = std::variant<std::monostate, int64_t, std::string>;
inline const Value kNull{};

using Params = std::vector<Value>;

class DbError : public std::runtime_error {
 public:
  enum class Kind { kOther, kUniqueViolation, kForeignKeyViolation, kSerialization, kConnection };
  DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// One result row. Integers come back as int64 from both backends (PostgreSQL int2/4/8
// columns are converted); everything else as text.
class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  size_t size() const { return cells_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }
  // Integer cell; throws DbError if the cell is NULL or not an integer.
  int64_t Int(size_t i) const;
  // Text cell ("" for NULL); an integer cell is formatted.
  std::string Str(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;
  std::optional<std::string> OptStr(size_t i) const;
  const Value& at(size_t i) const { return cells_.at(i); }

 private:
  std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

enum class TxMode { kRead, kWrite };

class Tx {
 public:
  virtual ~Tx() = default;
  virtual Dialect dialect() const = 0;
  // Runs a statement and returns its rows (also for INSERT … RETURNING).
  virtual Rows Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual int64_t Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements separated by ';' without parameters (migrations).
  virtual void ExecScript(std::string_view sql) = 0;
  virtual void Commit() = 0;

  // Convenience: first row or nullopt.
  std::optional<Row> QueryOne(std::string_view sql, const Params& params = {}) {
    Rows r = Query(sql, params);
    if (r.empty()) return std::nullopt;
    return std::move(r.front());
  }
  // Convenience: INSERT … RETURNING id.
  int64_t InsertId(std::string_view sql, const Params& params = {});
};

struct PoolStats {
  int size = 0;    // connections open
  int in_use = 0;  // connections lent out now
  int64_t waits = 0;  // Begin() calls that had to wait for a connection
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  virtual std::unique_ptr<Tx> Begin(TxMode mode) = 0;
  virtual PoolStats Stats() const = 0;
  // Consistent online copy of the whole database to a file (SQLite: backup API / VACUUM
  // INTO; PostgreSQL: a transaction-consistent SQL dump of Anju's tables).
  virtual void Backup(const std::string& to_file) = 0;

  // Runs fn in a transaction and commits when it returns normally. Retries the whole
  // function on DbError::kSerialization (at most a few times). fn must be safe to rerun.
  template <class F>
  auto Run(TxMode mode, F&& fn) -> decltype(fn(std::declval<Tx&>()));
};

// Opens "sqlite:PATH" or "postgresql://…" (also "postgres://…"). Throws DbError.
// pool_size bounds the PostgreSQL pool and the SQLite reader pool.
std::unique_ptr<Database> Open(const std::string& url, int pool_size = 8);

template <class F>
auto Database::Run(TxMode mode, F&& fn) -> decltype(fn(std::declval<Tx&>())) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    try {
      auto tx = Begin(mode);
      if constexpr (std::is_void_v<decltype(fn(*tx))>) {
        fn(*tx);
        tx->Commit();
        return;
      } else {
        auto result = fn(*tx);
        // A Result/Status that failed rolls back (the Tx is dropped without Commit).
        if constexpr (requires { result.ok(); }) {
          if (!result.ok()) return result;
        }
        tx->Commit();
        return result;
      }
    } catch (const DbError& e) {
      if (e.kind() != DbError::Kind::kSerialization || attempt >= kAttempts) throw;
    }
  }
}

}  // namespace anju::db
