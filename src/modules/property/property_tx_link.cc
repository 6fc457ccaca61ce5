// The links between houses and residents (业主 / 家属 / 租户) at transaction level
// (property_tx.h). A resident is linked to a house at most once.
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/house_rows.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"

namespace anju::property::tx {

namespace json = boost::json;
using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

constexpr std::string_view kResidentOfCompany =
    "SELECT 1 FROM residents WHERE id = ? AND company_id = ?";
constexpr std::string_view kLinkExists =
    "SELECT 1 FROM house_residents WHERE house_id = ? AND resident_id = ?";
constexpr std::string_view kInsertLink =
    "INSERT INTO house_residents (company_id, project_id, house_id, resident_id, relation, "
    "start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kUpdateLink =
    "UPDATE house_residents SET relation = ?, start_date = ?, end_date = ?, updated_at = ? "
    "WHERE id = ?";
constexpr std::string_view kDeleteLink = "DELETE FROM house_residents WHERE id = ?";
constexpr std::string_view kLinkOfPair =
    " WHERE hr.company_id = ? AND hr.house_id = ? AND hr.resident_id = ?";

}  // namespace

Result<HouseLink> LinkResident(db::Tx& tx, const TenantContext& ctx, int64_t house_id,
                               const LinkResidentCommand& cmd, const crypto::SecretKey& key,
                               Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  const auto& start = cmd.start_date;
  const auto& end = cmd.end_date;
  std::string start_date = start.value_or(CivilDate(now));
  if (end && *end < start_date)
    return FieldErr(errors::kValidation, "end_date", "before_start",
                    "The end date is before the start date");
  auto h = FindHouse(tx, ctx, house_id, perm::kResidentWrite);
  if (!h.ok()) return h.take_error();
  if (!tx.QueryOne(kResidentOfCompany, {cmd.resident_id, ctx.company_id}) ||
      !ReachesResident(tx, ctx, perm::kResidentWrite, cmd.resident_id))
    return FieldErr(kResidentNotFound, "resident_id", "not_found");
  if (tx.QueryOne(kLinkExists, {house_id, cmd.resident_id}))
    return FieldErr(kResidentAlreadyLinked, "resident_id", "taken");
  int64_t id = tx.InsertId(kInsertLink, {ctx.company_id, h->project_id, house_id, cmd.resident_id,
                                         cmd.relation, start_date, Nullable(end), now, now});
  HouseLink after = LinkOf(
      *tx.QueryOne(std::string(kLinkColumns) + std::string(kLinkById), {id, house_id}), key);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.house_resident.create", "house_resident", id, h->project_id, nullptr,
                 HouseLinkJson(after)},
                now);
  return after;
}

Result<HouseLink> UpdateLink(db::Tx& tx, const TenantContext& ctx, int64_t house_id,
                             int64_t link_id, const UpdateLinkCommand& cmd,
                             const crypto::SecretKey& key, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  const auto& [relation, start, end, clear_end] = cmd;
  auto h = FindHouse(tx, ctx, house_id, perm::kResidentWrite);
  if (!h.ok()) return h.take_error();
  std::string sql = std::string(kLinkColumns) + std::string(kLinkById);
  auto row = tx.QueryOne(sql, {link_id, house_id});
  if (!row) return Error(kLinkNotFound);
  json::value before = HouseLinkJson(LinkOf(*row, key));
  std::string new_relation = relation.value_or(row->Str(6));
  std::string new_start = start.value_or(row->Str(7));
  std::optional<std::string> new_end = clear_end ? std::nullopt : end ? end : row->OptStr(8);
  if (new_end && *new_end < new_start)
    return FieldErr(errors::kValidation, "end_date", "before_start",
                    "The end date is before the start date");
  tx.Exec(kUpdateLink, {new_relation, new_start, Nullable(new_end), now, link_id});
  HouseLink after = LinkOf(*tx.QueryOne(sql, {link_id, house_id}), key);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.house_resident.update", "house_resident", link_id, h->project_id,
                 before, HouseLinkJson(after)},
                now);
  return after;
}

Status UnlinkResident(db::Tx& tx, const TenantContext& ctx, int64_t house_id, int64_t link_id,
                      const crypto::SecretKey& key, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  auto h = FindHouse(tx, ctx, house_id, perm::kResidentWrite);
  if (!h.ok()) return h.take_error();
  auto row = tx.QueryOne(std::string(kLinkColumns) + std::string(kLinkById), {link_id, house_id});
  if (!row) return Error(kLinkNotFound);
  tx.Exec(kDeleteLink, {link_id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"property.house_resident.delete", "house_resident", link_id, h->project_id,
                 HouseLinkJson(LinkOf(*row, key)), nullptr},
                now);
  return Status::Ok();
}

std::optional<HouseLink> FindLink(db::Tx& tx, const crypto::SecretKey& key, int64_t company_id,
                                  int64_t house_id, int64_t resident_id) {
  auto row = tx.QueryOne(std::string(kLinkColumns) + std::string(kLinkOfPair),
                         {company_id, house_id, resident_id});
  if (!row) return std::nullopt;
  return LinkOf(*row, key);
}

}  // namespace anju::property::tx
