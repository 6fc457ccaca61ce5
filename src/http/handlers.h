// Small adapters that turn service calls into route handlers, so a route is one line:
//
//   router.Add("GET", "/api/v1/houses/{id}", ById([&s](auto& ctx, int64_t id) {
//     return s.GetHouse(ctx, id); }));
//   router.Add("PATCH", "/api/v1/houses/{id}", WithBody(200, 1, [&s](auto& ctx, int64_t id,
//     auto& body) { return s.UpdateHouse(ctx, id, body); }));
//
// A malformed {id} answers 404 (as an unknown id would); a bad body the JSON error.
#pragma once

#include <optional>
#include <string>
#include <type_traits>

#include "http/reply.h"
#include "http/router.h"

namespace anju::http {

// Reads query parameters, keeping the first error.
class QueryReader {
 public:
  explicit QueryReader(const Request& req) : req_(req) {}

  std::optional<int64_t> Id(std::string_view name) {
    auto r = IdQuery(req_, name);
    if (!r.ok()) return Keep(r.take_error()), std::nullopt;
    return *r;
  }
  std::string Text(std::string_view name) {
    auto r = TextQuery(req_, name);
    if (!r.ok()) return Keep(r.take_error()), std::string();
    return std::move(*r);
  }
  Page PageOf() {
    auto r = ::anju::http::PageOf(req_);
    if (!r.ok()) return Keep(r.take_error()), Page{};
    return *r;
  }
  // The error reply, if any parameter was bad.
  std::optional<Response> Failed() const {
    if (!error_) return std::nullopt;
    return ErrorReply(*error_, req_.request_id);
  }

 private:
  void Keep(Error e) {
    if (!error_) error_ = std::move(e);
  }
  const Request& req_;
  std::optional<Error> error_;
};

// A value with `status`, or 204 for a use case that returns only a Status.
inline Response ReplyWith(const Request& req, Result<boost::json::value> r, int status) {
  return Reply(req, std::move(r), status);
}
inline Response ReplyWith(const Request& req, const Status& s, int /*status*/) {
  return Reply(req, s);
}

// A typed result shaped into JSON by the route's `shape` (→ a JSON value), with `status`;
// or the error reply.
template <class T, class Shape>
Response ReplyAs(const Request& req, const Result<T>& r, Shape&& shape, int status = 200) {
  if (!r.ok()) return ErrorReply(r.error(), req.request_id);
  return JsonReply(status, shape(r.value()));
}

inline Response NotFound(const Request& req) {
  return ErrorReply(Error(errors::kNotFound), req.request_id);
}

// A route on one resource: `fn(ctx, id)` with the {id} path parameter.
template <class F>
Handler ById(F fn) {
  return [fn](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return NotFound(req);
    return Reply(req, fn(ctx, *id));
  };
}

// A route that reads a JSON body: `fn(ctx, ids…, body)`; `status` on success.
template <class F>
Handler WithBody(int status, int path_ids, F fn) {
  return [status, path_ids, fn](Request& req, TenantContext& ctx) {
    std::optional<int64_t> a, b;
    if (path_ids >= 1 && !(a = req.IdParam(0))) return NotFound(req);
    if (path_ids >= 2 && !(b = req.IdParam(1))) return NotFound(req);
    auto body = JsonBody(req);
    if (!body.ok()) return ErrorReply(body.error(), req.request_id);
    if constexpr (std::is_invocable_v<F, TenantContext&, boost::json::object&>)
      return ReplyWith(req, fn(ctx, *body), status);
    else if constexpr (std::is_invocable_v<F, TenantContext&, int64_t, boost::json::object&>)
      return ReplyWith(req, fn(ctx, *a, *body), status);
    else
      return ReplyWith(req, fn(ctx, *a, *b, *body), status);
  };
}

}  // namespace anju::http
