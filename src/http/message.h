// The HTTP request and response as plain values. Handlers are plain functions from a
// Request to a Response; they never see Beast types, so they are tested without sockets.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "core/error.h"

namespace anju::http {

struct EventStream;  // http/event_hub.h

struct Request {
  std::string method;  // "GET"
  std::string target;  // "/api/v1/houses?page=2"
  std::string path;    // "/api/v1/houses" (percent-decoded)
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::vector<std::string> path_params;  // values of {placeholders}, in order
  std::string route;                     // the matched pattern, for metrics and logs

  // Header value or "" (name is matched case-insensitively).
  std::string_view Header(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const;
  // Path parameter i parsed as a positive id; nullopt if it is not one.
  std::optional<int64_t> IdParam(size_t i = 0) const;
  // Value of a cookie or "".
  std::string Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string error_code;  // set for error replies, for the access log
  // Set (by StreamReply, http/event_hub.h): the reply is a server-sent event stream, not a
  // body. The server writes a text/event-stream head, then the stream's events as they
  // come, and closes the connection when it ends.
  std::shared_ptr<EventStream> stream;

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

int StatusOf(ErrorKind kind);
Response JsonReply(int status, const boost::json::value& v);
// {"error":{"code","message","i18n","request_id","fields":[…]}} with the kind's status.
Response ErrorReply(const Error& e, std::string_view request_id);

}  // namespace anju::http
