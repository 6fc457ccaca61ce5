// Forward-only numbered migrations per dialect: db/migrations/{sqlite,postgres}/NNNN_slug.sql,
// compiled into the binary (cmake/embed_migrations.cmake). Applied ones are recorded in
// `schema_migrations(version, name, applied_at)`. Each migration runs in its own transaction.
#pragma once

#include <string>
#include <vector>

#include "db/database.h"

namespace anju::db {

struct Migration {
  const char* dialect;  // "sqlite" or "postgres"
  const char* name;     // "0001_init"
  const char* sql;
};

const std::vector<Migration>& EmbeddedMigrations();

// Applies every migration of db's dialect not yet recorded, in name order, and returns the
// names it applied. Safe to call from several processes at once (PostgreSQL takes an
// advisory lock; SQLite's write lock serialises). Throws DbError.
std::vector<std::string> Migrate(Database& db);

}  // namespace anju::db
