// Residents (住户) and their personal data.
//
// Invariants
// - Phone and ID numbers are never stored in clear: each is an AEAD ciphertext whose
//   associated data is its column ("residents.phone", "residents.id_number"), a keyed
//   blind index for exact look-up, and a display hint (last four digits; first and last
//   four characters of the ID number).
// - Replies and audit rows carry them masked. UnmaskResident is the only way to read them
//   in clear; it needs pii:unmask where the resident lives and leaves an audit row with
//   the caller's reason.
// - Residents have no project: they belong to the projects of the houses they are linked
//   to (house_residents.project_id).
#include "core/pii.h"
#include "modules/audit/audit_log.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_service.h"

namespace anju::property {

using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kResidentColumns =
    "SELECT r.id, r.name, r.phone_enc, r.phone_last4, r.id_number_enc, r.id_number_hint, "
    "r.user_id, r.created_at, r.updated_at";
constexpr std::string_view kSelectResident =
    "SELECT r.id, r.name, r.phone_enc, r.phone_last4, r.id_number_enc, r.id_number_hint, "
    "r.user_id, r.created_at, r.updated_at FROM residents r WHERE r.id = ? AND r.company_id = ?";
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
constexpr std::string_view kLinksOfResident =
    "SELECT hr.id, hr.house_id, h.code, hr.project_id, hr.relation, hr.start_date, hr.end_date "
    "FROM house_residents hr JOIN houses h ON h.id = hr.house_id WHERE hr.resident_id = ?";
constexpr std::string_view kLinkedProjects =
    "SELECT DISTINCT project_id FROM house_residents WHERE resident_id = ? ORDER BY project_id";

const std::initializer_list<std::string_view> kRelations = {"owner", "family", "tenant"};

// A resident row; personal data stays encrypted until Json() masks it.
struct Resident {
  int64_t id = 0;
  std::string name, phone_enc, phone_last4;
  std::optional<std::string> id_number_enc, id_number_hint;
  std::optional<int64_t> user_id;
  Millis created_at = 0, updated_at = 0;
  // Set only when the caller changes them, for the UPDATE.
  std::string phone_bidx;
  std::optional<std::string> id_number_bidx;

  static Resident Of(const db::Row& r) {
    Resident x;
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
  json::object Json(const crypto::SecretKey& key) const {
    json::value id_number = nullptr;
    if (id_number_hint.has_value())
      id_number = json::string(pii::MaskIdNumber(id_number_hint.value()));
    return json::object{{"id", id},
                        {"name", name},
                        {"phone", MaskedPhone(key, phone_enc, phone_last4)},
                        {"id_number", std::move(id_number)},
                        {"user_id", JsonOf(user_id)},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

// The resident, if it is of the caller's company and the caller reaches it with `code`.
Result<Resident> FindResident(db::Tx& tx, const TenantContext& ctx, int64_t id,
                              std::string_view code) {
  auto r = tx.QueryOne(kSelectResident, {id, ctx.company_id});
  if (!r || !ReachesResident(tx, ctx, code, id)) return Error(kResidentNotFound);
  return Resident::Of(*r);
}

// The resident's links the caller may see: a resident account its own houses, staff the
// projects where they hold property:resident:read.
json::array VisibleLinks(db::Tx& tx, const TenantContext& ctx, int64_t id) {
  std::string sql(kLinksOfResident);
  db::Params params{id};
  if (ctx.IsResident())
    identity::AppendHouseScope(ctx, "hr.house_id", sql, params);
  else
    identity::AppendProjectScope(ctx, perm::kResidentRead, "hr.project_id", sql, params);
  sql += " ORDER BY hr.start_date, hr.id";
  json::array out;
  for (const db::Row& r : tx.Query(sql, params))
    out.push_back(json::object{{"id", r.Int(0)},
                               {"house_id", r.Int(1)},
                               {"house_code", r.Str(2)},
                               {"project_id", r.Int(3)},
                               {"relation", r.Str(4)},
                               {"start_date", r.Str(5)},
                               {"end_date", JsonOf(r.OptStr(6))}});
  return out;
}

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

}  // namespace

JsonResult PropertyService::ListResidents(const TenantContext& ctx, const ResidentFilter& f,
                                          const Page& page) {
  if (ctx.IsResident()) return ListJson(json::array(), 0, page);
  ANJU_TRY(identity::Require(ctx, perm::kResidentRead));
  std::string where = "FROM residents r WHERE r.company_id = ?";
  db::Params params{ctx.company_id};
  if (!ctx.access.ScopeOf(std::string(perm::kResidentRead))->all_projects) {
    where += " AND EXISTS (SELECT 1 FROM house_residents hs WHERE hs.resident_id = r.id";
    identity::AppendProjectScope(ctx, perm::kResidentRead, "hs.project_id", where, params);
    where += ")";
  }
  if (f.project_id) {
    where +=
        " AND EXISTS (SELECT 1 FROM house_residents hp WHERE hp.resident_id = r.id "
        "AND hp.project_id = ?)";
    params.emplace_back(*f.project_id);
  }
  if (f.house_id) {
    where +=
        " AND EXISTS (SELECT 1 FROM house_residents hh WHERE hh.resident_id = r.id "
        "AND hh.house_id = ?)";
    params.emplace_back(*f.house_id);
  }
  if (std::string q = Trim(f.q); !q.empty()) {
    if (auto phone = pii::NormalizePhone(q)) {
      where += " AND r.phone_bidx = ?";
      params.emplace_back(key_.BlindIndex(*phone, kPhoneIndex));
    } else if (auto id_number = pii::NormalizeIdNumber(q)) {
      where += " AND r.id_number_bidx = ?";
      params.emplace_back(key_.BlindIndex(*id_number, kIdNumberIndex));
    } else {
      where += " AND r.name LIKE ? ESCAPE '\\'";
      params.emplace_back(LikeContains(q));
    }
  }
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    PageRows pr = QueryPage(tx, kResidentColumns, where, params, "r.id", page);
    json::array items;
    for (const db::Row& r : pr.rows) items.push_back(Resident::Of(r).Json(key_));
    return ListJson(std::move(items), pr.total, page);
  });
}

JsonResult PropertyService::GetResident(const TenantContext& ctx, int64_t id) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kResidentRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto x = FindResident(tx, ctx, id, perm::kResidentRead);
    if (!x.ok()) return x.take_error();
    json::object out = x->Json(key_);
    out["houses"] = VisibleLinks(tx, ctx, id);
    return json::value(std::move(out));
  });
}

JsonResult PropertyService::CreateResident(const TenantContext& ctx, const json::object& body) {
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
  return WriteTx(db_, kIdNumberTaken, [&](db::Tx& tx) -> JsonResult {
    std::optional<int64_t> project_id;
    if (house_id) {
      project_id = HouseProject(tx, ctx.company_id, *house_id);
      if (!project_id || !identity::RequireIn(ctx, perm::kResidentWrite, *project_id).ok())
        return FieldErr(kHouseNotFound, "house_id", "not_found");
    }
    Resident x;
    x.name = *name;
    SetPhone(x, key_, *pii.phone);
    if (pii.id_number) {
      SetIdNumber(x, key_, *pii.id_number);
      if (tx.QueryOne(kIdNumberUsed, {ctx.company_id, *x.id_number_bidx, int64_t{0}}))
        return FieldErr(kIdNumberTaken, "id_number", "taken");
    }
    Millis now = clock_.Now();
    x.created_at = x.updated_at = now;
    x.id = tx.InsertId(kInsertResident,
                       {ctx.company_id, x.name, x.phone_enc, x.phone_bidx, x.phone_last4,
                        Nullable(x.id_number_enc), Nullable(x.id_number_bidx),
                        Nullable(x.id_number_hint), now, now});
    json::object after = x.Json(key_);
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
  });
}

JsonResult PropertyService::UpdateResident(const TenantContext& ctx, int64_t id,
                                           const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"user_id", "houses"});
  auto name = r.Str("name", false, 50, 1);
  PiiFields pii = ReadPii(r, false);
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kIdNumberTaken, [&](db::Tx& tx) -> JsonResult {
    auto found = FindResident(tx, ctx, id, perm::kResidentWrite);
    if (!found.ok()) return found.take_error();
    Resident x = std::move(*found);
    json::object before = x.Json(key_);
    auto old = tx.QueryOne("SELECT phone_bidx, id_number_bidx FROM residents WHERE id = ?", {id});
    x.phone_bidx = old->Str(0);
    x.id_number_bidx = old->OptStr(1);
    x.name = name.value_or(x.name);
    if (pii.phone) SetPhone(x, key_, *pii.phone);
    if (pii.clear_id_number) {
      x.id_number_enc.reset();
      x.id_number_bidx.reset();
      x.id_number_hint.reset();
    }
    if (pii.id_number) {
      SetIdNumber(x, key_, *pii.id_number);
      if (tx.QueryOne(kIdNumberUsed, {ctx.company_id, *x.id_number_bidx, id}))
        return FieldErr(kIdNumberTaken, "id_number", "taken");
    }
    Millis now = clock_.Now();
    x.updated_at = now;
    tx.Exec(kUpdateResident,
            {x.name, x.phone_enc, x.phone_bidx, x.phone_last4, Nullable(x.id_number_enc),
             Nullable(x.id_number_bidx), Nullable(x.id_number_hint), now, id});
    json::object after = x.Json(key_);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.resident.update", "resident", id, std::nullopt, before, after}, now);
    after["houses"] = VisibleLinks(tx, ctx, id);
    return json::value(std::move(after));
  });
}

JsonResult PropertyService::UnmaskResident(const TenantContext& ctx, int64_t id,
                                           const json::object& body) {
  if (ctx.IsResident()) return Error(errors::kForbidden);
  BodyReader r(body);
  auto reason = r.Str("reason", true, 200, 2);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    auto row = tx.QueryOne(kSelectResident, {id, ctx.company_id});
    if (!row) return Error(kResidentNotFound);
    if (!ReachesResident(tx, ctx, perm::kPiiUnmask, id)) {
      // Someone who may see the resident learns that unmasking is refused; anyone else
      // cannot tell the resident exists.
      if (ReachesResident(tx, ctx, perm::kResidentRead, id)) return Error(errors::kForbidden);
      return Error(kResidentNotFound);
    }
    Resident x = Resident::Of(*row);
    auto phone = key_.Decrypt(x.phone_enc, kPhoneContext);
    std::optional<std::string> id_number;
    if (x.id_number_enc) id_number = key_.Decrypt(*x.id_number_enc, kIdNumberContext);
    if (!phone || (x.id_number_enc && !id_number))
      return Error(errors::kInternal, "Personal data does not decrypt with the current key");
    std::optional<int64_t> project_id;
    if (auto p = tx.QueryOne(kLinkedProjects, {id})) project_id = p->Int(0);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.resident.unmask", "resident", id, project_id, nullptr,
                   json::object{{"reason", *reason},
                                {"fields", json::array{"phone", "id_number"}},
                                {"phone", MaskedPhone(key_, x.phone_enc, x.phone_last4)}}},
                  clock_.Now());
    return json::value(
        json::object{{"id", id}, {"phone", *phone}, {"id_number", JsonOf(id_number)}});
  });
}

std::vector<HouseOwner> HouseOwners(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                                    int64_t house_id, const std::string& date) {
  std::vector<HouseOwner> out;
  for (const db::Row& r : tx.Query(
           "SELECT r.id, r.name, r.user_id, r.phone_enc FROM house_residents hr "
           "JOIN residents r ON r.id = hr.resident_id WHERE hr.house_id = ? AND "
           "hr.company_id = ? AND hr.relation = 'owner' AND hr.start_date <= ? AND "
           "(hr.end_date IS NULL OR hr.end_date >= ?) ORDER BY r.id",
           {house_id, company_id, date, date}))
    out.push_back({r.Int(0), r.Str(1), r.OptInt(2),
                   key.Decrypt(r.Str(3), kPhoneContext).value_or("")});
  return out;
}

}  // namespace anju::property
