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
// Reads and the unmask here; the writes are property_tx_resident.cc.
#include "core/pii.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_service.h"
#include "modules/property/property_tx.h"
#include "modules/property/resident_rows.h"

namespace anju::property {

namespace json = boost::json;
using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kLinkedProjects =
    "SELECT DISTINCT project_id FROM house_residents WHERE resident_id = ? ORDER BY project_id";

}  // namespace

Result<Listing<Resident>> PropertyService::ListResidents(const TenantContext& ctx,
                                                         const ResidentFilter& f,
                                                         const Page& page) {
  if (ctx.IsResident()) return Listing<Resident>{{}, 0, page};
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<Resident>> {
    PageRows pr = QueryPage(tx, kResidentColumns, where, params, "r.id", page);
    Listing<Resident> out{{}, pr.total, page};
    for (const db::Row& r : pr.rows) out.items.push_back(ResidentRow::Of(r).View(key_));
    return out;
  });
}

Result<Resident> PropertyService::GetResident(const TenantContext& ctx, int64_t id) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kResidentRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Resident> {
    auto x = FindResident(tx, ctx, id, perm::kResidentRead);
    if (!x.ok()) return x.take_error();
    Resident out = x->View(key_);
    out.houses = VisibleLinks(tx, ctx, id);
    return out;
  });
}

Result<Resident> PropertyService::CreateResident(const TenantContext& ctx,
                                                 const CreateResidentCommand& cmd) {
  return WriteTx(db_, kIdNumberTaken,
                 [&](db::Tx& tx) { return tx::CreateResident(tx, ctx, cmd, key_, clock_.Now()); });
}

Result<Resident> PropertyService::UpdateResident(const TenantContext& ctx, int64_t id,
                                                 const UpdateResidentCommand& cmd) {
  return WriteTx(db_, kIdNumberTaken, [&](db::Tx& tx) {
    return tx::UpdateResident(tx, ctx, id, cmd, key_, clock_.Now());
  });
}

Status MayUnmask(const TenantContext& ctx) {
  if (ctx.IsResident()) return Error(errors::kForbidden);
  return Status::Ok();
}

Result<UnmaskedResident> PropertyService::UnmaskResident(const TenantContext& ctx, int64_t id,
                                                         const UnmaskCommand& cmd) {
  ANJU_TRY(MayUnmask(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<UnmaskedResident> {
    auto row = tx.QueryOne(kSelectResident, {id, ctx.company_id});
    if (!row) return Error(kResidentNotFound);
    if (!ReachesResident(tx, ctx, perm::kPiiUnmask, id)) {
      // Someone who may see the resident learns that unmasking is refused; anyone else
      // cannot tell the resident exists.
      if (ReachesResident(tx, ctx, perm::kResidentRead, id)) return Error(errors::kForbidden);
      return Error(kResidentNotFound);
    }
    ResidentRow x = ResidentRow::Of(*row);
    auto phone = key_.Decrypt(x.phone_enc, kPhoneContext);
    std::optional<std::string> id_number;
    if (x.id_number_enc) id_number = key_.Decrypt(*x.id_number_enc, kIdNumberContext);
    if (!phone || (x.id_number_enc && !id_number))
      return Error(errors::kInternal, "Personal data does not decrypt with the current key");
    std::optional<int64_t> project_id;
    if (auto p = tx.QueryOne(kLinkedProjects, {id})) project_id = p->Int(0);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.resident.unmask", "resident", id, project_id, nullptr,
                   json::object{{"reason", cmd.reason},
                                {"fields", json::array{"phone", "id_number"}},
                                {"phone", MaskedPhone(key_, x.phone_enc, x.phone_last4)}}},
                  clock_.Now());
    return UnmaskedResident{id, *phone, id_number};
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
