// Org's routes: each reads its request into a command (org_json.h), calls OrgService and
// shapes the typed result into the reply. Where the service checks the caller's permission
// before it looks at the body (creating projects, staff and departments, writing roles), the
// route asks the same question (`May…`) between parsing the JSON and reading it, so that
// the answers and their order are as before.
#include "platform/org/org_routes.h"

#include <functional>

#include "http/handlers.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_json.h"

namespace anju::org {

namespace json = boost::json;
using http::ById;
using http::QueryReader;
using http::Request;
using http::Response;

namespace {

using MayFn = std::function<Status(const TenantContext&)>;

// A route with a JSON body: the {id} when `path_ids` is 1 (a malformed one answers 404),
// the body (MALFORMED_JSON), `may(ctx)` when given, the body read into a command by
// `read`, then `run(req, ctx, id, command)` (id 0 without a path id).
template <class Read, class Run>
http::Handler WithCommand(int path_ids, Read read, Run run, MayFn may = nullptr) {
  return [path_ids, read, run, may](Request& req, TenantContext& ctx) -> Response {
    std::optional<int64_t> id;
    if (path_ids >= 1 && !(id = req.IdParam(0))) return http::NotFound(req);
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    if (may)
      if (Status s = may(ctx); !s.ok()) return http::ErrorReply(s.error(), req.request_id);
    auto cmd = read(*body);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return run(req, ctx, id.value_or(0), *cmd);
  };
}

// {"items": [shape(x)…], "total": n} of a typed list, or the error reply.
template <class T, class Shape>
Response ItemsReply(const Request& req, const Result<std::vector<T>>& r, Shape shape) {
  return http::ReplyAs(req, r, [&](const std::vector<T>& v) { return ItemsJson(v, shape); });
}

}  // namespace

void RegisterRoutes(http::Router& router, OrgService& org) {
  router.Add("GET", "/api/v1/projects", [&org](Request& req, TenantContext& ctx) {
    return ItemsReply(req, org.ListProjects(ctx), ProjectJson);
  });
  router.Add("POST", "/api/v1/projects",
             WithCommand(
                 0, ReadNewProject,
                 [&org](Request& req, TenantContext& ctx, int64_t, const NewProject& cmd) {
                   return http::ReplyAs(req, org.CreateProject(ctx, cmd), ProjectJson, 201);
                 },
                 [&org](const TenantContext& ctx) { return org.MayCreateProjects(ctx); }));
  router.Add("GET", "/api/v1/projects/{id}", [&org](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, org.GetProject(ctx, *id), ProjectJson);
  });
  router.Add("PATCH", "/api/v1/projects/{id}",
             WithCommand(1, ReadProjectChanges,
                         [&org](Request& req, TenantContext& ctx, int64_t id,
                                const ProjectChanges& cmd) {
                           return http::ReplyAs(req, org.UpdateProject(ctx, id, cmd), ProjectJson);
                         }));

  router.Add("GET", "/api/v1/departments", [&org](Request& req, TenantContext& ctx) {
    return ItemsReply(req, org.ListDepartments(ctx), DepartmentJson);
  });
  MayFn may_departments = [&org](const TenantContext& ctx) { return org.MayWriteDepartments(ctx); };
  router.Add("POST", "/api/v1/departments",
             WithCommand(
                 0, ReadNewDepartment,
                 [&org](Request& req, TenantContext& ctx, int64_t, const NewDepartment& cmd) {
                   return http::ReplyAs(req, org.CreateDepartment(ctx, cmd), DepartmentJson, 201);
                 },
                 may_departments));
  router.Add("PATCH", "/api/v1/departments/{id}",
             WithCommand(
                 1, ReadDepartmentChanges,
                 [&org](Request& req, TenantContext& ctx, int64_t id,
                        const DepartmentChanges& cmd) {
                   return http::ReplyAs(req, org.UpdateDepartment(ctx, id, cmd), DepartmentJson);
                 },
                 may_departments));

  router.Add("GET", "/api/v1/staff", [&org](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    StaffFilter filter;
    filter.project_id = q.Id("project_id");
    filter.q = q.Text("q");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    auto staff = org.ListStaff(ctx, filter, page);
    if (!staff.ok()) return http::ErrorReply(staff.error(), req.request_id);
    json::array items;
    for (const StaffMember& s : staff->items) items.push_back(StaffJson(s));
    return http::ListReply(std::move(items), staff->total, page);
  });
  router.Add("POST", "/api/v1/staff",
             WithCommand(
                 0, ReadNewStaff,
                 [&org](Request& req, TenantContext& ctx, int64_t, const NewStaff& cmd) {
                   return http::ReplyAs(req, org.CreateStaff(ctx, cmd), StaffJson, 201);
                 },
                 [&org](const TenantContext& ctx) { return org.MayCreateStaff(ctx); }));
  router.Add("GET", "/api/v1/staff/{id}", [&org](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, org.GetStaff(ctx, *id), StaffJson);
  });
  router.Add("PATCH", "/api/v1/staff/{id}",
             WithCommand(1, ReadStaffChanges,
                         [&org](Request& req, TenantContext& ctx, int64_t id,
                                const StaffChanges& cmd) {
                           return http::ReplyAs(req, org.UpdateStaff(ctx, id, cmd), StaffJson);
                         }));
  router.Add("POST", "/api/v1/staff/{id}/password",
             WithCommand(1, ReadNewPassword,
                         [&org](Request& req, TenantContext& ctx, int64_t id,
                                const std::string& password) {
                           return http::Reply(req, org.ResetStaffPassword(ctx, id, password));
                         }));
  router.Add("GET", "/api/v1/staff/{id}/grants", [&org](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, org.ListGrants(ctx, *id), [](const std::vector<StaffGrant>& g) {
      return ItemsJson(g, [](const StaffGrant& x) { return GrantJson(x); }, false);
    });
  });
  router.Add("POST", "/api/v1/staff/{id}/grants",
             WithCommand(1, ReadNewGrant,
                         [&org](Request& req, TenantContext& ctx, int64_t id,
                                const NewGrant& cmd) {
                           return http::ReplyAs(
                               req, org.AddGrant(ctx, id, cmd),
                               [](const GrantAdded& g) { return GrantJson(g); }, 201);
                         }));
  router.Add("DELETE", "/api/v1/staff/{id}/grants/{grantId}",
             [&org](Request& req, TenantContext& ctx) {
               auto id = req.IdParam(0), grant = req.IdParam(1);
               if (!id || !grant) return http::NotFound(req);
               return http::Reply(req, org.RemoveGrant(ctx, *id, *grant));
             });

  router.Add("GET", "/api/v1/roles", [&org](Request& req, TenantContext& ctx) {
    return ItemsReply(req, org.ListRoles(ctx), RoleJson);
  });
  MayFn may_roles = [&org](const TenantContext& ctx) { return org.MayWriteRoles(ctx); };
  router.Add("POST", "/api/v1/roles",
             WithCommand(
                 0, ReadNewRole,
                 [&org](Request& req, TenantContext& ctx, int64_t, const NewRole& cmd) {
                   return http::ReplyAs(req, org.CreateRole(ctx, cmd), RoleJson, 201);
                 },
                 may_roles));
  router.Add("PATCH", "/api/v1/roles/{id}",
             WithCommand(
                 1, ReadRoleChanges,
                 [&org](Request& req, TenantContext& ctx, int64_t id, const RoleChanges& cmd) {
                   return http::ReplyAs(req, org.UpdateRole(ctx, id, cmd), RoleJson);
                 },
                 may_roles));
  router.Add("GET", "/api/v1/permissions", [](Request& req, TenantContext& ctx) {
    return http::JsonReply(200, PermissionCatalogueJson(identity::PermissionCatalogue()));
  });
}

}  // namespace anju::org
