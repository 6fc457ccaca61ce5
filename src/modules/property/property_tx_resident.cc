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
#include "modules/property/property_internal.h"
#include "modules/property/property_tx.h"
#include "modules/property/resident_rows.h"

namespace anju::property::tx {

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

const std::initializer_list<std::string_view> kRelations = {"owner", "family", "tenant"};

// Reads the personal-data fields of a create (required=true) or an update body.
struct PiiFields {
  std::optional<std::string> phone, id_number;
  bool clear_id_number = false;
};
PiiFields ReadPii(BodyReader& r, bool required) {
  PiiFields out;
  if (auto raw = r.Str("phone", required, 20)) {
    out.phone = pii::NormalizePhone(*raw);
    if (!out.phone) r.Fail("phone", "invalid", "Must be an 11-digit mainland mobile number");
  }
  out.clear_id_number = r.IsNull("id_number");
  if (auto raw = r.Str("id_number", false, 18)) {
    out.id_number = pii::NormalizeIdNumber(*raw);
    bool shaped = raw->size() == 18 &&
                  raw->find_first_not_of("0123456789") >= 17;  // 17 digits, then anything
    if (!out.id_number)
      r.Fail("id_number", shaped ? "invalid_checksum" : "invalid",
             shaped ? "The check character or birth date is wrong"
                    : "Must be an 18-character citizen ID number");
  }
  return out;
}

void SetPhone(Resident& x, const crypto::SecretKey& key, const std::string& phone) {
  x.phone_enc = key.Encrypt(phone, kPhoneContext);
  x.phone_bidx = key.BlindIndex(phone, kPhoneIndex);
  x.phone_last4 = phone.substr(phone.size() - 4);
}

void SetIdNumber(Resident& x, const crypto::SecretKey& key, const std::string& id_number) {
  x.id_number_enc = key.Encrypt(id_number, kIdNumberContext);
  x.id_number_bidx = key.BlindIndex(id_number, kIdNumberIndex);
  x.id_number_hint = pii::IdNumberHint(id_number);
}

// GET residents/{id} as a company-wide reader sees it, for the first row of `where`.
OptJson FindResidentWhere(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                          std::string_view where, const std::string& bidx) {
  auto r = tx.QueryOne(std::string(kResidentColumns) + " FROM residents r WHERE r.company_id = ?" +
                           std::string(where) + " ORDER BY r.id LIMIT 1",
                       {company_id, bidx});
  if (!r) return std::nullopt;
  Resident x = Resident::Of(*r);
  json::object out = x.Json(key);
  out["houses"] = ResidentLinks(tx, nullptr, x.id);
  return json::value(std::move(out));
}

}  // namespace

JsonResult CreateResident(db::Tx& tx, const TenantContext& ctx, const Body& body,
                          const crypto::SecretKey& key, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"user_id", "houses"});
  auto name = r.Str("name", true, 50);
  PiiFields pii = ReadPii(r, true);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto relation = r.Enum("relation", false, kRelations);
  if (house_id && !relation) r.Fail("relation", "required", "Required with house_id");
  if (relation && !house_id) r.Fail("house_id", "required", "Required with relation");
  bool company_wide = ctx.access.ScopeOf(std::string(perm::kResidentWrite))->all_projects;
  if (!house_id && !company_wide)
    r.Fail("house_id", "required", "Link the resident to a house of your projects");
  ANJU_TRY(r.Finish());
  std::optional<int64_t> project_id;
  if (house_id) {
    project_id = HouseProject(tx, ctx.company_id, *house_id);
    if (!project_id || !identity::RequireIn(ctx, perm::kResidentWrite, *project_id).ok())
      return FieldErr(kHouseNotFound, "house_id", "not_found");
  }
  Resident x;
  x.name = *name;
  SetPhone(x, key, *pii.phone);
  if (pii.id_number) {
    SetIdNumber(x, key, *pii.id_number);
    if (tx.QueryOne(kIdNumberUsed, {ctx.company_id, *x.id_number_bidx, int64_t{0}}))
      return FieldErr(kIdNumberTaken, "id_number", "taken");
  }
  x.created_at = x.updated_at = now;
  x.id = tx.InsertId(
      kInsertResident,
      {ctx.company_id, x.name, x.phone_enc, x.phone_bidx, x.phone_last4, Nullable(x.id_number_enc),
       Nullable(x.id_number_bidx), Nullable(x.id_number_hint), now, now});
  json::object after = x.Json(key);
  if (house_id) {
    int64_t link = tx.InsertId(kInsertLink, {ctx.company_id, *project_id, *house_id, x.id,
                                             *relation, CivilDate(now), now, now});
    after["houses"] =
        json::array{json::object{{"id", link}, {"house_id", *house_id}, {"relation", *relation}}};
  }
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.resident.create", "resident", x.id, project_id, nullptr, after}, now);
  if (house_id) after["houses"] = VisibleLinks(tx, ctx, x.id);
  return json::value(std::move(after));
}

JsonResult UpdateResident(db::Tx& tx, const TenantContext& ctx, int64_t id, const Body& body,
                          const crypto::SecretKey& key, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"user_id", "houses"});
  auto name = r.Str("name", false, 50, 1);
  PiiFields pii = ReadPii(r, false);
  ANJU_TRY(r.Finish());
  auto found = FindResident(tx, ctx, id, perm::kResidentWrite);
  if (!found.ok()) return found.take_error();
  Resident x = std::move(*found);
  json::object before = x.Json(key);
  auto old = tx.QueryOne("SELECT phone_bidx, id_number_bidx FROM residents WHERE id = ?", {id});
  x.phone_bidx = old->Str(0);
  x.id_number_bidx = old->OptStr(1);
  x.name = name.value_or(x.name);
  if (pii.phone) SetPhone(x, key, *pii.phone);
  if (pii.clear_id_number) {
    x.id_number_enc.reset();
    x.id_number_bidx.reset();
    x.id_number_hint.reset();
  }
  if (pii.id_number) {
    SetIdNumber(x, key, *pii.id_number);
    if (tx.QueryOne(kIdNumberUsed, {ctx.company_id, *x.id_number_bidx, id}))
      return FieldErr(kIdNumberTaken, "id_number", "taken");
  }
  x.updated_at = now;
  tx.Exec(kUpdateResident,
          {x.name, x.phone_enc, x.phone_bidx, x.phone_last4, Nullable(x.id_number_enc),
           Nullable(x.id_number_bidx), Nullable(x.id_number_hint), now, id});
  json::object after = x.Json(key);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.resident.update", "resident", id, std::nullopt, before, after}, now);
  after["houses"] = VisibleLinks(tx, ctx, id);
  return json::value(std::move(after));
}

OptJson FindResidentByIdNumber(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                               std::string_view id_number) {
  auto normal = pii::NormalizeIdNumber(id_number);
  if (!normal) return std::nullopt;
  return FindResidentWhere(tx, key, company_id, " AND r.id_number_bidx = ?",
                           key.BlindIndex(*normal, kIdNumberIndex));
}

OptJson FindResidentByPhone(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                            std::string_view phone) {
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
