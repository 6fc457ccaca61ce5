// Authorisation helpers every module's access policy uses.
//
// Rules (the same in every module):
// - A staff caller without the permission code at all gets 403 FORBIDDEN.
// - Rows of another company, or of a project outside the code's scope, are invisible:
//   lists leave them out and single-row reads and writes answer 404, so a caller cannot
//   even learn that they exist.
// - Residents hold no permission codes; modules that serve residents check
//   `ctx.OwnsHouse(house_id)` and filter lists to `ctx.house_ids` themselves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::identity {

// 403 unless a staff caller holds `code` for at least one project (or company-wide).
Status Require(const TenantContext& ctx, std::string_view code);

// 404 unless the caller holds `code` in `project_id`. Use after loading a row by id
// (the row's company_id must already have been matched in SQL).
Status RequireIn(const TenantContext& ctx, std::string_view code, int64_t project_id);

// Appends " AND <column> IN (?, …)" for the projects where the caller holds `code`
// (nothing when company-wide; " AND 1 = 0" when none).
void AppendProjectScope(const TenantContext& ctx, std::string_view code, std::string_view column,
                        std::string& sql, db::Params& params);

// Appends " AND <column> IN (?, …)" for `ids` (" AND 1 = 0" when none).
void AppendIdIn(std::string_view column, const std::vector<int64_t>& ids, std::string& sql,
                db::Params& params);

// Appends " AND <column> IN (?, …)" for a resident's houses (" AND 1 = 0" when none).
void AppendHouseScope(const TenantContext& ctx, std::string_view column, std::string& sql,
                      db::Params& params);

// Active staff of a company who hold `code` through a grant for `project_id` itself, by
// user id: the project's team, to whom modules assign work (collection, later work
// orders). Company-wide holders (an HQ admin holds every code) are not in it.
struct StaffRef {
  int64_t id = 0;
  std::string name;
};
std::vector<StaffRef> StaffHolding(db::Tx& tx, int64_t company_id, int64_t project_id,
                                   std::string_view code);
// Active staff holding `code` through a company-wide grant (HQ), by user id.
std::vector<StaffRef> StaffHoldingCompanyWide(db::Tx& tx, int64_t company_id,
                                              std::string_view code);
// The name of a user of the company, or "" when there is none.
std::string UserName(db::Tx& tx, int64_t company_id, int64_t user_id);

}  // namespace anju::identity
