// SQLite backend of db::Database (see db/database.h for the contract).
//
// - One writer connection: a kWrite Tx leases it for its whole life (guarded by a mutex) and
//   runs BEGIN IMMEDIATE, so writers in this process queue for the lease (counted in
//   PoolStats::waits) and writers in other processes wait up to busy_timeout (5 s) and then
//   fail with kSerialization, which Database::Run retries.
// - Up to `readers` reader connections (grown lazily, `PRAGMA query_only`): a kRead Tx runs
//   BEGIN DEFERRED on one of them; WAL lets readers run beside the writer and each other.
// - Every connection: WAL, synchronous=FULL, foreign_keys=ON, busy_timeout=5000; a page
//   cache of 128 MiB for the writer and 32 MiB per reader (reached only as pages are read).
// - Prepared statements are cached per connection, keyed by SQL text.
#pragma once

#include <memory>
#include <string>

#include "db/database.h"

namespace anju::db {

// Opens (creating if missing) the database file at `path`. The parent directory must exist.
// Throws DbError.
std::unique_ptr<Database> OpenSqlite(const std::string& path, int readers);

}  // namespace anju::db
