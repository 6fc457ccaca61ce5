#pragma once

#include "http/router.h"
#include "modules/identity/identity_service.h"

namespace anju::identity {

// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me,
// POST /api/v1/me/password.
void RegisterRoutes(http::Router& router, IdentityService& identity);

}  // namespace anju::identity
