// Parking spaces (车位) of a project: codes are unique per project; a space may be a
// property unit (house_id, a house of kind "parking") and may hold one vehicle. Reads here;
// the writes are property_tx_parking.cc.
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

Result<Listing<ParkingSpace>> PropertyService::ListParkingSpaces(const TenantContext& ctx,
                                                                 const ParkingFilter& f,
                                                                 const Page& page) {
  if (!f.kind.empty() && !OneOf(f.kind, kParkingKinds))
    return FieldErr(errors::kBadQuery, "kind", "invalid");
  if (!f.status.empty() && !OneOf(f.status, kParkingStatuses))
    return FieldErr(errors::kBadQuery, "status", "invalid");
  if (ctx.IsResident()) return Listing<ParkingSpace>{{}, 0, page};
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listing<ParkingSpace>> {
    PageRows pr =
        QueryPage(tx, kParkingColumns, where, params, ByteOrder(tx, "code") + ", id", page);
    Listing<ParkingSpace> out{{}, pr.total, page};
    for (const db::Row& r : pr.rows) out.items.push_back(RowOf<ParkingSpace>(r));
    return out;
  });
}

Result<ParkingSpace> PropertyService::GetParkingSpace(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ParkingSpace> {
    auto r = tx.QueryOne(kSelectParking, {id, ctx.company_id});
    if (!r) return Error(kParkingSpaceNotFound);
    ParkingSpace p = RowOf<ParkingSpace>(*r);
    ANJU_TRY(InScope(ctx, perm::kParkingRead, p.project_id, kParkingSpaceNotFound));
    return p;
  });
}

Result<ParkingSpace> PropertyService::CreateParkingSpace(const TenantContext& ctx,
                                                         const CreateParkingSpaceCommand& cmd) {
  return WriteTx(db_, kParkingCodeTaken,
                 [&](db::Tx& tx) { return tx::CreateParkingSpace(tx, ctx, cmd, clock_.Now()); });
}

Result<ParkingSpace> PropertyService::UpdateParkingSpace(const TenantContext& ctx, int64_t id,
                                                         const UpdateParkingSpaceCommand& cmd) {
  return WriteTx(db_, kParkingCodeTaken, [&](db::Tx& tx) {
    return tx::UpdateParkingSpace(tx, ctx, id, cmd, clock_.Now());
  });
}

}  // namespace anju::property
