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

#include <boost/json.hpp>

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

// What a module hands to Enqueue.
struct Outgoing {
  int64_t company_id = 0;
  std::optional<int64_t> project_id;
  std::string channel;             // sms | in_app
  std::string phone;               // sms: a normalised mainland number
  std::optional<int64_t> user_id;  // in_app: the account
  std::string user_name;           // in_app: shown as the recipient
  std::string template_code;
  boost::json::object params;
  std::string title, text;
  std::string ref_type;
  std::optional<int64_t> ref_id;
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

  // GET /api/v1/notify/outbox: notify:outbox:read; rows of projects in scope (rows without
  // a project need the code company-wide). Filters: project_id, status, channel.
  Result<boost::json::value> ListOutbox(const TenantContext& ctx, std::optional<int64_t> project_id,
                                        const std::string& status, const std::string& channel,
                                        const Page& page);
  // GET /api/v1/messages: the caller's own in-app messages, newest first, with `unread`.
  Result<boost::json::value> ListMessages(const TenantContext& ctx, const Page& page);
  // POST /api/v1/messages/{id}/read: marks one of the caller's messages read (404 otherwise).
  Result<boost::json::value> MarkRead(const TenantContext& ctx, int64_t id);

 private:
  SendResult DeliverOne(const db::Row& row);

  db::Database& db_;
  const Clock& clock_;
  const crypto::SecretKey& key_;
  std::unique_ptr<Channel> sms_;
  std::unique_ptr<Channel> local_sms_, in_app_;
};

}  // namespace anju::notify
