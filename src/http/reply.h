// Helpers every handler uses: the strict JSON body, paging, and turning results into replies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "core/error.h"
#include "core/page.h"
#include "http/message.h"

namespace anju::http {

inline constexpr size_t kMaxSearchChars = 50;

// The body as a JSON object (MALFORMED_JSON otherwise, also for an empty body).
Result<boost::json::object> JsonBody(const Request& req);

// ?page=&size= as a Page (core/page.h) with 1 ≤ size ≤ kMaxPageSize (BAD_QUERY_PARAMETER
// otherwise).
Result<Page> PageOf(const Request& req);

// ?name= as a positive id, or nullopt when absent; BAD_QUERY_PARAMETER when malformed.
Result<std::optional<int64_t>> IdQuery(const Request& req, std::string_view name);
// ?name= as text of at most max_chars code points (search terms); "" when absent.
Result<std::string> TextQuery(const Request& req, std::string_view name,
                              size_t max_chars = kMaxSearchChars);

// {"items": […], "total": n, "page": p, "size": s}
Response ListReply(boost::json::array items, int64_t total, const Page& page);

// 200 (or `status`) with the value, or the error reply.
Response Reply(const Request& req, Result<boost::json::value> r, int status = 200);
Response Reply(const Request& req, const Status& s);  // 204 on success

}  // namespace anju::http
