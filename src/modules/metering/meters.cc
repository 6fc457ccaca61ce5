// Meters (水表 / 电表 / 燃气表) per house and shared per building; reading rounds.
#include "modules/metering/meters.h"

#include <set>

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/fee_items.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/metering/meter_errors.h"
#include "modules/metering/meter_internal.h"
#include "modules/metering/meter_rules.h"
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

json::value OrNull(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return nullptr;
  if (std::holds_alternative<int64_t>(r.at(i))) return r.Int(i);
  return json::value(r.Str(i));
}

json::object MeterJson(db::Tx& tx, int64_t company_id, const db::Row& r) {
  json::object o{{"id", r.Int(0)},           {"project_id", r.Int(1)},
                 {"house_id", OrNull(r, 2)}, {"building_id", OrNull(r, 3)},
                 {"code", r.Str(4)},         {"kind", r.Str(5)},
                 {"shared", r.IsNull(2)},    {"fee_item_id", r.Int(6)},
                 {"multiplier", r.Int(7)},   {"digits", r.Int(8)},
                 {"initial_reading", r.Int(9)}, {"walk_order", r.Int(10)},
                 {"active", r.Int(11) != 0}, {"created_at", FormatUtc(r.Int(12))},
                 {"updated_at", FormatUtc(r.Int(13))},
                 {"last_period", OrNull(r, 14)}, {"last_reading", OrNull(r, 15)}};
  std::optional<property::HouseFacts> h;
  if (!r.IsNull(2)) h = property::FindHouseFacts(tx, company_id, r.Int(2));
  o["house_code"] = h ? json::value(h->code) : json::value(nullptr);
  return o;
}

json::object LoadMeterJson(db::Tx& tx, int64_t company_id, int64_t id) {
  return MeterJson(tx, company_id, *tx.QueryOne(std::string(kMeterColumns) + " WHERE m.id = ?",
                                                {id}));
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

JsonResult MeterService::ListMeters(const TenantContext& ctx, const MeterFilter& f,
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    int64_t total = tx.QueryOne("SELECT COUNT(*) FROM meters m" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    json::array items;
    for (auto& r : tx.Query(std::string(kMeterColumns) + where +
                                " ORDER BY m.project_id, m.building_id, m.walk_order, m.code "
                                "LIMIT ? OFFSET ?",
                            q))
      items.push_back(MeterJson(tx, ctx.company_id, r));
    return json::value(json::object{{"items", std::move(items)}, {"total", total},
                                    {"page", page.page}, {"size", page.size}});
  });
}

JsonResult MeterService::CreateMeter(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "shared", "house_code", "active", "last_period",
              "last_reading", "created_at", "updated_at"});
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto house_id = r.Int("house_id", false, 1, INT64_MAX);
  auto building_id = r.Int("building_id", false, 1, INT64_MAX);
  auto code = r.Str("code", true, 32);
  auto kind = r.Enum("kind", true, kMeterKinds);
  auto fee_item_id = r.Int("fee_item_id", true, 1, INT64_MAX);
  auto multiplier = r.Int("multiplier", false, 1, kMaxMultiplier);
  auto digits = r.Int("digits", false, 1, kMaxDigits);
  auto initial = r.Int("initial_reading", false, 0, INT64_MAX);
  auto walk_order = r.Int("walk_order", false, 0, 1'000'000);
  if (!house_id && !building_id && !r.Has("house_id") && !r.Has("building_id"))
    r.Fail("house_id", "required", "A house meter needs house_id, a shared meter building_id");
  if (initial && *initial >= RolloverSpan(digits.value_or(5)))
    r.Fail("initial_reading", "out_of_range", "Beyond what the dial can show");
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    if (!org::ProjectCode(tx, ctx.company_id, *project_id) ||
        !ctx.access.HasIn(std::string(perm::kFeeWrite), *project_id))
      return Error(org::kProjectNotFound).WithField("project_id", "not_found");
    int64_t building = 0;
    if (house_id) {
      auto h = property::FindHouseFacts(tx, ctx.company_id, *house_id);
      if (!h || h->project_id != *project_id)
        return Error(property::kHouseNotFound).WithField("house_id", "not_found");
      if (building_id && *building_id != h->building_id)
        return Error(errors::kValidation)
            .WithField("building_id", "invalid", "Not the house's building");
      building = h->building_id;
    } else {
      if (property::BuildingProjectId(tx, ctx.company_id, *building_id) != *project_id)
        return Error(errors::kNotFound, "Building not found").WithField("building_id",
                                                                        "not_found");
      building = *building_id;
    }
    ANJU_TRY(CheckFeeItem(tx, ctx.company_id, *project_id, *fee_item_id, *kind));
    if (tx.QueryOne("SELECT 1 FROM meters WHERE project_id = ? AND code = ?",
                    {*project_id, *code}))
      return Error(kMeterCodeTaken).WithField("code", "taken");
    ANJU_TRY(CheckBillingSlot(tx, *fee_item_id, house_id, building, 0));
    Millis now = clock_.Now();
    int64_t id = tx.InsertId(
        "INSERT INTO meters (company_id, project_id, house_id, building_id, code, kind, "
        "fee_item_id, multiplier, digits, initial_reading, walk_order, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, *project_id, house_id ? db::Value(*house_id) : db::kNull, building,
         *code, *kind, *fee_item_id, multiplier.value_or(1), digits.value_or(5),
         initial.value_or(0), walk_order.value_or(0), now, now});
    json::object after = LoadMeterJson(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.meter.create", "meter", id, *project_id, nullptr, after}, now);
    return json::value(after);
  });
}

JsonResult MeterService::UpdateMeter(const TenantContext& ctx, int64_t id,
                                     const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kFeeWrite));
  // The house, building and kind are what the meter is; a new place is a new meter.
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "project_id", "house_id", "building_id", "kind", "shared",
              "house_code", "initial_reading", "last_period", "last_reading", "created_at",
              "updated_at"});
  auto code = r.Str("code", false, 32, 1);
  auto fee_item_id = r.Int("fee_item_id", false, 1, INT64_MAX);
  auto multiplier = r.Int("multiplier", false, 1, kMaxMultiplier);
  auto digits = r.Int("digits", false, 1, kMaxDigits);
  auto walk_order = r.Int("walk_order", false, 0, 1'000'000);
  auto active = r.Bool("active", false);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    auto m = LoadMeter(tx, ctx.company_id, id);
    if (!m || !ctx.access.HasIn(std::string(perm::kFeeWrite), m->project_id))
      return Error(kMeterNotFound);
    json::object before = LoadMeterJson(tx, ctx.company_id, id);
    std::string kind(before.at("kind").as_string());
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
             walk_order.value_or(before.at("walk_order").as_int64()), int64_t{now_active}, now,
             id});
    json::object after = LoadMeterJson(tx, ctx.company_id, id);
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.meter.update", "meter", id, m->project_id, before, after}, now);
    return json::value(after);
  });
}

}  // namespace anju::metering
