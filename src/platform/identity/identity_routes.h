#pragma once

#include "http/router.h"
#include "platform/identity/identity_service.h"

namespace anju::identity {

// The HTTP side of IdentityService's authentication (http::Authenticator, given to the
// router): the session token from `Authorization: Bearer …`, else from the `anju_session`
// cookie with the request's method and `X-CSRF-Token` header for the CSRF check.
class RequestAuthenticator : public http::Authenticator {
 public:
  explicit RequestAuthenticator(IdentityService& identity) : identity_(identity) {}
  Result<TenantContext> Authenticate(const http::Request& req) override;

 private:
  IdentityService& identity_;
};

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me,
// POST /api/v1/me/password.
void RegisterRoutes(http::Router& router, IdentityService& identity);

}  // namespace anju::identity
