#include "modules/reports/report_exports.h"

#include <map>

#include "core/xlsx.h"
#include "modules/reports/report_json.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"

namespace anju::reports {

namespace json = boost::json;
using xlsx::Format;

namespace {

// Names of the company's projects by id, for the first column (org's).
std::map<int64_t, std::string> ProjectNames(db::Database& db, int64_t company_id) {
  return db.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    std::map<int64_t, std::string> out;
    for (int64_t id : org::ProjectIds(tx, company_id))
      out[id] = org::ProjectName(tx, company_id, id).value_or("");
    return out;
  });
}

json::value NameOf(const std::map<int64_t, std::string>& names, const json::value& id) {
  if (!id.is_int64()) return nullptr;
  auto it = names.find(id.as_int64());
  return it == names.end() ? json::value(nullptr) : json::value(it->second);
}

Result<Download> Book(xlsx::Sheet sheet, std::string ascii_name, std::string utf8_name) {
  auto bytes = xlsx::Write({std::move(sheet)});
  if (!bytes.ok()) return bytes.take_error();
  return Download{std::move(ascii_name), std::move(utf8_name), std::move(*bytes)};
}

// Daily columns after the project: billed, late fees, received by channel, received, to
// prepayment, arrears.
std::vector<json::value> DailyCells(const json::object& o) {
  std::vector<json::value> cells{o.at("billed"), o.at("late_fees")};
  for (auto c : kPaymentChannels) cells.push_back(o.at("channels").at(c));
  for (const char* k : {"received", "to_prepayment", "arrears"}) cells.push_back(o.at(k));
  return cells;
}

}  // namespace

Result<Download> ReportExports::Collection(const TenantContext& ctx, const std::string& from,
                                           const std::string& to,
                                           std::optional<int64_t> project_id) {
  auto report = reports_.CollectionReport(ctx, from, to, project_id);
  if (!report.ok()) return report.take_error();
  auto names = ProjectNames(db_, ctx.company_id);
  xlsx::Sheet sheet{"收缴报表",
                    {{"项目", Format::kText, 20},
                     {"月份", Format::kText, 10},
                     {"应收(元)", Format::kYuan, 16},
                     {"实收(元)", Format::kYuan, 16},
                     {"欠收(元)", Format::kYuan, 16},
                     {"当期收缴率", Format::kPercentBp, 12},
                     {"清欠(元)", Format::kYuan, 16},
                     {"清欠率", Format::kPercentBp, 12}},
                    {}};
  const json::object r = CollectionJson(*report);
  for (auto& item : r.at("items").as_array()) {
    const json::object& o = item.as_object();
    sheet.rows.push_back({NameOf(names, o.at("project_id")), o.at("month"), o.at("receivable"),
                          o.at("received"), o.at("arrears"), o.at("rate_bp"), o.at("recovered"),
                          o.at("recovery_bp")});
  }
  int64_t receivable = r.at("receivable").as_int64(), received = r.at("received").as_int64();
  sheet.rows.push_back({"合计", nullptr, receivable, received, receivable - received,
                        r.at("rate_bp"), nullptr, nullptr});
  return Book(std::move(sheet), "collection-" + from + "_" + to + ".xlsx",
              "收缴报表-" + from + "至" + to + ".xlsx");
}

Result<Download> ReportExports::Daily(const TenantContext& ctx, const DailyQuery& q) {
  auto report = DailyReport(db_, ctx, q);
  if (!report.ok()) return report.take_error();
  auto names = ProjectNames(db_, ctx.company_id);
  xlsx::Sheet sheet{"收费日报", {{"项目", Format::kText, 20}, {"应收(元)", Format::kYuan, 14},
                                 {"滞纳金(元)", Format::kYuan, 12}},
                    {}};
  for (const char* h : {"现金", "POS", "转账", "支票", "微信支付", "支付宝"})
    sheet.columns.push_back({h, Format::kYuan, 12});
  for (const char* h : {"实收(元)", "转预存(元)", "欠收(元)"})
    sheet.columns.push_back({h, Format::kYuan, 14});
  const json::object r = DailyJson(*report);
  for (auto& item : r.at("items").as_array()) {
    std::vector<json::value> row{NameOf(names, item.at("project_id"))};
    for (auto& c : DailyCells(item.as_object())) row.push_back(c);
    sheet.rows.push_back(std::move(row));
  }
  std::vector<json::value> total{"合计"};
  for (auto& c : DailyCells(r)) total.push_back(c);
  sheet.rows.push_back(std::move(total));
  return Book(std::move(sheet), "daily-" + q.date + ".xlsx", "收费日报-" + q.date + ".xlsx");
}

Result<Download> ReportExports::Arrears(const TenantContext& ctx, const ArrearsQuery& q) {
  const Page all{1, kMaxExportRows + 1};
  auto report = reports_.Arrears(ctx, q, all);
  if (!report.ok()) return report.take_error();
  const json::object r = ArrearsJson(*report, all);
  if (r.at("total").as_int64() > kMaxExportRows) return Error(kExportTooLarge);
  auto projects = ProjectNames(db_, ctx.company_id);
  xlsx::Sheet sheet{"欠费账龄", {{"项目", Format::kText, 20}}, {}};
  if (q.group == "building") sheet.columns.push_back({"楼栋", Format::kText, 14});
  if (q.group == "house") sheet.columns.push_back({"房屋", Format::kText, 14});
  sheet.columns.push_back({"户数", Format::kInteger, 8});
  sheet.columns.push_back({"欠费(元)", Format::kYuan, 16});
  for (const char* h : {"≤30天", "31–90天", "91–180天", "181–365天", ">365天"})
    sheet.columns.push_back({h, Format::kYuan, 14});
  // The project of each building or house row, and the buildings' names (property's), read
  // in one transaction.
  const json::array& items = r.at("items").as_array();
  std::map<int64_t, json::value> project_of;
  std::map<int64_t, std::string> buildings;
  if (q.group != "project")
    db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
      if (q.group == "building") {
        std::vector<int64_t> ids;
        for (auto& item : items) ids.push_back(item.at("building_id").as_int64());
        buildings = property::BuildingNames(tx, ctx.company_id, ids);
      }
      for (auto& item : items) {
        int64_t id = item.at(q.group + "_id").as_int64();
        std::optional<int64_t> p;
        if (q.group == "building") p = property::BuildingProjectId(tx, ctx.company_id, id);
        else if (auto h = property::FindHouseFacts(tx, ctx.company_id, id)) p = h->project_id;
        project_of[id] = p ? json::value(*p) : json::value(nullptr);
      }
    });
  for (auto& item : items) {
    const json::object& o = item.as_object();
    std::vector<json::value> row;
    if (q.group == "project") {
      row.push_back(NameOf(projects, o.at("project_id")));
    } else {
      int64_t id = o.at(q.group + "_id").as_int64();
      row.push_back(NameOf(projects, project_of[id]));
      row.push_back(q.group == "building" ? NameOf(buildings, id) : o.at("house_code"));
    }
    row.push_back(o.at("houses"));
    row.push_back(o.at("owed"));
    for (const char* b : {"d0_30", "d31_90", "d91_180", "d181_365", "d365_plus"})
      row.push_back(o.at("buckets").at(b));
    sheet.rows.push_back(std::move(row));
  }
  std::vector<json::value> total(sheet.columns.size(), nullptr);
  total[0] = "合计";
  total[q.group == "project" ? 2 : 3] = r.at("owed");
  sheet.rows.push_back(std::move(total));
  return Book(std::move(sheet), "arrears-" + q.as_of + ".xlsx", "欠费账龄-" + q.as_of + ".xlsx");
}

}  // namespace anju::reports
