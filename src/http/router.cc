#include "http/router.h"

#include <chrono>

#include "core/log.h"
#include "db/database.h"
#include "http/metrics.h"

namespace anju::http {

namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') { ++i; continue; }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsJson(std::string_view content_type) {
  auto semi = content_type.find(';');
  std::string_view media = content_type.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (media.size() != 16) return false;
  for (size_t i = 0; i < 16; ++i)
    if (std::tolower(static_cast<unsigned char>(media[i])) != "application/json"[i]) return false;
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler h) {
  routes_.push_back({std::move(method), pattern, Split(pattern), std::move(h), nullptr});
}

void Router::AddPublic(std::string method, std::string pattern, PublicHandler h, bool any_body) {
  routes_.push_back({std::move(method), pattern, Split(pattern), nullptr, std::move(h), any_body});
}

void Router::AddUpload(std::string method, std::string pattern, Handler h) {
  routes_.push_back({std::move(method), pattern, Split(pattern), std::move(h), nullptr,
                     /*any_body=*/true, /*max_body=*/SIZE_MAX});
}

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  for (auto& r : routes_) out.push_back({r.method, r.pattern, r.handler != nullptr});
  return out;
}

Response Router::Handle(Request& req) const {
  auto start = std::chrono::steady_clock::now();
  Response res;
  try {
    res = Dispatch(req);
  } catch (const db::DbError& e) {
    if (e.kind() == db::DbError::Kind::kUniqueViolation ||
        e.kind() == db::DbError::Kind::kForeignKeyViolation) {
      res = ErrorReply(errors::kConflict, req.request_id);
    } else if (e.kind() == db::DbError::Kind::kSerialization ||
               e.kind() == db::DbError::Kind::kConnection) {
      log::Warn("database busy", {{"request_id", req.request_id}, {"error", e.what()}});
      res = ErrorReply(errors::kUnavailable, req.request_id);
    } else {
      log::Error("database error", {{"request_id", req.request_id}, {"error", e.what()}});
      res = ErrorReply(errors::kInternal, req.request_id);
    }
  } catch (const std::exception& e) {
    log::Error("request failed", {{"request_id", req.request_id}, {"error", e.what()}});
    res = ErrorReply(errors::kInternal, req.request_id);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string& route = req.route.empty() ? std::string("unmatched") : req.route;
  GlobalMetrics().ObserveRequest(req.method, route, res.status, secs);
  if (req.path != "/healthz" && req.path != "/metrics") {
    // The path as decoded (log:: escapes hostile bytes); never the query, headers or body,
    // which may hold personal data or secrets. A path that carries a token (a receipt's
    // verify link, a report point) is logged as its route pattern.
    bool secret_path = route.find("{token}") != std::string::npos;
    log::Access({{"request_id", req.request_id},
                 {"method", req.method},
                 {"route", route},
                 {"path", secret_path ? route : req.path},
                 {"status", res.status},
                 {"ms", secs * 1000},
                 {"ip", req.remote_ip},
                 {"error", res.error_code}});
  }
  return res;
}

Response Router::Dispatch(Request& req) const {
  std::vector<std::string> segs = Split(req.path);
  bool path_matched = false;
  for (const Route& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::vector<std::string> params;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      const std::string& p = r.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') params.push_back(segs[i]);
      else ok = p == segs[i];
    }
    if (!ok) continue;
    path_matched = true;
    if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) continue;
    req.route = r.pattern;
    req.path_params = std::move(params);
    if (req.body.size() > r.max_body) return ErrorReply(errors::kBodyTooLarge, req.request_id);
    if (!req.body.empty() && !r.any_body && !IsJson(req.Header("content-type")))
      return ErrorReply(errors::kUnsupportedMedia, req.request_id);
    if (r.public_handler) return r.public_handler(req);
    auto ctx = auth_->Authenticate(req);
    if (!ctx.ok()) return ErrorReply(ctx.error(), req.request_id);
    ctx->request_id = req.request_id;
    ctx->ip = req.remote_ip;
    return r.handler(req, *ctx);
  }
  if (path_matched) return ErrorReply(errors::kMethodNotAllowed, req.request_id);
  if (fallback_ && req.path.rfind("/api/", 0) != 0) {
    req.route = "static";
    return fallback_(req);
  }
  return ErrorReply(errors::kNotFound, req.request_id);
}

}  // namespace anju::http
