// Meter readings from a file (抄表导入): a CSV of meter codes and readings for one project
// and period, validated row by row with the same rules as a reading typed on the phone, and
// written all or nothing.
#include <algorithm>
#include <charconv>

#include "core/csv.h"
#include "core/json_body.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/metering/meter_errors.h"
#include "modules/metering/meter_internal.h"
#include "modules/metering/meters.h"
#include "platform/org/org_service.h"

namespace anju::metering {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr size_t kMaxImportRows = 5000;

// The column of the first header cell naming one of `names`, or -1.
int ColumnOf(const CsvRow& header, std::initializer_list<std::string_view> names) {
  for (size_t i = 0; i < header.size(); ++i) {
    std::string cell = header[i];
    std::erase(cell, ' ');
    std::transform(cell.begin(), cell.end(), cell.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (std::string_view n : names)
      if (cell == n) return static_cast<int>(i);
  }
  return -1;
}

std::optional<int64_t> ParseReading(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || v < 0)
    return std::nullopt;
  return v;
}

}  // namespace

JsonResult MeterService::ImportReadings(const TenantContext& ctx, const json::object& body) {
  ANJU_TRY(identity::Require(ctx, perm::kMeterRead));
  BodyReader r(body);
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto period = r.Str("period", true, 7);
  auto csv = r.Text("csv", true, 1 << 20);
  auto dry_run = r.Bool("dry_run", true);
  if (period && !IsValidCivilMonth(*period)) r.Fail("period", "invalid", "Must be a month YYYY-MM");
  ANJU_TRY(r.Finish());
  if (!ctx.access.HasIn(std::string(perm::kMeterRead), *project_id))
    return Error(errors::kNotFound).WithField("project_id", "not_found");
  auto rows = ParseCsv(*csv, kMaxImportRows + 1);
  if (!rows.ok()) return rows.take_error();
  if (rows->empty()) return Error(errors::kValidation).WithField("csv", "required", "The file is empty");
  int code_col = ColumnOf(rows->front(), {"meter_code", "表号", "code"});
  int reading_col = ColumnOf(rows->front(), {"reading", "读数", "本期读数"});
  int note_col = ColumnOf(rows->front(), {"note", "备注"});
  if (code_col < 0 || reading_col < 0)
    return Error(errors::kValidation)
        .WithField("csv", "invalid", "The first line must name the columns meter_code (表号) and reading (读数)");
  if (rows->size() - 1 > kMaxImportRows)
    return Error(errors::kValidation)
        .WithField("csv", "too_long", "At most " + std::to_string(kMaxImportRows) + " rows");

  // One write transaction for every row; it commits only when every row is good and this
  // is not a dry run (dropping it uncommitted rolls everything back).
  auto tx = db_.Begin(db::TxMode::kWrite);
  if (!org::ProjectCode(*tx, ctx.company_id, *project_id))
    return Error(errors::kNotFound).WithField("project_id", "not_found");
  Millis now = clock_.Now();
  Error rejected(kReadingImportInvalid);
  json::array items;
  int64_t ok = 0, review = 0;
  for (size_t i = 1; i < rows->size(); ++i) {
    const CsvRow& row = (*rows)[i];
    std::string field = "rows[" + std::to_string(i + 1) + "]";  // the file's line number
    auto cell = [&](int col) { return col >= 0 && col < int(row.size()) ? row[col] : std::string(); };
    std::string code = cell(code_col);
    auto reading = ParseReading(cell(reading_col));
    if (!reading) {
      rejected.WithField(field, "invalid", code + ": the reading must be a whole number ≥ 0");
      continue;
    }
    auto meter = tx->QueryOne("SELECT id FROM meters WHERE company_id = ? AND project_id = ? "
                              "AND code = ?",
                              {ctx.company_id, *project_id, code});
    if (!meter) {
      rejected.WithField(field, "METER_NOT_FOUND", code + ": no such meter in the project");
      continue;
    }
    json::object one{{"meter_id", meter->Int(0)}, {"period", *period}, {"reading", *reading}};
    if (std::string note = cell(note_col); !note.empty()) one["note"] = note.substr(0, 200);
    auto recorded = meter_internal::RecordReadingById(*tx, ctx, one, now);
    if (!recorded.ok()) {
      const Error& e = recorded.error();
      rejected.WithField(field, e.code, code + ": " + e.message);
      continue;
    }
    const json::object& o = recorded->as_object();
    (o.at("status").as_string() == "review" ? review : ok) += 1;
    items.push_back(json::object{{"line", int64_t(i + 1)},      {"meter_code", code},
                                 {"meter_id", meter->Int(0)},   {"reading", *reading},
                                 {"consumption", o.at("consumption")},
                                 {"status", o.at("status")},    {"flags", o.at("flags")}});
  }
  if (!rejected.fields.empty()) return rejected;
  if (!*dry_run) tx->Commit();
  return json::value(json::object{{"project_id", *project_id}, {"period", *period},
                                  {"dry_run", *dry_run},       {"rows", int64_t(items.size())},
                                  {"ok", ok},                  {"review", review},
                                  {"items", std::move(items)}});
}

}  // namespace anju::metering
