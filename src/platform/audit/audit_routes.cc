#include "platform/audit/audit_routes.h"

#include "http/reply.h"
#include "platform/audit/audit_log.h"

namespace anju::audit {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

// The caller's scope of `read_code`, or nullptr when they may not read the log at all.
const Scope* ReadScope(const TenantContext& ctx, const std::string& read_code) {
  return ctx.IsResident() ? nullptr : ctx.access.ScopeOf(read_code);
}

Response List(db::Database& db, Request& req, const TenantContext& ctx,
              const std::string& read_code) {
  const Scope* s = ReadScope(ctx, read_code);
  if (!s) return http::ErrorReply(errors::kForbidden, req.request_id);
  auto page = http::PageOf(req);
  if (!page.ok()) return http::ErrorReply(page.error(), req.request_id);
  auto entity_id = http::IdQuery(req, "entity_id");
  if (!entity_id.ok()) return http::ErrorReply(entity_id.error(), req.request_id);
  auto project_id = http::IdQuery(req, "project_id");
  if (!project_id.ok()) return http::ErrorReply(project_id.error(), req.request_id);
  std::string where = " FROM audit_log WHERE company_id = ?";
  db::Params params{ctx.company_id};
  // Project-scoped readers see the rows of their projects only (not company-level rows).
  if (!s->all_projects) {
    std::string in;
    for (int64_t p : s->projects) {
      in += in.empty() ? "?" : ", ?";
      params.emplace_back(p);
    }
    where += in.empty() ? " AND 1 = 0" : " AND project_id IN (" + in + ")";
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

void RegisterRoutes(http::Router& router, db::Database& db, std::string read_code) {
  router.Add("GET", "/api/v1/audit-log", [&db, read_code](Request& req, TenantContext& ctx) {
    return List(db, req, ctx, read_code);
  });
  router.Add("GET", "/api/v1/audit-log/verify", [&db, read_code](Request& req, TenantContext& ctx) {
    const Scope* s = ReadScope(ctx, read_code);
    if (!s || !s->all_projects) return http::ErrorReply(errors::kForbidden, req.request_id);
    return http::JsonReply(200, ToJson(Verify(db, ctx.company_id)));
  });
}

}  // namespace anju::audit
