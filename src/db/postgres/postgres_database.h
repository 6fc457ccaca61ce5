// PostgreSQL backend of db::Database (libpq; see db/database.h for the contract).
//
// - A pool of up to `pool_size` connections, opened lazily. Begin() takes an idle one, opens
//   one while below the bound, or waits (counted in PoolStats::waits; after 30 s it throws
//   kConnection). A connection that lost the server is dropped; the next Begin() reconnects.
// - Each new connection: client_encoding UTF8, statement_timeout 30 s, TIME ZONE 'UTC'.
// - kWrite: BEGIN ISOLATION LEVEL READ COMMITTED; kRead: BEGIN READ ONLY.
// - Statements are prepared once per connection (keyed by SQL text, `?` rewritten to `$n`)
//   and run with text parameters whose types the server infers; where it cannot (`? IS NULL`
//   alone), write CAST(? AS BIGINT).
// - Result cells: int2/int4/int8 → int64, bool → 0/1 int64, NULL → monostate, else text.
// - SQLSTATE 23505 → kUniqueViolation, 23503 → kForeignKeyViolation, 40001/40P01 (and a
//   prepared plan invalidated by DDL) → kSerialization, class 08 / lost connection →
//   kConnection.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "db/database.h"

namespace anju::db {

// Connects lazily: the first connection is opened here so a bad URL fails at once.
// Throws DbError (kConnection when the server cannot be reached).
std::unique_ptr<Database> OpenPostgres(const std::string& url, int pool_size);

// Rewrites each `?` to `$1`, `$2`, … except inside '…' / E'…' literals, "…" identifiers,
// $tag$…$tag$ strings and -- or /* */ comments. Sets *count to the number rewritten.
std::string RewritePlaceholders(std::string_view sql, int* count);

}  // namespace anju::db
