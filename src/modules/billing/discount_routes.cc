#include "modules/billing/discount_routes.h"

#include "http/handlers.h"

namespace anju::billing {

void RegisterDiscountRoutes(http::Router& router, DiscountService& s) {
  router.Add("GET", "/api/v1/discount-rules", [&s](http::Request& req, TenantContext& ctx) {
    http::QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.List(ctx, project_id));
  });
  router.Add("POST", "/api/v1/discount-rules",
             http::WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.Create(ctx, b); }));
  router.Add("PATCH", "/api/v1/discount-rules/{id}",
             http::WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.Update(ctx, id, b);
             }));
}

}  // namespace anju::billing
