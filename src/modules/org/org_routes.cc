#include "modules/org/org_routes.h"

#include "http/reply.h"

namespace anju::org {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

// Wraps a handler that needs the JSON body.
template <class F>
http::Handler WithBody(F f) {
  return [f](Request& req, TenantContext& ctx) -> Response {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    return f(req, ctx, *body);
  };
}

Response NotFound(const Request& req) { return http::ErrorReply(errors::kNotFound, req.request_id); }

}  // namespace

void RegisterRoutes(http::Router& router, OrgService& org) {
  router.Add("GET", "/api/v1/projects", [&org](Request& req, TenantContext& ctx) {
    return http::Reply(req, org.ListProjects(ctx));
  });
  router.Add("POST", "/api/v1/projects",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               return http::Reply(req, org.CreateProject(ctx, b), 201);
             }));
  router.Add("GET", "/api/v1/projects/{id}", [&org](Request& req, TenantContext& ctx) {
    auto id = req.IdParam();
    return id ? http::Reply(req, org.GetProject(ctx, *id)) : NotFound(req);
  });
  router.Add("PATCH", "/api/v1/projects/{id}",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               auto id = req.IdParam();
               return id ? http::Reply(req, org.UpdateProject(ctx, *id, b)) : NotFound(req);
             }));

  router.Add("GET", "/api/v1/departments", [&org](Request& req, TenantContext& ctx) {
    return http::Reply(req, org.ListDepartments(ctx));
  });
  router.Add("POST", "/api/v1/departments",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               return http::Reply(req, org.CreateDepartment(ctx, b), 201);
             }));
  router.Add("PATCH", "/api/v1/departments/{id}",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               auto id = req.IdParam();
               return id ? http::Reply(req, org.UpdateDepartment(ctx, *id, b)) : NotFound(req);
             }));

  router.Add("GET", "/api/v1/staff", [&org](Request& req, TenantContext& ctx) {
    auto page = http::PageOf(req);
    if (!page.ok()) return http::ErrorReply(page.error(), req.request_id);
    auto project = http::IdQuery(req, "project_id");
    if (!project.ok()) return http::ErrorReply(project.error(), req.request_id);
    auto q = http::TextQuery(req, "q");
    if (!q.ok()) return http::ErrorReply(q.error(), req.request_id);
    int64_t total = 0;
    auto items = org.ListStaff(ctx, *project, *q, page->offset(), page->size, &total);
    if (!items.ok()) return http::ErrorReply(items.error(), req.request_id);
    return http::ListReply(std::move(items->as_array()), total, *page);
  });
  router.Add("POST", "/api/v1/staff",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               return http::Reply(req, org.CreateStaff(ctx, b), 201);
             }));
  router.Add("GET", "/api/v1/staff/{id}", [&org](Request& req, TenantContext& ctx) {
    auto id = req.IdParam();
    return id ? http::Reply(req, org.GetStaff(ctx, *id)) : NotFound(req);
  });
  router.Add("PATCH", "/api/v1/staff/{id}",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               auto id = req.IdParam();
               return id ? http::Reply(req, org.UpdateStaff(ctx, *id, b)) : NotFound(req);
             }));
  router.Add("POST", "/api/v1/staff/{id}/password",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               auto id = req.IdParam();
               return id ? http::Reply(req, org.ResetStaffPassword(ctx, *id, b)) : NotFound(req);
             }));
  router.Add("GET", "/api/v1/staff/{id}/grants", [&org](Request& req, TenantContext& ctx) {
    auto id = req.IdParam();
    return id ? http::Reply(req, org.ListGrants(ctx, *id)) : NotFound(req);
  });
  router.Add("POST", "/api/v1/staff/{id}/grants",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               auto id = req.IdParam();
               return id ? http::Reply(req, org.AddGrant(ctx, *id, b), 201) : NotFound(req);
             }));
  router.Add("DELETE", "/api/v1/staff/{id}/grants/{grantId}",
             [&org](Request& req, TenantContext& ctx) {
               auto id = req.IdParam(0), grant = req.IdParam(1);
               return id && grant ? http::Reply(req, org.RemoveGrant(ctx, *id, *grant))
                                  : NotFound(req);
             });

  router.Add("GET", "/api/v1/roles", [&org](Request& req, TenantContext& ctx) {
    return http::Reply(req, org.ListRoles(ctx));
  });
  router.Add("POST", "/api/v1/roles",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               return http::Reply(req, org.CreateRole(ctx, b), 201);
             }));
  router.Add("PATCH", "/api/v1/roles/{id}",
             WithBody([&org](Request& req, TenantContext& ctx, const json::object& b) {
               auto id = req.IdParam();
               return id ? http::Reply(req, org.UpdateRole(ctx, *id, b)) : NotFound(req);
             }));
  router.Add("GET", "/api/v1/permissions", [&org](Request& req, TenantContext& ctx) {
    return http::JsonReply(200, org.PermissionCatalogueJson());
  });
}

}  // namespace anju::org
