#include "modules/workorder/reports.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/xlsx.h"
#include "platform/identity/access.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

// Sums of one group; rates are computed at the end, in integers.
struct Acc {
  std::string name;
  int64_t volume = 0, completed = 0, sla_met = 0, sla_total = 0, accept_n = 0, accept_ms = 0;
  int64_t finish_ms = 0, first_fix = 0, rated = 0, rating_sum = 0;
  void Add(const db::Row& r) {
    ++volume;
    bool done = !r.IsNull(3);
    if (!r.IsNull(2)) ++accept_n, accept_ms += r.Int(2) - r.Int(1);
    if (done) {
      ++completed, finish_ms += r.Int(3) - r.Int(1);
      if (r.Int(4) == 0) ++first_fix;
      ++sla_total;
      if (!r.IsNull(5) && !r.IsNull(6) && r.Int(5) && r.Int(6)) ++sla_met;
    }
    if (!r.IsNull(7)) ++rated, rating_sum += r.Int(7);
  }
  // Rates and averages are null where nothing was measured (no completed or rated order).
  ReportRow Row(const std::string& key) const {
    auto per_mille = [](int64_t a, int64_t b) {
      return b ? std::optional<int64_t>(a * 1000 / b) : std::nullopt;
    };
    auto avg = [](int64_t sum, int64_t n, int64_t unit) {
      return n ? std::optional<int64_t>(sum / n / unit) : std::nullopt;
    };
    return ReportRow{key,
                     name,
                     volume,
                     completed,
                     sla_met,
                     sla_total,
                     per_mille(sla_met, sla_total),
                     avg(accept_ms, accept_n, kMinute),
                     avg(finish_ms, completed, kMinute),
                     per_mille(first_fix, completed),
                     rated,
                     avg(rating_sum * 100, rated, 1)};
  }
};

struct Range {
  Millis from, to;
};
std::optional<Range> RangeOf(const ReportQuery& q) {
  if (!IsValidCivilMonth(q.from) || !IsValidCivilMonth(q.to) || q.from > q.to) return std::nullopt;
  int months = (std::stoi(q.to.substr(0, 4)) - std::stoi(q.from.substr(0, 4))) * 12 +
               std::stoi(q.to.substr(5, 2)) - std::stoi(q.from.substr(5, 2));
  if (months >= 36) return std::nullopt;
  int y = std::stoi(q.to.substr(0, 4)), m = std::stoi(q.to.substr(5, 2)) + 1;
  if (m == 13) y += 1, m = 1;
  std::string next = std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m) + "-01";
  return Range{ChinaDayStart(q.from + "-01"), ChinaDayStart(next)};
}

// The orders of the range the caller may report on, with the columns Acc::Add reads
// (0 key, 1 created, 2 accepted, 3 completed, 4 reopens, 5/6 met, 7 rating, 8 name).
Result<std::vector<db::Row>> Rows(db::Tx& tx, const TenantContext& ctx, const ReportQuery& q,
                                  const std::string& key, const std::string& name,
                                  const std::string& join) {
  auto range = RangeOf(q);
  if (!range) return Error(kReportBadRange).WithField("from", "invalid");
  std::string sql = "SELECT " + key + ", o.created_at, o.accepted_at, o.completed_at, "
                    "o.reopen_count, o.accept_met, o.finish_met, o.rating, " + name +
                    " FROM work_orders o " + join +
                    " WHERE o.company_id = ? AND o.status <> 'cancelled' AND o.created_at >= ? "
                    "AND o.created_at < ?";
  db::Params p{ctx.company_id, range->from, range->to};
  identity::AppendProjectScope(ctx, perm::kWorkOrderReport, "o.project_id", sql, p);
  if (q.project_id) sql += " AND o.project_id = ?", p.push_back(*q.project_id);
  return tx.Query(sql, p);
}

Result<WorkOrderReport> Group(db::Tx& tx, const TenantContext& ctx, const ReportQuery& q) {
  // Staff and buildings are grouped by id here and named below by their owners
  // (identity, property); 0 stands for no assignee / a public area.
  std::string key, name = "''", join;
  if (q.group == "staff") {
    key = "COALESCE(o.assignee_id, 0)";
  } else if (q.group == "category") {
    key = "o.category_id", name = "c.name", join = "JOIN wo_categories c ON c.id = o.category_id";
  } else if (q.group == "building") {
    key = "COALESCE(o.building_id, 0)";
  } else {
    key = "o.created_at";
  }
  auto rows = Rows(tx, ctx, q, key, name, join);
  if (!rows.ok()) return rows.take_error();
  std::map<std::string, Acc> groups;
  Acc total;
  total.name = "合计";
  for (const db::Row& r : *rows) {
    std::string k = q.group == "month" ? CivilDate(r.Int(0)).substr(0, 7) : std::to_string(r.Int(0));
    Acc& a = groups[k];
    a.name = q.group == "month" ? k : r.Str(8);
    a.Add(r), total.Add(r);
  }
  if (q.group == "staff" || q.group == "building") {
    std::vector<int64_t> ids;
    for (const auto& [k, a] : groups) ids.push_back(std::stoll(k));
    auto names = q.group == "staff" ? identity::UserNames(tx, ctx.company_id, ids)
                                    : property::BuildingNames(tx, ctx.company_id, ids);
    for (auto& [k, a] : groups) {
      auto it = names.find(std::stoll(k));
      a.name = it != names.end() ? it->second : q.group == "staff" ? "未分配" : "公共区域";
    }
  }
  WorkOrderReport out{q.group, {}, total.Row("")};
  for (auto& [k, a] : groups) out.rows.push_back(a.Row(k));
  return out;
}

Status Check(const TenantContext& ctx, const ReportQuery& q) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderReport));
  if (q.group != "staff" && q.group != "category" && q.group != "building" && q.group != "month")
    return Error(kReportBadRange)
        .WithField("group", "invalid", "staff, category, building or month");
  if (!RangeOf(q)) return Error(kReportBadRange).WithField("from", "invalid");
  return {};
}

}  // namespace

Result<WorkOrderReport> WorkOrderReports::Report(const TenantContext& ctx, const ReportQuery& q) {
  ANJU_TRY(Check(ctx, q));
  return db_.Run(db::TxMode::kRead,
                 [&](db::Tx& tx) -> Result<WorkOrderReport> { return Group(tx, ctx, q); });
}

Result<WorkOrderHotspots> WorkOrderReports::Hotspots(const TenantContext& ctx, const ReportQuery& q) {
  ReportQuery qq = q;
  qq.group = "category";
  ANJU_TRY(Check(ctx, qq));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<WorkOrderHotspots> {
    auto range = *RangeOf(q);
    WorkOrderHotspots out;
    std::string where = " WHERE o.company_id = ? AND o.kind IN ('repair_house', "
                        "'repair_public') AND o.created_at >= ? AND o.created_at < ?";
    db::Params p{ctx.company_id, range.from, range.to};
    identity::AppendProjectScope(ctx, perm::kWorkOrderReport, "o.project_id", where, p);
    if (q.project_id) where += " AND o.project_id = ?", p.push_back(*q.project_id);
    // The ten most frequent names, then by name (byte order, as the C collation).
    auto top10 = [](const std::map<std::string, int64_t>& counts) {
      std::vector<std::pair<std::string, int64_t>> v(counts.begin(), counts.end());
      std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second > b.second; });
      std::vector<HotspotCount> items;
      for (size_t i = 0; i < v.size() && i < 10; ++i) items.push_back({v[i].first, v[i].second});
      return items;
    };
    // Places: "<building name> <place>", the building named by property.
    db::Rows places = tx.Query("SELECT o.building_id, o.place, COUNT(*) FROM work_orders o" +
                                   where + " GROUP BY o.building_id, o.place",
                               p);
    std::vector<int64_t> buildings;
    for (const db::Row& r : places)
      if (!r.IsNull(0)) buildings.push_back(r.Int(0));
    auto names = property::BuildingNames(tx, ctx.company_id, buildings);
    std::map<std::string, int64_t> by_place;
    for (const db::Row& r : places) {
      std::string n;
      if (!r.IsNull(0))
        if (auto it = names.find(r.Int(0)); it != names.end()) n = it->second;
      if (!r.Str(1).empty()) n += " " + r.Str(1);
      by_place[n] += r.Int(2);
    }
    out.places = top10(by_place);
    std::map<std::string, int64_t> by_category;
    for (const db::Row& r : tx.Query("SELECT c.name, COUNT(*) FROM work_orders o JOIN "
                                     "wo_categories c ON c.id = o.category_id" +
                                         where + " GROUP BY c.name",
                                     p))
      by_category[r.Str(0)] += r.Int(1);
    out.categories = top10(by_category);
    return out;
  });
}

Result<std::string> WorkOrderReports::Export(const TenantContext& ctx, const ReportQuery& q) {
  std::vector<xlsx::Sheet> sheets;
  const std::pair<const char*, const char*> kGroups[] = {
      {"month", "按月"}, {"staff", "按员工"}, {"category", "按类别"}, {"building", "按楼栋"}};
  for (auto [group, title] : kGroups) {
    ReportQuery g = q;
    g.group = group;
    auto rep = Report(ctx, g);
    if (!rep.ok()) return rep.error();
    xlsx::Sheet s{title,
                  {{"名称"}, {"工单量", xlsx::Format::kInteger}, {"已完成", xlsx::Format::kInteger},
                   {"SLA 达成率", xlsx::Format::kPercentBp}, {"平均接单(分钟)", xlsx::Format::kInteger},
                   {"平均完成(分钟)", xlsx::Format::kInteger}, {"一次修复率", xlsx::Format::kPercentBp},
                   {"评价数", xlsx::Format::kInteger}, {"平均评分", xlsx::Format::kText}},
                  {}};
    std::vector<ReportRow> rows = rep->rows;
    rows.push_back(rep->totals);
    // A cell: the number, or empty where nothing was measured.
    auto cell = [](const std::optional<int64_t>& v) { return v ? json::value(*v) : json::value(); };
    for (const ReportRow& r : rows) {
      auto bp = [](const std::optional<int64_t>& per_mille) {  // ‰ → basis points (percent format)
        return per_mille ? json::value(*per_mille * 10) : json::value();
      };
      json::value rating;
      if (r.avg_rating_x100) {
        int64_t x100 = *r.avg_rating_x100;
        rating = fmt::format("{}.{:02d}", x100 / 100, x100 % 100);
      }
      s.rows.push_back({json::value(r.name), r.volume, r.completed, bp(r.sla_rate),
                        cell(r.avg_accept_minutes), cell(r.avg_finish_minutes),
                        bp(r.first_time_fix_rate), r.rated, rating});
    }
    sheets.push_back(std::move(s));
  }
  auto hot = Hotspots(ctx, q);
  if (!hot.ok()) return hot.error();
  xlsx::Sheet h{"热点", {{"报修位置/类别", xlsx::Format::kText, 30}, {"数量", xlsx::Format::kInteger}}, {}};
  for (const auto* list : {&hot->places, &hot->categories})
    for (const HotspotCount& c : *list) h.rows.push_back({json::value(c.name), c.count});
  sheets.push_back(std::move(h));
  return xlsx::Write(sheets);
}

}  // namespace anju::workorder
