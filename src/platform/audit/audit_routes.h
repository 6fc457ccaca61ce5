#pragma once

#include <string>

#include "db/database.h"
#include "http/router.h"

namespace anju::audit {

// GET /api/v1/audit-log?entity=&entity_id=&action=&actor=&project_id=&page=&size=
// GET /api/v1/audit-log/verify — the chain check of the caller's company.
//
// `read_code` is the permission code that lets staff read the log (identity's
// `perm::kAuditRead`, passed in by the app: audit sits below identity and includes none of
// it). Without the code: 403. Holders for some projects list those projects' rows only (no
// company-level rows) and may not verify; company-wide holders see and verify everything.
void RegisterRoutes(http::Router& router, db::Database& db, std::string read_code);

}  // namespace anju::audit
