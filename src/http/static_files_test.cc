#include "http/static_files.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include <boost/url/parse.hpp>
#include <gtest/gtest.h>

namespace anju::http {
namespace {

namespace fs = std::filesystem;

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return v;
  return "";
}

void WriteFile(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A web folder with index.html, a hashed script and style, a favicon, and a secret file
// beside (outside) the folder.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    base_ = fs::temp_directory_path() / ("anju_static_" + std::to_string(rd()));
    web_ = base_ / "dist";
    WriteFile(web_ / "index.html", "<!doctype html><title>Anju</title>");
    WriteFile(web_ / "assets" / "index-4f3a2b1c.js", "console.log('anju')");
    WriteFile(web_ / "assets" / "admin-9a8b7c6d.css", "body{margin:0}");
    WriteFile(web_ / "favicon.svg", "<svg/>");
    WriteFile(base_ / "secret.txt", "top secret");
    handler_ = MakeStaticHandler(web_.string());
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }

  // Decodes the target the way the HTTP server does (Request::path is percent-decoded).
  Response Get(std::string target, std::string method = "GET",
               std::string accept_encoding = "") {
    Request req;
    req.method = std::move(method);
    if (!accept_encoding.empty()) req.headers.emplace_back("accept-encoding", accept_encoding);
    req.target = target;
    auto url = boost::urls::parse_origin_form(target);
    EXPECT_TRUE(url.has_value()) << target;
    req.path = url ? std::string(url->path()) : target;
    req.request_id = "test";
    return handler_(req);
  }

  fs::path base_, web_;
  PublicHandler handler_;
};

TEST_F(StaticFilesTest, ServesFilesWithContentTypes) {
  auto js = Get("/assets/index-4f3a2b1c.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log('anju')");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");

  auto css = Get("/assets/admin-9a8b7c6d.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");

  auto svg = Get("/favicon.svg");
  EXPECT_EQ(svg.status, 200);
  EXPECT_EQ(svg.content_type, "image/svg+xml");

  auto html = Get("/index.html");
  EXPECT_EQ(html.status, 200);
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");

  EXPECT_EQ(StaticContentType("a.WOFF2"), "font/woff2");
  EXPECT_EQ(StaticContentType("README"), "application/octet-stream");
}

TEST_F(StaticFilesTest, PrecompressedFilesForClientsThatTakeGzip) {
  WriteFile(web_ / "assets" / "index-4f3a2b1c.js.gz", "GZIPPED-BYTES");
  Response gz = Get("/assets/index-4f3a2b1c.js", "GET", "gzip, deflate, br");
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(gz.body, "GZIPPED-BYTES");
  EXPECT_EQ(HeaderOf(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(gz, "Vary"), "Accept-Encoding");
  EXPECT_NE(gz.content_type.find("javascript"), std::string::npos);
  Response plain = Get("/assets/index-4f3a2b1c.js");
  EXPECT_EQ(plain.body, "console.log('anju')");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  EXPECT_NE(HeaderOf(plain, "ETag"), HeaderOf(gz, "ETag"));
  for (std::string refused : {"gzip;q=0", "gzip; q=0.0, br", "identity"})
    EXPECT_EQ(Get("/assets/index-4f3a2b1c.js", "GET", refused).body, "console.log('anju')")
        << refused;
  EXPECT_EQ(Get("/assets/index-4f3a2b1c.js", "GET", "gzip;q=0.5").body, "GZIPPED-BYTES");
  // No .gz beside it: the plain file.
  EXPECT_EQ(Get("/assets/admin-9a8b7c6d.css", "GET", "gzip").body, "body{margin:0}");
}

TEST_F(StaticFilesTest, CacheHeaders) {
  auto js = Get("/assets/index-4f3a2b1c.js");
  EXPECT_EQ(HeaderOf(js, "Cache-Control"), "public, max-age=31536000, immutable");
  auto html = Get("/index.html");
  EXPECT_EQ(HeaderOf(html, "Cache-Control"), "no-cache");
  EXPECT_FALSE(HeaderOf(html, "Content-Security-Policy").empty());
  auto page = Get("/admin/houses");
  EXPECT_EQ(HeaderOf(page, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, EtagAnswers304) {
  auto first = Get("/favicon.svg");
  std::string etag = HeaderOf(first, "ETag");
  ASSERT_FALSE(etag.empty());
  Request req;
  req.method = "GET";
  req.path = req.target = "/favicon.svg";
  req.headers.emplace_back("if-none-match", etag);
  auto again = handler_(req);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(StaticFilesTest, PicksUpChangedFiles) {
  EXPECT_EQ(Get("/favicon.svg").body, "<svg/>");
  WriteFile(web_ / "favicon.svg", "<svg version='2'/>");
  fs::last_write_time(web_ / "favicon.svg",
                      fs::last_write_time(web_ / "favicon.svg") + std::chrono::seconds(5));
  EXPECT_EQ(Get("/favicon.svg").body, "<svg version='2'/>");
}

TEST_F(StaticFilesTest, TraversalIsNotFound) {
  for (const char* target :
       {"/../secret.txt", "/../etc/passwd", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2fsecret.txt", "/assets/..%2f..%2f..%2fetc%2fpasswd",
        "/assets/../../secret.txt", "/./index.html", "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt", "/.hidden", "/assets/..", "/%2e%2e"}) {
    auto r = Get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("top secret"), std::string::npos) << target;
  }
  Request nul;
  nul.method = "GET";
  nul.path = std::string("/index.html\0.js", 15);
  EXPECT_EQ(handler_(nul).status, 404);
}

TEST_F(StaticFilesTest, SymlinkOutsideIsNotFound) {
  std::error_code ec;
  fs::create_symlink(base_ / "secret.txt", web_ / "leak.txt", ec);
  if (ec) GTEST_SKIP() << "cannot create symlinks here";
  auto r = Get("/leak.txt");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body.find("top secret"), std::string::npos);
}

TEST_F(StaticFilesTest, SpaFallbackServesIndex) {
  for (const char* target : {"/admin", "/admin/houses", "/owner/houses/12", "/staff"}) {
    auto r = Get(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.body, "<!doctype html><title>Anju</title>") << target;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << target;
  }
  // Missing files are not answered with HTML.
  EXPECT_EQ(Get("/assets/gone-12345678.js").status, 404);
  EXPECT_EQ(Get("/logo.png").status, 404);
  EXPECT_EQ(Get("/api/v1/nothing").status, 404);
}

TEST_F(StaticFilesTest, RootRedirectsToAdmin) {
  auto r = Get("/");
  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(HeaderOf(r, "Location"), "/admin");
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  EXPECT_EQ(Get("/index.html", "HEAD").status, 200);
  EXPECT_EQ(Get("/index.html", "POST").status, 405);
  EXPECT_EQ(Get("/admin", "DELETE").status, 405);
}

TEST_F(StaticFilesTest, MissingFolderIsNotFound) {
  auto h = MakeStaticHandler((base_ / "nope").string());
  Request req;
  req.method = "GET";
  req.path = req.target = "/admin";
  EXPECT_EQ(h(req).status, 404);
}

}  // namespace
}  // namespace anju::http
