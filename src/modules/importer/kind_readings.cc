// 抄表读数导入: a reading per meter code and period, by the rules of a reading typed on the
// phone (below previous, rollover, review of unusual consumption). The same reading again is
// skipped; another value for a period already read is refused (correct it in 抄表审核).
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
        {"meter_code", "表号*", true, "W-2-1-0301"}, {"period", "账期*", true, "2026-11"},
        {"reading", "读数*", true, "1234.56"},       {"read_at", "抄表日期", false, "2026-11-20"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override { return c.Get("meter_code") + "@" + c.Get("period"); }

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
