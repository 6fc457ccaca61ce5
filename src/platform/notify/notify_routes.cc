#include "platform/notify/notify_routes.h"

#include "http/handlers.h"

namespace anju::notify {

using http::QueryReader;
using http::Request;

void RegisterRoutes(http::Router& router, Notifier& n) {
  router.Add("GET", "/api/v1/notify/outbox", [&n](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string status = q.Text("status"), channel = q.Text("channel");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, n.ListOutbox(ctx, project_id, status, channel, page));
  });
  router.Add("GET", "/api/v1/messages", [&n](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, n.ListMessages(ctx, page));
  });
  router.Add("POST", "/api/v1/messages/{id}/read",
             http::ById([&n](auto& ctx, int64_t id) { return n.MarkRead(ctx, id); }));
}

}  // namespace anju::notify
