// The Notifier: the outbox every notification goes through, and its delivery.
//
// Design
// A module that wants to tell somebody something calls Enqueue() inside the transaction of
// the change that causes it (a reminder, a work-order step): one `notify_outbox` row per
// recipient and channel, status `queued`. It commits with the change or not at all, so a
// message is recorded exactly once. Deliver() — run by the job that enqueued, and by
// `anju serve` every minute — then sends queued rows through their channel:
//   sms     the HTTP provider (sms_http.h) when `--sms-url` is set; otherwise the outbox is
//           the destination: the row is marked sent with transport `local` (the demo and the
//           tests read it there, the console shows it)
//   in_app  a row in `messages` for the user (UNIQUE outbox_id: written once)
// Each attempt first claims the row (attempts + 1, next_attempt_at pushed back) with a
// conditional UPDATE, so two instances never send the same attempt; a failure is retried
// with backoff (1, 2, 4 … 60 minutes) until kMaxAttempts, then the row is `failed`. A crash
// between the provider's answer and the bookkeeping resends with the same id: delivery is
// at least once, and the provider drops repeats by id.
//
// Personal data: the phone is stored AEAD-encrypted (context "notify_outbox.phone") and
// shown masked (`recipient`); it is decrypted only to hand it to the channel. Nothing here
// logs or returns it.
// Thread-safe: no mutable state besides the channels, which are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "platform/notify/channel.h"

namespace anju::notify {

inline constexpr int64_t kMaxAttempts = 6;
inline constexpr int64_t kDeliverBatch = 200;

// One outbox row as the console shows it: the phone only masked (`recipient`).
struct OutboxEntry {
  int64_t id = 0;
  std::optional<int64_t> project_id;
  std::string channel;  // sms | in_app
  std::string recipient, template_code, text;
  std::string status;                    // queued | sent | failed
  std::optional<std::string> transport;  // http | local | in_app, once sent
  int64_t attempts = 0;
  std::optional<std::string> last_error;
  std::string ref_type;
  std::optional<int64_t> ref_id;
  Millis created_at = 0;
  std::optional<Millis> sent_at;
};
// Which outbox rows a list shows; "" for any status or channel.
struct OutboxFilter {
  std::optional<int64_t> project_id;
  std::string status, channel;
};
// A page of the outbox, how many rows match, and whether SMS goes to a provider.
struct OutboxPage {
  std::vector<OutboxEntry> items;
  int64_t total = 0;
  Page page;
  bool sms_configured = false;
};

// An in-app message of the caller.
struct InAppMessage {
  int64_t id = 0;
  std::string title, text, ref_type;
  std::optional<int64_t> ref_id;
  bool read = false;
  Millis created_at = 0;
};
// A page of the caller's messages, how many they have and how many are unread.
struct MessagePage {
  std::vector<InAppMessage> items;
  int64_t total = 0, unread = 0;
  Page page;
};

struct DeliveryReport {
  int64_t sent = 0, retrying = 0, failed = 0;
};

class Notifier {
 public:
  // sms: the provider channel, or nullptr to keep SMS in the local outbox.
  Notifier(db::Database& db, const Clock& clock, const crypto::SecretKey& key,
           std::unique_ptr<Channel> sms);
  ~Notifier();

  // Inside the caller's write transaction: records the message, returns the outbox id.
  int64_t Enqueue(db::Tx& tx, const Outgoing& o, Millis now);
  // Sends what is due (at most kDeliverBatch rows per call), of every company or one; never
  // throws for a channel's failure.
  DeliveryReport Deliver(std::optional<int64_t> company_id = std::nullopt);
  bool sms_configured() const { return sms_ != nullptr; }

  // The outbox, newest first: notify:outbox:read; rows of projects in scope (rows without
  // a project need the code company-wide). BAD_QUERY_PARAMETER for a status other than
  // queued, sent, failed or a channel other than sms, in_app (fields `status`, `channel`).
  Result<OutboxPage> ListOutbox(const TenantContext& ctx, const OutboxFilter& filter,
                                const Page& page);
  // The caller's own in-app messages, newest first.
  Result<MessagePage> ListMessages(const TenantContext& ctx, const Page& page);
  // Marks one of the caller's messages read (audited the first time) and returns it;
  // MESSAGE_NOT_FOUND for anybody else's.
  Result<InAppMessage> MarkRead(const TenantContext& ctx, int64_t id);

 private:
  SendResult DeliverOne(const db::Row& row);

  db::Database& db_;
  const Clock& clock_;
  const crypto::SecretKey& key_;
  std::unique_ptr<Channel> sms_;
  std::unique_ptr<Channel> local_sms_, in_app_;
};

}  // namespace anju::notify
