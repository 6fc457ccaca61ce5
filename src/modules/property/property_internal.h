// Helpers shared by the property module's .cc files. Not part of the module's interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "core/error.h"
#include "core/json_body.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::property::internal {

// Largest id a body may carry.
inline constexpr int64_t kMaxId = INT64_MAX / 10;
// Areas in 0.01 m²: 0.01 m² .. 1 000 000 m².
inline constexpr int64_t kMaxArea = 100'000'000;

// A row of a table's columns (the k*Columns of *_rows.h) as its value (property_types.h);
// specialised beside the columns.
template <class T>
T RowOf(const db::Row& r);

// Rejects the fields every row owns: id, company_id, created_at, updated_at.
void DeclareServerOwned(BodyReader& r);

std::string Trim(std::string_view s);
// "%term%" with '\', '%' and '_' escaped, for `LIKE ? ESCAPE '\'`: a term made only of
// metacharacters matches only rows that contain those characters.
std::string LikeContains(std::string_view term);

db::Value Nullable(const std::optional<int64_t>& v);
db::Value Nullable(const std::optional<std::string>& v);

// An error with one field detail.
Error FieldErr(const ErrorDef& def, std::string field, std::string code, std::string msg = {});
Error FieldErr(Error e, std::string field, std::string code);

bool OneOf(std::string_view v, std::initializer_list<std::string_view> allowed);

// `column` for ORDER BY in byte order on both backends (PostgreSQL collations ignore
// punctuation, so "1-1-0101" and "11-1-0101" would sort differently than on SQLite).
std::string ByteOrder(const db::Tx& tx, std::string_view column);

// identity::RequireIn with its generic 404 replaced by `not_found`.
Status InScope(const TenantContext& ctx, std::string_view code, int64_t project_id,
               const ErrorDef& not_found);

// OK when the project belongs to the caller's company and the caller holds `code` in it;
// PROJECT_NOT_FOUND (field `field`) otherwise, so no row is ever created in another tenant.
Status CheckProject(db::Tx& tx, const TenantContext& ctx, std::string_view code, int64_t project_id,
                    std::string_view field = "project_id");

// The project of a house of the caller's company, or nullopt.
std::optional<int64_t> HouseProject(db::Tx& tx, int64_t company_id, int64_t house_id);

// Encryption contexts and blind-index contexts of the residents' personal data.
inline constexpr std::string_view kPhoneContext = "residents.phone";
inline constexpr std::string_view kIdNumberContext = "residents.id_number";
inline constexpr std::string_view kPhoneIndex = "phone";
inline constexpr std::string_view kIdNumberIndex = "id_number";

// "138****5678" from the stored ciphertext; "*******5678" from the last four digits when
// the ciphertext does not decrypt (a rotated key).
std::string MaskedPhone(const crypto::SecretKey& key, const std::string& phone_enc,
                        const std::string& last4);

// Whether the caller reaches resident `id` (already known to be of the caller's company)
// with `code`: a resident account its own records; staff company-wide, or through a link
// to a house in a project of the code's scope.
bool ReachesResident(db::Tx& tx, const TenantContext& ctx, std::string_view code, int64_t id);

struct PageRows {
  int64_t total = 0;
  db::Rows rows;
};
// Runs "SELECT COUNT(*) <from_where>" and "<select> <from_where> ORDER BY <order_by>
// LIMIT ? OFFSET ?" with the same parameters.
// count_from_where, when given, is an equivalent FROM … WHERE without the joins that only
// add display columns, so counting does not pay for them.
PageRows QueryPage(db::Tx& tx, std::string_view select, std::string_view from_where,
                   const db::Params& params, std::string_view order_by, const Page& page,
                   std::string_view count_from_where = {});

// Runs fn in a write transaction. A unique violation that got past fn's own checks (a
// concurrent writer on PostgreSQL) becomes `on_unique` instead of a generic 409.
template <class F>
auto WriteTx(db::Database& db, const ErrorDef& on_unique, F&& fn)
    -> decltype(fn(std::declval<db::Tx&>())) {
  try {
    return db.Run(db::TxMode::kWrite, std::forward<F>(fn));
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return Error(on_unique);
  }
}

}  // namespace anju::property::internal
