// Vehicles (车辆): registered per project, optionally tied to a house and a resident.
// Plates are normalised ("粤B D12345" → "粤BD12345") and unique per company.
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

constexpr std::string_view kVehicleColumns =
    "SELECT id, project_id, house_id, resident_id, plate, kind, brand, color, created_at, "
    "updated_at";
constexpr std::string_view kSelectVehicle =
    "SELECT id, project_id, house_id, resident_id, plate, kind, brand, color, created_at, "
    "updated_at FROM vehicles WHERE id = ? AND company_id = ?";
constexpr std::string_view kPlateUsed =
    "SELECT 1 FROM vehicles WHERE company_id = ? AND plate = ? AND id <> ?";
constexpr std::string_view kInsertVehicle =
    "INSERT INTO vehicles (company_id, project_id, house_id, resident_id, plate, kind, brand, "
    "color, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateVehicle =
    "UPDATE vehicles SET house_id = ?, resident_id = ?, plate = ?, kind = ?, brand = ?, "
    "color = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kAnyParkingOfVehicle =
    "SELECT 1 FROM parking_spaces WHERE vehicle_id = ? LIMIT 1";
constexpr std::string_view kDeleteVehicle = "DELETE FROM vehicles WHERE id = ?";
constexpr std::string_view kResidentOfCompany =
    "SELECT 1 FROM residents WHERE id = ? AND company_id = ?";

const std::initializer_list<std::string_view> kVehicleKinds = {"car", "ev", "motorcycle"};

// The one-character abbreviations of the provinces, regions and municipalities.
constexpr std::string_view kProvinces[] = {
    "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
    "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼"};

struct Vehicle {
  int64_t id = 0, project_id = 0;
  std::optional<int64_t> house_id, resident_id;
  std::string plate, kind, brand, color;
  Millis created_at = 0, updated_at = 0;

  static Vehicle Of(const db::Row& r) {
    return {r.Int(0), r.Int(1), r.OptInt(2), r.OptInt(3), r.Str(4),
            r.Str(5), r.Str(6), r.Str(7),    r.Int(8),    r.Int(9)};
  }
  json::value Json() const {
    return json::object{{"id", id},
                        {"project_id", project_id},
                        {"house_id", JsonOf(house_id)},
                        {"resident_id", JsonOf(resident_id)},
                        {"plate", plate},
                        {"kind", kind},
                        {"brand", brand},
                        {"color", color},
                        {"created_at", FormatUtc(created_at)},
                        {"updated_at", FormatUtc(updated_at)}};
  }
};

// Checks the optional references of a vehicle body against its project.
Status CheckVehicleRefs(db::Tx& tx, const TenantContext& ctx, int64_t project_id,
                        const std::optional<int64_t>& house_id,
                        const std::optional<int64_t>& resident_id) {
  if (house_id && HouseProject(tx, ctx.company_id, *house_id) != project_id)
    return FieldErr(kHouseNotFound, "house_id", "not_found");
  // The resident must be one the caller reaches with vehicle:write (linked in their projects).
  if (resident_id && (!tx.QueryOne(kResidentOfCompany, {*resident_id, ctx.company_id}) ||
                      !ReachesResident(tx, ctx, perm::kVehicleWrite, *resident_id)))
    return FieldErr(kResidentNotFound, "resident_id", "not_found");
  return Status::Ok();
}

}  // namespace

std::optional<std::string> NormalizePlate(std::string_view in) {
  std::string s;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == ' ') continue;
    if (in.substr(i, 2) == "\xC2\xB7") {  // U+00B7 middle dot: "粤B·D12345"
      ++i;
      continue;
    }
    s.push_back(in[i]);
  }
  std::string_view province;
  for (std::string_view p : kProvinces)
    if (s.starts_with(p)) province = p;
  if (province.empty()) return std::nullopt;
  std::string rest = s.substr(province.size());
  if (rest.size() != 6 && rest.size() != 7) return std::nullopt;
  for (char& c : rest) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return std::nullopt;
  }
  if (rest[0] < 'A' || rest[0] > 'Z') return std::nullopt;
  return std::string(province) + rest;
}

JsonResult PropertyService::ListVehicles(const TenantContext& ctx, const VehicleFilter& f,
                                         const Page& page) {
  std::string where = "FROM vehicles WHERE company_id = ?";
  db::Params params{ctx.company_id};
  if (ctx.IsResident()) {
    identity::AppendHouseScope(ctx, "house_id", where, params);
  } else {
    ANJU_TRY(identity::Require(ctx, perm::kVehicleRead));
    identity::AppendProjectScope(ctx, perm::kVehicleRead, "project_id", where, params);
  }
  if (f.project_id) {
    where += " AND project_id = ?";
    params.emplace_back(*f.project_id);
  }
  if (f.house_id) {
    where += " AND house_id = ?";
    params.emplace_back(*f.house_id);
  }
  std::string q;
  for (char c : Trim(f.q))
    if (c != ' ') q.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  if (!q.empty()) {
    where += " AND plate LIKE ? ESCAPE '\\'";
    params.emplace_back(LikeContains(q));
  }
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    PageRows pr =
        QueryPage(tx, kVehicleColumns, where, params, ByteOrder(tx, "plate") + ", id", page);
    json::array items;
    for (const db::Row& r : pr.rows) items.push_back(Vehicle::Of(r).Json());
    return ListJson(std::move(items), pr.total, page);
  });
}

JsonResult PropertyService::GetVehicle(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto r = tx.QueryOne(kSelectVehicle, {id, ctx.company_id});
    if (!r) return Error(kVehicleNotFound);
    Vehicle v = Vehicle::Of(*r);
    if (ctx.IsResident()) {  // residents read the vehicles of their own houses
      if (!v.house_id || !ctx.OwnsHouse(*v.house_id)) return Error(kVehicleNotFound);
      return v.Json();
    }
    ANJU_TRY(InScope(ctx, perm::kVehicleRead, v.project_id, kVehicleNotFound));
    return v.Json();
  });
}

JsonResult PropertyService::CreateVehicle(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kVehicleWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  auto project_id = r.Int("project_id", true, 1, kMaxId);
  auto raw_plate = r.Str("plate", true, 20);
  auto kind = r.Enum("kind", true, kVehicleKinds);
  auto brand = r.Str("brand", false, 30);
  auto color = r.Str("color", false, 20);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto resident_id = r.Int("resident_id", false, 1, kMaxId);
  std::optional<std::string> plate;
  if (raw_plate && !(plate = NormalizePlate(*raw_plate)))
    r.Fail("plate", "invalid", "Must be a plate like 沪A12345");
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kPlateTaken, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, perm::kVehicleWrite, *project_id));
    ANJU_TRY(CheckVehicleRefs(tx, ctx, *project_id, house_id, resident_id));
    if (tx.QueryOne(kPlateUsed, {ctx.company_id, *plate, int64_t{0}}))
      return FieldErr(kPlateTaken, "plate", "taken");
    Millis now = clock_.Now();
    Vehicle v{0,     *project_id,        house_id,           resident_id, *plate,
              *kind, brand.value_or(""), color.value_or(""), now,         now};
    v.id = tx.InsertId(kInsertVehicle,
                       {ctx.company_id, v.project_id, Nullable(v.house_id), Nullable(v.resident_id),
                        v.plate, v.kind, v.brand, v.color, now, now});
    json::value after = v.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.vehicle.create", "vehicle", v.id, v.project_id, nullptr, after}, now);
    return after;
  });
}

JsonResult PropertyService::UpdateVehicle(const TenantContext& ctx, int64_t id,
                                          const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kVehicleWrite));
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  auto raw_plate = r.Str("plate", false, 20, 1);
  auto kind = r.Enum("kind", false, kVehicleKinds);
  auto brand = r.Str("brand", false, 30);
  auto color = r.Str("color", false, 20);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto resident_id = r.Int("resident_id", false, 1, kMaxId);
  bool clear_house = r.IsNull("house_id"), clear_resident = r.IsNull("resident_id");
  std::optional<std::string> plate;
  if (raw_plate && !(plate = NormalizePlate(*raw_plate)))
    r.Fail("plate", "invalid", "Must be a plate like 沪A12345");
  ANJU_TRY(r.Finish());
  return WriteTx(db_, kPlateTaken, [&](db::Tx& tx) -> JsonResult {
    auto row = tx.QueryOne(kSelectVehicle, {id, ctx.company_id});
    if (!row) return Error(kVehicleNotFound);
    Vehicle v = Vehicle::Of(*row);
    ANJU_TRY(InScope(ctx, perm::kVehicleWrite, v.project_id, kVehicleNotFound));
    json::value before = v.Json();
    ANJU_TRY(CheckVehicleRefs(tx, ctx, v.project_id, house_id, resident_id));
    if (plate && *plate != v.plate && tx.QueryOne(kPlateUsed, {ctx.company_id, *plate, id}))
      return FieldErr(kPlateTaken, "plate", "taken");
    if (house_id || clear_house) v.house_id = house_id;
    if (resident_id || clear_resident) v.resident_id = resident_id;
    v.plate = plate.value_or(v.plate);
    v.kind = kind.value_or(v.kind);
    v.brand = brand.value_or(v.brand);
    v.color = color.value_or(v.color);
    Millis now = clock_.Now();
    v.updated_at = now;
    tx.Exec(kUpdateVehicle, {Nullable(v.house_id), Nullable(v.resident_id), v.plate, v.kind,
                             v.brand, v.color, now, id});
    json::value after = v.Json();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.vehicle.update", "vehicle", id, v.project_id, before, after}, now);
    return after;
  });
}

Status PropertyService::DeleteVehicle(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kVehicleWrite));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto row = tx.QueryOne(kSelectVehicle, {id, ctx.company_id});
    if (!row) return Error(kVehicleNotFound);
    Vehicle v = Vehicle::Of(*row);
    ANJU_TRY(InScope(ctx, perm::kVehicleWrite, v.project_id, kVehicleNotFound));
    if (tx.QueryOne(kAnyParkingOfVehicle, {id})) return Error(kVehicleHasParking);
    tx.Exec(kDeleteVehicle, {id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.vehicle.delete", "vehicle", id, v.project_id, v.Json(), nullptr},
                  clock_.Now());
    return Status::Ok();
  });
}

}  // namespace anju::property
