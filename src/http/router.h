// Routes requests to handlers and runs the pipeline every API request goes through:
//
//   match route (404 / 405) → body size (413) and content type (415) → authenticate (401)
//   and, for a
//   cookie session, check the CSRF header on unsafe methods (403) → handler → exceptions
//   become a 409 (unique/foreign-key violation) or a 500 with the request id → metrics and
//   one JSON access-log line.
//
// Handlers are plain functions; authorisation (permission codes and tenant scope) is the
// business module's job, through the TenantContext it receives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/tenant.h"
#include "http/message.h"

namespace anju::http {

// Turns a request's credentials (bearer token or session cookie) into a tenant context.
// Must check CSRF for cookie sessions on unsafe methods. Thread-safe.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual Result<TenantContext> Authenticate(const Request& req) = 0;
};

// The largest body a JSON route (or a public raw-body route) accepts; 413 BODY_TOO_LARGE
// beyond it. The server reads up to ServerOptions::body_limit, which is larger so that an
// upload route (AddUpload) can take a photo.
inline constexpr size_t kMaxJsonBodyBytes = 1024 * 1024;

using Handler = std::function<Response(Request&, TenantContext&)>;
using PublicHandler = std::function<Response(Request&)>;

class Router {
 public:
  explicit Router(std::shared_ptr<Authenticator> auth) : auth_(std::move(auth)) {}

  // Pattern segments in braces are parameters: "/api/v1/houses/{id}".
  void Add(std::string method, std::string pattern, Handler h);
  // any_body: the handler reads the raw body whatever its content type (payment-provider
  // notifies, which are form-encoded or signed raw JSON); otherwise a body must be JSON.
  void AddPublic(std::string method, std::string pattern, PublicHandler h, bool any_body = false);
  // An authenticated route that reads the raw body whatever its content type (uploads),
  // up to the server's body_limit; the handler checks the type and size. A cookie session
  // still needs the CSRF header (the authenticator checks it on unsafe methods), so a
  // cross-site form cannot post to it.
  void AddUpload(std::string method, std::string pattern, Handler h);
  // Requests matching no route fall through to this (the web UI's static files).
  void SetFallback(PublicHandler h) { fallback_ = std::move(h); }

  Response Handle(Request& req) const;

  struct RouteInfo {
    std::string method, pattern;
    bool needs_auth;
  };
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method, pattern;
    std::vector<std::string> segments;
    Handler handler;
    PublicHandler public_handler;
    bool any_body = false;
    size_t max_body = kMaxJsonBodyBytes;
  };
  Response Dispatch(Request& req) const;
  std::shared_ptr<Authenticator> auth_;
  std::vector<Route> routes_;
  PublicHandler fallback_;
};

}  // namespace anju::http
