// Metering's bodies and replies (metering_json.h).
#include "modules/metering/metering_json.h"

#include "core/clock.h"
#include "core/json_body.h"
#include "modules/metering/meter_rules.h"

namespace anju::metering {

namespace json = boost::json;

namespace {

const std::vector<std::string_view> kMeterKinds = {"water", "electricity", "gas"};

// The dial part of a reading body: reading, rollover, replaced {…}, note. `replaced` is an
// object read by its own reader; its field errors are reported as "replaced.<name>".
struct DialBody {
  std::optional<int64_t> reading;
  bool rollover = false;
  std::optional<Replacement> replaced;
  std::optional<std::string> note;
  Dial dial() const { return Dial{reading.value_or(0), rollover, replaced, note}; }
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

void ReadingReadOnly(BodyReader& r) {
  r.ReadOnly({"id", "company_id", "previous_reading", "consumption", "flags", "status",
              "read_by", "reviewed_by", "reviewed_at", "review_note"});
}

std::optional<std::string> ReadPeriod(BodyReader& r) {
  auto period = r.Str("period", true, 7);
  if (period && !IsValidPeriod(*period)) r.Fail("period", "invalid", "Must be a month YYYY-MM");
  return period;
}

template <class T>
json::value OrNull(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

}  // namespace

Result<CreateMeterCommand> ReadCreateMeter(const json::object& body) {
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
  return CreateMeterCommand{*project_id, house_id,    building_id, *code,      *kind,
                            *fee_item_id, multiplier, digits,      initial,    walk_order};
}

Result<UpdateMeterCommand> ReadUpdateMeter(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "project_id", "house_id", "building_id", "kind", "shared",
              "house_code", "initial_reading", "last_period", "last_reading", "created_at",
              "updated_at"});
  UpdateMeterCommand c;
  c.code = r.Str("code", false, 32, 1);
  c.fee_item_id = r.Int("fee_item_id", false, 1, INT64_MAX);
  c.multiplier = r.Int("multiplier", false, 1, kMaxMultiplier);
  c.digits = r.Int("digits", false, 1, kMaxDigits);
  c.walk_order = r.Int("walk_order", false, 0, 1'000'000);
  c.active = r.Bool("active", false);
  ANJU_TRY(r.Finish());
  return c;
}

Result<RecordReadingCommand> ReadRecordReading(const json::object& body) {
  BodyReader r(body);
  ReadingReadOnly(r);
  r.ReadOnly({"project_id", "read_at"});
  auto meter_id = r.Int("meter_id", true, 1, INT64_MAX);
  auto period = ReadPeriod(r);
  DialBody dial = ReadDial(r);
  ANJU_TRY(r.Finish());
  return RecordReadingCommand{*meter_id, *period, dial.dial()};
}

Result<RecordReadingByCodeCommand> ReadReadingByCode(const json::object& body,
                                                     const std::string& today) {
  BodyReader r(body);
  ReadingReadOnly(r);
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto code = r.Str("meter_code", true, 32);
  auto read_day = r.Date("read_at", false);
  if (read_day && *read_day > today) r.Fail("read_at", "in_future", "Not after today");
  auto period = ReadPeriod(r);
  DialBody dial = ReadDial(r);
  ANJU_TRY(r.Finish());
  return RecordReadingByCodeCommand{*project_id, *code, *period, dial.dial(), read_day};
}

Result<Dial> ReadCorrectReading(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "company_id", "project_id", "meter_id", "period", "previous_reading",
              "consumption", "flags", "status", "read_by", "read_at", "reviewed_by",
              "reviewed_at", "review_note"});
  DialBody dial = ReadDial(r);
  ANJU_TRY(r.Finish());
  return dial.dial();
}

Result<ReviewReadingCommand> ReadReviewReading(const json::object& body) {
  BodyReader r(body);
  auto approve = r.Bool("approve", true);
  auto note = r.Str("note", false, 200);
  ANJU_TRY(r.Finish());
  return ReviewReadingCommand{*approve, note};
}

Result<ImportReadingsCommand> ReadImportReadings(const json::object& body) {
  BodyReader r(body);
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto period = r.Str("period", true, 7);
  auto csv = r.Text("csv", true, 1 << 20);
  auto dry_run = r.Bool("dry_run", true);
  if (period && !IsValidCivilMonth(*period)) r.Fail("period", "invalid", "Must be a month YYYY-MM");
  ANJU_TRY(r.Finish());
  return ImportReadingsCommand{*project_id, *period, *csv, *dry_run};
}

json::object MeterJson(const Meter& m) {
  return json::object{{"id", m.id},
                      {"project_id", m.project_id},
                      {"house_id", OrNull(m.house_id)},
                      {"building_id", OrNull(m.building_id)},
                      {"code", m.code},
                      {"kind", m.kind},
                      {"shared", m.shared},
                      {"fee_item_id", m.fee_item_id},
                      {"multiplier", m.multiplier},
                      {"digits", m.digits},
                      {"initial_reading", m.initial_reading},
                      {"walk_order", m.walk_order},
                      {"active", m.active},
                      {"created_at", FormatUtc(m.created_at)},
                      {"updated_at", FormatUtc(m.updated_at)},
                      {"last_period", OrNull(m.last_period)},
                      {"last_reading", OrNull(m.last_reading)},
                      {"house_code", OrNull(m.house_code)}};
}

json::object ReadingJson(const Reading& r) {
  json::object o{{"id", r.id},
                 {"project_id", r.project_id},
                 {"meter_id", r.meter_id},
                 {"meter_code", r.meter_code},
                 {"house_id", OrNull(r.house_id)},
                 {"building_id", OrNull(r.building_id)},
                 {"kind", r.kind},
                 {"fee_item_id", r.fee_item_id},
                 {"period", r.period},
                 {"reading", r.reading},
                 {"previous_reading", r.previous_reading},
                 {"consumption", r.consumption},
                 {"flags", Strings(r.flags)},
                 {"status", r.status},
                 {"read_by", OrNull(r.read_by)},
                 {"read_at", FormatUtc(r.read_at)},
                 {"note", r.note},
                 {"reviewed_by", OrNull(r.reviewed_by)},
                 {"review_note", r.review_note}};
  o["reviewed_at"] = r.reviewed_at ? json::value(FormatUtc(*r.reviewed_at)) : json::value(nullptr);
  o["replaced"] = r.replaced ? json::value(json::object{
                                   {"old_final_reading", r.replaced->old_final_reading},
                                   {"new_start_reading", r.replaced->new_start_reading}})
                             : json::value(nullptr);
  return o;
}

namespace {

template <class T, class Shape>
json::object ListJson(const Listed<T>& l, Shape shape) {
  json::array items;
  for (const T& t : l.items) items.push_back(shape(t));
  return json::object{{"items", std::move(items)}, {"total", l.total},
                      {"page", l.page.page}, {"size", l.page.size}};
}

}  // namespace

json::object MetersJson(const Listed<Meter>& l) { return ListJson(l, MeterJson); }
json::object ReadingsJson(const Listed<Reading>& l) { return ListJson(l, ReadingJson); }

json::object ReadingImportJson(const ReadingImport& r) {
  json::array items;
  for (const ImportedReading& i : r.items)
    items.push_back(json::object{{"line", i.line},         {"meter_code", i.meter_code},
                                 {"meter_id", i.meter_id}, {"reading", i.reading},
                                 {"consumption", i.consumption},
                                 {"status", i.status},     {"flags", Strings(i.flags)}});
  return json::object{{"project_id", r.project_id}, {"period", r.period},
                      {"dry_run", r.dry_run},       {"rows", int64_t(r.items.size())},
                      {"ok", r.ok},                 {"review", r.review},
                      {"items", std::move(items)}};
}

}  // namespace anju::metering
