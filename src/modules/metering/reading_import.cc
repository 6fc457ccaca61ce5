// Meter readings from a file (抄表导入): a CSV of meter codes and readings for one project
// and period, validated row by row with the same rules as a reading typed on the phone, and
// written all or nothing.
#include <algorithm>
#include <charconv>

#include "core/csv.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/metering/meter_errors.h"
#include "modules/metering/meter_internal.h"
#include "modules/metering/meters.h"
#include "modules/metering/metering_json.h"
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

Result<ReadingImport> MeterService::ImportReadings(const TenantContext& ctx,
                                                   const ImportReadingsCommand& cmd) {
  ANJU_TRY(MayRecordReadings(ctx));
  if (!ctx.access.HasIn(std::string(perm::kMeterRead), cmd.project_id))
    return Error(errors::kNotFound).WithField("project_id", "not_found");
  auto rows = ParseCsv(cmd.csv, kMaxImportRows + 1);
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
  if (!org::ProjectCode(*tx, ctx.company_id, cmd.project_id))
    return Error(errors::kNotFound).WithField("project_id", "not_found");
  Millis now = clock_.Now();
  Error rejected(kReadingImportInvalid);
  ReadingImport out{cmd.project_id, cmd.period, cmd.dry_run, 0, 0, {}};
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
                              {ctx.company_id, cmd.project_id, code});
    if (!meter) {
      rejected.WithField(field, "METER_NOT_FOUND", code + ": no such meter in the project");
      continue;
    }
    json::object one{{"meter_id", meter->Int(0)}, {"period", cmd.period}, {"reading", *reading}};
    if (std::string note = cell(note_col); !note.empty()) one["note"] = note.substr(0, 200);
    // The row goes through the route's own reader, so it is checked as a typed reading is.
    auto read = ReadRecordReading(one);
    auto recorded = read.ok() ? meter_internal::RecordReadingById(*tx, ctx, *read, now)
                              : Result<Reading>(read.take_error());
    if (!recorded.ok()) {
      const Error& e = recorded.error();
      rejected.WithField(field, e.code, code + ": " + e.message);
      continue;
    }
    (recorded->status == "review" ? out.review : out.ok) += 1;
    out.items.push_back(ImportedReading{int64_t(i + 1), code, meter->Int(0), *reading,
                                        recorded->consumption, recorded->status,
                                        recorded->flags});
  }
  if (!rejected.fields.empty()) return rejected;
  if (!cmd.dry_run) tx->Commit();
  return out;
}

}  // namespace anju::metering
