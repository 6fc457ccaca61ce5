#include "platform/identity/identity_routes.h"

#include "core/json_body.h"
#include "http/reply.h"
#include "platform/identity/identity_json.h"

namespace anju::identity {

namespace json = boost::json;
using http::Request;
using http::Response;

Result<TenantContext> RequestAuthenticator::Authenticate(const http::Request& req) {
  std::string_view authz = req.Header("authorization");
  if (authz.size() > 7 && (authz.substr(0, 7) == "Bearer " || authz.substr(0, 7) == "bearer "))
    return identity_.AuthenticateToken(authz.substr(7));
  return identity_.AuthenticateCookie(req.Cookie(kSessionCookie), req.Header("x-csrf-token"),
                                      req.method);
}

void RegisterRoutes(http::Router& router, IdentityService& identity) {
  router.AddPublic("POST", "/api/v1/auth/login", [&identity](Request& req) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    BodyReader r(*body);
    auto login = r.Str("login", true, 64);
    auto password = r.Str("password", true, 128);
    if (auto s = r.Finish(); !s.ok()) return http::ErrorReply(s.error(), req.request_id);
    auto res = identity.Login(*login, *password, req.remote_ip, req.request_id);
    if (!res.ok()) return http::ErrorReply(res.error(), req.request_id);
    Response reply = http::JsonReply(200, LoginJson(*res));
    reply.Header("Set-Cookie", SessionCookie(res->token, identity.config().session_max,
                                             identity.config().cookie_secure));
    return reply;
  });

  router.Add("POST", "/api/v1/auth/logout", [&identity](Request& req, TenantContext& ctx) {
    Response reply = http::Reply(req, identity.Logout(ctx));
    reply.Header("Set-Cookie", SessionCookie("", 0, identity.config().cookie_secure));
    return reply;
  });

  router.Add("GET", "/api/v1/me", [&identity](Request& req, TenantContext& ctx) {
    return http::JsonReply(200, MeJson(ctx, identity.CsrfOf(ctx)));
  });

  router.Add("POST", "/api/v1/me/password", [&identity](Request& req, TenantContext& ctx) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    BodyReader r(*body);
    auto current = r.Str("current_password", true, 128);
    auto next = r.Str("new_password", true, 128);
    if (auto s = r.Finish(); !s.ok()) return http::ErrorReply(s.error(), req.request_id);
    return http::Reply(req, identity.ChangePassword(ctx, *current, *next));
  });
}

}  // namespace anju::identity
