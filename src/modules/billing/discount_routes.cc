#include "modules/billing/discount_routes.h"

#include "http/handlers.h"
#include "modules/billing/discount_json.h"

namespace anju::billing {

using http::Request;
using http::Response;

namespace {

// A write: the body, the caller (before the body's fields), the command, the service.
template <class Read, class Call>
Response WriteRule(Request& req, TenantContext& ctx, Read read, Call call, int status) {
  auto body = http::JsonBody(req);
  if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
  if (auto may = DiscountService::MayWrite(ctx); !may.ok())
    return http::ErrorReply(may.error(), req.request_id);
  auto cmd = read(*body);
  if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
  return http::ReplyAs(req, call(*cmd), DiscountRuleJson, status);
}

}  // namespace

void RegisterDiscountRoutes(http::Router& router, DiscountService& s) {
  router.Add("GET", "/api/v1/discount-rules", [&s](Request& req, TenantContext& ctx) {
    http::QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.List(ctx, project_id), DiscountRuleListJson);
  });
  router.Add("POST", "/api/v1/discount-rules", [&s](Request& req, TenantContext& ctx) {
    return WriteRule(
        req, ctx, ReadCreateDiscountRule,
        [&](const CreateDiscountRuleCommand& cmd) { return s.Create(ctx, cmd); }, 201);
  });
  router.Add("PATCH", "/api/v1/discount-rules/{id}", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return WriteRule(
        req, ctx, ReadUpdateDiscountRule,
        [&](const UpdateDiscountRuleCommand& cmd) { return s.Update(ctx, *id, cmd); }, 200);
  });
}

}  // namespace anju::billing
