// Row accessors, Tx::InsertId and Open(): the backend-independent part of db/.
#include "db/database.h"

#include <charconv>
#include <filesystem>
#include <system_error>

#include "db/postgres/postgres_database.h"
#include "db/sqlite/sqlite_database.h"

namespace anju::db {
namespace {

// Parses a whole decimal integer; PostgreSQL returns numeric aggregates (SUM(bigint)) as
// text, so an integral text cell is accepted where an integer is asked for.
std::optional<int64_t> ParseInt(const std::string& s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

int64_t Row::Int(size_t i) const {
  const Value& v = cells_.at(i);
  if (const int64_t* n = std::get_if<int64_t>(&v)) return *n;
  if (const std::string* s = std::get_if<std::string>(&v)) {
    if (auto n = ParseInt(*s)) return *n;
    throw DbError(DbError::Kind::kOther,
                  "column " + std::to_string(i) + " is not an integer: '" + s->substr(0, 40) + "'");
  }
  throw DbError(DbError::Kind::kOther, "column " + std::to_string(i) + " is NULL");
}

std::string Row::Str(size_t i) const {
  const Value& v = cells_.at(i);
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const int64_t* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  return {};
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<std::string> Row::OptStr(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Str(i);
}

int64_t Tx::InsertId(std::string_view sql, const Params& params) {
  Rows rows = Query(sql, params);
  if (rows.empty() || rows.front().size() == 0 || rows.front().IsNull(0)) {
    throw DbError(DbError::Kind::kOther,
                  "InsertId: the statement returned no id (is RETURNING id missing?)");
  }
  return rows.front().Int(0);
}

std::unique_ptr<Database> Open(const std::string& url, int pool_size) {
  if (pool_size < 1) pool_size = 1;
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    std::string path = url.substr(kSqlite.size());
    if (path.empty()) throw DbError(DbError::Kind::kOther, "sqlite URL has no path: " + url);
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(parent, ec);
      if (ec) {
        throw DbError(DbError::Kind::kOther,
                      "cannot create directory " + parent.string() + ": " + ec.message());
      }
    }
    return OpenSqlite(path, pool_size);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return OpenPostgres(url, pool_size);
  }
  // Do not echo the URL: it may hold a password.
  throw DbError(DbError::Kind::kOther,
                "unsupported database URL; use sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

}  // namespace anju::db
