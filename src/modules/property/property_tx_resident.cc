// Residents (住户) at transaction level (property_tx.h).
//
// Phone and ID numbers are never stored in clear: each is an AEAD ciphertext whose
// associated data is its column, a keyed blind index for exact look-up (ID numbers are
// unique per company through theirs), and a display hint. Replies and audit rows carry
// them masked.
#include "core/pii.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/house_rows.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"
#include "modules/property/resident_rows.h"

namespace anju::property::tx {

namespace json = boost::json;
using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kIdNumberUsed =
    "SELECT 1 FROM residents WHERE company_id = ? AND id_number_bidx = ? AND id <> ?";
constexpr std::string_view kInsertResident =
    "INSERT INTO residents (company_id, name, phone_enc, phone_bidx, phone_last4, "
    "id_number_enc, id_number_bidx, id_number_hint, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateResident =
    "UPDATE residents SET name = ?, phone_enc = ?, phone_bidx = ?, phone_last4 = ?, "
    "id_number_enc = ?, id_number_bidx = ?, id_number_hint = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kInsertLink =
    "INSERT INTO house_residents (company_id, project_id, house_id, resident_id, relation, "
    "start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

void SetPhone(ResidentRow& x, const crypto::SecretKey& key, const std::string& phone) {
  x.phone_enc = key.Encrypt(phone, kPhoneContext);
  x.phone_bidx = key.BlindIndex(phone, kPhoneIndex);
  x.phone_last4 = phone.substr(phone.size() - 4);
}

void SetIdNumber(ResidentRow& x, const crypto::SecretKey& key, const std::string& id_number) {
  x.id_number_enc = key.Encrypt(id_number, kIdNumberContext);
  x.id_number_bidx = key.BlindIndex(id_number, kIdNumberIndex);
  x.id_number_hint = pii::IdNumberHint(id_number);
}

// GET residents/{id} as a company-wide reader sees it, for the first row of `where`.
std::optional<Resident> FindResidentWhere(db::Tx& tx, const crypto::SecretKey& key,
                                          int64_t company_id, std::string_view where,
                                          const std::string& bidx) {
  auto r = tx.QueryOne(std::string(kResidentColumns) + " FROM residents r WHERE r.company_id = ?" +
                           std::string(where) + " ORDER BY r.id LIMIT 1",
                       {company_id, bidx});
  if (!r) return std::nullopt;
  Resident out = ResidentRow::Of(*r).View(key);
  out.houses = ResidentLinks(tx, nullptr, out.id);
  return out;
}

}  // namespace

Result<Resident> CreateResident(db::Tx& tx, const TenantContext& ctx,
                                const CreateResidentCommand& cmd, const crypto::SecretKey& key,
                                Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  const auto& [name, phone, id_number, house_id, relation] = cmd;
  std::optional<int64_t> project_id;
  if (house_id) {
    project_id = HouseProject(tx, ctx.company_id, *house_id);
    if (!project_id || !identity::RequireIn(ctx, perm::kResidentWrite, *project_id).ok())
      return FieldErr(kHouseNotFound, "house_id", "not_found");
  }
  ResidentRow x;
  x.name = name;
  SetPhone(x, key, phone);
  if (id_number) {
    SetIdNumber(x, key, *id_number);
    if (tx.QueryOne(kIdNumberUsed, {ctx.company_id, *x.id_number_bidx, int64_t{0}}))
      return FieldErr(kIdNumberTaken, "id_number", "taken");
  }
  x.created_at = x.updated_at = now;
  x.id = tx.InsertId(
      kInsertResident,
      {ctx.company_id, x.name, x.phone_enc, x.phone_bidx, x.phone_last4, Nullable(x.id_number_enc),
       Nullable(x.id_number_bidx), Nullable(x.id_number_hint), now, now});
  Resident out = x.View(key);
  json::object after = ResidentJson(out);
  if (house_id) {
    int64_t link = tx.InsertId(kInsertLink, {ctx.company_id, *project_id, *house_id, x.id,
                                             *relation, CivilDate(now), now, now});
    after["houses"] =
        json::array{json::object{{"id", link}, {"house_id", *house_id}, {"relation", *relation}}};
  }
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.resident.create", "resident", x.id, project_id, nullptr, after}, now);
  if (house_id) out.houses = VisibleLinks(tx, ctx, x.id);
  return out;
}

Result<Resident> UpdateResident(db::Tx& tx, const TenantContext& ctx, int64_t id,
                                const UpdateResidentCommand& cmd, const crypto::SecretKey& key,
                                Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  const auto& [name, phone, id_number, clear_id_number] = cmd;
  auto found = FindResident(tx, ctx, id, perm::kResidentWrite);
  if (!found.ok()) return found.take_error();
  ResidentRow x = std::move(*found);
  json::object before = ResidentJson(x.View(key));
  auto old = tx.QueryOne("SELECT phone_bidx, id_number_bidx FROM residents WHERE id = ?", {id});
  x.phone_bidx = old->Str(0);
  x.id_number_bidx = old->OptStr(1);
  x.name = name.value_or(x.name);
  if (phone) SetPhone(x, key, *phone);
  if (clear_id_number) {
    x.id_number_enc.reset();
    x.id_number_bidx.reset();
    x.id_number_hint.reset();
  }
  if (id_number) {
    SetIdNumber(x, key, *id_number);
    if (tx.QueryOne(kIdNumberUsed, {ctx.company_id, *x.id_number_bidx, id}))
      return FieldErr(kIdNumberTaken, "id_number", "taken");
  }
  x.updated_at = now;
  tx.Exec(kUpdateResident,
          {x.name, x.phone_enc, x.phone_bidx, x.phone_last4, Nullable(x.id_number_enc),
           Nullable(x.id_number_bidx), Nullable(x.id_number_hint), now, id});
  Resident after = x.View(key);
  audit::Append(
      tx, audit::Actor::Of(ctx),
      {"property.resident.update", "resident", id, std::nullopt, before, ResidentJson(after)},
      now);
  after.houses = VisibleLinks(tx, ctx, id);
  return after;
}

std::optional<Resident> FindResidentByIdNumber(db::Tx& tx, const crypto::SecretKey& key,
                                               int64_t company_id, std::string_view id_number) {
  auto normal = pii::NormalizeIdNumber(id_number);
  if (!normal) return std::nullopt;
  return FindResidentWhere(tx, key, company_id, " AND r.id_number_bidx = ?",
                           key.BlindIndex(*normal, kIdNumberIndex));
}

std::optional<Resident> FindResidentByPhone(db::Tx& tx, const crypto::SecretKey& key,
                                            int64_t company_id, std::string_view phone) {
  auto normal = pii::NormalizePhone(phone);
  if (!normal) return std::nullopt;
  return FindResidentWhere(tx, key, company_id, " AND r.phone_bidx = ?",
                           key.BlindIndex(*normal, kPhoneIndex));
}

Status DeleteResident(db::Tx& tx, const TenantContext& ctx, int64_t id,
                      const crypto::SecretKey& key, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  auto r = tx.QueryOne("SELECT user_id, name FROM residents WHERE id = ? AND company_id = ?",
                       {id, ctx.company_id});
  if (!r || !ReachesResident(tx, ctx, perm::kResidentWrite, id)) return Error(kResidentNotFound);
  int64_t links = tx.QueryOne("SELECT COUNT(*) FROM house_residents WHERE resident_id = ?", {id})->Int(0);
  bool vehicles = tx.QueryOne("SELECT 1 FROM vehicles WHERE resident_id = ?", {id}).has_value();
  if (!r->IsNull(0) || links > 1 || vehicles) return Error(kResidentInUse);
  (void)key;
  tx.Exec("DELETE FROM house_residents WHERE resident_id = ?", {id});
  tx.Exec("DELETE FROM residents WHERE id = ?", {id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.resident.delete", "resident", id, std::nullopt,
                 boost::json::object{{"name", r->Str(1)}}, nullptr},
                now);
  return {};
}

}  // namespace anju::property::tx
