// In-app messages are written when they happen, in the caller's transaction.
//
// An in-app message needs no provider: delivering it is writing a `messages` row. So it is
// not left queued for the delivery job (which runs once a minute and made an owner's
// messages arrive late, several with the same minute); PostInApp records the outbox row as
// sent (transport in_app, one attempt) and the message with the event's own time, both in
// `tx`, so the message commits with the change that caused it or not at all. The outbox
// still lists it like every other message. Notifier::Enqueue sends in_app this way.
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "db/database.h"
#include "platform/notify/channel.h"

namespace anju::notify {

// `o.channel` must be "in_app" and `o.user_id` set; returns the outbox id.
int64_t PostInApp(db::Tx& tx, const Outgoing& o, Millis now);

}  // namespace anju::notify
