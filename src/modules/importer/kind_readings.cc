// 抄表读数导入: a reading per meter code and period, by the rules of a reading typed on the
// phone (below previous, rollover, review of unusual consumption). The same reading again is
// skipped; another value for a period already read is refused (correct it in 抄表审核).
#include <fmt/format.h>

#include "modules/importer/kind.h"
#include "modules/importer/values.h"
#include "modules/metering/meter_readings.h"
#include "modules/metering/metering_json.h"

namespace anju::importer {

namespace json = boost::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kFieldToColumn = {
    {"meter_code", "meter_code"}, {"period", "period"}, {"reading", "reading"}, {"read_at", "read_at"}};

// The row as the API's body, read by the route's own reader: the permission, the body, then
// the reading's rules, in the order the route checks them.
Result<metering::Reading> Record(RowContext& rc, const json::object& body) {
  ANJU_TRY(metering::MayRecordReadings(rc.ctx));
  auto cmd = metering::ReadReadingByCode(body, CivilDate(rc.now));
  if (!cmd.ok()) return cmd.take_error();
  return metering::RecordReadingIn(rc.tx, rc.ctx, *cmd, rc.now);
}

class Readings : public Kind {
 public:
  std::string_view name() const override { return "readings"; }
  std::string_view title() const override { return "抄表读数"; }
  const std::vector<Column>& columns() const override {
    static const std::vector<Column> kColumns = {
        {"meter_code", "表号*", true, "W-2-1-0301", {}, "本项目的表号，如 W-2-1-0301",
         "A meter code of the project, e.g. W-2-1-0301"},
        {"period", "账期*", true, "2026-11", {}, "YYYY-MM，晚于该表已有的读数",
         "YYYY-MM, after the meter's readings so far"},
        {"reading", "读数*", true, "1234.56", {}, "表盘读数，最多两位小数",
         "The dial reading, at most 2 decimals"},
        {"read_at", "抄表日期", false, "2026-11-20", {}, "日期 YYYY-MM-DD，不晚于今天；空则为导入当天",
         "A date, YYYY-MM-DD, not after today; empty: the day of the import"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override { return c.Get("meter_code") + "@" + c.Get("period"); }

  // The project's first house meter that has readings, its next period and a reading of as
  // much use as its last one (so it is not held as unusual): a row that a dry run in that
  // project accepts. Without such a meter, the columns' examples.
  std::vector<std::string> Example(db::Tx& tx, int64_t company_id,
                                   int64_t project_id) const override {
    auto last = metering::NewestHouseReading(tx, company_id, project_id);
    if (!last) return Kind::Example(tx, company_id, project_id);
    int year = std::stoi(last->period.substr(0, 4)), month = std::stoi(last->period.substr(5, 2));
    std::string next = month == 12 ? fmt::format("{:04d}-01", year + 1)
                                   : fmt::format("{:04d}-{:02d}", year, month + 1);
    int64_t reading = last->reading + (last->consumption > 0 ? last->consumption : 1500);
    return {last->meter_code, next, fmt::format("{}.{:02d}", reading / 100, reading % 100), ""};
  }

  Result<Applied> Apply(RowContext& rc, const Cells& c, std::vector<RowError>& errors) const override {
    auto reading = ParseDecimal(c.Get("reading"), 2);  // 1/100 unit
    if (!c.Get("reading").empty() && !reading) errors.push_back({"reading", "invalid", "读数应为数字，最多两位小数"});
    if (!c.Get("period").empty() && !IsValidCivilMonth(c.Get("period")))
      errors.push_back({"period", "invalid", "账期应为 YYYY-MM"});
    std::optional<std::string> read_at;
    if (!c.Get("read_at").empty() && !(read_at = ParseDate(c.Get("read_at"))))
      errors.push_back({"read_at", "invalid", "日期应为 YYYY-MM-DD"});
    if (!errors.empty()) return Error(errors::kValidation);
    Applied out;
    if (auto old = metering::FindReading(rc.tx, rc.ctx.company_id, rc.project_id, c.Get("meter_code"), c.Get("period"))) {
      if (old->reading == *reading) {
        out.action = "skipped";
        return out;
      }
      errors.push_back({"reading", "READING_EXISTS", "该表本账期已有不同的读数：请在抄表审核中更正"});
      return Error(errors::kValidation);
    }
    json::object body{{"project_id", rc.project_id}, {"meter_code", c.Get("meter_code")},
                      {"period", c.Get("period")}, {"reading", *reading}};
    if (read_at) body["read_at"] = *read_at;
    auto r = Record(rc, body);
    if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
    out.action = "created";
    out.changes.push_back({"meter_reading", r->id, "created", nullptr});
    return out;
  }

  Status Undo(RowContext& rc, const Change& ch) const override {
    return metering::DeleteReadingIn(rc.tx, rc.ctx, ch.id, rc.now);
  }
};

}  // namespace

const Kind& ReadingsKind() {
  static const Readings k;
  return k;
}

}  // namespace anju::importer
