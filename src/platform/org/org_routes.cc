#include "platform/org/org_routes.h"

#include "http/handlers.h"

namespace anju::org {

namespace json = boost::json;
using http::ById;
using http::QueryReader;
using http::Request;
using http::Response;
using http::WithBody;

void RegisterRoutes(http::Router& router, OrgService& org) {
  router.Add("GET", "/api/v1/projects", [&org](Request& req, TenantContext& ctx) {
    return http::Reply(req, org.ListProjects(ctx));
  });
  router.Add("POST", "/api/v1/projects",
             WithBody(201, 0, [&org](auto& ctx, auto& b) { return org.CreateProject(ctx, b); }));
  router.Add("GET", "/api/v1/projects/{id}",
             ById([&org](auto& ctx, int64_t id) { return org.GetProject(ctx, id); }));
  router.Add("PATCH", "/api/v1/projects/{id}",
             WithBody(200, 1, [&org](auto& ctx, int64_t id, auto& b) {
               return org.UpdateProject(ctx, id, b);
             }));

  router.Add("GET", "/api/v1/departments", [&org](Request& req, TenantContext& ctx) {
    return http::Reply(req, org.ListDepartments(ctx));
  });
  router.Add("POST", "/api/v1/departments",
             WithBody(201, 0, [&org](auto& ctx, auto& b) { return org.CreateDepartment(ctx, b); }));
  router.Add("PATCH", "/api/v1/departments/{id}",
             WithBody(200, 1, [&org](auto& ctx, int64_t id, auto& b) {
               return org.UpdateDepartment(ctx, id, b);
             }));

  router.Add("GET", "/api/v1/staff", [&org](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string text = q.Text("q");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    int64_t total = 0;
    auto items = org.ListStaff(ctx, project_id, text, page.offset(), page.size, &total);
    if (!items.ok()) return http::ErrorReply(items.error(), req.request_id);
    return http::ListReply(std::move(items->as_array()), total, page);
  });
  router.Add("POST", "/api/v1/staff",
             WithBody(201, 0, [&org](auto& ctx, auto& b) { return org.CreateStaff(ctx, b); }));
  router.Add("GET", "/api/v1/staff/{id}",
             ById([&org](auto& ctx, int64_t id) { return org.GetStaff(ctx, id); }));
  router.Add("PATCH", "/api/v1/staff/{id}",
             WithBody(200, 1, [&org](auto& ctx, int64_t id, auto& b) {
               return org.UpdateStaff(ctx, id, b);
             }));
  router.Add("POST", "/api/v1/staff/{id}/password",
             WithBody(204, 1, [&org](auto& ctx, int64_t id, auto& b) {
               return org.ResetStaffPassword(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/staff/{id}/grants",
             ById([&org](auto& ctx, int64_t id) { return org.ListGrants(ctx, id); }));
  router.Add("POST", "/api/v1/staff/{id}/grants",
             WithBody(201, 1, [&org](auto& ctx, int64_t id, auto& b) {
               return org.AddGrant(ctx, id, b);
             }));
  router.Add("DELETE", "/api/v1/staff/{id}/grants/{grantId}",
             [&org](Request& req, TenantContext& ctx) {
               auto id = req.IdParam(0), grant = req.IdParam(1);
               if (!id || !grant) return http::NotFound(req);
               return http::Reply(req, org.RemoveGrant(ctx, *id, *grant));
             });

  router.Add("GET", "/api/v1/roles", [&org](Request& req, TenantContext& ctx) {
    return http::Reply(req, org.ListRoles(ctx));
  });
  router.Add("POST", "/api/v1/roles",
             WithBody(201, 0, [&org](auto& ctx, auto& b) { return org.CreateRole(ctx, b); }));
  router.Add("PATCH", "/api/v1/roles/{id}",
             WithBody(200, 1, [&org](auto& ctx, int64_t id, auto& b) {
               return org.UpdateRole(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/permissions", [&org](Request& req, TenantContext& ctx) {
    return http::JsonReply(200, org.PermissionCatalogueJson());
  });
}

}  // namespace anju::org
