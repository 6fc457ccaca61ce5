#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/reply.h"

namespace anju::http {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kNoCache = "no-cache";
// The pages load only their own scripts and styles; Element Plus and Vant set inline
// style attributes, ECharts draws on canvas.
constexpr std::string_view kHtmlPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

struct CachedFile {
  uintmax_t size = 0;
  int64_t mtime = 0;
  std::shared_ptr<const std::string> body;
};

// One file ready to send.
struct FileData {
  std::shared_ptr<const std::string> body;
  std::string etag;
};

// The path's segments, or nullopt when one of them could leave (or hide in) the folder.
std::optional<std::vector<std::string>> SafeSegments(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  if (path.find('\0') != std::string_view::npos) return std::nullopt;
  std::vector<std::string> out;
  size_t i = 1;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    if (!seg.empty()) {
      if (seg.front() == '.' || seg.find('\\') != std::string_view::npos ||
          seg.find(':') != std::string_view::npos)
        return std::nullopt;
      out.emplace_back(seg);
    }
    i = j + 1;
  }
  return out;
}

// True when the client takes gzip: "gzip" is listed without a weight of zero ("gzip;q=0").
bool AcceptsGzip(const Request& req) {
  std::string_view ae = req.Header("accept-encoding");
  size_t at = ae.find("gzip");
  if (at == std::string_view::npos) return false;
  std::string_view rest = ae.substr(at + 4);
  rest = rest.substr(0, rest.find(','));  // this coding's parameters only
  size_t q = rest.find("q=");
  if (q == std::string_view::npos) return true;
  for (char c : rest.substr(q + 2)) {
    if (c >= '1' && c <= '9') return true;  // any non-zero digit: a positive weight
    if (c != '0' && c != '.') break;
  }
  return false;
}

bool Below(const fs::path& root, const fs::path& p) {
  auto r = root.native();
  auto s = p.native();
  return s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/';
}

class StaticFiles {
 public:
  explicit StaticFiles(std::string web_dir) : web_dir_(std::move(web_dir)) {}

  Response Serve(const Request& req) {
    if (req.method != "GET" && req.method != "HEAD") {
      Response r = ErrorReply(errors::kMethodNotAllowed, req.request_id);
      r.Header("Allow", "GET, HEAD");
      return r;
    }
    if (req.path == "/") {
      Response r;
      r.status = 302;
      r.content_type.clear();
      r.Header("Location", "/admin");
      r.Header("Cache-Control", std::string(kNoCache));
      return r;
    }
    auto segments = SafeSegments(req.path);
    if (!segments) return NotFound(req);
    auto root = Root();
    if (!root) return NotFound(req);

    fs::path p = *root;
    for (const auto& s : *segments) p /= s;
    if (!segments->empty()) {
      if (auto file = Load(*root, p)) {
        bool hashed = segments->size() >= 2 && (*segments)[0] == "assets";
        std::string type = StaticContentType(segments->back());
        std::string_view cache = hashed ? kImmutable : kNoCache;
        if (AcceptsGzip(req)) {  // the build writes x.js.gz beside x.js
          fs::path gz = p;
          gz += ".gz";
          if (auto z = Load(*root, gz)) {
            z->etag.insert(z->etag.size() - 1, "-gz");
            Response r = FileReply(req, *z, std::move(type), cache);
            r.Header("Content-Encoding", "gzip");
            r.Header("Vary", "Accept-Encoding");
            return r;
          }
        }
        Response r = FileReply(req, *file, std::move(type), cache);
        r.Header("Vary", "Accept-Encoding");
        return r;
      }
      const std::string& first = segments->front();
      const std::string& last = segments->back();
      if (first == "api" || first == "assets" || last.find('.') != std::string::npos)
        return NotFound(req);
    }
    auto index = Load(*root, *root / "index.html");
    if (!index) return NotFound(req);
    return FileReply(req, *index, "text/html; charset=utf-8", kNoCache);
  }

 private:
  static Response NotFound(const Request& req) {
    return ErrorReply(errors::kNotFound, req.request_id);
  }

  Response FileReply(const Request& req, const FileData& f, std::string content_type,
                     std::string_view cache_control) {
    Response r;
    r.Header("Cache-Control", std::string(cache_control));
    r.Header("ETag", f.etag);
    bool html = content_type.rfind("text/html", 0) == 0;
    if (html) r.Header("Content-Security-Policy", std::string(kHtmlPolicy));
    if (req.Header("if-none-match") == f.etag) {
      r.status = 304;
      r.content_type.clear();
      return r;
    }
    r.content_type = std::move(content_type);
    r.body = *f.body;
    return r;
  }

  // The canonical web folder, or nullopt while it does not exist.
  std::optional<fs::path> Root() {
    std::error_code ec;
    fs::path root = fs::canonical(web_dir_, ec);
    if (ec || !fs::is_directory(root, ec)) return std::nullopt;
    return root;
  }

  // The file at p if it is a regular file below root (after resolving symlinks).
  std::optional<FileData> Load(const fs::path& root, const fs::path& p) {
    std::error_code ec;
    fs::path real = fs::canonical(p, ec);
    if (ec || !Below(root, real)) return std::nullopt;
    auto status = fs::status(real, ec);
    if (ec || !fs::is_regular_file(status)) return std::nullopt;
    uintmax_t size = fs::file_size(real, ec);
    if (ec || size > kStaticMaxFile) return std::nullopt;
    auto mtime_raw = fs::last_write_time(real, ec);
    if (ec) return std::nullopt;
    int64_t mtime = static_cast<int64_t>(mtime_raw.time_since_epoch().count());
    std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(mtime) + "\"";

    const std::string key = real.native();
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = cache_.find(key);
      if (it != cache_.end() && it->second.size == size && it->second.mtime == mtime)
        return FileData{it->second.body, etag};
    }
    auto body = std::make_shared<std::string>();
    body->resize(size);
    std::ifstream in(real, std::ios::binary);
    if (!in.read(body->data(), static_cast<std::streamsize>(size))) return std::nullopt;
    if (size <= kStaticMaxCachedFile) {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = cache_.find(key);
      if (it != cache_.end()) {
        cached_bytes_ -= it->second.size;
        cache_.erase(it);
      }
      if (cached_bytes_ + size <= kStaticCacheBytes) {
        cache_[key] = CachedFile{size, mtime, body};
        cached_bytes_ += size;
      }
    }
    return FileData{std::move(body), std::move(etag)};
  }

  const std::string web_dir_;
  std::mutex mu_;
  std::unordered_map<std::string, CachedFile> cache_;  // guarded by mu_
  size_t cached_bytes_ = 0;                            // guarded by mu_
};

}  // namespace

std::string StaticContentType(const std::string& file_name) {
  static const std::unordered_map<std::string_view, std::string_view> kTypes = {
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"wasm", "application/wasm"},
      {"webmanifest", "application/manifest+json"},
  };
  size_t dot = file_name.rfind('.');
  if (dot == std::string::npos) return "application/octet-stream";
  std::string ext = file_name.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : std::string(it->second);
}

PublicHandler MakeStaticHandler(std::string web_dir) {
  auto files = std::make_shared<StaticFiles>(std::move(web_dir));
  return [files](Request& req) { return files->Serve(req); };
}

}  // namespace anju::http
