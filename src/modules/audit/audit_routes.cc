#include "modules/audit/audit_routes.h"

#include "http/reply.h"
#include "modules/audit/audit_log.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"

namespace anju::audit {

namespace json = boost::json;
using http::Request;
using http::Response;
namespace perm = identity::perm;

namespace {

Response List(db::Database& db, Request& req, const TenantContext& ctx) {
  if (auto s = identity::Require(ctx, perm::kAuditRead); !s.ok())
    return http::ErrorReply(s.error(), req.request_id);
  auto page = http::PageOf(req);
  if (!page.ok()) return http::ErrorReply(page.error(), req.request_id);
  auto entity_id = http::IdQuery(req, "entity_id");
  if (!entity_id.ok()) return http::ErrorReply(entity_id.error(), req.request_id);
  auto project_id = http::IdQuery(req, "project_id");
  if (!project_id.ok()) return http::ErrorReply(project_id.error(), req.request_id);
  std::string where = " FROM audit_log WHERE company_id = ?";
  db::Params params{ctx.company_id};
  // Project-scoped readers see the rows of their projects only (not company-level rows).
  const Scope* s = ctx.access.ScopeOf(std::string(perm::kAuditRead));
  if (!s->all_projects) {
    where += " AND project_id IS NOT NULL";
    identity::AppendProjectScope(ctx, perm::kAuditRead, "project_id", where, params);
  }
  for (const char* f : {"entity", "action", "actor"}) {
    auto v = http::TextQuery(req, f, 64);
    if (!v.ok()) return http::ErrorReply(v.error(), req.request_id);
    if (v->empty()) continue;
    where += std::string(" AND ") + (std::string(f) == "actor" ? "actor_login" : f) + " = ?";
    params.emplace_back(*v);
  }
  if (*entity_id) { where += " AND entity_id = ?"; params.emplace_back(**entity_id); }
  if (*project_id) { where += " AND project_id = ?"; params.emplace_back(**project_id); }
  return db.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    int64_t total = tx.QueryOne("SELECT COUNT(*)" + where, params)->Int(0);
    params.emplace_back(page->size);
    params.emplace_back(page->offset());
    json::array items;
    for (auto& r : tx.Query("SELECT id, seq, at, actor_id, actor_login, action, entity, "
                            "entity_id, project_id, before_json, after_json, request_id, ip" +
                                where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                            params)) {
      json::object o{{"id", r.Int(0)},          {"seq", r.Int(1)},
                     {"at", FormatUtc(r.Int(2))}, {"actor_login", r.Str(4)},
                     {"action", r.Str(5)},        {"entity", r.Str(6)},
                     {"request_id", r.Str(11)},   {"ip", r.Str(12)}};
      o["actor_id"] = r.IsNull(3) ? json::value(nullptr) : json::value(r.Int(3));
      o["entity_id"] = r.IsNull(7) ? json::value(nullptr) : json::value(r.Int(7));
      o["project_id"] = r.IsNull(8) ? json::value(nullptr) : json::value(r.Int(8));
      o["before"] = json::parse(r.Str(9));
      o["after"] = json::parse(r.Str(10));
      items.push_back(std::move(o));
    }
    return http::ListReply(std::move(items), total, *page);
  });
}

}  // namespace

void RegisterRoutes(http::Router& router, db::Database& db) {
  router.Add("GET", "/api/v1/audit-log", [&db](Request& req, TenantContext& ctx) {
    return List(db, req, ctx);
  });
  router.Add("GET", "/api/v1/audit-log/verify", [&db](Request& req, TenantContext& ctx) {
    const Scope* s = ctx.IsResident() ? nullptr : ctx.access.ScopeOf(std::string(perm::kAuditRead));
    if (!s || !s->all_projects) return http::ErrorReply(errors::kForbidden, req.request_id);
    return http::JsonReply(200, ToJson(Verify(db, ctx.company_id)));
  });
}

}  // namespace anju::audit
