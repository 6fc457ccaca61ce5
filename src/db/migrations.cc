// Migrate(): applies embedded migrations in name order, each in its own write transaction.
//
// Bookkeeping table: schema_migrations(version TEXT PRIMARY KEY, name TEXT, applied_at).
// `version` is the number before the first '_' ("0001"), `name` the whole file stem
// ("0001_init"); two files with one number therefore fail loudly instead of both running.
//
// Several processes may migrate at once. Each migration's transaction first takes the
// write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock) and
// then re-checks schema_migrations, so a migration runs exactly once.
#include "db/migrations.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <set>

namespace anju::db {
namespace {

// Any constant shared by every Anju process; "anju" in ASCII.
constexpr std::string_view kLockSql = "SELECT pg_advisory_xact_lock(1634626165)";

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

std::string VersionOf(const std::string& name) { return name.substr(0, name.find('_')); }

int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Waiting for another process's migration, or a migration itself (an index on a big
// table), may take longer than the 30 s statement_timeout.
void Lock(Tx& tx) {
  if (tx.dialect() != Dialect::kPostgres) return;
  tx.Exec("SET LOCAL statement_timeout = 0");
  tx.Query(kLockSql);
}

}  // namespace

std::vector<std::string> Migrate(Database& db) {
  const char* dialect = db.dialect() == Dialect::kSqlite ? "sqlite" : "postgres";
  std::vector<const Migration*> todo;
  for (const Migration& m : EmbeddedMigrations()) {
    if (std::strcmp(m.dialect, dialect) == 0) todo.push_back(&m);
  }
  std::sort(todo.begin(), todo.end(), [](const Migration* a, const Migration* b) {
    return std::strcmp(a->name, b->name) < 0;
  });

  // Concurrent CREATE TABLE IF NOT EXISTS can collide on PostgreSQL, hence the lock.
  std::set<std::string> applied;
  db.Run(TxMode::kWrite, [&](Tx& tx) {
    Lock(tx);
    tx.Exec(kCreateTable);
    applied.clear();
    for (const Row& r : tx.Query("SELECT version FROM schema_migrations")) {
      applied.insert(r.Str(0));
    }
  });

  std::vector<std::string> done;
  for (const Migration* m : todo) {
    const std::string version = VersionOf(m->name);
    if (applied.count(version)) continue;
    const bool ran = db.Run(TxMode::kWrite, [&](Tx& tx) {
      Lock(tx);
      if (tx.QueryOne("SELECT 1 FROM schema_migrations WHERE version = ?", {version})) {
        return false;  // another process applied it meanwhile
      }
      tx.ExecScript(m->sql);
      tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {version, std::string(m->name), NowMillis()});
      return true;
    });
    if (ran) done.emplace_back(m->name);
  }
  return done;
}

}  // namespace anju::db
