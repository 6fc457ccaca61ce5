#include "http/server.h"

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/http_client.h"

namespace anju::http {
namespace {

namespace net = boost::asio;
using anju::testing::Reply;
using anju::testing::TestClient;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

// A raw connection for tests that need to see the bytes or the close itself.
class RawConnection {
 public:
  explicit RawConnection(uint16_t port) {
    boost::system::error_code ec;
    stream_.expires_after(std::chrono::seconds(5));
    stream_.async_connect({net::ip::make_address("127.0.0.1"), port},
                          [&](boost::system::error_code e) { ec = e; });
    Run();
    if (ec) throw std::runtime_error("connect: " + ec.message());
  }

  void Write(const std::string& bytes) {
    stream_.expires_after(std::chrono::seconds(5));
    net::async_write(stream_, net::buffer(bytes), [](boost::system::error_code, size_t) {});
    Run();
  }

  // Reads one response; its raw head and body, or throws.
  std::string ReadResponse() {
    boost::beast::http::response_parser<boost::beast::http::string_body> parser;
    boost::system::error_code ec;
    stream_.expires_after(std::chrono::seconds(5));
    boost::beast::http::async_read(stream_, buffer_, parser,
                                   [&](boost::system::error_code e, size_t) { ec = e; });
    Run();
    if (ec) throw std::runtime_error("read: " + ec.message());
    std::ostringstream out;
    out << parser.get();
    return out.str();
  }

  // Reads until the server closes or `timeout` passes; returns what was read and whether
  // the server closed the connection (EOF or reset). A timeout closes it on our side.
  std::pair<std::string, bool> ReadAll(milliseconds timeout) {
    std::string data;
    bool closed = false;
    stream_.expires_after(timeout);
    ReadLoop(data, closed);
    Run();
    return {data, closed};
  }

 private:
  void ReadLoop(std::string& data, bool& closed) {
    stream_.async_read_some(net::buffer(chunk_), [&](boost::system::error_code ec, size_t n) {
      data.append(chunk_, n);
      if (ec) {
        closed = ec != boost::beast::error::timeout;
        return;
      }
      ReadLoop(data, closed);
    });
  }
  void Run() {
    ioc_.restart();
    ioc_.run();
  }

  net::io_context ioc_;
  boost::beast::tcp_stream stream_{ioc_};
  boost::beast::flat_buffer buffer_;
  char chunk_[4096];
};

Response EchoHandler(Request& req) {
  boost::json::object query;
  boost::json::array pairs;
  for (const auto& [k, v] : req.query) pairs.push_back(boost::json::array{k, v});
  return JsonReply(200, {{"method", req.method},
                         {"path", req.path},
                         {"target", req.target},
                         {"query", pairs},
                         {"body", req.body},
                         {"request_id", req.request_id},
                         {"remote_ip", req.remote_ip},
                         {"agent", req.Header("USER-AGENT")}});
}

ServerOptions TestOptions() {
  ServerOptions o;
  o.port = 0;
  o.io_threads = 1;
  o.worker_threads = 2;
  return o;
}

TEST(HttpServerTest, GetRepliesWithRequestIdAndSecurityHeaders) {
  Server server(TestOptions(), EchoHandler);
  TestClient client(server.StartInBackground());
  Reply r = client.Send("GET", "/x", "", {{"User-Agent", "gtest"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  std::string id = r.header("x-request-id");
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  auto body = r.json().as_object();
  EXPECT_EQ(body.at("request_id").as_string(), id);
  EXPECT_EQ(body.at("path").as_string(), "/x");
  EXPECT_EQ(body.at("agent").as_string(), "gtest");
  EXPECT_EQ(body.at("remote_ip").as_string(), "127.0.0.1");

  r = client.Send("GET", "/x", "", {{"X-Request-Id", "abc-DEF_123"}});
  EXPECT_EQ(r.header("x-request-id"), "abc-DEF_123");
  r = client.Send("GET", "/x", "", {{"X-Request-Id", "has space"}});
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
  r = client.Send("GET", "/x", "", {{"X-Request-Id", std::string(65, 'a')}});
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
}

TEST(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Server server(TestOptions(), EchoHandler);
  RawConnection conn(server.StartInBackground());
  conn.Write("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string first = conn.ReadResponse();
  EXPECT_NE(first.find("HTTP/1.1 200 OK"), std::string::npos);
  EXPECT_NE(first.find("\"/one\""), std::string::npos);
  conn.Write("POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  std::string second = conn.ReadResponse();
  EXPECT_NE(second.find("\"/two\""), std::string::npos);
  EXPECT_NE(second.find("\"hello\""), std::string::npos);
  conn.Write("GET /three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto [third, closed3] = conn.ReadAll(milliseconds(2000));
  EXPECT_TRUE(closed3);
  EXPECT_NE(third.find("Connection: close"), std::string::npos);
}

TEST(HttpServerTest, HeadHasLengthButNoBody) {
  Server server(TestOptions(), EchoHandler);
  RawConnection conn(server.StartInBackground());
  conn.Write("HEAD /h HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto [data, closed] = conn.ReadAll(milliseconds(2000));
  EXPECT_TRUE(closed);
  EXPECT_NE(data.find("Content-Length: "), std::string::npos);
  EXPECT_EQ(data.substr(data.size() - 4), "\r\n\r\n");
}

TEST(HttpServerTest, BodyOverLimitIs413AndHandlerIsNotCalled) {
  ServerOptions o = TestOptions();
  o.body_limit = 1024;
  std::atomic<int> calls{0};
  Server server(o, [&](Request& req) {
    ++calls;
    return EchoHandler(req);
  });
  uint16_t port = server.StartInBackground();
  TestClient client(port);
  Reply r = client.Send("POST", "/upload", std::string(4096, 'x'),
                        {{"Content-Type", "text/plain"}, {"X-Request-Id", "big-1"}});
  EXPECT_EQ(r.status, 413);
  auto error = r.json().at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "BODY_TOO_LARGE");
  EXPECT_EQ(error.at("request_id").as_string(), "big-1");
  EXPECT_EQ(r.header("connection"), "close");

  // Only the header was sent: the 413 comes without waiting for the body.
  RawConnection conn(port);
  conn.Write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n");
  auto [data, closed] = conn.ReadAll(milliseconds(3000));
  EXPECT_NE(data.find("HTTP/1.1 413"), std::string::npos);
  EXPECT_TRUE(closed);

  EXPECT_EQ(client.Send("POST", "/ok", std::string(1024, 'y')).status, 200);
  EXPECT_EQ(calls.load(), 1);
}

TEST(HttpServerTest, OversizedHeaderIs431) {
  ServerOptions o = TestOptions();
  o.header_limit = 1024;
  Server server(o, EchoHandler);
  RawConnection conn(server.StartInBackground());
  conn.Write("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'b') + "\r\n\r\n");
  auto [data, closed] = conn.ReadAll(milliseconds(3000));
  EXPECT_NE(data.find("HTTP/1.1 431"), std::string::npos);
  EXPECT_TRUE(closed);
}

TEST(HttpServerTest, MalformedRequestIs400) {
  Server server(TestOptions(), EchoHandler);
  RawConnection conn(server.StartInBackground());
  conn.Write("GET / HTTP/1.1\r\nBad Header\r\n\r\n");
  auto [data, closed] = conn.ReadAll(milliseconds(3000));
  EXPECT_NE(data.find("HTTP/1.1 400"), std::string::npos);
  EXPECT_TRUE(closed);
}

TEST(HttpServerTest, HandlerThatThrowsGives500AndServerKeepsServing) {
  Server server(TestOptions(), [](Request& req) -> Response {
    if (req.path == "/boom") throw std::runtime_error("boom");
    if (req.path == "/boom2") throw 42;
    return JsonReply(200, {{"ok", true}});
  });
  TestClient client(server.StartInBackground());
  for (const char* path : {"/boom", "/boom2"}) {
    Reply r = client.Get(path);
    EXPECT_EQ(r.status, 500);
    auto error = r.json().at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "INTERNAL");
    EXPECT_EQ(error.at("request_id").as_string(), r.header("x-request-id"));
  }
  EXPECT_EQ(client.Get("/fine").status, 200);
}

TEST(HttpServerTest, IdleConnectionIsClosedAfterIdleTimeout) {
  ServerOptions o = TestOptions();
  o.idle_timeout = 200;
  Server server(o, EchoHandler);
  RawConnection conn(server.StartInBackground());
  conn.Write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
  auto start = steady_clock::now();
  auto [data, closed] = conn.ReadAll(milliseconds(3000));
  auto waited = steady_clock::now() - start;
  EXPECT_NE(data.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_TRUE(closed);
  EXPECT_GE(waited, milliseconds(150));
  EXPECT_LT(waited, milliseconds(2000));
  EXPECT_EQ(data.find("408"), std::string::npos);  // an idle close is silent
}

TEST(HttpServerTest, StopStillDeliversTheReplyOfASlowHandler) {
  std::atomic<bool> started{false};
  auto server = std::make_unique<Server>(TestOptions(), [&](Request&) {
    started = true;
    std::this_thread::sleep_for(milliseconds(300));
    return JsonReply(200, {{"slow", true}});
  });
  uint16_t port = server->StartInBackground();
  RawConnection idle(port);  // a second, idle connection must not hold up the stop
  Reply reply;
  std::thread request([&] {
    TestClient client(port);
    reply = client.Get("/slow");
  });
  while (!started) std::this_thread::sleep_for(milliseconds(5));
  auto start = steady_clock::now();
  server->Stop();
  request.join();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("connection"), "close");
  auto [data, closed] = idle.ReadAll(milliseconds(2000));
  EXPECT_TRUE(closed);
  server.reset();  // joins the server thread: Run() has returned
  EXPECT_LT(steady_clock::now() - start, milliseconds(2000));
  EXPECT_THROW(TestClient(port).Get("/"), std::runtime_error);
}

TEST(HttpServerTest, PathAndQueryArePercentDecoded) {
  std::atomic<int> calls{0};
  Server server(TestOptions(), [&](Request& req) {
    ++calls;
    return EchoHandler(req);
  });
  TestClient client(server.StartInBackground());
  Reply r = client.Get("/a%20b/caf%C3%A9?x=1&name=hello%20world&plus=a+b&x=2&flag");
  ASSERT_EQ(r.status, 200);
  auto body = r.json().as_object();
  EXPECT_EQ(body.at("path").as_string(), "/a b/café");
  EXPECT_EQ(body.at("target").as_string(),
            "/a%20b/caf%C3%A9?x=1&name=hello%20world&plus=a+b&x=2&flag");
  EXPECT_EQ(boost::json::serialize(body.at("query")),
            R"([["x","1"],["name","hello world"],["plus","a b"],["x","2"],["flag",""]])");

  for (const char* bad : {"/a%zzb", "/a%00b", "/a?x=%0", "/a?x=%00", "*"}) {
    Reply e = client.Send("GET", bad);
    EXPECT_EQ(e.status, 400) << bad;
    EXPECT_EQ(e.json().at("error").at("code").as_string(), "BAD_QUERY_PARAMETER") << bad;
  }
  EXPECT_EQ(calls.load(), 1);
}

TEST(HttpServerTest, ResponseHeadersAreCheckedAndCacheControlKept) {
  Server server(TestOptions(), [](Request&) {
    Response r = JsonReply(201, {{"ok", true}});
    r.Header("Cache-Control", "max-age=60");
    r.Header("X-Evil", "a\r\nSet-Cookie: x=1");
    r.Header("Content-Length", "1");
    r.Header("Location", "/things/1");
    return r;
  });
  TestClient client(server.StartInBackground());
  Reply r = client.Get("/");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.header("cache-control"), "max-age=60");
  EXPECT_EQ(r.header("location"), "/things/1");
  EXPECT_EQ(r.header("x-evil"), "");
  EXPECT_EQ(r.header("set-cookie"), "");
  EXPECT_EQ(r.body, R"({"ok":true})");
}

TEST(HttpServerTest, ConnectionsBeyondTheLimitAreClosed) {
  ServerOptions o = TestOptions();
  o.max_connections = 1;
  Server server(o, EchoHandler);
  uint16_t port = server.StartInBackground();
  TestClient first(port);
  EXPECT_EQ(first.Get("/").status, 200);  // holds the only slot (keep-alive)
  RawConnection second(port);
  second.Write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  auto [data, closed] = second.ReadAll(milliseconds(2000));
  EXPECT_TRUE(closed);
  EXPECT_EQ(data, "");
  first.Disconnect();
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(TestClient(port).Get("/").status, 200);
}

TEST(HttpServerTest, ClientRemembersCookiesAndDefaultHeaders) {
  Server server(TestOptions(), [](Request& req) {
    Response r = JsonReply(200, {{"sid", req.Cookie("sid")},
                                 {"auth", req.Header("authorization")}});
    if (req.path == "/login") r.Header("Set-Cookie", "sid=s3cr3t; Path=/; HttpOnly");
    if (req.path == "/logout") r.Header("Set-Cookie", "sid=; Max-Age=0; Path=/");
    return r;
  });
  TestClient client(server.StartInBackground());
  client.SetBearer("tok");
  EXPECT_EQ(client.Get("/").json().at("sid").as_string(), "");
  client.Get("/login");
  Reply r = client.Get("/me");
  EXPECT_EQ(r.json().at("sid").as_string(), "s3cr3t");
  EXPECT_EQ(r.json().at("auth").as_string(), "Bearer tok");
  client.Get("/logout");
  EXPECT_EQ(client.Get("/me").json().at("sid").as_string(), "");
}

TEST(HttpMessageTest, IdParamAcceptsOnlyCanonicalPositiveInt64) {
  Request req;
  auto id = [&](std::string s) {
    req.path_params = {std::move(s)};
    return req.IdParam(0);
  };
  EXPECT_EQ(id("1"), 1);
  EXPECT_EQ(id("42"), 42);
  EXPECT_EQ(id("9223372036854775807"), INT64_MAX);
  for (const char* bad : {"", "0", "00", "01", "-1", "+1", "1a", "a", " 1", "1 ", "1.0",
                          "9223372036854775808", "99999999999999999999",
                          "18446744073709551616"}) {
    EXPECT_EQ(id(bad), std::nullopt) << bad;
  }
  req.path_params = {"7"};
  EXPECT_EQ(req.IdParam(1), std::nullopt);
}

TEST(HttpMessageTest, HeaderQueryAndCookie) {
  Request req;
  req.headers = {{"content-type", "application/json"},
                 {"cookie", "a=1; sid=\"xyz\";  b = 2 ;flag"}};
  req.query = {{"page", "2"}, {"page", "3"}, {"q", ""}};
  EXPECT_EQ(req.Header("Content-Type"), "application/json");
  EXPECT_EQ(req.Header("x-missing"), "");
  EXPECT_EQ(req.Query("page"), "2");
  EXPECT_EQ(req.Query("q"), "");
  EXPECT_EQ(req.Query("none"), std::nullopt);
  EXPECT_EQ(req.Cookie("a"), "1");
  EXPECT_EQ(req.Cookie("sid"), "xyz");
  EXPECT_EQ(req.Cookie("b"), "2");
  EXPECT_EQ(req.Cookie("flag"), "");
  EXPECT_EQ(req.Cookie("id"), "");
}

TEST(HttpMessageTest, StatusOfEveryKind) {
  EXPECT_EQ(StatusOf(ErrorKind::kValidation), 400);
  EXPECT_EQ(StatusOf(ErrorKind::kUnauthenticated), 401);
  EXPECT_EQ(StatusOf(ErrorKind::kForbidden), 403);
  EXPECT_EQ(StatusOf(ErrorKind::kNotFound), 404);
  EXPECT_EQ(StatusOf(ErrorKind::kMethodNotAllowed), 405);
  EXPECT_EQ(StatusOf(ErrorKind::kConflict), 409);
  EXPECT_EQ(StatusOf(ErrorKind::kTooLarge), 413);
  EXPECT_EQ(StatusOf(ErrorKind::kUnsupportedMedia), 415);
  EXPECT_EQ(StatusOf(ErrorKind::kUnprocessable), 422);
  EXPECT_EQ(StatusOf(ErrorKind::kLocked), 423);
  EXPECT_EQ(StatusOf(ErrorKind::kRateLimited), 429);
  EXPECT_EQ(StatusOf(ErrorKind::kUnavailable), 503);
  EXPECT_EQ(StatusOf(ErrorKind::kInternal), 500);
}

TEST(HttpMessageTest, ErrorReplyShape) {
  Response plain = ErrorReply(errors::kNotFound, "r1");
  EXPECT_EQ(plain.status, 404);
  EXPECT_EQ(plain.error_code, "NOT_FOUND");
  EXPECT_EQ(plain.body,
            R"({"error":{"code":"NOT_FOUND","message":"Not found","i18n":"common.not_found",)"
            R"("request_id":"r1"}})");
  Error e(errors::kValidation);
  e.WithField("name", "required", "Name is required").WithField("items[0].qty", "invalid");
  Response fields = ErrorReply(e, "r2");
  EXPECT_EQ(fields.status, 400);
  EXPECT_EQ(fields.body,
            R"({"error":{"code":"VALIDATION_FAILED","message":"Some fields are invalid",)"
            R"("i18n":"common.validation_failed","request_id":"r2","fields":[)"
            R"({"field":"name","code":"required","message":"Name is required"},)"
            R"({"field":"items[0].qty","code":"invalid","message":""}]}})");
}

}  // namespace
}  // namespace anju::http
