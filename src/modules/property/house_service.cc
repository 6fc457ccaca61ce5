// Houses (房屋) and the links between houses and residents (业主 / 家属 / 租户): reads,
// and the facts other modules read. The writes are property_tx_house.cc and
// property_tx_link.cc, wrapped in a transaction of their own.
#include "core/pii.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/house_rows.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_service.h"
#include "modules/property/property_tx.h"

namespace anju::property {

using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

// ---- houses -------------------------------------------------------------------------------

Result<Listing<House>> PropertyService::ListHouses(const TenantContext& ctx,
                                                   const HouseFilter& f, const Page& page) {
  if (!f.kind.empty() && !OneOf(f.kind, kHouseKinds))
    return FieldErr(errors::kBadQuery, "kind", "invalid");
  if (!f.status.empty() && !OneOf(f.status, kHouseStatuses))
    return FieldErr(errors::kBadQuery, "status", "invalid");
  std::string where;  // conditions on h only, after "h.company_id = ?"
  db::Params params{ctx.company_id};
  if (ctx.IsResident()) {
    identity::AppendHouseScope(ctx, "h.id", where, params);
  } else {
    ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
    identity::AppendProjectScope(ctx, perm::kHouseRead, "h.project_id", where, params);
  }
  auto add = [&](std::string_view clause, db::Value v) {
    where += clause;
    params.push_back(std::move(v));
  };
  if (f.project_id) add(" AND h.project_id = ?", *f.project_id);
  if (f.building_id) add(" AND h.building_id = ?", *f.building_id);
  if (f.entrance_id) add(" AND h.entrance_id = ?", *f.entrance_id);
  if (f.floor_id) add(" AND h.floor_id = ?", *f.floor_id);
  if (!f.kind.empty()) add(" AND h.kind = ?", f.kind);
  if (!f.status.empty()) add(" AND h.status = ?", f.status);
  if (std::string q = Trim(f.q); !q.empty()) {
    if (auto phone = pii::NormalizePhone(q)) {
      // A full phone number finds the houses of the resident who has it (the cashier's
      // "find by phone"); phones are stored encrypted, so by their blind index.
      where +=
          " AND EXISTS (SELECT 1 FROM house_residents hq JOIN residents rq ON rq.id = "
          "hq.resident_id WHERE hq.house_id = h.id AND rq.phone_bidx = ?)";
      params.emplace_back(key_.BlindIndex(*phone, kPhoneIndex));
    } else {
      std::string like = LikeContains(q);
      where +=
          " AND (h.code LIKE ? ESCAPE '\\' OR h.number LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 "
          "FROM house_residents hq JOIN residents rq ON rq.id = hq.resident_id "
          "WHERE hq.house_id = h.id AND rq.name LIKE ? ESCAPE '\\'))";
      params.insert(params.end(), {like, like, like});
    }
  }
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<House>> {
    PageRows pr = QueryPage(tx, kHouseColumns, std::string(kHouseFrom) + where, params,
                            ByteOrder(tx, "h.code") + ", h.id", page,
                            std::string(kHouseCountFrom) + where);
    Listing<House> out{{}, pr.total, page};
    for (const db::Row& r : pr.rows) out.items.push_back(RowOf<House>(r));
    return out;
  });
}

Result<House> PropertyService::GetHouse(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead,
                 [&](db::Tx& tx) { return FindHouse(tx, ctx, id, perm::kHouseRead); });
}

Result<House> PropertyService::CreateHouse(const TenantContext& ctx,
                                           const CreateHouseCommand& cmd) {
  return WriteTx(db_, kHouseCodeTaken,
                 [&](db::Tx& tx) { return tx::CreateHouse(tx, ctx, cmd, clock_.Now()); });
}

Result<House> PropertyService::UpdateHouse(const TenantContext& ctx, int64_t id,
                                           const UpdateHouseCommand& cmd) {
  return WriteTx(db_, kHouseCodeTaken,
                 [&](db::Tx& tx) { return tx::UpdateHouse(tx, ctx, id, cmd, clock_.Now()); });
}

Status PropertyService::DeleteHouse(const TenantContext& ctx, int64_t id) {
  if (!bills_) throw std::logic_error("PropertyService::SetHouseBills was not called");
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return tx::DeleteHouse(tx, ctx, id, clock_.Now(), *bills_);
  });
}

// ---- a house's residents ------------------------------------------------------------------

Result<Listing<HouseLink>> PropertyService::ListHouseResidents(const TenantContext& ctx,
                                                               int64_t house_id) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kResidentRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<HouseLink>> {
    auto h = FindHouse(tx, ctx, house_id, perm::kResidentRead);
    if (!h.ok()) return h.take_error();
    Listing<HouseLink> out;
    for (const db::Row& r :
         tx.Query(std::string(kLinkColumns) + std::string(kLinksOfHouse), {house_id}))
      out.items.push_back(LinkOf(r, key_));
    int64_t n = static_cast<int64_t>(out.items.size());
    out.total = n;
    out.page = Page{1, std::max<int64_t>(n, 1)};
    return out;
  });
}

Result<HouseLink> PropertyService::LinkResident(const TenantContext& ctx, int64_t house_id,
                                                const LinkResidentCommand& cmd) {
  return WriteTx(db_, kResidentAlreadyLinked, [&](db::Tx& tx) {
    return tx::LinkResident(tx, ctx, house_id, cmd, key_, clock_.Now());
  });
}

Result<HouseLink> PropertyService::UpdateLink(const TenantContext& ctx, int64_t house_id,
                                              int64_t link_id, const UpdateLinkCommand& cmd) {
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return tx::UpdateLink(tx, ctx, house_id, link_id, cmd, key_, clock_.Now());
  });
}

Status PropertyService::UnlinkResident(const TenantContext& ctx, int64_t house_id,
                                       int64_t link_id) {
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return tx::UnlinkResident(tx, ctx, house_id, link_id, key_, clock_.Now());
  });
}

// ---- facts for other modules ----------------------------------------------------------------

namespace {
constexpr std::string_view kHouseFacts =
    "SELECT id, company_id, project_id, building_id, code, kind, status, gross_area, net_area, "
    "delivered_on FROM houses";
HouseFacts FactsOf(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Str(4), r.Str(5), r.Str(6), r.Int(7),
          r.Int(8), r.OptStr(9)};
}
}  // namespace

std::optional<HouseFacts> FindHouseFacts(db::Tx& tx, int64_t company_id, int64_t house_id) {
  auto r = tx.QueryOne(std::string(kHouseFacts) + " WHERE id = ? AND company_id = ?",
                       {house_id, company_id});
  if (!r) return std::nullopt;
  return FactsOf(*r);
}

std::vector<HouseFacts> HouseFactsPage(db::Tx& tx, int64_t company_id, int64_t project_id,
                                       int64_t after_id, int64_t limit) {
  std::vector<HouseFacts> out;
  for (const db::Row& r :
       tx.Query(std::string(kHouseFacts) +
                    " WHERE company_id = ? AND project_id = ? AND id > ? ORDER BY id LIMIT ?",
                {company_id, project_id, after_id, limit}))
    out.push_back(FactsOf(r));
  return out;
}

std::vector<HouseFacts> BuildingHouseFacts(db::Tx& tx, int64_t company_id, int64_t building_id) {
  std::vector<HouseFacts> out;
  for (const db::Row& r : tx.Query(std::string(kHouseFacts) +
                                       " WHERE company_id = ? AND building_id = ? ORDER BY id",
                                   {company_id, building_id}))
    out.push_back(FactsOf(r));
  return out;
}

namespace {
// id → text for the rows among `ids` that `select` (id, text; company_id = ?) finds.
std::map<int64_t, std::string> TextById(db::Tx& tx, std::string_view select, int64_t company_id,
                                        const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  std::string sql(select);
  db::Params params{company_id};
  identity::AppendIdIn("id", ids, sql, params);
  for (const db::Row& r : tx.Query(sql, params)) out[r.Int(0)] = r.Str(1);
  return out;
}
}  // namespace

std::map<int64_t, std::string> HouseCodes(db::Tx& tx, int64_t company_id,
                                          const std::vector<int64_t>& ids) {
  return TextById(tx, "SELECT id, code FROM houses WHERE company_id = ?", company_id, ids);
}

std::map<int64_t, std::string> BuildingNames(db::Tx& tx, int64_t company_id,
                                             const std::vector<int64_t>& ids) {
  return TextById(tx, "SELECT id, name FROM buildings WHERE company_id = ?", company_id, ids);
}

std::vector<int64_t> BuildingIds(db::Tx& tx, int64_t company_id, int64_t project_id) {
  std::vector<int64_t> out;
  for (const db::Row& r : tx.Query("SELECT id FROM buildings WHERE company_id = ? AND "
                                   "project_id = ? ORDER BY id",
                                   {company_id, project_id}))
    out.push_back(r.Int(0));
  return out;
}

std::optional<int64_t> BuildingProjectId(db::Tx& tx, int64_t company_id, int64_t building_id) {
  auto r = tx.QueryOne("SELECT project_id FROM buildings WHERE id = ? AND company_id = ?",
                       {building_id, company_id});
  if (!r) return std::nullopt;
  return r->Int(0);
}

}  // namespace anju::property
