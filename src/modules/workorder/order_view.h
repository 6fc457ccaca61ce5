// The order as JSON (the shape in docs/API.md "Work orders"): list rows and the full view
// with photos, signature, timeline and the actions the caller may take now.
#pragma once

#include <boost/json.hpp>

#include "core/tenant.h"
#include "db/database.h"
#include "modules/workorder/wo_internal.h"

namespace anju::workorder {

// SELECT list for OrderRowJson (alias o; joins c = category, h = house, b = building,
// a = assignee, r = responsible).
extern const char* const kViewSelect;
boost::json::object OrderRowJson(const db::Row& r, Millis now);
// The full view of one order the caller may see.
boost::json::object OrderFullJson(db::Tx& tx, const TenantContext& ctx, const Order& o,
                                  Millis now);
// The actions `ctx` may take on `o` now (drives the buttons).
boost::json::array ActionsFor(db::Tx& tx, const TenantContext& ctx, const Order& o, Millis now);

}  // namespace anju::workorder
