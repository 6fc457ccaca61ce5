// Idempotency-Key for money-moving POSTs: the store (table `idempotency_keys`).
//
// Contract (DESIGN.md §5): the same key with the same body returns the first answer; the
// same key with another body is 422 IDEMPOTENCY_KEY_REUSED; a request whose first attempt is
// still in flight is 409 IDEMPOTENCY_IN_FLIGHT. Keys are per company.
//
// How: Begin() records the key as "in flight" in its own committed transaction. The
// service then moves the money and, in the SAME transaction, stores the answer
// (IdempotentAnswer::Store → Complete()); so either the money moved and the answer is
// stored, or neither. A crash in between leaves an in-flight key with no money moved: after
// kInFlightTimeout it may be taken again. An answer that is an error (4xx) is stored with
// Fail() so a retry gets it too; a 5xx or an exception releases the key with Release() so
// the client can retry — unless the call had already committed something that must not be
// done twice (IdempotentAnswer::Hold).
//
// The store knows nothing of HTTP: an answer is a status and a body text. The HTTP side —
// reading the key from the request, shaping the answer, replaying it — is
// idempotent_route.h.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "core/clock.h"
#include "core/error.h"
#include "db/database.h"

namespace anju::billing {

inline constexpr Millis kInFlightTimeout = 60 * kSecond;
inline constexpr size_t kMaxIdempotencyKey = 100;

// A stored answer: the HTTP status and the body text of the first reply.
struct StoredAnswer {
  int status = 0;
  std::string body;
};

class Idempotency {
 public:
  Idempotency(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Takes `key` for a request to `route` with `body` (the two are hashed together).
  // nullopt: proceed (the key is now in flight). A StoredAnswer: reply with it. An error:
  // IDEMPOTENCY_KEY_MISSING (missing, longer than kMaxIdempotencyKey or not printable
  // ASCII), IDEMPOTENCY_IN_FLIGHT, IDEMPOTENCY_KEY_REUSED (another route or body).
  Result<std::optional<StoredAnswer>> Begin(int64_t company_id, const std::string& key,
                                            const std::string& route, const std::string& body);
  // Stores the answer inside the service's own write transaction. Throws DbError
  // kSerialization when the key is no longer in flight (taken over after the timeout), which
  // rolls the money back.
  void Complete(db::Tx& tx, int64_t company_id, const std::string& key, int status,
                const std::string& body);
  // The same in a transaction of its own: an answer known only after a provider answered,
  // outside the transaction that wrote the rows.
  void Complete(int64_t company_id, const std::string& key, int status, const std::string& body);
  // Stores an error answer (own transaction).
  void Fail(int64_t company_id, const std::string& key, int status, const std::string& body);
  // Forgets an in-flight key (own transaction).
  void Release(int64_t company_id, const std::string& key);

 private:
  db::Database& db_;
  const Clock& clock_;
};

// What a money-moving service call receives from its idempotent caller, so that the answer
// is stored with the money (see above). The caller (idempotent_route.h) shapes the typed
// result into its answer; the service only says when:
//   Store(tx, result) — inside the write transaction that moves the money, with the value
//                       the call will return. A call that returns without storing (its
//                       answer came after a provider call) has it stored afterwards.
//   Hold()            — after committing something that must not be done twice before an
//                       outside call (a refund claimed before the provider is asked): from
//                       then on a failure keeps the key in flight and an error is stored,
//                       so a retry cannot move the money twice.
// A default-constructed one stores nothing (calls without a key: jobs, tests).
template <class T>
class IdempotentAnswer {
 public:
  using StoreFn = std::function<void(db::Tx&, const T&)>;
  IdempotentAnswer() = default;
  IdempotentAnswer(StoreFn store, std::function<void()> hold)
      : store_(std::move(store)), hold_(std::move(hold)) {}

  void Store(db::Tx& tx, const T& result) const {
    if (store_) store_(tx, result);
  }
  void Hold() const {
    if (hold_) hold_();
  }

 private:
  StoreFn store_;
  std::function<void()> hold_;
};

}  // namespace anju::billing
