#pragma once

#include "http/router.h"
#include "modules/billing/reminders.h"

namespace anju::billing {

// /api/v1/reminder-rules…, /api/v1/reminders/run, /api/v1/collection/settings,
// /api/v1/collection/assignments… (reminders.h).
void RegisterReminderRoutes(http::Router& router, ReminderService& s);

}  // namespace anju::billing
