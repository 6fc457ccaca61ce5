#include "modules/billing/adjustment_routes.h"

#include "http/handlers.h"

namespace anju::billing {

using http::QueryReader;
using http::Request;
using http::WithBody;

void RegisterCorrectionRoutes(http::Router& router, SettingsService& settings,
                              CorrectionService& s) {
  router.Add("GET", "/api/v1/billing-settings", [&settings](Request& req, TenantContext& ctx) {
    return http::Reply(req, settings.Get(ctx));
  });
  router.Add("PUT", "/api/v1/billing-settings",
             WithBody(200, 0, [&settings](auto& ctx, auto& b) { return settings.Put(ctx, b); }));

  // A list filtered by ?status=&house_id=&project_id=, paged.
  auto list = [](auto fn) {
    return [fn](Request& req, TenantContext& ctx) {
      QueryReader q(req);
      CorrectionFilter f;
      f.project_id = q.Id("project_id");
      f.house_id = q.Id("house_id");
      f.status = q.Text("status");
      http::Page page = q.PageOf();
      if (auto bad = q.Failed()) return *bad;
      return http::Reply(req, fn(ctx, f, page));
    };
  };
  router.Add("GET", "/api/v1/adjustments",
             list([&s](auto& ctx, auto& f, auto& p) { return s.ListAdjustments(ctx, f, p); }));
  router.Add("POST", "/api/v1/adjustments",
             WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.RequestAdjustment(ctx, b); }));
  router.Add("GET", "/api/v1/refunds",
             list([&s](auto& ctx, auto& f, auto& p) { return s.ListRefunds(ctx, f, p); }));
  router.Add("POST", "/api/v1/refunds", [&s](Request& req, TenantContext& ctx) {
    return s.RequestRefund(ctx, req);
  });
  for (bool approve : {true, false}) {
    std::string verb = approve ? "/approve" : "/reject";
    router.Add("POST", "/api/v1/adjustments/{id}" + verb,
               WithBody(200, 1, [&s, approve](auto& ctx, int64_t id, auto& b) {
                 return s.DecideAdjustment(ctx, id, approve, b);
               }));
    router.Add("POST", "/api/v1/refunds/{id}" + verb,
               WithBody(200, 1, [&s, approve](auto& ctx, int64_t id, auto& b) {
                 return s.DecideRefund(ctx, id, approve, b);
               }));
  }
}

}  // namespace anju::billing
