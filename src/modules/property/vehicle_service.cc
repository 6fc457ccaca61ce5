// Vehicles (车辆): registered per project, optionally tied to a house and a resident.
// Plates are normalised ("粤B D12345" → "粤BD12345") and unique per company. Reads and
// NormalizePlate here; the writes are property_tx_vehicle.cc.
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_service.h"
#include "modules/property/property_tx.h"
#include "modules/property/vehicle_rows.h"

namespace anju::property {

using namespace internal;  // NOLINT: the module's own helpers
namespace perm = identity::perm;

namespace {

// The one-character abbreviations of the provinces, regions and municipalities.
constexpr std::string_view kProvinces[] = {
    "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
    "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼"};

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

Result<Listing<Vehicle>> PropertyService::ListVehicles(const TenantContext& ctx,
                                                       const VehicleFilter& f, const Page& page) {
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<Vehicle>> {
    PageRows pr =
        QueryPage(tx, kVehicleColumns, where, params, ByteOrder(tx, "plate") + ", id", page);
    Listing<Vehicle> out{{}, pr.total, page};
    for (const db::Row& r : pr.rows) out.items.push_back(RowOf<Vehicle>(r));
    return out;
  });
}

Result<Vehicle> PropertyService::GetVehicle(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Vehicle> {
    auto r = tx.QueryOne(kSelectVehicle, {id, ctx.company_id});
    if (!r) return Error(kVehicleNotFound);
    Vehicle v = RowOf<Vehicle>(*r);
    if (ctx.IsResident()) {  // residents read the vehicles of their own houses
      if (!v.house_id || !ctx.OwnsHouse(*v.house_id)) return Error(kVehicleNotFound);
      return v;
    }
    ANJU_TRY(InScope(ctx, perm::kVehicleRead, v.project_id, kVehicleNotFound));
    return v;
  });
}

Result<Vehicle> PropertyService::CreateVehicle(const TenantContext& ctx,
                                               const CreateVehicleCommand& cmd) {
  return WriteTx(db_, kPlateTaken,
                 [&](db::Tx& tx) { return tx::CreateVehicle(tx, ctx, cmd, clock_.Now()); });
}

Result<Vehicle> PropertyService::UpdateVehicle(const TenantContext& ctx, int64_t id,
                                               const UpdateVehicleCommand& cmd) {
  return WriteTx(db_, kPlateTaken,
                 [&](db::Tx& tx) { return tx::UpdateVehicle(tx, ctx, id, cmd, clock_.Now()); });
}

Status PropertyService::DeleteVehicle(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite,
                 [&](db::Tx& tx) { return tx::DeleteVehicle(tx, ctx, id, clock_.Now()); });
}

}  // namespace anju::property
