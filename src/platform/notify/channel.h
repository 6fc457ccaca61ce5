// The notification-channel interface (通知渠道): how a message reaches a person. A platform
// service: billing's reminders use it first; work orders and notices will later.
//
// Contract
// - Callers never call a Channel directly: they put a message in the outbox (notifier.h)
//   inside their own transaction, and the Notifier delivers it through the channel of its
//   kind after the commit, retrying failures. So a message is recorded exactly once with
//   the change that caused it, and delivered at least once (a provider dedupes by `id`).
// - Send() must not throw for a delivery failure; it reports it. It must never log or
//   return the phone number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json.hpp>

namespace anju::notify {

// One message as a channel sends it.
struct Message {
  int64_t id = 0;          // the outbox row: the provider's idempotency key
  int64_t company_id = 0;
  std::string channel;     // sms | in_app
  std::string phone;       // sms: the number in clear (never logged, never returned)
  std::optional<int64_t> user_id;  // in_app: the account that receives it
  std::string template_code;       // the provider's template, e.g. "reminder"
  boost::json::object params;      // the template's parameters
  std::string title, text;         // text: the rendered message
  std::string ref_type;
  std::optional<int64_t> ref_id;
};

// What a module hands to the outbox (Notifier::Enqueue, notifier.h): a message before it
// has an id, with the same template parameters.
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

struct SendResult {
  bool ok = false;
  std::string transport;  // http | local | in_app
  std::string error;      // when !ok: why (no personal data), e.g. "HTTP 401", "timeout"
};

class Channel {
 public:
  virtual ~Channel() = default;
  virtual SendResult Send(const Message& m) = 0;
};

}  // namespace anju::notify
