// The order as it is shown (the values of workorder_types.h; the JSON in workorder_json.h):
// list rows and the full view with photos, signature, timeline and the actions the caller
// may take now.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/tenant.h"
#include "db/database.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_types.h"

namespace anju::workorder {

// SELECT list for ReadOrderRow (alias o; joins c = category).
extern const char* const kViewSelect;
// The names a row shows that other modules own: house codes and building names
// (property), the assignee's and the responsible person's names (identity). Read once per
// page of rows, inside the same transaction.
struct ViewNames {
  std::map<int64_t, std::string> houses, buildings, people;
};
ViewNames NamesFor(db::Tx& tx, int64_t company_id, const db::Rows& rows);
// A row of kViewSelect with its names; the SLA state as of `now`.
OrderRow ReadOrderRow(const db::Row& r, const ViewNames& names, Millis now);
// The full view of one order the caller may see (for_resident when the caller is one).
OrderView LoadView(db::Tx& tx, const TenantContext& ctx, const Order& o, Millis now);
// The actions `ctx` may take on `o` now (drives the buttons).
std::vector<std::string> ActionsFor(db::Tx& tx, const TenantContext& ctx, const Order& o,
                                    Millis now);

}  // namespace anju::workorder
