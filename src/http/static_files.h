// Serves the built web UI (web/dist) as the router's fallback: the files Vite wrote, and
// index.html for every other page path so that a reload of /admin/houses works (SPA).
//
// Contract
// - GET and HEAD only (405 otherwise). "/" redirects (302) to "/admin".
// - A request never reads outside web_dir: the (already percent-decoded) path is split into
//   segments; a "..", ".", hidden (".x") or backslash-carrying segment, or a NUL, answers
//   404; the file found is canonicalised and must still lie below the canonical web_dir, so
//   a symlink pointing outside is refused too.
// - Files under /assets/ carry a content hash in their name (Vite): they are sent with
//   `Cache-Control: public, max-age=31536000, immutable`. index.html and every other file
//   get `Cache-Control: no-cache` plus an ETag (size and modification time), and a matching
//   If-None-Match answers 304.
// - When the client accepts gzip and the build wrote a precompressed "x.js.gz" beside
//   "x.js", that is sent with `Content-Encoding: gzip` (and `Vary: Accept-Encoding`).
// - A path that is not a file answers index.html (200, no-cache) unless it is under
//   /api/ or /assets/ or its last segment has an extension ("/logo.png"): those are 404,
//   so a missing script never comes back as HTML.
// - Files are cached in memory by path, checked against size and modification time on
//   every request (a rebuilt dist is picked up without a restart); at most
//   kStaticCacheBytes in total, files above kStaticMaxCachedFile are read per request.
// - Thread-safe: the handler may be called from many worker threads at once.
#pragma once

#include <cstddef>
#include <string>

#include "http/router.h"

namespace anju::http {

inline constexpr size_t kStaticCacheBytes = 64u << 20;      // 64 MiB for all cached files
inline constexpr size_t kStaticMaxCachedFile = 8u << 20;    // larger files are not cached
inline constexpr size_t kStaticMaxFile = 128u << 20;        // larger files are refused (404)

// The handler for Router::SetFallback. web_dir need not exist yet (every request then
// answers 404 until it does).
PublicHandler MakeStaticHandler(std::string web_dir);

// The Content-Type for a file name by its extension ("application/octet-stream" if unknown).
std::string StaticContentType(const std::string& file_name);

}  // namespace anju::http
