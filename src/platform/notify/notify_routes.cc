#include "platform/notify/notify_routes.h"

#include "http/handlers.h"
#include "platform/notify/notify_json.h"

namespace anju::notify {

using http::QueryReader;
using http::Request;

void RegisterRoutes(http::Router& router, Notifier& n) {
  router.Add("GET", "/api/v1/notify/outbox", [&n](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    OutboxFilter filter;
    filter.project_id = q.Id("project_id");
    filter.status = q.Text("status");
    filter.channel = q.Text("channel");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, n.ListOutbox(ctx, filter, page), OutboxPageJson);
  });
  router.Add("GET", "/api/v1/messages", [&n](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, n.ListMessages(ctx, page), MessagePageJson);
  });
  router.Add("POST", "/api/v1/messages/{id}/read", [&n](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, n.MarkRead(ctx, *id), MessageJson);
  });
}

}  // namespace anju::notify
