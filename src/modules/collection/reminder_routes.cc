#include "modules/collection/reminder_routes.h"

#include "http/handlers.h"

namespace anju::collection {

using http::ById;
using http::QueryReader;
using http::Request;
using http::WithBody;

void RegisterReminderRoutes(http::Router& router, ReminderService& s) {
  router.Add("GET", "/api/v1/reminder-rules", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListRules(ctx, project_id));
  });
  router.Add("POST", "/api/v1/reminder-rules",
             WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.CreateRule(ctx, b); }));
  router.Add("PATCH", "/api/v1/reminder-rules/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.UpdateRule(ctx, id, b);
             }));
  router.Add("DELETE", "/api/v1/reminder-rules/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteRule(ctx, id); }));
  router.Add("POST", "/api/v1/reminders/run",
             WithBody(200, 0, [&s](auto& ctx, auto& b) { return s.RunNow(ctx, b); }));
  router.Add("GET", "/api/v1/collection/settings", [&s](Request& req, TenantContext& ctx) {
    return http::Reply(req, s.ListSettings(ctx));
  });
  router.Add("PUT", "/api/v1/collection/settings",
             WithBody(200, 0, [&s](auto& ctx, auto& b) { return s.PutSetting(ctx, b); }));
  router.Add("GET", "/api/v1/collection/assignments", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    AssignmentFilter f;
    f.project_id = q.Id("project_id");
    f.status = q.Text("status");
    std::string mine = q.Text("mine");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    if (!mine.empty() && mine != "true" && mine != "false")
      return http::ErrorReply(
          Error(errors::kBadQuery).WithField("mine", "invalid", "true or false"), req.request_id);
    f.mine = mine == "true";
    return http::Reply(req, s.ListAssignments(ctx, f, page));
  });
  router.Add("PUT", "/api/v1/collection/assignments/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.Reassign(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/collection/assignments/{id}/follow-ups",
             ById([&s](auto& ctx, int64_t id) { return s.ListFollowUps(ctx, id); }));
  router.Add("POST", "/api/v1/collection/assignments/{id}/follow-ups",
             WithBody(201, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.AddFollowUp(ctx, id, b);
             }));
}

}  // namespace anju::collection
