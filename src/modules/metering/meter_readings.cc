// Meter readings (抄表): record, correct and review, by the rules of meter_rules.h.
#include <sstream>

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/bill_queries.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/metering/meter_errors.h"
#include "modules/metering/meter_internal.h"
#include "modules/metering/meter_readings.h"
#include "modules/metering/meter_rules.h"
#include "modules/metering/meters.h"
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

json::value IntOrNull(const db::Row& r, size_t i) {
  return r.IsNull(i) ? json::value(nullptr) : json::value(r.Int(i));
}

json::object ReadingJson(const db::Row& r) {
  json::array flags;
  std::istringstream in(r.Str(7));
  for (std::string f; in >> f;) flags.emplace_back(f);
  json::object o{{"id", r.Int(0)},          {"project_id", r.Int(1)},
                 {"meter_id", r.Int(2)},    {"meter_code", r.Str(17)},
                 {"house_id", IntOrNull(r, 18)}, {"building_id", IntOrNull(r, 19)},
                 {"kind", r.Str(20)},       {"fee_item_id", r.Int(21)},
                 {"period", r.Str(3)},      {"reading", r.Int(4)},
                 {"previous_reading", r.Int(5)}, {"consumption", r.Int(6)},
                 {"flags", std::move(flags)}, {"status", r.Str(10)},
                 {"read_by", IntOrNull(r, 11)}, {"read_at", FormatUtc(r.Int(12))},
                 {"note", r.Str(13)},       {"reviewed_by", IntOrNull(r, 14)},
                 {"review_note", r.Str(16)}};
  o["reviewed_at"] = r.IsNull(15) ? json::value(nullptr) : json::value(FormatUtc(r.Int(15)));
  o["replaced"] = r.IsNull(8) ? json::value(nullptr)
                              : json::value(json::object{{"old_final_reading", r.Int(8)},
                                                         {"new_start_reading", r.Int(9)}});
  return o;
}

std::optional<db::Row> LoadReading(db::Tx& tx, int64_t company_id, int64_t id) {
  return tx.QueryOne(std::string(kReadingColumns) + " WHERE r.id = ? AND r.company_id = ?",
                     {id, company_id});
}

// The dial part of a reading body: reading, rollover, replaced {…}, note. `replaced` is an
// object read by its own reader; its field errors are reported as "replaced.<name>".
struct DialBody {
  std::optional<int64_t> reading;
  bool rollover = false;
  std::optional<Replacement> replaced;
  std::optional<std::string> note;
};

DialBody ReadDial(BodyReader& r) {
  DialBody d;
  d.reading = r.Int("reading", true, 0, INT64_MAX);
  d.rollover = r.Bool("rollover", false).value_or(false);
  d.note = r.Str("note", false, 200);
  const json::object* replaced = r.Object("replaced", false);
  if (!replaced) return d;
  BodyReader sub(*replaced);
  auto old_final = sub.Int("old_final_reading", true, 0, INT64_MAX);
  auto new_start = sub.Int("new_start_reading", true, 0, INT64_MAX);
  Status s = sub.Finish();
  if (!s.ok()) {
    for (const FieldError& f : s.error().fields) r.Fail("replaced." + f.field, f.code, f.message);
    return d;
  }
  d.replaced = Replacement{*old_final, *new_start};
  return d;
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

Result<Evaluated> Evaluate(const MeterFacts& m, const History& h, const DialBody& d) {
  auto measured = MeasureConsumption(
      {*d.reading, h.previous, m.digits, m.multiplier, d.rollover, d.replaced});
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

JsonResult MeterService::ListReadings(const TenantContext& ctx, const ReadingFilter& f,
                                      const Page& page) {
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
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    int64_t total = tx.QueryOne("SELECT COUNT(*) FROM meter_readings r JOIN meters m ON "
                                "m.id = r.meter_id" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    json::array items;
    for (auto& r : tx.Query(std::string(kReadingColumns) + where +
                                " ORDER BY m.building_id, m.walk_order, m.code, r.period "
                                "LIMIT ? OFFSET ?",
                            q))
      items.push_back(ReadingJson(r));
    return json::value(json::object{{"items", std::move(items)}, {"total", total},
                                    {"page", page.page}, {"size", page.size}});
  });
}

JsonResult MeterService::RecordReading(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kMeterRead));
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return meter_internal::RecordReadingById(tx, ctx, body, clock_.Now());
  });
}

namespace {

// One reading inside `tx`, the meter named by meter_id (the route) or, `by_code`, by
// {project_id, meter_code} with an optional read_at day (meter_readings.h).
JsonResult Record(db::Tx& tx, const TenantContext& ctx, const json::object& body, Millis now,
                  bool by_code) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "previous_reading", "consumption", "flags", "status",
              "read_by", "reviewed_by", "reviewed_at", "review_note"});
  std::optional<int64_t> meter_id, project_id;
  std::optional<std::string> code, read_day;
  if (by_code) {
    project_id = r.Int("project_id", true, 1, INT64_MAX);
    code = r.Str("meter_code", true, 32);
    read_day = r.Date("read_at", false);
    if (read_day && *read_day > CivilDate(now)) r.Fail("read_at", "in_future", "Not after today");
  } else {
    r.ReadOnly({"project_id", "read_at"});
    meter_id = r.Int("meter_id", true, 1, INT64_MAX);
  }
  auto period = r.Str("period", true, 7);
  if (period && !IsValidPeriod(*period)) r.Fail("period", "invalid", "Must be a month YYYY-MM");
  DialBody dial = ReadDial(r);
  ANJU_TRY(r.Finish());
  if (by_code) {
    if (!ctx.access.HasIn(std::string(perm::kMeterRead), *project_id) ||
        !org::ProjectCode(tx, ctx.company_id, *project_id))
      return Error(errors::kNotFound).WithField("project_id", "not_found");
    auto row = tx.QueryOne("SELECT id FROM meters WHERE company_id = ? AND project_id = ? AND "
                           "code = ?",
                           {ctx.company_id, *project_id, *code});
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
                  {m->id, *period}))
    return Error(kReadingExists).WithField("period", "taken");
  History h = HistoryOf(tx, *m, *period);
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
      {ctx.company_id, m->project_id, m->id, *period, *dial.reading, h.previous,
       e->measured.consumption, e->measured.flags, Opt(dial.replaced, true),
       Opt(dial.replaced, false), e->status, ctx.user_id, read_at, dial.note.value_or(""),
       now, now});
  json::object after = ReadingJson(*LoadReading(tx, ctx.company_id, id));
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.meter_reading.create", "meter_reading", id, m->project_id, nullptr,
                 after},
                now);
  return json::value(after);
}

}  // namespace

JsonResult meter_internal::RecordReadingById(db::Tx& tx, const TenantContext& ctx,
                                             const json::object& body, Millis now) {
  return Record(tx, ctx, body, now, false);
}

Result<json::value> RecordReadingIn(db::Tx& tx, const TenantContext& ctx,
                                    const json::object& body, Millis now) {
  ANJU_TRY(identity::Require(ctx, perm::kMeterRead));
  return Record(tx, ctx, body, now, true);
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

std::optional<json::object> FindReading(db::Tx& tx, int64_t company_id, int64_t project_id,
                                        std::string_view meter_code, std::string_view period) {
  auto row = tx.QueryOne(std::string(kReadingColumns) +
                             " WHERE r.company_id = ? AND m.project_id = ? AND m.code = ? AND "
                             "r.period = ?",
                         {company_id, project_id, std::string(meter_code), std::string(period)});
  if (!row) return std::nullopt;
  return ReadingJson(*row);
}

JsonResult MeterService::CorrectReading(const TenantContext& ctx, int64_t id,
                                        const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kMeterRead));
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "project_id", "meter_id", "period", "previous_reading",
              "consumption", "flags", "status", "read_by", "read_at", "reviewed_by",
              "reviewed_at", "review_note"});
  DialBody dial = ReadDial(r);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
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
    json::object before = ReadingJson(*row);
    Millis now = clock_.Now();
    tx.Exec("UPDATE meter_readings SET reading = ?, previous_reading = ?, consumption = ?, "
            "flags = ?, replaced_old_final = ?, replaced_new_start = ?, status = ?, "
            "read_by = ?, read_at = ?, note = ?, reviewed_by = NULL, reviewed_at = NULL, "
            "review_note = '', updated_at = ? WHERE id = ?",
            {*dial.reading, h.previous, e->measured.consumption, e->measured.flags,
             Opt(dial.replaced, true), Opt(dial.replaced, false), e->status, ctx.user_id, now,
             dial.note.value_or(row->Str(13)), now, id});
    json::object after = ReadingJson(*LoadReading(tx, ctx.company_id, id));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.meter_reading.correct", "meter_reading", id, m->project_id, before,
                   after},
                  now);
    return json::value(after);
  });
}

JsonResult MeterService::ApproveReading(const TenantContext& ctx, int64_t id,
                                        const json::object& body) {
  if (!ctx.access.Has(std::string(perm::kFeeWrite)))
    ANJU_TRY(identity::Require(ctx, perm::kBillRun));
  BodyReader r(body);
  auto approve = r.Bool("approve", true);
  auto note = r.Str("note", false, 200);
  ANJU_TRY(r.Finish());
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    auto row = LoadReading(tx, ctx.company_id, id);
    if (!row || !(ctx.access.HasIn(std::string(perm::kFeeWrite), row->Int(1)) ||
                  ctx.access.HasIn(std::string(perm::kBillRun), row->Int(1))))
      return Error(kReadingNotFound);
    if (row->Str(10) != "review") return Error(kReadingNotInReview);
    auto m = LoadMeter(tx, ctx.company_id, row->Int(2));
    // A rejected reading stops being "previous"; that must not pull the floor from under a
    // later reading measured from it.
    if (!*approve && HistoryOf(tx, *m, row->Str(3)).later) return Error(kReadingOutOfOrder);
    json::object before = ReadingJson(*row);
    Millis now = clock_.Now();
    tx.Exec("UPDATE meter_readings SET status = ?, reviewed_by = ?, reviewed_at = ?, "
            "review_note = ?, updated_at = ? WHERE id = ?",
            {std::string(*approve ? "approved" : "rejected"), ctx.user_id, now,
             note.value_or(""), now, id});
    json::object after = ReadingJson(*LoadReading(tx, ctx.company_id, id));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {*approve ? "billing.meter_reading.approve" : "billing.meter_reading.reject",
                   "meter_reading", id, m->project_id, before, after},
                  now);
    return json::value(after);
  });
}

}  // namespace anju::metering
