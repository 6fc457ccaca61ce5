// The audit log: who did what, when, to which record, with the record before and after.
//
// Design
// Every write in Anju appends one audit row in the SAME transaction as the change, so a
// change without its audit row cannot commit. Rows form one hash chain per company:
//
//   hash(n) = SHA-256( hash(n-1) ‖ "\n" ‖ canonical JSON of row n's fields )
//
// with seq = 1, 2, 3, … and no gaps. The chain's head (last seq and hash) is kept in
// `audit_heads`; appending locks the head row (UPDATE … first, so PostgreSQL row-locks it
// and SQLite already holds its single write lock), which serialises appends per company
// without a global lock.
//
// Verify walks each company's rows in id order and reports the FIRST row where:
//   - the stored hash differs from the recomputed one → that row was changed;
//   - seq jumps (n → n+2) → a row before it was removed;
//   - seq goes backwards or prev_hash does not match → rows were reordered;
//   - the head's seq/hash differ from the last row → rows at the end were removed.
// An attacker with write access to the database can rewrite the whole chain; the chain
// proves integrity against partial edits, and operators can anchor the head elsewhere
// (`anju audit verify` prints it) for more.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::audit {

struct Actor {
  int64_t company_id = 0;
  std::optional<int64_t> user_id;  // nullopt for the system and the command line
  std::string login;               // "system", "cli", or the account's login
  std::string request_id;
  std::string ip;

  // A context without a user (user_id 0: the command line, a job) is recorded as such.
  static Actor Of(const TenantContext& ctx) {
    std::optional<int64_t> user;
    if (ctx.user_id != 0) user = ctx.user_id;
    return {ctx.company_id, user, ctx.login, ctx.request_id, ctx.ip};
  }
};

struct Entry {
  std::string action;  // "<module>.<entity>.<verb>": "property.house.update"
  std::string entity;  // "house"
  std::optional<int64_t> entity_id;
  std::optional<int64_t> project_id;
  boost::json::value before;  // null for a create
  boost::json::value after;   // null for a delete
};

// Appends one row to the actor's company chain inside `tx` (a write transaction).
void Append(db::Tx& tx, const Actor& actor, const Entry& entry, Millis now);

struct VerifyReport {
  bool ok = true;
  int64_t rows_checked = 0;
  int64_t companies = 0;
  // When !ok: where the chain first breaks.
  int64_t company_id = 0;
  std::optional<int64_t> row_id;
  int64_t seq = 0;
  std::string problem;  // "changed" | "removed" | "reordered" | "tail_removed"
  std::string detail;
};

// Checks every company's chain (or one company's). Read-only.
VerifyReport Verify(db::Database& db, std::optional<int64_t> company_id = std::nullopt);

boost::json::object ToJson(const VerifyReport& r);

}  // namespace anju::audit
