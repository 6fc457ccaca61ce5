// The JSON forms of the notifier's values for its routes (notify_routes.cc): outbox rows and
// in-app messages, and their pages. The API contract (api/openapi.yaml) describes them.
#pragma once

#include <boost/json.hpp>

#include "platform/notify/notifier.h"

namespace anju::notify {

// {id, project_id, channel, recipient, template, text, status, transport, attempts,
//  last_error, ref_type, ref_id, created_at, sent_at}
boost::json::object OutboxJson(const OutboxEntry& e);
// {items, total, page, size, sms_configured}
boost::json::object OutboxPageJson(const OutboxPage& p);
// {id, title, text, ref_type, ref_id, read, created_at}
boost::json::object MessageJson(const InAppMessage& m);
// {items, total, unread, page, size}
boost::json::object MessagePageJson(const MessagePage& p);

}  // namespace anju::notify
