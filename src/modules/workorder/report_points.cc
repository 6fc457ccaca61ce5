// QR report points (扫码报修): a code on a public place or asset opens a report form without
// login. The stranger gives a phone number (required) and a description; the reply is the
// order number only — nothing of the project's data can be read through a token beyond the
// project's and the place's names. Reports are rate-limited per IP and per phone number
// (in memory, per instance: kPerIpPerHour, kPerPhonePerHour).
#include <fmt/format.h>

#include "core/crypto.h"
#include "core/json_body.h"
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

json::object PointJson(const db::Row& r) {
  return json::object{{"id", r.Int(0)},
                      {"project_id", r.Int(1)},
                      {"token", r.Str(2)},
                      {"place", r.Str(3)},
                      {"building_id", r.IsNull(4) ? json::value() : json::value(r.Int(4))},
                      {"category_id", r.IsNull(5) ? json::value() : json::value(r.Int(5))},
                      {"active", r.Int(6) != 0},
                      {"url", "/owner/report/" + r.Str(2)},
                      {"qr_url", "/api/v1/work-order-report-points/" + std::to_string(r.Int(0)) +
                                     "/qr.svg"}};
}
constexpr const char* kPointSelect =
    "SELECT id, project_id, token, place, building_id, category_id, active FROM wo_report_points ";

}  // namespace

JsonResult WorkOrderService::ListReportPoints(const TenantContext& ctx,
                                              std::optional<int64_t> project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  std::string sql = std::string(kPointSelect) + "WHERE company_id = ?";
  db::Params p{ctx.company_id};
  identity::AppendProjectScope(ctx, perm::kWorkOrderSettings, "project_id", sql, p);
  if (project_id) sql += " AND project_id = ?", p.push_back(*project_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    json::array items;
    for (auto& r : tx.Query(sql + " ORDER BY id", p)) items.push_back(PointJson(r));
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

JsonResult WorkOrderService::CreateReportPoint(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  BodyReader r(b);
  r.ReadOnly({"id", "token", "active", "url"});
  auto project = r.Int("project_id", true, 1, INT64_MAX);
  auto place = r.Str("place", true, 100, 1);
  auto building = r.Int("building_id", false, 1, INT64_MAX);
  auto category = r.Int("category_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    if (!org::ProjectCode(tx, ctx.company_id, *project) ||
        !ctx.access.HasIn(std::string(perm::kWorkOrderSettings), *project))
      return Error(kPlaceNotFound).WithField("project_id", "not_found");
    if (building && property::BuildingProjectId(tx, ctx.company_id, *building) != *project)
      return Error(kPlaceNotFound).WithField("building_id", "not_found");
    if (category && !tx.QueryOne("SELECT 1 FROM wo_categories WHERE id = ? AND company_id = ?",
                                 {*category, ctx.company_id}))
      return Error(kCategoryNotFound).WithField("category_id", "not_found");
    int64_t id = tx.InsertId(
        "INSERT INTO wo_report_points (company_id, project_id, token, place, building_id, "
        "category_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, *project, crypto::RandomToken(16), *place,
         building ? db::Value(*building) : db::kNull, category ? db::Value(*category) : db::kNull,
         now});
    json::object out = PointJson(*tx.QueryOne(std::string(kPointSelect) + "WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.report_point.create", "wo_report_point", id, *project, nullptr,
                   json::object{{"place", *place}}},
                  now);
    return json::value(std::move(out));
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

JsonResult WorkOrderService::PublicPoint(const std::string& token) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    auto r = tx.QueryOne("SELECT w.company_id, w.project_id, w.place FROM wo_report_points w "
                         "WHERE w.token = ? AND w.active = 1",
                         {token});
    if (!r) return Error(kReportPointNotFound);
    auto project = org::ProjectName(tx, r->Int(0), r->Int(1));
    if (!project) return Error(kReportPointNotFound);
    return json::value(json::object{{"project_name", *project}, {"place", r->Str(2)}});
  });
}

JsonResult WorkOrderService::PublicReport(const std::string& token, const std::string& ip,
                                          const json::object& body) {
  BodyReader r(body);
  auto phone_raw = r.Str("phone", true, 20, 1);
  auto name = r.Str("name", false, 50);
  auto description = r.Text("description", true, 1000);
  auto urgency = r.Enum("urgency", false, {"normal", "urgent"});
  std::optional<std::string> phone;
  if (phone_raw && !(phone = pii::NormalizePhone(*phone_raw)))
    r.Fail("phone", "invalid", "An 11-digit mobile number");
  if (description && Utf8Length(*description) < 2) r.Fail("description", "too_short");
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  {
    std::lock_guard lock(rate_mu_);
    auto allow = [&](const std::string& key, size_t limit) {
      auto& hits = public_hits_[key];
      std::erase_if(hits, [&](Millis t) { return t <= now - kHour; });
      return hits.size() < limit;
    };
    if (!allow("ip:" + ip, kPerIpPerHour) || !allow("phone:" + *phone, kPerPhonePerHour))
      return Error(errors::kRateLimited, "Too many reports; try again later");
    public_hits_["ip:" + ip].push_back(now);
    public_hits_["phone:" + *phone].push_back(now);
    if (public_hits_.size() > 100'000) public_hits_.clear();  // bounded memory under a flood
  }
  Events events;
  auto out = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    auto p = tx.QueryOne("SELECT id, company_id, project_id, place, building_id, category_id "
                         "FROM wo_report_points WHERE token = ? AND active = 1",
                         {token});
    if (!p) return Error(kReportPointNotFound);
    int64_t company = p->Int(1);
    Suggestion s = suggester_->Suggest(tx, company, *description);
    std::optional<int64_t> cat = p->OptInt(5);
    if (!cat) cat = s.category_id;
    if (!cat) return Error(kCategoryNotFound);
    TenantContext system;
    system.company_id = company;
    system.login = "public";
    system.name = name.value_or("扫码报事");
    system.ip = ip;
    std::string urg = urgency.value_or(s.urgency);
    int64_t id = InsertOrder(tx, {company, p->Int(2), "repair_public", *cat, std::nullopt,
                                  p->OptInt(4), p->Str(3), *description, urg, "", "qr",
                                  std::nullopt, name.value_or(""), *phone, std::nullopt,
                                  s.category_id, s.urgency},
                             now);
    Order o = *LoadOrder(tx, company, id);
    events.emplace_back(id, AppendEvent(tx, o, "submit", "", "submitted",
                                        {std::nullopt, system.name}, "", {}, now));
    UpdateTimers(tx, id, now);
    for (auto& e : FirstDispatch(tx, o, now)) events.push_back(std::move(e));
    audit::Append(tx, audit::Actor::Of(system),
                  {"workorder.order.create", "work_order", id, o.project_id, nullptr,
                   json::object{{"number", o.number}, {"channel", "qr"}}},
                  now);
    return json::value(json::object{{"number", o.number}});
  });
  if (out.ok()) PublishAll(events);
  return out;
}

}  // namespace anju::workorder
