// Parking spaces (车位) of a project: codes are unique per project; a space may be a
// property unit (house_id, a house of kind "parking") and may hold one vehicle.
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

constexpr std::string_view kParkingColumns =
    "SELECT id, project_id, code, zone, kind, status, area, house_id, vehicle_id, created_at, "
    "updated_at";
constexpr std::string_view kSelectParking =
    "SELECT id, project_id, code, zone, kind, status, area, house_id, vehicle_id, created_at, "
    "updated_at FROM parking_spaces WHERE id = ? AND company_id = ?";
constexpr std::string_view kParkingCodeUsed =
    "SELECT 1 FROM parking_spaces WHERE project_id = ? AND code = ? AND id <> ?";
constexpr std::string_view kInsertParking =
    "INSERT INTO parking_spaces (company_id, project_id, code, zone, kind, status, area, "
    "house_id, vehicle_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kUpdateParking =
    "UPDATE parking_spaces SET code = ?, zone = ?, kind = ?, status = ?, area = ?, "
    "house_id = ?, vehicle_id = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kVehicleProject =
    "SELECT project_id FROM vehicles WHERE id = ? AND company_id = ?";

const std::initializer_list<std::string_view> kParkingKinds = {"owned", "rented", "public",
                                                               "visitor"};
const std::initializer_list<std::string_view> kParkingStatuses = {"vacant", "occupied", "reserved"};

struct ParkingSpace {
  int64_t id = 0, project_id = 0;
  std::string code, zone, kind, status;
  int64_t area = 0;
  std::optional<int64_t> house_id, vehicle_id;
  Millis created_at = 0, updated_at = 0;

  static ParkingSpace Of(const db::Row& r) {
    return {r.Int(0), r.Int(1),    r.Str(2),    r.Str(3), r.Str(4), r.Str(5),
            r.Int(6), r.OptInt(7), r.OptInt(8), r.Int(9), r.Int(10)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"code", code},
                        {"zone", zone},
                        {"kind", kind},
                        {"status", status},
                        {"area", area},
                        {"house_id", JsonOf(house_id)},
                        {"vehicle_id", JsonOf(vehicle_id)},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

// The optional house and vehicle of a space must be of its project.
Status CheckParkingRefs(db::Tx& tx, const TenantContext& ctx, int64_t project_id,
                        const std::optional<int64_t>& house_id,
                        const std::optional<int64_t>& vehicle_id) {
  if (house_id && HouseProject(tx, ctx.company_id, *house_id) != project_id)
    return FieldErr(kHouseNotFound, "house_id", "not_found");
  if (vehicle_id) {
    auto r = tx.QueryOne(kVehicleProject, {*vehicle_id, ctx.company_id});
    if (!r || r->Int(0) != project_id) return FieldErr(kVehicleNotFound, "vehicle_id", "not_found");
  }
  return Status::Ok();
}

}  // namespace

JsonResult PropertyService::ListParkingSpaces(const TenantContext& ctx, const ParkingFilter& f,
                                              const Page& page) {
  if (!f.kind.empty() && !OneOf(f.kind, kParkingKinds))
    return FieldErr(errors::kBadQuery, "kind", "invalid");
  if (!f.status.empty() && !OneOf(f.status, kParkingStatuses))
    return FieldErr(errors::kBadQuery, "status", "invalid");
  if (ctx.IsResident()) return ListJson(json::array(), 0, page);
  ANJU_TRY(identity::Require(ctx, perm::kParkingRead));
  std::string where = "FROM parking_spaces WHERE company_id = ?";
  db::Params params{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kParkingRead, "project_id", where, params);
  if (f.project_id) {
    where += " AND project_id = ?";
    params.emplace_back(*f.project_id);
  }
  if (!f.kind.empty()) {
    where += " AND kind = ?";
    params.emplace_back(f.kind);
  }
  if (!f.status.empty()) {
    where += " AND status = ?";
    params.emplace_back(f.status);
  }
  if (std::string q = Trim(f.q); !q.empty()) {
    where += " AND code LIKE ? ESCAPE '\\'";
    params.emplace_back(LikeContains(q));
  }
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    PageRows pr =
        QueryPage(tx, kParkingColumns, where, params, ByteOrder(tx, "code") + ", id", page);
    json::array items;
    for (const db::Row& r : pr.rows) items.push_back(ParkingSpace::Of(r).Json());
    return ListJson(std::move(items), pr.total, page);
  });
}

JsonResult PropertyService::GetParkingSpace(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto r = tx.QueryOne(kSelectParking, {id, ctx.company_id});
    if (!r) return Error(kParkingSpaceNotFound);
    ParkingSpace p = ParkingSpace::Of(*r);
    ANJU_TRY(InScope(ctx, perm::kParkingRead, p.project_id, kParkingSpaceNotFound));
    return p.Json();
  });
}

JsonResult PropertyService::CreateParkingSpace(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kParkingWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  auto project_id = r.Int("project_id", true, 1, kMaxId);
  auto code = r.Str("code", true, 20);
  auto zone = r.Str("zone", false, 20);
  auto kind = r.Enum("kind", true, kParkingKinds);
  auto status = r.Enum("status", true, kParkingStatuses);
  auto area = r.Int("area", false, 0, kMaxArea);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto vehicle_id = r.Int("vehicle_id", false, 1, kMaxId);
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kParkingCodeTaken, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, perm::kParkingWrite, *project_id));
    ANJU_TRY(CheckParkingRefs(tx, ctx, *project_id, house_id, vehicle_id));
    if (tx.QueryOne(kParkingCodeUsed, {*project_id, *code, int64_t{0}}))
      return FieldErr(kParkingCodeTaken, "code", "taken");
    Millis now = clock_.Now();
    ParkingSpace p{0,       *project_id,      *code,    zone.value_or(""), *kind,
                   *status, area.value_or(0), house_id, vehicle_id,        now,
                   now};
    p.id = tx.InsertId(kInsertParking,
                       {ctx.company_id, p.project_id, p.code, p.zone, p.kind, p.status, p.area,
                        Nullable(p.house_id), Nullable(p.vehicle_id), now, now});
    json::value after = p.Json();
    audit::Append(
        tx, audit::Actor::Of(ctx),
        {"property.parking_space.create", "parking_space", p.id, p.project_id, nullptr, after},
        now);
    return after;
  });
}

JsonResult PropertyService::UpdateParkingSpace(const TenantContext& ctx, int64_t id,
                                               const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kParkingWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  auto code = r.Str("code", false, 20, 1);
  auto zone = r.Str("zone", false, 20);
  auto kind = r.Enum("kind", false, kParkingKinds);
  auto status = r.Enum("status", false, kParkingStatuses);
  auto area = r.Int("area", false, 0, kMaxArea);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto vehicle_id = r.Int("vehicle_id", false, 1, kMaxId);
  bool clear_house = r.IsNull("house_id"), clear_vehicle = r.IsNull("vehicle_id");
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kParkingCodeTaken, [&](db::Tx& tx) -> JsonResult {
    auto row = tx.QueryOne(kSelectParking, {id, ctx.company_id});
    if (!row) return Error(kParkingSpaceNotFound);
    ParkingSpace p = ParkingSpace::Of(*row);
    ANJU_TRY(InScope(ctx, perm::kParkingWrite, p.project_id, kParkingSpaceNotFound));
    json::value before = p.Json();
    ANJU_TRY(CheckParkingRefs(tx, ctx, p.project_id, house_id, vehicle_id));
    if (code && *code != p.code && tx.QueryOne(kParkingCodeUsed, {p.project_id, *code, id}))
      return FieldErr(kParkingCodeTaken, "code", "taken");
    p.code = code.value_or(p.code);
    p.zone = zone.value_or(p.zone);
    p.kind = kind.value_or(p.kind);
    p.status = status.value_or(p.status);
    p.area = area.value_or(p.area);
    if (house_id || clear_house) p.house_id = house_id;
    if (vehicle_id || clear_vehicle) p.vehicle_id = vehicle_id;
    Millis now = clock_.Now();
    p.updated_at = now;
    tx.Exec(kUpdateParking, {p.code, p.zone, p.kind, p.status, p.area, Nullable(p.house_id),
                             Nullable(p.vehicle_id), now, id});
    json::value after = p.Json();
    audit::Append(
        tx, audit::Actor::Of(ctx),
        {"property.parking_space.update", "parking_space", id, p.project_id, before, after}, now);
    return after;
  });
}

}  // namespace anju::property
