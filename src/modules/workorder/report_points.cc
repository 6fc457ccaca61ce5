// QR report points (扫码报修): a code on a public place or asset opens a report form without
// login. The stranger gives a phone number (required) and a description; the reply is the
// order number only — nothing of the project's data can be read through a token beyond the
// project's and the place's names. Reports are rate-limited per IP and per phone number
// (in memory, per instance: kPerIpPerHour, kPerPhonePerHour).
#include <fmt/format.h>
#include <boost/json.hpp>

#include "core/crypto.h"
#include "core/pii.h"
#include "core/qr_svg.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"
#include "modules/workorder/suggest.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_errors.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr size_t kPerIpPerHour = 10;
constexpr size_t kPerPhonePerHour = 3;

ReportPoint ReadPoint(const db::Row& r) {
  return ReportPoint{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.OptInt(4), r.OptInt(5),
                     r.Int(6) != 0};
}
constexpr const char* kPointSelect =
    "SELECT id, project_id, token, place, building_id, category_id, active FROM wo_report_points ";

}  // namespace

Result<std::vector<ReportPoint>> WorkOrderService::ListReportPoints(
    const TenantContext& ctx, std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  std::string sql = std::string(kPointSelect) + "WHERE company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kWorkOrderSettings, "project_id", sql, p);
  if (project_id) sql += " AND project_id = ?", p.push_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<ReportPoint>> {
    std::vector<ReportPoint> items;
    for (auto& r : tx.Query(sql + " ORDER BY id", p)) items.push_back(ReadPoint(r));
    return items;
  });
}

Result<ReportPoint> WorkOrderService::CreateReportPoint(const TenantContext& ctx,
                                                       const NewReportPointCommand& c) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<ReportPoint> {
    if (!org::ProjectCode(tx, ctx.company_id, c.project_id) ||
        !ctx.access.HasIn(std::string(perm::kWorkOrderSettings), c.project_id))
      return Error(kPlaceNotFound).WithField("project_id", "not_found");
    if (c.building_id && property::BuildingProjectId(tx, ctx.company_id, *c.building_id) != c.project_id)
      return Error(kPlaceNotFound).WithField("building_id", "not_found");
    if (c.category_id && !tx.QueryOne("SELECT 1 FROM wo_categories WHERE id = ? AND company_id = ?",
                                 {*c.category_id, ctx.company_id}))
      return Error(kCategoryNotFound).WithField("category_id", "not_found");
    int64_t id = tx.InsertId(
        "INSERT INTO wo_report_points (company_id, project_id, token, place, building_id, "
        "category_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, c.project_id, crypto::RandomToken(16), c.place,
         c.building_id ? db::Value(*c.building_id) : db::kNull,
         c.category_id ? db::Value(*c.category_id) : db::kNull,
         now});
    ReportPoint out = ReadPoint(*tx.QueryOne(std::string(kPointSelect) + "WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.report_point.create", "wo_report_point", id, c.project_id, nullptr,
                   json::object{{"place", c.place}}},
                  now);
    return out;
  });
}

Result<std::string> WorkOrderService::ReportPointQr(const TenantContext& ctx, int64_t id,
                                                    const std::string& public_url) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::string> {
    auto r = tx.QueryOne(std::string(kPointSelect) + "WHERE id = ? AND company_id = ?",
                         {id, ctx.company_id});
    if (!r || !ctx.access.HasIn(std::string(perm::kWorkOrderSettings), r->Int(1)))
      return Error(kReportPointNotFound);
    auto svg = QrSvg(public_url + "/owner/report/" + r->Str(2));
    if (!svg) return Error(kReportPointNotFound);
    return *svg;
  });
}

Result<PublicPointInfo> WorkOrderService::PublicPoint(const std::string& token) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<PublicPointInfo> {
    auto r = tx.QueryOne("SELECT w.company_id, w.project_id, w.place FROM wo_report_points w "
                         "WHERE w.token = ? AND w.active = 1",
                         {token});
    if (!r) return Error(kReportPointNotFound);
    auto project = org::ProjectName(tx, r->Int(0), r->Int(1));
    if (!project) return Error(kReportPointNotFound);
    return PublicPointInfo{*project, r->Str(2)};
  });
}

Result<std::string> WorkOrderService::PublicReport(const std::string& token, const std::string& ip,
                                                  const PublicReportCommand& c) {
  Millis now = clock_.Now();
  {
    std::lock_guard lock(rate_mu_);
    auto allow = [&](const std::string& key, size_t limit) {
      auto& hits = public_hits_[key];
      std::erase_if(hits, [&](Millis t) { return t <= now - kHour; });
      return hits.size() < limit;
    };
    if (!allow("ip:" + ip, kPerIpPerHour) || !allow("phone:" + c.phone, kPerPhonePerHour))
      return Error(errors::kRateLimited, "Too many reports; try again later");
    public_hits_["ip:" + ip].push_back(now);
    public_hits_["phone:" + c.phone].push_back(now);
    if (public_hits_.size() > 100'000) public_hits_.clear();  // bounded memory under a flood
  }
  Events events;
  auto out = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<std::string> {
    auto p = tx.QueryOne("SELECT id, company_id, project_id, place, building_id, category_id "
                         "FROM wo_report_points WHERE token = ? AND active = 1",
                         {token});
    if (!p) return Error(kReportPointNotFound);
    int64_t company = p->Int(1);
    Suggestion s = suggester_->Suggest(tx, company, c.description);
    std::optional<int64_t> cat = p->OptInt(5);
    if (!cat) cat = s.category_id;
    if (!cat) return Error(kCategoryNotFound);
    TenantContext system;
    system.company_id = company;
    system.login = "public";
    system.name = c.name.value_or("扫码报事");
    system.ip = ip;
    std::string urg = c.urgency.value_or(s.urgency);
    int64_t id = InsertOrder(tx, {company, p->Int(2), "repair_public", *cat, std::nullopt,
                                  p->OptInt(4), p->Str(3), c.description, urg, "", "qr",
                                  std::nullopt, c.name.value_or(""), c.phone, std::nullopt,
                                  s.category_id, s.urgency},
                             now);
    Order o = *LoadOrder(tx, company, id);
    events.emplace_back(id, AppendEvent(tx, o, "submit", "", "submitted",
                                        {std::nullopt, system.name}, "", "{}", now));
    UpdateTimers(tx, id, now);
    for (auto& e : FirstDispatch(tx, o, now)) events.push_back(std::move(e));
    audit::Append(tx, audit::Actor::Of(system),
                  {"workorder.order.create", "work_order", id, o.project_id, nullptr,
                   json::object{{"number", o.number}, {"channel", "qr"}}},
                  now);
    return o.number;
  });
  if (out.ok()) PublishAll(events);
  return out;
}

}  // namespace anju::workorder
