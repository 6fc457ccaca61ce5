#pragma once

#include "http/router.h"
#include "platform/notify/notifier.h"

namespace anju::notify {

// GET /api/v1/notify/outbox, GET /api/v1/messages, POST /api/v1/messages/{id}/read.
void RegisterRoutes(http::Router& router, Notifier& n);

}  // namespace anju::notify
