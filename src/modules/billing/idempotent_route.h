// The HTTP side of Idempotency-Key (idempotency.h): a money-moving route runs its service
// call under the request's key.
//
//   router.Add("POST", "/api/v1/payments", [&](Request& req, TenantContext& ctx) {
//     … check the caller, parse the body into a command …
//     return RunIdempotent<PaymentTaken>(idem, ctx, req, 201,
//         [&](const IdempotentAnswer<PaymentTaken>& answer) {
//           return s.TakePayment(ctx, cmd, answer); },
//         PaymentJson);
//   });
//
// The caller is checked before the key is taken, so a caller who may not make the request
// neither consumes a key nor sees another caller's stored answer.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <boost/json.hpp>

#include "core/tenant.h"
#include "http/message.h"
#include "modules/billing/idempotency.h"

namespace anju::billing {

// The stored first answer as a reply, marked `Idempotent-Replayed: true`.
inline http::Response ReplayAnswer(const StoredAnswer& answer) {
  http::Response r;
  r.status = answer.status;
  r.body = answer.body;
  r.Header("Idempotent-Replayed", "true");
  return r;
}

// Runs `call(answer)` (→ Result<T>) under the request's Idempotency-Key:
//   - a missing or bad key, one in flight or reused with another body: the error reply;
//   - a key answered before: that answer again (ReplayAnswer);
//   - success: `shape(result)` (→ JSON) with `status`, the same text that is stored — by the
//     service inside its transaction (answer.Store) or, if it did not, here afterwards;
//   - an error: its reply, stored (Fail) — but a 5xx releases the key, unless the call held
//     it (answer.Hold), so that the client can retry;
//   - an exception: the key is released (unless held) and the exception goes on to the
//     router (500).
template <class T, class Call, class Shape>
http::Response RunIdempotent(Idempotency& store, const TenantContext& ctx, const http::Request& req,
                             int status, Call&& call, Shape&& shape) {
  const int64_t company = ctx.company_id;
  const std::string key(req.Header("idempotency-key"));
  auto begun = store.Begin(company, key, req.route, req.body);
  if (!begun.ok()) return http::ErrorReply(begun.error(), req.request_id);
  if (*begun) return ReplayAnswer(**begun);  // the first answer, again

  std::optional<std::string> stored;  // the answer's text once Store ran
  bool held = false;
  IdempotentAnswer<T> answer(
      [&](db::Tx& tx, const T& result) {
        std::string text = boost::json::serialize(shape(result));
        store.Complete(tx, company, key, status, text);
        stored = std::move(text);
      },
      [&held] { held = true; });
  std::optional<Result<T>> result;
  try {
    result.emplace(call(answer));
  } catch (...) {
    if (!held) store.Release(company, key);  // nothing committed; the client may retry
    throw;
  }
  if (!result->ok()) {
    http::Response r = http::ErrorReply(result->error(), req.request_id);
    if (r.status >= 500 && !held)
      store.Release(company, key);
    else
      store.Fail(company, key, r.status, r.body);
    return r;
  }
  if (!stored) {
    stored = boost::json::serialize(shape(**result));
    store.Complete(company, key, status, *stored);
  }
  http::Response r;
  r.status = status;
  r.body = std::move(*stored);
  return r;
}

}  // namespace anju::billing
