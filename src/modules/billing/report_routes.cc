#include "modules/billing/report_routes.h"

#include <memory>

#include "core/xlsx.h"
#include "http/handlers.h"
#include "modules/billing/daily_report.h"
#include "modules/billing/report_exports.h"

namespace anju::billing {

using http::QueryReader;
using http::Request;
using http::Response;

namespace {

Response FileReply(const Request& req, Result<Download> file) {
  if (!file.ok()) return http::ErrorReply(file.error(), req.request_id);
  Response r;
  r.content_type = xlsx::kContentType;
  r.body = std::move(file->bytes);
  r.Header("Content-Disposition", xlsx::AttachmentHeader(file->ascii_name, file->utf8_name));
  r.Header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

void RegisterReportRoutes(http::Router& router, BillingService& s, db::Database& db,
                          const Clock& clock) {
  auto exports = std::make_shared<ReportExports>(s, db);
  auto daily = [](QueryReader& q) {
    DailyQuery d;
    d.project_id = q.Id("project_id");
    d.date = q.Text("date");
    return d;
  };
  router.Add("GET", "/api/v1/reports/daily", [&db, daily](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    DailyQuery d = daily(q);
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, DailyReport(db, ctx, d));
  });
  router.Add("GET", "/api/v1/reports/daily.xlsx",
             [exports, daily](Request& req, TenantContext& ctx) {
               QueryReader q(req);
               DailyQuery d = daily(q);
               if (auto bad = q.Failed()) return *bad;
               return FileReply(req, exports->Daily(ctx, d));
             });
  router.Add("GET", "/api/v1/reports/collection.xlsx",
             [exports](Request& req, TenantContext& ctx) {
               QueryReader q(req);
               auto project_id = q.Id("project_id");
               std::string from = q.Text("from"), to = q.Text("to");
               if (auto bad = q.Failed()) return *bad;
               return FileReply(req, exports->Collection(ctx, from, to, project_id));
             });
  router.Add("GET", "/api/v1/arrears.xlsx", [exports, &clock](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ArrearsQuery a;
    a.project_id = q.Id("project_id");
    std::string group = q.Text("group");
    if (!group.empty()) a.group = group;
    a.as_of = q.Text("as_of");
    if (auto bad = q.Failed()) return *bad;
    if (a.as_of.empty()) a.as_of = CivilDate(clock.Now());
    return FileReply(req, exports->Arrears(ctx, a));
  });
}

}  // namespace anju::billing
