#include "modules/reports/report_routes.h"

#include <memory>

#include "core/xlsx.h"
#include "http/handlers.h"
#include "modules/reports/daily_report.h"
#include "modules/reports/report_exports.h"
#include "modules/reports/report_json.h"

namespace anju::reports {

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

void RegisterReportRoutes(http::Router& router, ReportService& s) {
  auto exports = std::make_shared<ReportExports>(s, s.db());
  // The arrears' query: ?project_id=&group=&as_of= (default today).
  auto arrears = [&s](QueryReader& q) {
    ArrearsQuery a;
    a.project_id = q.Id("project_id");
    std::string group = q.Text("group");
    if (!group.empty()) a.group = group;
    a.as_of = q.Text("as_of");
    return a;
  };
  router.Add("GET", "/api/v1/arrears", [&s, arrears](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ArrearsQuery a = arrears(q);
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    if (a.as_of.empty()) a.as_of = s.Today();
    return http::ReplyAs(req, s.Arrears(ctx, a, page),
                         [&](const ArrearsSummary& r) { return ArrearsJson(r, page); });
  });
  router.Add("GET", "/api/v1/reports/collection", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string from = q.Text("from"), to = q.Text("to");
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.CollectionReport(ctx, from, to, project_id), CollectionJson);
  });
  auto daily = [](QueryReader& q) {
    DailyQuery d;
    d.project_id = q.Id("project_id");
    d.date = q.Text("date");
    return d;
  };
  router.Add("GET", "/api/v1/reports/daily", [&s, daily](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    DailyQuery d = daily(q);
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, DailyReport(s.db(), ctx, d), DailyJson);
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
  router.Add("GET", "/api/v1/arrears.xlsx",
             [&s, exports, arrears](Request& req, TenantContext& ctx) {
               QueryReader q(req);
               ArrearsQuery a = arrears(q);
               if (auto bad = q.Failed()) return *bad;
               if (a.as_of.empty()) a.as_of = s.Today();
               return FileReply(req, exports->Arrears(ctx, a));
             });
}

}  // namespace anju::reports
