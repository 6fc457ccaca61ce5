// Houses (房屋) and the links between houses and residents (业主 / 家属 / 租户).
//
// A house hangs from a floor; its company, project, building and entrance are copied from
// the floor so that scoping and reports need no joins, and its code
// "<building code>-<entrance code>-<number>" is unique in the project.
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

constexpr std::string_view kHouseColumns =
    "SELECT h.id, h.project_id, h.building_id, h.entrance_id, h.floor_id, h.number, h.code, "
    "h.kind, h.status, h.gross_area, h.net_area, h.delivered_on, h.created_at, h.updated_at, "
    "b.name, e.name, f.name, f.number, "
    "(SELECT COUNT(*) FROM house_residents hr WHERE hr.house_id = h.id)";
constexpr std::string_view kHouseFrom =
    "FROM houses h JOIN buildings b ON b.id = h.building_id "
    "JOIN entrances e ON e.id = h.entrance_id JOIN floors f ON f.id = h.floor_id "
    "WHERE h.company_id = ?";
// The same rows without the joins that only add names (every house has its floor etc.).
constexpr std::string_view kHouseCountFrom = "FROM houses h WHERE h.company_id = ?";
// The floor a house hangs from, with the codes its own code is made of.
constexpr std::string_view kFloorForHouse =
    "SELECT f.project_id, f.building_id, f.entrance_id, b.code, e.code FROM floors f "
    "JOIN buildings b ON b.id = f.building_id JOIN entrances e ON e.id = f.entrance_id "
    "WHERE f.id = ? AND f.company_id = ?";
constexpr std::string_view kHouseCodeUsed =
    "SELECT 1 FROM houses WHERE project_id = ? AND code = ? AND id <> ?";
constexpr std::string_view kInsertHouse =
    "INSERT INTO houses (company_id, project_id, building_id, entrance_id, floor_id, number, "
    "code, kind, status, gross_area, net_area, delivered_on, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateHouse =
    "UPDATE houses SET building_id = ?, entrance_id = ?, floor_id = ?, number = ?, code = ?, "
    "kind = ?, status = ?, gross_area = ?, net_area = ?, delivered_on = ?, updated_at = ? "
    "WHERE id = ?";
constexpr std::string_view kAnyResidentOfHouse =
    "SELECT 1 FROM house_residents WHERE house_id = ? LIMIT 1";
constexpr std::string_view kAnyVehicleOfHouse = "SELECT 1 FROM vehicles WHERE house_id = ? LIMIT 1";
constexpr std::string_view kAnyParkingOfHouse =
    "SELECT 1 FROM parking_spaces WHERE house_id = ? LIMIT 1";
constexpr std::string_view kDeleteHouse = "DELETE FROM houses WHERE id = ?";

constexpr std::string_view kLinkColumns =
    "SELECT hr.id, hr.house_id, hr.resident_id, r.name, r.phone_enc, r.phone_last4, "
    "hr.relation, hr.start_date, hr.end_date, hr.created_at, hr.updated_at "
    "FROM house_residents hr JOIN residents r ON r.id = hr.resident_id";
constexpr std::string_view kLinksOfHouse = " WHERE hr.house_id = ? ORDER BY hr.start_date, hr.id";
constexpr std::string_view kLinkById = " WHERE hr.id = ? AND hr.house_id = ?";
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

const std::initializer_list<std::string_view> kHouseKinds = {"residential", "shop", "parking",
                                                             "office", "storage"};
const std::initializer_list<std::string_view> kHouseStatuses = {"vacant", "self_occupied", "rented",
                                                                "decorating"};
const std::initializer_list<std::string_view> kRelations = {"owner", "family", "tenant"};

struct House {
  int64_t id = 0, project_id = 0, building_id = 0, entrance_id = 0, floor_id = 0;
  std::string number, code, kind, status;
  int64_t gross_area = 0, net_area = 0;
  std::optional<std::string> delivered_on;
  Millis created_at = 0, updated_at = 0;
  std::string building_name, entrance_name, floor_name;
  int64_t floor_number = 0, resident_count = 0;

  static House Of(const db::Row& r) {
    return {r.Int(0),  r.Int(1),  r.Int(2),  r.Int(3),  r.Int(4),     r.Str(5),  r.Str(6),
            r.Str(7),  r.Str(8),  r.Int(9),  r.Int(10), r.OptStr(11), r.Int(12), r.Int(13),
            r.Str(14), r.Str(15), r.Str(16), r.Int(17), r.Int(18)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"building_id", building_id},
                        {"building_name", building_name},
                        {"entrance_id", entrance_id},
                        {"entrance_name", entrance_name},
                        {"floor_id", floor_id},
                        {"floor_name", floor_name},
                        {"floor_number", floor_number},
                        {"number", number},
                        {"code", code},
                        {"kind", kind},
                        {"status", status},
                        {"gross_area", gross_area},
                        {"net_area", net_area},
                        {"delivered_on", JsonOf(delivered_on)},
                        {"resident_count", resident_count},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

struct FloorOfHouse {
  int64_t project_id, building_id, entrance_id;
  std::string building_code, entrance_code;
};

std::optional<House> LoadHouse(db::Tx& tx, int64_t company_id, int64_t id) {
  std::string sql = std::string(kHouseColumns) + " " + std::string(kHouseFrom) + " AND h.id = ?";
  auto r = tx.QueryOne(sql, {company_id, id});
  if (!r) return std::nullopt;
  return House::Of(*r);
}

// A house the caller may reach: a resident's own house, or one in a project where a staff
// caller holds `code`. HOUSE_NOT_FOUND otherwise (403 when the code is not held at all).
Result<House> FindHouse(db::Tx& tx, const TenantContext& ctx, int64_t id, std::string_view code) {
  auto h = LoadHouse(tx, ctx.company_id, id);
  if (!h) return Error(kHouseNotFound);
  if (ctx.IsResident()) {
    if (!ctx.OwnsHouse(id)) return Error(kHouseNotFound);
  } else {
    ANJU_TRY(InScope(ctx, code, h->project_id, kHouseNotFound));
  }
  return std::move(*h);
}

Result<FloorOfHouse> FindFloor(db::Tx& tx, const TenantContext& ctx, int64_t floor_id) {
  auto r = tx.QueryOne(kFloorForHouse, {floor_id, ctx.company_id});
  if (!r || !InScope(ctx, perm::kHouseWrite, r->Int(0), kFloorNotFound).ok())
    return FieldErr(kFloorNotFound, "floor_id", "not_found");
  return FloorOfHouse{r->Int(0), r->Int(1), r->Int(2), r->Str(3), r->Str(4)};
}

std::string HouseCode(const FloorOfHouse& f, const std::string& number) {
  return f.building_code + "-" + f.entrance_code + "-" + number;
}

json::value LinkJson(const db::Row& r, const crypto::SecretKey& key) {
  return json::object{{"id", r.Int(0)},
                      {"house_id", r.Int(1)},
                      {"resident_id", r.Int(2)},
                      {"resident_name", r.Str(3)},
                      {"phone", MaskedPhone(key, r.Str(4), r.Str(5))},
                      {"relation", r.Str(6)},
                      {"start_date", r.Str(7)},
                      {"end_date", JsonOf(r.OptStr(8))},
                      {"created_at", FormatUtc(r.Int(9))},
                      {"updated_at", FormatUtc(r.Int(10))}};
}

}  // namespace

// ---- houses -------------------------------------------------------------------------------

JsonResult PropertyService::ListHouses(const TenantContext& ctx, const HouseFilter& f,
                                       const Page& page) {
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    PageRows pr = QueryPage(tx, kHouseColumns, std::string(kHouseFrom) + where, params,
                            ByteOrder(tx, "h.code") + ", h.id", page,
                            std::string(kHouseCountFrom) + where);
    json::array items;
    for (const db::Row& r : pr.rows) items.push_back(House::Of(r).Json());
    return ListJson(std::move(items), pr.total, page);
  });
}

JsonResult PropertyService::GetHouse(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto h = FindHouse(tx, ctx, id, perm::kHouseRead);
    if (!h.ok()) return h.take_error();
    return h->Json();
  });
}

JsonResult PropertyService::CreateHouse(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kHouseWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"code", "project_id", "building_id", "entrance_id", "resident_count"});
  auto floor_id = r.Int("floor_id", true, 1, kMaxId);
  auto number = r.Str("number", true, 20);
  auto kind = r.Enum("kind", true, kHouseKinds);
  auto status = r.Enum("status", true, kHouseStatuses);
  auto gross = r.Int("gross_area", true, 1, kMaxArea);
  auto net = r.Int("net_area", true, 1, kMaxArea);
  auto delivered_on = r.Date("delivered_on", false);
  if (gross && net && *net > *gross)
    r.Fail("net_area", "greater_than_gross", "The net area cannot exceed the gross area");
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kHouseCodeTaken, [&](db::Tx& tx) -> JsonResult {
    auto floor = FindFloor(tx, ctx, *floor_id);
    if (!floor.ok()) return floor.take_error();
    std::string code = HouseCode(*floor, *number);
    if (tx.QueryOne(kHouseCodeUsed, {floor->project_id, code, int64_t{0}}))
      return FieldErr(kHouseCodeTaken, "number", "taken");
    Millis now = clock_.Now();
    int64_t id =
        tx.InsertId(kInsertHouse, {ctx.company_id, floor->project_id, floor->building_id,
                                   floor->entrance_id, *floor_id, *number, code, *kind, *status,
                                   *gross, *net, Nullable(delivered_on), now, now});
    json::value after = LoadHouse(tx, ctx.company_id, id)->Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.house.create", "house", id, floor->project_id, nullptr, after}, now);
    return after;
  });
}

JsonResult PropertyService::UpdateHouse(const TenantContext& ctx, int64_t id,
                                        const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kHouseWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"code", "project_id", "building_id", "entrance_id", "resident_count"});
  auto floor_id = r.Int("floor_id", false, 1, kMaxId);
  auto number = r.Str("number", false, 20, 1);
  auto kind = r.Enum("kind", false, kHouseKinds);
  auto status = r.Enum("status", false, kHouseStatuses);
  auto gross = r.Int("gross_area", false, 1, kMaxArea);
  auto net = r.Int("net_area", false, 1, kMaxArea);
  auto delivered_on = r.Date("delivered_on", false);
  bool clear_delivered = r.IsNull("delivered_on");
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kHouseCodeTaken, [&](db::Tx& tx) -> JsonResult {
    auto found = FindHouse(tx, ctx, id, perm::kHouseWrite);
    if (!found.ok()) return found.take_error();
    House h = std::move(*found);
    json::value before = h.Json();
    h.gross_area = gross.value_or(h.gross_area);
    h.net_area = net.value_or(h.net_area);
    if (h.net_area > h.gross_area)
      return FieldErr(errors::kValidation, "net_area", "greater_than_gross",
                      "The net area cannot exceed the gross area");
    if (floor_id || number) {
      auto floor = FindFloor(tx, ctx, floor_id.value_or(h.floor_id));
      if (!floor.ok()) return floor.take_error();
      if (floor->project_id != h.project_id)
        return FieldErr(errors::kValidation, "floor_id", "other_project",
                        "A house cannot move to another project");
      h.floor_id = floor_id.value_or(h.floor_id);
      h.building_id = floor->building_id;
      h.entrance_id = floor->entrance_id;
      h.number = number.value_or(h.number);
      std::string code = HouseCode(*floor, h.number);
      if (code != h.code && tx.QueryOne(kHouseCodeUsed, {h.project_id, code, h.id}))
        return FieldErr(kHouseCodeTaken, "number", "taken");
      h.code = code;
    }
    h.kind = kind.value_or(h.kind);
    h.status = status.value_or(h.status);
    if (delivered_on) h.delivered_on = delivered_on;
    if (clear_delivered) h.delivered_on.reset();
    Millis now = clock_.Now();
    tx.Exec(kUpdateHouse,
            {h.building_id, h.entrance_id, h.floor_id, h.number, h.code, h.kind, h.status,
             h.gross_area, h.net_area, Nullable(h.delivered_on), now, h.id});
    json::value after = LoadHouse(tx, ctx.company_id, id)->Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.house.update", "house", id, h.project_id, before, after}, now);
    return after;
  });
}

Status PropertyService::DeleteHouse(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kHouseWrite));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto h = FindHouse(tx, ctx, id, perm::kHouseWrite);
    if (!h.ok()) return h.take_error();
    if (tx.QueryOne(kAnyResidentOfHouse, {id})) return Error(kHouseHasResidents);
    if (tx.QueryOne(kAnyVehicleOfHouse, {id})) return Error(kHouseHasVehicles);
    if (tx.QueryOne(kAnyParkingOfHouse, {id})) return Error(kHouseHasParking);
    tx.Exec(kDeleteHouse, {id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.house.delete", "house", id, h->project_id, h->Json(), nullptr},
                  clock_.Now());
    return Status::Ok();
  });
}

// ---- a house's residents ------------------------------------------------------------------

JsonResult PropertyService::ListHouseResidents(const TenantContext& ctx, int64_t house_id) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kResidentRead));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto h = FindHouse(tx, ctx, house_id, perm::kResidentRead);
    if (!h.ok()) return h.take_error();
    json::array items;
    for (const db::Row& r :
         tx.Query(std::string(kLinkColumns) + std::string(kLinksOfHouse), {house_id}))
      items.push_back(LinkJson(r, key_));
    int64_t n = static_cast<int64_t>(items.size());
    return ListJson(std::move(items), n, Page{1, std::max<int64_t>(n, 1)});
  });
}

JsonResult PropertyService::LinkResident(const TenantContext& ctx, int64_t house_id,
                                         const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"house_id", "project_id"});
  auto resident_id = r.Int("resident_id", true, 1, kMaxId);
  auto relation = r.Enum("relation", true, kRelations);
  auto start = r.Date("start_date", false);
  auto end = r.Date("end_date", false);
  ANJU_TRY(r.Finish());
  std::string start_date = start.value_or(CivilDate(clock_.Now()));
  if (end && *end < start_date)
    return FieldErr(errors::kValidation, "end_date", "before_start",
                    "The end date is before the start date");
  return WriteTx(db_, kResidentAlreadyLinked, [&](db::Tx& tx) -> JsonResult {
    auto h = FindHouse(tx, ctx, house_id, perm::kResidentWrite);
    if (!h.ok()) return h.take_error();
    if (!tx.QueryOne(kResidentOfCompany, {*resident_id, ctx.company_id}) ||
        !ReachesResident(tx, ctx, perm::kResidentWrite, *resident_id))
      return FieldErr(kResidentNotFound, "resident_id", "not_found");
    if (tx.QueryOne(kLinkExists, {house_id, *resident_id}))
      return FieldErr(kResidentAlreadyLinked, "resident_id", "taken");
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(kInsertLink, {ctx.company_id, h->project_id, house_id, *resident_id,
                                           *relation, start_date, Nullable(end), now, now});
    json::value after = LinkJson(
        *tx.QueryOne(std::string(kLinkColumns) + std::string(kLinkById), {id, house_id}), key_);
    audit::Append(
        tx, audit::Actor::Of(ctx),
        {"property.house_resident.create", "house_resident", id, h->project_id, nullptr, after},
        now);
    return after;
  });
}

JsonResult PropertyService::UpdateLink(const TenantContext& ctx, int64_t house_id, int64_t link_id,
                                       const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"house_id", "project_id", "resident_id"});
  auto relation = r.Enum("relation", false, kRelations);
  auto start = r.Date("start_date", false);
  auto end = r.Date("end_date", false);
  bool clear_end = r.IsNull("end_date");
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    auto h = FindHouse(tx, ctx, house_id, perm::kResidentWrite);
    if (!h.ok()) return h.take_error();
    std::string sql = std::string(kLinkColumns) + std::string(kLinkById);
    auto row = tx.QueryOne(sql, {link_id, house_id});
    if (!row) return Error(kLinkNotFound);
    json::value before = LinkJson(*row, key_);
    std::string new_relation = relation.value_or(row->Str(6));
    std::string new_start = start.value_or(row->Str(7));
    std::optional<std::string> new_end = clear_end ? std::nullopt : end ? end : row->OptStr(8);
    if (new_end && *new_end < new_start)
      return FieldErr(errors::kValidation, "end_date", "before_start",
                      "The end date is before the start date");
    Millis now = clock_.Now();
    tx.Exec(kUpdateLink, {new_relation, new_start, Nullable(new_end), now, link_id});
    json::value after = LinkJson(*tx.QueryOne(sql, {link_id, house_id}), key_);
    audit::Append(
        tx, audit::Actor::Of(ctx),
        {"property.house_resident.update", "house_resident", link_id, h->project_id, before, after},
        now);
    return after;
  });
}

Status PropertyService::UnlinkResident(const TenantContext& ctx, int64_t house_id,
                                       int64_t link_id) {
  ANJU_TRY(identity::Require(ctx, perm::kResidentWrite));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto h = FindHouse(tx, ctx, house_id, perm::kResidentWrite);
    if (!h.ok()) return h.take_error();
    auto row = tx.QueryOne(std::string(kLinkColumns) + std::string(kLinkById), {link_id, house_id});
    if (!row) return Error(kLinkNotFound);
    tx.Exec(kDeleteLink, {link_id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.house_resident.delete", "house_resident", link_id, h->project_id,
                   LinkJson(*row, key_), nullptr},
                  clock_.Now());
    return Status::Ok();
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

std::optional<int64_t> BuildingProjectId(db::Tx& tx, int64_t company_id, int64_t building_id) {
  auto r = tx.QueryOne("SELECT project_id FROM buildings WHERE id = ? AND company_id = ?",
                       {building_id, company_id});
  if (!r) return std::nullopt;
  return r->Int(0);
}

}  // namespace anju::property
