// Small adapters that turn service calls into route handlers, so a route is one line:
//
//   router.Add("GET", "/api/v1/houses/{id}", ById([&s](auto& ctx, int64_t id) {
//     return s.GetHouse(ctx, id); }));
//   router.Add("PATCH", "/api/v1/meters/{id}", WithCommand(200, 1, may_configure,
//     ReadUpdateMeter, [&s](auto& ctx, int64_t id, const auto& cmd) {
//       return s.UpdateMeter(ctx, id, cmd); }, MeterJson));
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

// A route that reads its JSON body into a typed command, in the order the checks have always
// run: the {id}s of the path (`path_ids` of them; a malformed one answers 404), the body's
// JSON (MALFORMED_JSON), the caller (`may(ctx)`, the permission the use case starts with:
// 403 before a bad body's 400), the body's fields (`read(body)` or `read(body, ctx)` →
// Result<Command>, 400 with the field); then `run(ctx, [id, [id2,]] command)`, whose typed
// result `shape` turns into the reply with `status`. The service checks the caller again:
// `may` only keeps the order of the answers.
template <class May, class Read, class Run, class Shape>
Handler WithCommand(int status, int path_ids, May may, Read read, Run run, Shape shape) {
  return [=](Request& req, TenantContext& ctx) -> Response {
    std::optional<int64_t> a, b;
    if (path_ids >= 1 && !(a = req.IdParam(0))) return NotFound(req);
    if (path_ids >= 2 && !(b = req.IdParam(1))) return NotFound(req);
    auto body = JsonBody(req);
    if (!body.ok()) return ErrorReply(body.error(), req.request_id);
    if (Status allowed = may(ctx); !allowed.ok())
      return ErrorReply(allowed.error(), req.request_id);
    auto cmd = [&] {
      if constexpr (std::is_invocable_v<Read, const boost::json::object&>)
        return read(*body);
      else
        return read(*body, ctx);
    }();
    if (!cmd.ok()) return ErrorReply(cmd.error(), req.request_id);
    using Command = decltype(*cmd);
    if constexpr (std::is_invocable_v<Run, TenantContext&, Command>)
      return ReplyAs(req, run(ctx, *cmd), shape, status);
    else if constexpr (std::is_invocable_v<Run, TenantContext&, int64_t, Command>)
      return ReplyAs(req, run(ctx, a.value_or(0), *cmd), shape, status);
    else
      return ReplyAs(req, run(ctx, a.value_or(0), b.value_or(0), *cmd), shape, status);
  };
}

}  // namespace anju::http
