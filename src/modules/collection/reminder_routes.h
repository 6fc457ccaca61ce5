#pragma once

#include "http/router.h"
#include "modules/collection/reminders.h"

namespace anju::collection {

// /api/v1/reminder-rules…, /api/v1/reminders/run, /api/v1/collection/settings,
// /api/v1/collection/assignments… (reminders.h).
void RegisterReminderRoutes(http::Router& router, ReminderService& s);

}  // namespace anju::collection
