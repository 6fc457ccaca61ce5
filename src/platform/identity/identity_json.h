// The JSON forms of identity's values for its routes (identity_routes.cc): the signed-in
// account (`GET /api/v1/me`, and `user` in the login reply) and the login reply. The API
// contract (api/openapi.yaml) describes these shapes.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "core/tenant.h"
#include "platform/identity/identity_service.h"

namespace anju::identity {

// {id, login, name, kind: staff | resident, company_id,
//  permissions: [{code, all_projects, projects: [ids]}], house_ids, resident_ids, csrf_token}
boost::json::object MeJson(const TenantContext& ctx, const std::string& csrf_token);
// {token, csrf_token, expires_at, user: MeJson}
boost::json::object LoginJson(const LoginResult& login);

}  // namespace anju::identity
