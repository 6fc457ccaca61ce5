#include "http/reply.h"

#include "core/json_body.h"

namespace anju::http {

namespace json = boost::json;

Result<json::object> JsonBody(const Request& req) { return ParseJsonObject(req.body); }

namespace {
std::optional<int64_t> ParsePositive(std::string_view s, int64_t max) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < 1 || v > max) return std::nullopt;
  return v;
}
Error BadQuery(std::string_view name, std::string msg) {
  Error e(errors::kBadQuery);
  e.WithField(std::string(name), "invalid", std::move(msg));
  return e;
}
}  // namespace

Result<Page> PageOf(const Request& req) {
  Page p;
  if (auto v = req.Query("page")) {
    auto n = ParsePositive(*v, 1'000'000'000);
    if (!n) return BadQuery("page", "Must be a whole number ≥ 1");
    p.page = *n;
  }
  if (auto v = req.Query("size")) {
    auto n = ParsePositive(*v, kMaxPageSize);
    if (!n) return BadQuery("size", "Must be between 1 and " + std::to_string(kMaxPageSize));
    p.size = *n;
  }
  return p;
}

Result<std::optional<int64_t>> IdQuery(const Request& req, std::string_view name) {
  auto v = req.Query(name);
  if (!v || v->empty()) return std::optional<int64_t>();
  auto n = ParsePositive(*v, INT64_MAX / 10);
  if (!n) return BadQuery(name, "Must be a positive id");
  return std::optional<int64_t>(*n);
}

Result<std::string> TextQuery(const Request& req, std::string_view name, size_t max_chars) {
  auto v = req.Query(name);
  if (!v) return std::string();
  if (!IsValidUtf8(*v)) return BadQuery(name, "Must be valid UTF-8");
  if (Utf8Length(*v) > max_chars)
    return BadQuery(name, "At most " + std::to_string(max_chars) + " characters");
  for (unsigned char c : *v)
    if (c < 0x20) return BadQuery(name, "Control characters are not allowed");
  return *v;
}

Response ListReply(json::array items, int64_t total, const Page& page) {
  json::object o;
  o["items"] = std::move(items);
  o["total"] = total;
  o["page"] = page.page;
  o["size"] = page.size;
  return JsonReply(200, o);
}

Response Reply(const Request& req, Result<json::value> r, int status) {
  if (!r.ok()) return ErrorReply(r.error(), req.request_id);
  return JsonReply(status, r.value());
}

Response Reply(const Request& req, const Status& s) {
  if (!s.ok()) return ErrorReply(s.error(), req.request_id);
  Response res;
  res.status = 204;
  res.content_type.clear();
  return res;
}

}  // namespace anju::http
