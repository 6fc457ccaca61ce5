// The SMS adapter: sends a message to an SMS provider (or the company's SMS gateway) over
// HTTP.
//
// Protocol (what a provider or gateway implements):
//   POST <url>   Content-Type: application/json
//   X-Anju-Timestamp: <unix seconds>
//   X-Anju-Signature: hex(HMAC-SHA256(key, timestamp + "\n" + body))
//   {"id": "<outbox id>", "phone": "13812345678", "template": "reminder",
//    "params": {…}, "text": "…"}
// Any 2xx is accepted; anything else, a refused connection or no answer within the timeout
// is a failure the Notifier retries later (with the same id, so the provider can drop a
// repeat). The receiver should reject a timestamp more than 5 minutes off.
//
// Only http:// URLs: a TLS-speaking provider sits behind a local gateway or relay (the
// company's SMS gateway, stunnel, nginx). Thread-safe: each Send uses its own connection.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "platform/notify/channel.h"

namespace anju::notify {

struct SmsHttpConfig {
  std::string url;  // http://host[:port]/path
  std::string key;  // the shared signing key (bytes of --sms-key-file, trailing newline cut)
  std::chrono::milliseconds timeout{5000};  // whole exchange: connect, send, answer
};

// hex(HMAC-SHA256(key, timestamp + "\n" + body)): what the provider checks.
std::string SmsSignature(std::string_view key, std::string_view timestamp, std::string_view body);

class SmsHttpChannel final : public Channel {
 public:
  // Fails (VALIDATION_FAILED, field "sms_url" / "sms_key") for a URL that is not http://
  // host[:port][/path] or an empty key.
  // The clock stamps X-Anju-Timestamp.
  static Result<std::unique_ptr<SmsHttpChannel>> Create(SmsHttpConfig cfg, const Clock& clock);
  SendResult Send(const Message& m) override;

 private:
  SmsHttpChannel(SmsHttpConfig cfg, const Clock& clock, std::string host, std::string port,
                 std::string target)
      : cfg_(std::move(cfg)), clock_(clock), host_(std::move(host)), port_(std::move(port)),
        target_(std::move(target)) {}
  SmsHttpConfig cfg_;
  const Clock& clock_;
  std::string host_, port_, target_;
};

}  // namespace anju::notify
