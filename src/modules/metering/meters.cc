// Meters (水表 / 电表 / 燃气表) per house and shared per building; reading rounds.
#include "modules/metering/meters.h"

#include <set>

#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/fee_items.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/metering/meter_errors.h"
#include "modules/metering/meter_internal.h"
#include "modules/metering/meter_rules.h"
#include "modules/metering/metering_json.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_service.h"

namespace anju::metering {

namespace json = boost::json;
namespace perm = identity::perm;
using namespace meter_internal;

namespace meter_internal {

std::optional<MeterFacts> LoadMeter(db::Tx& tx, int64_t company_id, int64_t meter_id) {
  auto r = tx.QueryOne(
      "SELECT id, project_id, house_id, building_id, code, fee_item_id, multiplier, digits, "
      "initial_reading, active FROM meters WHERE id = ? AND company_id = ?",
      {meter_id, company_id});
  if (!r) return std::nullopt;
  return MeterFacts{r->Int(0),  r->Int(1),        r->OptInt(2), r->OptInt(3).value_or(0),
                    r->Str(4),  r->Int(5),        r->Int(6),    r->Int(7),
                    r->Int(8),  r->Int(9) != 0};
}

Status RequireMeterRead(const TenantContext& ctx) {
  if (ctx.access.Has(std::string(perm::kMeterRead))) return Status::Ok();
  return identity::Require(ctx, perm::kBillRead);
}

bool CanReadMetersIn(const TenantContext& ctx, int64_t project_id) {
  return ctx.access.HasIn(std::string(perm::kBillRead), project_id) ||
         ctx.access.HasIn(std::string(perm::kMeterRead), project_id);
}

void AppendMeterReadScope(const TenantContext& ctx, std::string_view column, std::string& sql,
                          db::Params& params) {
  std::set<int64_t> projects;
  for (std::string_view code : {perm::kBillRead, perm::kMeterRead}) {
    const Scope* s = ctx.access.ScopeOf(std::string(code));
    if (!s) continue;
    if (s->all_projects) return;
    projects.insert(s->projects.begin(), s->projects.end());
  }
  if (projects.empty()) {
    sql += " AND 1 = 0";
    return;
  }
  sql += " AND " + std::string(column) + " IN (";
  bool first = true;
  for (int64_t p : projects) {
    sql += first ? "?" : ", ?";
    first = false;
    params.emplace_back(p);
  }
  sql += ")";
}

}  // namespace meter_internal

namespace {

const std::vector<std::string_view> kMeterKinds = {"water", "electricity", "gas"};

constexpr std::string_view kMeterColumns =
    "SELECT m.id, m.project_id, m.house_id, m.building_id, m.code, m.kind, m.fee_item_id, "
    "m.multiplier, m.digits, m.initial_reading, m.walk_order, m.active, m.created_at, "
    "m.updated_at, "
    "(SELECT r.period FROM meter_readings r WHERE r.meter_id = m.id AND r.status <> 'rejected' "
    "ORDER BY r.period DESC LIMIT 1), "
    "(SELECT r.reading FROM meter_readings r WHERE r.meter_id = m.id AND r.status <> 'rejected' "
    "ORDER BY r.period DESC LIMIT 1) FROM meters m";

Meter MeterOf(db::Tx& tx, int64_t company_id, const db::Row& r) {
  Meter m{r.Int(0),     r.Int(1),  r.OptInt(2), r.OptInt(3), r.Str(4),
          r.Str(5),     r.IsNull(2), r.Int(6),  r.Int(7),    r.Int(8),
          r.Int(9),     r.Int(10), r.Int(11) != 0, r.Int(12), r.Int(13),
          r.IsNull(14) ? std::nullopt : std::optional<std::string>(r.Str(14)),
          r.OptInt(15), std::nullopt};
  if (m.house_id)
    if (auto h = property::FindHouseFacts(tx, company_id, *m.house_id)) m.house_code = h->code;
  return m;
}

Meter LoadMeterOf(db::Tx& tx, int64_t company_id, int64_t id) {
  return MeterOf(tx, company_id,
                 *tx.QueryOne(std::string(kMeterColumns) + " WHERE m.id = ?", {id}));
}

// The fee item must be a metered item of the project; a water, electricity or gas item
// must match the meter's kind (an apportionment item may bill any kind).
Status CheckFeeItem(db::Tx& tx, int64_t company_id, int64_t project_id, int64_t fee_item_id,
                    const std::string& meter_kind) {
  auto f = billing::FindFeeItem(tx, company_id, fee_item_id);
  if (!f || f->project_id != project_id)
    return Error(billing::kFeeItemNotFound).WithField("fee_item_id", "not_found");
  if (f->method != "metered")
    return Error(errors::kValidation)
        .WithField("fee_item_id", "not_metered", "The fee item's method must be metered");
  const std::string& kind = f->kind;
  if (kind != "apportionment" && kind != meter_kind)
    return Error(errors::kValidation)
        .WithField("fee_item_id", "kind_mismatch", "The fee item bills " + kind);
  return Status::Ok();
}

// One bill line per house, fee item and period (see meters.h).
Status CheckBillingSlot(db::Tx& tx, int64_t fee_item_id, std::optional<int64_t> house_id,
                        int64_t building_id, int64_t self_id) {
  bool taken = house_id
      ? tx.QueryOne("SELECT 1 FROM meters WHERE fee_item_id = ? AND id <> ? AND "
                    "((house_id = ? AND active = 1) OR house_id IS NULL)",
                    {fee_item_id, self_id, *house_id}).has_value()
      : tx.QueryOne("SELECT 1 FROM meters WHERE fee_item_id = ? AND id <> ? AND "
                    "((house_id IS NULL AND building_id = ? AND active = 1) OR "
                    "house_id IS NOT NULL)",
                    {fee_item_id, self_id, building_id}).has_value();
  if (taken) return Error(kMeterFeeItemConflict).WithField("fee_item_id", "conflict");
  return Status::Ok();
}

}  // namespace

Status MeterService::MayConfigureMeters(const TenantContext& ctx) const {
  return identity::Require(ctx, perm::kFeeWrite);
}

Status MeterService::MayRecordReadings(const TenantContext& ctx) const {
  return metering::MayRecordReadings(ctx);
}

Status MeterService::MayReviewReadings(const TenantContext& ctx) const {
  if (ctx.access.Has(std::string(perm::kFeeWrite))) return Status::Ok();
  return identity::Require(ctx, perm::kBillRun);
}

Result<Listed<Meter>> MeterService::ListMeters(const TenantContext& ctx, const MeterFilter& f,
                                               const Page& page) {
  ANJU_TRY(RequireMeterRead(ctx));
  if (!f.kind.empty() &&
      std::find(kMeterKinds.begin(), kMeterKinds.end(), f.kind) == kMeterKinds.end())
    return Error(errors::kBadQuery).WithField("kind", "invalid", "water, electricity or gas");
  std::string where = " WHERE m.company_id = ?";
  db::Params p{ctx.company_id};
  AppendMeterReadScope(ctx, "m.project_id", where, p);
  if (f.project_id) where += " AND m.project_id = ?", p.emplace_back(*f.project_id);
  if (f.building_id) where += " AND m.building_id = ?", p.emplace_back(*f.building_id);
  if (f.house_id) where += " AND m.house_id = ?", p.emplace_back(*f.house_id);
  if (!f.kind.empty()) where += " AND m.kind = ?", p.emplace_back(f.kind);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listed<Meter>> {
    Listed<Meter> out;
    out.page = page;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM meters m" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    for (auto& r : tx.Query(std::string(kMeterColumns) + where +
                                " ORDER BY m.project_id, m.building_id, m.walk_order, m.code "
                                "LIMIT ? OFFSET ?",
                            q))
      out.items.push_back(MeterOf(tx, ctx.company_id, r));
    return out;
  });
}

Result<Meter> MeterService::CreateMeter(const TenantContext& ctx, const CreateMeterCommand& c) {
  ANJU_TRY(MayConfigureMeters(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Meter> {
    if (!org::ProjectCode(tx, ctx.company_id, c.project_id) ||
        !ctx.access.HasIn(std::string(perm::kFeeWrite), c.project_id))
      return Error(org::kProjectNotFound).WithField("project_id", "not_found");
    int64_t building = 0;
    if (c.house_id) {
      auto h = property::FindHouseFacts(tx, ctx.company_id, *c.house_id);
      if (!h || h->project_id != c.project_id)
        return Error(property::kHouseNotFound).WithField("house_id", "not_found");
      if (c.building_id && *c.building_id != h->building_id)
        return Error(errors::kValidation)
            .WithField("building_id", "invalid", "Not the house's building");
      building = h->building_id;
    } else {
      if (property::BuildingProjectId(tx, ctx.company_id, *c.building_id) != c.project_id)
        return Error(errors::kNotFound, "Building not found").WithField("building_id",
                                                                        "not_found");
      building = *c.building_id;
    }
    ANJU_TRY(CheckFeeItem(tx, ctx.company_id, c.project_id, c.fee_item_id, c.kind));
    if (tx.QueryOne("SELECT 1 FROM meters WHERE project_id = ? AND code = ?",
                    {c.project_id, c.code}))
      return Error(kMeterCodeTaken).WithField("code", "taken");
    ANJU_TRY(CheckBillingSlot(tx, c.fee_item_id, c.house_id, building, 0));
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO meters (company_id, project_id, house_id, building_id, code, kind, "
        "fee_item_id, multiplier, digits, initial_reading, walk_order, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, c.project_id, c.house_id ? db::Value(*c.house_id) : db::kNull, building,
         c.code, c.kind, c.fee_item_id, c.multiplier.value_or(1), c.digits.value_or(5),
         c.initial_reading.value_or(0), c.walk_order.value_or(0), now, now});
    Meter after = LoadMeterOf(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.meter.create", "meter", id, c.project_id, nullptr, MeterJson(after)},
                  now);
    return after;
  });
}

Result<Meter> MeterService::UpdateMeter(const TenantContext& ctx, int64_t id,
                                        const UpdateMeterCommand& c) {
  ANJU_TRY(MayConfigureMeters(ctx));
  const auto& code = c.code;
  const auto& fee_item_id = c.fee_item_id;
  const auto& multiplier = c.multiplier;
  const auto& digits = c.digits;
  const auto& walk_order = c.walk_order;
  const auto& active = c.active;
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Meter> {
    auto m = LoadMeter(tx, ctx.company_id, id);
    if (!m || !ctx.access.HasIn(std::string(perm::kFeeWrite), m->project_id))
      return Error(kMeterNotFound);
    Meter before = LoadMeterOf(tx, ctx.company_id, id);
    const std::string& kind = before.kind;
    if (fee_item_id) ANJU_TRY(CheckFeeItem(tx, ctx.company_id, m->project_id, *fee_item_id, kind));
    if (code && *code != m->code &&
        tx.QueryOne("SELECT 1 FROM meters WHERE project_id = ? AND code = ?",
                    {m->project_id, *code}))
      return Error(kMeterCodeTaken).WithField("code", "taken");
    bool now_active = active.value_or(m->active);
    if (now_active && (fee_item_id || !m->active))
      ANJU_TRY(CheckBillingSlot(tx, fee_item_id.value_or(m->fee_item_id), m->house_id,
                                m->building_id, id));
    Millis now = clock_.Now();
    tx.Exec("UPDATE meters SET code = ?, fee_item_id = ?, multiplier = ?, digits = ?, "
            "walk_order = ?, active = ?, updated_at = ? WHERE id = ?",
            {code.value_or(m->code), fee_item_id.value_or(m->fee_item_id),
             multiplier.value_or(m->multiplier), digits.value_or(m->digits),
             walk_order.value_or(before.walk_order), int64_t{now_active}, now,
             id});
    Meter after = LoadMeterOf(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.meter.update", "meter", id, m->project_id, MeterJson(before),
                   MeterJson(after)},
                  now);
    return after;
  });
}

}  // namespace anju::metering
