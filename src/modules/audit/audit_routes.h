#pragma once

#include "db/database.h"
#include "http/router.h"

namespace anju::audit {

// GET /api/v1/audit-log?entity=&entity_id=&action=&actor=&project_id=&page=&size=
// GET /api/v1/audit-log/verify — the chain check of the caller's company.
void RegisterRoutes(http::Router& router, db::Database& db);

}  // namespace anju::audit
