// Idempotency-Key for money-moving POSTs.
//
// Contract (DESIGN.md §5): the same key with the same body returns the first answer; the
// same key with another body is 422 IDEMPOTENCY_KEY_REUSED; a request whose first attempt is
// still in flight is 409 IDEMPOTENCY_IN_FLIGHT.
//
// How: Begin() records the key as "in flight" in its own committed transaction. The
// service then moves the money and, in the SAME transaction, calls Complete() to store its
// answer; so either the money moved and the answer is stored, or neither. A crash in
// between leaves an in-flight key with no money moved: after kInFlightTimeout it may be
// taken again. An answer that is an error (4xx) is stored with Fail() so a retry gets it
// too; a 5xx releases the key with Release() so the client can retry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "db/database.h"
#include "core/tenant.h"
#include "http/message.h"

namespace anju::billing {

inline constexpr Millis kInFlightTimeout = 60 * kSecond;
inline constexpr size_t kMaxIdempotencyKey = 100;

struct StoredAnswer {
  int status = 0;
  std::string body;
};

// The stored first answer as a reply, marked `Idempotent-Replayed: true`.
http::Response ReplayAnswer(const StoredAnswer& answer);

class Idempotency {
 public:
  Idempotency(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // nullopt: proceed (the key is now in flight). A StoredAnswer: reply with it. An error:
  // 400 (missing or bad key), 409 (in flight) or 422 (reused with another body).
  Result<std::optional<StoredAnswer>> Begin(int64_t company_id, const std::string& key,
                                            const std::string& route, const std::string& body);
  // Stores the answer inside the service's own write transaction.
  void Complete(db::Tx& tx, int64_t company_id, const std::string& key, int status,
                const std::string& body);
  // Stores an error answer (own transaction).
  void Fail(int64_t company_id, const std::string& key, int status, const std::string& body);
  // Forgets an in-flight key (own transaction).
  void Release(int64_t company_id, const std::string& key);

  // The whole shape of a money-moving POST under the request's key: Begin; `move(tx)` in
  // one write transaction, its answer stored there (Complete) and replied with `status`;
  // an error answer stored (Fail) and replied; an exception releases the key and rethrows.
  template <class Fn>
  http::Response Run(const TenantContext& ctx, const http::Request& req, int status, Fn&& move) {
    std::string key(req.Header("idempotency-key"));
    auto begun = Begin(ctx.company_id, key, req.route, req.body);
    if (!begun.ok()) return http::ErrorReply(begun.error(), req.request_id);
    if (*begun) return ReplayAnswer(**begun);  // the first answer, again
    Result<boost::json::value> result = Error(errors::kInternal);
    try {
      result = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<boost::json::value> {
        auto out = move(tx);
        if (out.ok()) Complete(tx, ctx.company_id, key, status, boost::json::serialize(*out));
        return out;
      });
    } catch (...) {
      Release(ctx.company_id, key);  // nothing moved; the client may retry
      throw;
    }
    if (!result.ok()) {
      http::Response r = http::ErrorReply(result.error(), req.request_id);
      Fail(ctx.company_id, key, r.status, r.body);
      return r;
    }
    return http::JsonReply(status, result.value());
  }

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::billing
