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

#include "http/event_hub.h"
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

  // Reads until everything read on this connection so far holds `needle` `times` times,
  // the server closes, or `timeout` passes; returns everything read so far.
  std::string ReadUntil(const std::string& needle, milliseconds timeout, int times = 1) {
    stream_.expires_after(timeout);
    UntilLoop(needle, times);
    Run();
    return seen_;
  }
  void Close() {
    boost::system::error_code ec;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
    stream_.close();
  }

 private:
  static int Count(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
  }
  void UntilLoop(const std::string& needle, int times) {
    if (Count(seen_, needle) >= times) return;
    stream_.async_read_some(net::buffer(chunk_), [this, needle, times](boost::system::error_code ec,
                                                                       size_t n) {
      seen_.append(chunk_, n);
      if (!ec) UntilLoop(needle, times);
    });
  }
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
  std::string seen_;  // ReadUntil
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


// ---- server-sent event streams ----

namespace sse {

constexpr const char* kStreamRequest = "GET /events HTTP/1.1\r\nHost: x\r\n\r\n";

// A handler that streams topic "t" with two initial events; other paths answer JSON.
Server::Handler StreamHandler(EventHub& hub) {
  return [&hub](Request& req) {
    if (req.path != "/events") return JsonReply(200, {{"ok", true}});
    std::vector<Event> missed{{"1", "hello", R"({"n":1})"}, {"2", "hello", "two\nlines"}};
    return StreamReply(hub.Subscribe("t"), std::move(missed));
  };
}

// Waits (bounded) until cond() holds; returns whether it did.
template <class F>
bool Eventually(F cond, milliseconds limit = milliseconds(1000)) {
  auto end = steady_clock::now() + limit;
  while (!cond()) {
    if (steady_clock::now() > end) return false;
    std::this_thread::sleep_for(milliseconds(5));
  }
  return true;
}

}  // namespace sse

TEST(HttpServerStreamTest, InitialEventsThenLiveEventsInOrder) {
  EventHub hub;
  Server server(TestOptions(), sse::StreamHandler(hub));
  RawConnection conn(server.StartInBackground());
  conn.Write(sse::kStreamRequest);
  std::string got = conn.ReadUntil("data: lines\n\n", milliseconds(1000));
  ASSERT_NE(got.find("HTTP/1.1 200 OK\r\n"), std::string::npos) << got;
  EXPECT_NE(got.find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_NE(got.find("Cache-Control: no-cache\r\n"), std::string::npos);
  EXPECT_NE(got.find("X-Accel-Buffering: no\r\n"), std::string::npos);
  EXPECT_NE(got.find("Connection: close\r\n"), std::string::npos);
  EXPECT_EQ(got.find("Content-Length"), std::string::npos);
  ASSERT_EQ(hub.SubscriberCount("t"), 1u);
  hub.Publish("t", "hello", "dup", "2");  // already sent as an initial event: skipped
  hub.Publish("other", "x", "not mine", "9");
  for (int i = 3; i <= 6; ++i) hub.Publish("t", "change", "{\"n\":" + std::to_string(i) + "}", std::to_string(i));
  got = conn.ReadUntil("id: 6\n", milliseconds(1000));
  got = conn.ReadUntil("data: {\"n\":6}\n\n", milliseconds(1000));
  std::string body = got.substr(got.find("\r\n\r\n") + 4);
  EXPECT_EQ(body,
            "id: 1\nevent: hello\ndata: {\"n\":1}\n\n"
            "id: 2\nevent: hello\ndata: two\ndata: lines\n\n"
            "id: 3\nevent: change\ndata: {\"n\":3}\n\n"
            "id: 4\nevent: change\ndata: {\"n\":4}\n\n"
            "id: 5\nevent: change\ndata: {\"n\":5}\n\n"
            "id: 6\nevent: change\ndata: {\"n\":6}\n\n");
  EXPECT_EQ(server.OpenStreams(), 1);
}

TEST(HttpServerStreamTest, HeartbeatCommentsOutliveTheIdleAndRequestTimeouts) {
  EventHub hub;
  ServerOptions o = TestOptions();
  o.sse_heartbeat = 100;
  o.idle_timeout = 40;
  o.request_timeout = 40;
  o.sse_max_lifetime = 600;
  Server server(o, sse::StreamHandler(hub));
  RawConnection conn(server.StartInBackground());
  conn.Write(sse::kStreamRequest);
  // Three pings span 300 ms, several idle and request timeouts: the stream stays open.
  std::string got = conn.ReadUntil(": ping\n\n", milliseconds(1000), 3);
  size_t first_ping = got.find(": ping\n\n");
  ASSERT_NE(first_ping, std::string::npos) << got;
  EXPECT_GT(first_ping, got.find("data: lines\n\n"));  // after the initial events
  hub.Publish("t", "late", "still here", "7");
  got = conn.ReadUntil("data: still here\n\n", milliseconds(1000));
  EXPECT_NE(got.find("data: still here\n\n"), std::string::npos);
  // Then the lifetime ends it: the server closes the connection and frees the slot.
  auto [rest, closed] = conn.ReadAll(milliseconds(2000));
  EXPECT_TRUE(closed);
  EXPECT_TRUE(sse::Eventually([&] { return hub.SubscriberCount() == 0; }));
  EXPECT_TRUE(sse::Eventually([&] { return server.OpenStreams() == 0; }));
}

TEST(HttpServerStreamTest, ClientDisconnectFreesTheSubscription) {
  EventHub hub;
  Server server(TestOptions(), sse::StreamHandler(hub));
  uint16_t port = server.StartInBackground();
  RawConnection conn(port);
  conn.Write(sse::kStreamRequest);
  conn.ReadUntil("data: lines\n\n", milliseconds(1000));
  ASSERT_EQ(hub.SubscriberCount(), 1u);
  ASSERT_EQ(server.OpenStreams(), 1);
  conn.Close();
  EXPECT_TRUE(sse::Eventually([&] { return hub.SubscriberCount() == 0; }));
  EXPECT_TRUE(sse::Eventually([&] { return server.OpenStreams() == 0; }));
  hub.Publish("t", "x", "nobody listens");  // harmless
  EXPECT_EQ(TestClient(port).Get("/plain").status, 200);
}

TEST(HttpServerStreamTest, StreamsBeyondTheLimitAre503) {
  EventHub hub;
  ServerOptions o = TestOptions();
  o.max_streams = 1;
  Server server(o, sse::StreamHandler(hub));
  uint16_t port = server.StartInBackground();
  RawConnection first(port);
  first.Write(sse::kStreamRequest);
  first.ReadUntil("data: lines\n\n", milliseconds(1000));
  TestClient second(port);
  Reply r = second.Get("/events");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.json().at("error").at("code").as_string(), "TOO_MANY_STREAMS");
  EXPECT_EQ(r.header("retry-after"), "5");
  EXPECT_EQ(hub.SubscriberCount(), 1u);  // the refused stream's subscription is gone
  EXPECT_EQ(second.Get("/plain").status, 200);  // ordinary requests still served
  first.Close();
  ASSERT_TRUE(sse::Eventually([&] { return server.OpenStreams() == 0; }));
  RawConnection third(port);
  third.Write(sse::kStreamRequest);
  EXPECT_NE(third.ReadUntil("data: lines\n\n", milliseconds(1000)).find("HTTP/1.1 200"),
            std::string::npos);
}

TEST(HttpServerStreamTest, StopEndsOpenStreamsWithoutWaitingForTheDrainTimeout) {
  EventHub hub;
  ServerOptions o = TestOptions();
  o.drain_timeout = 5000;
  auto server = std::make_unique<Server>(o, sse::StreamHandler(hub));
  uint16_t port = server->StartInBackground();
  RawConnection a(port), b(port);
  a.Write(sse::kStreamRequest);
  b.Write(sse::kStreamRequest);
  a.ReadUntil("data: lines\n\n", milliseconds(1000));
  b.ReadUntil("data: lines\n\n", milliseconds(1000));
  ASSERT_EQ(hub.SubscriberCount(), 2u);
  auto start = steady_clock::now();
  server->Stop();
  auto [rest, closed] = a.ReadAll(milliseconds(2000));
  EXPECT_TRUE(closed);
  server.reset();  // Run() has returned
  EXPECT_LT(steady_clock::now() - start, milliseconds(o.drain_timeout));
  EXPECT_EQ(hub.SubscriberCount(), 0u);
}

TEST(HttpServerStreamTest, AClosedSubscriptionEndsTheStream) {
  EventHub hub(/*queue_limit=*/2);
  Server server(TestOptions(), [&hub](Request&) { return StreamReply(hub.Subscribe("t")); });
  RawConnection conn(server.StartInBackground());
  conn.Write(sse::kStreamRequest);
  conn.ReadUntil("\r\n\r\n", milliseconds(1000));
  ASSERT_TRUE(sse::Eventually([&] { return hub.SubscriberCount() == 1; }));
  hub.CloseAll();  // as an overflow does
  auto [rest, closed] = conn.ReadAll(milliseconds(2000));
  EXPECT_TRUE(closed);
  EXPECT_TRUE(sse::Eventually([&] { return server.OpenStreams() == 0; }));
}

}  // namespace
}  // namespace anju::http
