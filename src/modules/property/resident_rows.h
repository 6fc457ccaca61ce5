// The SQL of residents (住户) and their rows — personal data encrypted until View() masks
// it — shared by the reads (resident_service.cc) and the writes (property_tx_resident.cc).
// Not part of the module's interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/pii.h"
#include "core/tenant.h"
#include "db/database.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_types.h"

namespace anju::property::internal {

inline constexpr std::string_view kResidentColumns =
    "SELECT r.id, r.name, r.phone_enc, r.phone_last4, r.id_number_enc, r.id_number_hint, "
    "r.user_id, r.created_at, r.updated_at";
inline constexpr std::string_view kSelectResident =
    "SELECT r.id, r.name, r.phone_enc, r.phone_last4, r.id_number_enc, r.id_number_hint, "
    "r.user_id, r.created_at, r.updated_at FROM residents r WHERE r.id = ? AND r.company_id = ?";
inline constexpr std::string_view kLinksOfResident =
    "SELECT hr.id, hr.house_id, h.code, hr.project_id, hr.relation, hr.start_date, hr.end_date "
    "FROM house_residents hr JOIN houses h ON h.id = hr.house_id WHERE hr.resident_id = ?";

// A resident row; personal data stays encrypted until View() masks it.
struct ResidentRow {
  int64_t id = 0;
  std::string name, phone_enc, phone_last4;
  std::optional<std::string> id_number_enc, id_number_hint;
  std::optional<int64_t> user_id;
  Millis created_at = 0, updated_at = 0;
  // Set only when the caller changes them, for the UPDATE.
  std::string phone_bidx;
  std::optional<std::string> id_number_bidx;

  static ResidentRow Of(const db::Row& r) {
    ResidentRow x;
    x.id = r.Int(0);
    x.name = r.Str(1);
    x.phone_enc = r.Str(2);
    x.phone_last4 = r.Str(3);
    x.id_number_enc = r.OptStr(4);
    x.id_number_hint = r.OptStr(5);
    x.user_id = r.OptInt(6);
    x.created_at = r.Int(7);
    x.updated_at = r.Int(8);
    return x;
  }
  // The resident as the API shows it, personal data masked, without its houses.
  Resident View(const crypto::SecretKey& key) const {
    std::optional<std::string> id_number;
    if (id_number_hint.has_value()) id_number = pii::MaskIdNumber(id_number_hint.value());
    return Resident{id,      name,       MaskedPhone(key, phone_enc, phone_last4),
                    id_number, user_id, created_at,
                    updated_at, std::nullopt};
  }
};

// The resident, if it is of the caller's company and the caller reaches it with `code`.
inline Result<ResidentRow> FindResident(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                        std::string_view code) {
  auto r = tx.QueryOne(kSelectResident, {id, ctx.company_id});
  if (!r || !ReachesResident(tx, ctx, code, id)) return Error(kResidentNotFound);
  return ResidentRow::Of(*r);
}

// The resident's links, as GET residents/{id} lists them under "houses": those `ctx` may
// see (a resident account its own houses, staff the projects where they hold
// property:resident:read), or all of them when ctx is nullptr.
inline std::vector<ResidentHouse> ResidentLinks(db::Tx& tx, const TenantContext* ctx,
                                                int64_t id) {
  std::string sql(kLinksOfResident);
  db::Params params{id};
  if (ctx && ctx->IsResident())
    identity::AppendHouseScope(*ctx, "hr.house_id", sql, params);
  else if (ctx)
    identity::AppendProjectScope(*ctx, identity::perm::kResidentRead, "hr.project_id", sql, params);
  sql += " ORDER BY hr.start_date, hr.id";
  std::vector<ResidentHouse> out;
  for (const db::Row& r : tx.Query(sql, params))
    out.push_back({r.Int(0), r.Int(1), r.Str(2), r.Int(3), r.Str(4), r.Str(5), r.OptStr(6)});
  return out;
}

inline std::vector<ResidentHouse> VisibleLinks(db::Tx& tx, const TenantContext& ctx, int64_t id) {
  return ResidentLinks(tx, &ctx, id);
}

}  // namespace anju::property::internal
