#pragma once

#include "http/router.h"
#include "platform/org/org_service.h"

namespace anju::org {

// /api/v1/projects, /departments, /staff (+ /password, /grants), /roles, /permissions.
void RegisterRoutes(http::Router& router, OrgService& org);

}  // namespace anju::org
