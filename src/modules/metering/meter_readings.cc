// Meter readings (抄表): record, correct and review, by the rules of meter_rules.h.
#include <sstream>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_queries.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/metering/meter_errors.h"
#include "modules/metering/meter_internal.h"
#include "modules/metering/meter_readings.h"
#include "modules/metering/meter_rules.h"
#include "modules/metering/meters.h"
#include "modules/metering/metering_json.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"

namespace anju::metering {

namespace json = boost::json;
namespace perm = identity::perm;
using namespace meter_internal;

namespace {

const std::vector<std::string_view> kStatuses = {"ok", "review", "approved", "rejected"};

constexpr std::string_view kReadingColumns =
    "SELECT r.id, r.project_id, r.meter_id, r.period, r.reading, r.previous_reading, "
    "r.consumption, r.flags, r.replaced_old_final, r.replaced_new_start, r.status, r.read_by, "
    "r.read_at, r.note, r.reviewed_by, r.reviewed_at, r.review_note, m.code, m.house_id, "
    "m.building_id, m.kind, m.fee_item_id FROM meter_readings r "
    "JOIN meters m ON m.id = r.meter_id";

Reading ReadingOf(const db::Row& r) {
  Reading o;
  o.id = r.Int(0);
  o.project_id = r.Int(1);
  o.meter_id = r.Int(2);
  o.period = r.Str(3);
  o.reading = r.Int(4);
  o.previous_reading = r.Int(5);
  o.consumption = r.Int(6);
  std::istringstream in(r.Str(7));
  for (std::string f; in >> f;) o.flags.push_back(f);
  if (!r.IsNull(8)) o.replaced = Replacement{r.Int(8), r.Int(9)};
  o.status = r.Str(10);
  o.read_by = r.OptInt(11);
  o.read_at = r.Int(12);
  o.note = r.Str(13);
  o.reviewed_by = r.OptInt(14);
  o.reviewed_at = r.OptInt(15);
  o.review_note = r.Str(16);
  o.meter_code = r.Str(17);
  o.house_id = r.OptInt(18);
  o.building_id = r.OptInt(19);
  o.kind = r.Str(20);
  o.fee_item_id = r.Int(21);
  return o;
}

std::optional<db::Row> LoadReading(db::Tx& tx, int64_t company_id, int64_t id) {
  return tx.QueryOne(std::string(kReadingColumns) + " WHERE r.id = ? AND r.company_id = ?",
                     {id, company_id});
}

// What a reading for `period` is measured from and compared with.
struct History {
  int64_t previous = 0;
  std::vector<int64_t> trailing;  // latest first
  bool later = false;             // a non-rejected reading of a later period exists
};

History HistoryOf(db::Tx& tx, const MeterFacts& m, const std::string& period) {
  History h;
  h.later = tx.QueryOne("SELECT 1 FROM meter_readings WHERE meter_id = ? AND period > ? AND "
                        "status <> 'rejected'",
                        {m.id, period}).has_value();
  auto prev = tx.QueryOne("SELECT reading FROM meter_readings WHERE meter_id = ? AND "
                          "period < ? AND status <> 'rejected' ORDER BY period DESC LIMIT 1",
                          {m.id, period});
  h.previous = prev ? prev->Int(0) : m.initial_reading;
  for (auto& r : tx.Query("SELECT consumption FROM meter_readings WHERE meter_id = ? AND "
                          "period < ? AND status IN ('ok', 'approved') "
                          "ORDER BY period DESC LIMIT ?",
                          {m.id, period, kTrailingReadings}))
    h.trailing.push_back(r.Int(0));
  return h;
}

struct Evaluated {
  Measured measured;
  std::string status;  // ok | review
};

Result<Evaluated> Evaluate(const MeterFacts& m, const History& h, const Dial& d) {
  auto measured = MeasureConsumption(
      {d.reading, h.previous, m.digits, m.multiplier, d.rollover, d.replaced});
  if (!measured.ok()) return measured.take_error();
  Evaluated e{*measured, "ok"};
  if (IsHighConsumption(e.measured.consumption, h.trailing)) {
    e.status = "review";
    e.measured.flags = WithFlag(e.measured.flags, "high");
  }
  return e;
}

// Whether a bill of the period was made from the meter (a house meter's house, or any
// house of a shared meter's building, for the meter's fee item).
bool IsBilled(db::Tx& tx, int64_t company_id, const MeterFacts& m, const std::string& period) {
  if (m.house_id) return billing::PeriodBilled(tx, m.fee_item_id, period, *m.house_id);
  for (const auto& h : property::BuildingHouseFacts(tx, company_id, m.building_id))
    if (billing::PeriodBilled(tx, m.fee_item_id, period, h.id)) return true;
  return false;
}

db::Value Opt(const std::optional<Replacement>& r, bool old_final) {
  if (!r) return db::kNull;
  return old_final ? r->old_final_reading : r->new_start_reading;
}

}  // namespace

Status MayRecordReadings(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kMeterRead);
}

Result<Listed<Reading>> MeterService::ListReadings(const TenantContext& ctx,
                                                   const ReadingFilter& f, const Page& page) {
  ANJU_TRY(RequireMeterRead(ctx));
  if (!f.period.empty() && !IsValidPeriod(f.period))
    return Error(errors::kBadQuery).WithField("period", "invalid", "Must be a month YYYY-MM");
  if (!f.status.empty() &&
      std::find(kStatuses.begin(), kStatuses.end(), f.status) == kStatuses.end())
    return Error(errors::kBadQuery)
        .WithField("status", "invalid", "ok, review, approved or rejected");
  std::string where = " WHERE r.company_id = ?";
  db::Params p{ctx.company_id};
  AppendMeterReadScope(ctx, "r.project_id", where, p);
  if (f.project_id) where += " AND r.project_id = ?", p.emplace_back(*f.project_id);
  if (f.building_id) where += " AND m.building_id = ?", p.emplace_back(*f.building_id);
  if (f.meter_id) where += " AND r.meter_id = ?", p.emplace_back(*f.meter_id);
  if (!f.period.empty()) where += " AND r.period = ?", p.emplace_back(f.period);
  if (!f.status.empty()) where += " AND r.status = ?", p.emplace_back(f.status);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Listed<Reading>> {
    Listed<Reading> out;
    out.page = page;
    out.total = tx.QueryOne("SELECT COUNT(*) FROM meter_readings r JOIN meters m ON "
                                "m.id = r.meter_id" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    for (auto& r : tx.Query(std::string(kReadingColumns) + where +
                                " ORDER BY m.building_id, m.walk_order, m.code, r.period "
                                "LIMIT ? OFFSET ?",
                            q))
      out.items.push_back(ReadingOf(r));
    return out;
  });
}

Result<Reading> MeterService::RecordReading(const TenantContext& ctx,
                                            const RecordReadingCommand& cmd) {
  ANJU_TRY(MayRecordReadings(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return meter_internal::RecordReadingById(tx, ctx, cmd, clock_.Now());
  });
}

namespace {

// One reading inside `tx`, the meter named by meter_id (the route) or, `by_code`, by
// {project_id, meter_code} with an optional read_at day (meter_readings.h).
Result<Reading> Record(db::Tx& tx, const TenantContext& ctx, std::optional<int64_t> meter_id,
                       const RecordReadingByCodeCommand* by_code, const std::string& period,
                       const Dial& dial, Millis now) {
  std::optional<std::string> read_day;
  if (by_code) {
    int64_t project_id = by_code->project_id;
    read_day = by_code->read_day;
    if (!ctx.access.HasIn(std::string(perm::kMeterRead), project_id) ||
        !org::ProjectCode(tx, ctx.company_id, project_id))
      return Error(errors::kNotFound).WithField("project_id", "not_found");
    auto row = tx.QueryOne("SELECT id FROM meters WHERE company_id = ? AND project_id = ? AND "
                           "code = ?",
                           {ctx.company_id, project_id, by_code->meter_code});
    if (!row) return Error(kMeterNotFound).WithField("meter_code", "not_found");
    meter_id = row->Int(0);
  }
  auto m = LoadMeter(tx, ctx.company_id, *meter_id);
  if (!m || !ctx.access.HasIn(std::string(perm::kMeterRead), m->project_id))
    return Error(kMeterNotFound).WithField("meter_id", "not_found");
  if (!m->active)
    return Error(errors::kValidation)
        .WithField(by_code ? "meter_code" : "meter_id", "inactive", "The meter is retired");
  if (tx.QueryOne("SELECT 1 FROM meter_readings WHERE meter_id = ? AND period = ?",
                  {m->id, period}))
    return Error(kReadingExists).WithField("period", "taken");
  History h = HistoryOf(tx, *m, period);
  if (h.later) return Error(kReadingOutOfOrder).WithField("period", "out_of_order");
  auto e = Evaluate(*m, h, dial);
  if (!e.ok()) return e.take_error();
  // An imported reading keeps the day it was read (start of that day, China time).
  Millis read_at = read_day ? DaysFromCivil(*read_day) * kDay - 8 * kHour : now;
  int64_t id = tx.InsertId(
      "INSERT INTO meter_readings (company_id, project_id, meter_id, period, reading, "
      "previous_reading, consumption, flags, replaced_old_final, replaced_new_start, status, "
      "read_by, read_at, note, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {ctx.company_id, m->project_id, m->id, period, dial.reading, h.previous,
       e->measured.consumption, e->measured.flags, Opt(dial.replaced, true),
       Opt(dial.replaced, false), e->status, ctx.user_id, read_at, dial.note.value_or(""),
       now, now});
  Reading after = ReadingOf(*LoadReading(tx, ctx.company_id, id));
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.meter_reading.create", "meter_reading", id, m->project_id, nullptr,
                 ReadingJson(after)},
                now);
  return after;
}

}  // namespace

Result<Reading> meter_internal::RecordReadingById(db::Tx& tx, const TenantContext& ctx,
                                                  const RecordReadingCommand& cmd, Millis now) {
  return Record(tx, ctx, cmd.meter_id, nullptr, cmd.period, cmd.dial, now);
}

Result<Reading> RecordReadingIn(db::Tx& tx, const TenantContext& ctx,
                                const RecordReadingByCodeCommand& cmd, Millis now) {
  ANJU_TRY(MayRecordReadings(ctx));
  return Record(tx, ctx, std::nullopt, &cmd, cmd.period, cmd.dial, now);
}

Status DeleteReadingIn(db::Tx& tx, const TenantContext& ctx, int64_t reading_id, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kMeterRead));
  auto r = tx.QueryOne("SELECT r.meter_id, r.period, r.project_id, m.fee_item_id, m.house_id, "
                       "m.building_id, r.reading FROM meter_readings r JOIN meters m ON m.id = "
                       "r.meter_id WHERE r.id = ? AND r.company_id = ?",
                       {reading_id, ctx.company_id});
  if (!r || !ctx.access.HasIn(std::string(perm::kMeterRead), r->Int(2))) return Error(kReadingNotFound);
  bool later = tx.QueryOne("SELECT 1 FROM meter_readings WHERE meter_id = ? AND period > ?",
                           {r->Int(0), r->Str(1)}).has_value();
  bool billed = billing::PeriodBilled(tx, r->Int(3), r->Str(1), r->OptInt(4), r->OptInt(5));
  if (later || billed) return Error(kReadingInUse);
  tx.Exec("DELETE FROM meter_readings WHERE id = ?", {reading_id});
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.meter_reading.delete", "meter_reading", reading_id, r->Int(2),
                 json::object{{"period", r->Str(1)}, {"reading", r->Int(6)}}, nullptr},
                now);
  return {};
}

std::optional<Reading> FindReading(db::Tx& tx, int64_t company_id, int64_t project_id,
                                        std::string_view meter_code, std::string_view period) {
  auto row = tx.QueryOne(std::string(kReadingColumns) +
                             " WHERE r.company_id = ? AND m.project_id = ? AND m.code = ? AND "
                             "r.period = ?",
                         {company_id, project_id, std::string(meter_code), std::string(period)});
  if (!row) return std::nullopt;
  return ReadingOf(*row);
}

std::optional<Reading> NewestHouseReading(db::Tx& tx, int64_t company_id, int64_t project_id) {
  auto row = tx.QueryOne(std::string(kReadingColumns) +
                             " WHERE r.company_id = ? AND m.project_id = ? AND m.active = 1 AND "
                             "m.house_id IS NOT NULL AND r.status <> 'rejected' AND NOT EXISTS "
                             "(SELECT 1 FROM meter_readings x WHERE x.meter_id = r.meter_id AND "
                             "x.period > r.period AND x.status <> 'rejected') "
                             "ORDER BY m.walk_order, m.id LIMIT 1",
                         {company_id, project_id});
  if (!row) return std::nullopt;
  return ReadingOf(*row);
}

Result<Reading> MeterService::CorrectReading(const TenantContext& ctx, int64_t id,
                                             const Dial& dial) {
  ANJU_TRY(MayRecordReadings(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Reading> {
    auto row = LoadReading(tx, ctx.company_id, id);
    if (!row || !ctx.access.HasIn(std::string(perm::kMeterRead), row->Int(1)))
      return Error(kReadingNotFound);
    auto m = LoadMeter(tx, ctx.company_id, row->Int(2));
    std::string period = row->Str(3);
    if (IsBilled(tx, ctx.company_id, *m, period)) return Error(kReadingBilled);
    History h = HistoryOf(tx, *m, period);
    if (h.later) return Error(kReadingOutOfOrder);
    auto e = Evaluate(*m, h, dial);
    if (!e.ok()) return e.take_error();
    json::object before = ReadingJson(ReadingOf(*row));
    Millis now = clock_.Now();
    tx.Exec("UPDATE meter_readings SET reading = ?, previous_reading = ?, consumption = ?, "
            "flags = ?, replaced_old_final = ?, replaced_new_start = ?, status = ?, "
            "read_by = ?, read_at = ?, note = ?, reviewed_by = NULL, reviewed_at = NULL, "
            "review_note = '', updated_at = ? WHERE id = ?",
            {dial.reading, h.previous, e->measured.consumption, e->measured.flags,
             Opt(dial.replaced, true), Opt(dial.replaced, false), e->status, ctx.user_id, now,
             dial.note.value_or(row->Str(13)), now, id});
    Reading after = ReadingOf(*LoadReading(tx, ctx.company_id, id));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.meter_reading.correct", "meter_reading", id, m->project_id, before,
                   ReadingJson(after)},
                  now);
    return after;
  });
}

Result<Reading> MeterService::ApproveReading(const TenantContext& ctx, int64_t id,
                                             const ReviewReadingCommand& cmd) {
  ANJU_TRY(MayReviewReadings(ctx));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Reading> {
    auto row = LoadReading(tx, ctx.company_id, id);
    if (!row || !(ctx.access.HasIn(std::string(perm::kFeeWrite), row->Int(1)) ||
                  ctx.access.HasIn(std::string(perm::kBillRun), row->Int(1))))
      return Error(kReadingNotFound);
    if (row->Str(10) != "review") return Error(kReadingNotInReview);
    auto m = LoadMeter(tx, ctx.company_id, row->Int(2));
    // A rejected reading stops being "previous"; that must not pull the floor from under a
    // later reading measured from it.
    if (!cmd.approve && HistoryOf(tx, *m, row->Str(3)).later) return Error(kReadingOutOfOrder);
    json::object before = ReadingJson(ReadingOf(*row));
    Millis now = clock_.Now();
    tx.Exec("UPDATE meter_readings SET status = ?, reviewed_by = ?, reviewed_at = ?, "
            "review_note = ?, updated_at = ? WHERE id = ?",
            {std::string(cmd.approve ? "approved" : "rejected"), ctx.user_id, now,
             cmd.note.value_or(""), now, id});
    Reading after = ReadingOf(*LoadReading(tx, ctx.company_id, id));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {cmd.approve ? "billing.meter_reading.approve" : "billing.meter_reading.reject",
                   "meter_reading", id, m->project_id, before, ReadingJson(after)},
                  now);
    return after;
  });
}

}  // namespace anju::metering
