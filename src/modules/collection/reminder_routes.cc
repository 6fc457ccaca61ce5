// The reminder and collection routes: each reads its query or body into a filter or a
// command (collection_json.h), calls ReminderService and shapes the typed result into the
// reply. A write checks the caller's permission before it reads the body, as the API always
// has.
#include "modules/collection/reminder_routes.h"

#include "http/handlers.h"
#include "modules/collection/collection_json.h"

namespace anju::collection {

using http::ById;
using http::QueryReader;
using http::Request;
using http::Response;
using http::WithCommand;

void RegisterReminderRoutes(http::Router& router, ReminderService& s) {
  auto write = [&s](const TenantContext& ctx) { return s.MayWriteReminders(ctx); };
  auto collect = [&s](const TenantContext& ctx) { return s.MayReadCollection(ctx); };

  router.Add("GET", "/api/v1/reminder-rules", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.ListRules(ctx, project_id), RulesJson);
  });
  router.Add("POST", "/api/v1/reminder-rules",
             WithCommand(
                 201, 0, write, ReadCreateRule,
                 [&s](auto& ctx, auto& c) { return s.CreateRule(ctx, c); }, RuleJson));
  router.Add(
      "PATCH", "/api/v1/reminder-rules/{id}",
      WithCommand(
          200, 1, write, ReadUpdateRule,
          [&s](auto& ctx, int64_t id, auto& c) { return s.UpdateRule(ctx, id, c); }, RuleJson));
  router.Add("DELETE", "/api/v1/reminder-rules/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.DeleteRule(ctx, id); }));
  router.Add("POST", "/api/v1/reminders/run",
             WithCommand(
                 200, 0, write, ReadRunNow,
                 [&s](auto& ctx, auto& as_of) { return s.RunNow(ctx, as_of); }, ReminderRunJson));
  router.Add("GET", "/api/v1/collection/settings", [&s](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, s.ListSettings(ctx), SettingsJson);
  });
  router.Add("PUT", "/api/v1/collection/settings",
             WithCommand(
                 200, 0, write, ReadPutSetting,
                 [&s](auto& ctx, auto& c) { return s.PutSetting(ctx, c); }, SettingJson));
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
    return http::ReplyAs(req, s.ListAssignments(ctx, f, page), AssignmentsJson);
  });
  router.Add(
      "PUT", "/api/v1/collection/assignments/{id}",
      WithCommand(
          200, 1, write, ReadReassign,
          [&s](auto& ctx, int64_t id, int64_t assignee) { return s.Reassign(ctx, id, assignee); },
          AssignmentJson));
  router.Add("GET", "/api/v1/collection/assignments/{id}/follow-ups",
             [&s](Request& req, TenantContext& ctx) {
               auto id = req.IdParam(0);
               if (!id) return http::NotFound(req);
               return http::ReplyAs(req, s.ListFollowUps(ctx, *id), FollowUpsJson);
             });
  router.Add("POST", "/api/v1/collection/assignments/{id}/follow-ups",
             WithCommand(
                 201, 1, collect, ReadFollowUp,
                 [&s](auto& ctx, int64_t id, auto& c) { return s.AddFollowUp(ctx, id, c); },
                 FollowUpJson));
}

}  // namespace anju::collection
