// Request accessors, the kind → status mapping and the JSON reply shapes.
#include "http/message.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace anju::http {
namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Finds `name` in one Cookie header value ("a=1; b=2"); the value without quotes.
std::optional<std::string_view> FindCookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t end = header.find(';');
    std::string_view pair = TrimSpaces(header.substr(0, end));
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (TrimSpaces(pair.substr(0, eq)) != name) continue;
    std::string_view value = TrimSpaces(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

std::optional<std::string> Request::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

// Canonical decimal only: 1–19 digits, no sign, no leading zero, in (0, INT64_MAX].
std::optional<int64_t> Request::IdParam(size_t i) const {
  if (i >= path_params.size()) return std::nullopt;
  const std::string& s = path_params[i];
  if (s.empty() || s.size() > 19 || s[0] == '0') return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    int digit = c - '0';
    if (v > (INT64_MAX - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  return v;
}

std::string Request::Cookie(std::string_view name) const {
  if (name.empty()) return {};
  for (const auto& [key, value] : headers) {
    if (key != "cookie") continue;
    if (auto found = FindCookie(value, name)) return std::string(*found);
  }
  return {};
}

int StatusOf(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kValidation: return 400;
    case ErrorKind::kUnauthenticated: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kMethodNotAllowed: return 405;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kTooLarge: return 413;
    case ErrorKind::kUnsupportedMedia: return 415;
    case ErrorKind::kUnprocessable: return 422;
    case ErrorKind::kLocked: return 423;
    case ErrorKind::kRateLimited: return 429;
    case ErrorKind::kUnavailable: return 503;
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

Response JsonReply(int status, const boost::json::value& v) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  return r;
}

Response ErrorReply(const Error& e, std::string_view request_id) {
  boost::json::object inner;
  inner.reserve(5);
  inner.emplace("code", e.code);
  inner.emplace("message", e.message);
  inner.emplace("i18n", e.i18n);
  inner.emplace("request_id", request_id);
  if (!e.fields.empty()) {
    boost::json::array fields;
    fields.reserve(e.fields.size());
    for (const FieldError& f : e.fields) {
      fields.push_back(boost::json::object{
          {"field", f.field}, {"code", f.code}, {"message", f.message}});
    }
    inner.emplace("fields", std::move(fields));
  }
  boost::json::object outer;
  outer.emplace("error", std::move(inner));
  Response r = JsonReply(StatusOf(e.kind), outer);
  r.error_code = e.code;
  return r;
}

}  // namespace anju::http
