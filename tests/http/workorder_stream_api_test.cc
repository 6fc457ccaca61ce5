// The live timeline over a real socket: GET /api/v1/work-orders/{id}/events answers
// text/event-stream with the order's events so far, then each new step as it commits;
// Last-Event-ID resumes after the events a reconnecting browser already has.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

// A plain socket reading a response that never ends (an event stream).
class StreamReader {
 public:
  StreamReader(uint16_t port, const std::string& request) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{0, 100'000};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) ADD_FAILURE() << "connect";
    ::send(fd_, request.data(), request.size(), 0);
  }
  ~StreamReader() { ::close(fd_); }
  // Everything received until `needle` appears (or 3 s pass).
  std::string ReadUntil(const std::string& needle) {
    auto deadline = Clock::now() + std::chrono::seconds(3);
    while (seen_.find(needle) == std::string::npos && Clock::now() < deadline) {
      char buf[4096];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n > 0) seen_.append(buf, static_cast<size_t>(n));
      if (n == 0) break;
    }
    return seen_;
  }

 private:
  int fd_ = -1;
  std::string seen_;
};

std::string Request(int64_t id, const std::string& token, const std::string& last_id = "") {
  std::string r = "GET /api/v1/work-orders/" + std::to_string(id) +
                  "/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\nAuthorization: "
                  "Bearer " + token + "\r\n";
  if (!last_id.empty()) r += "Last-Event-ID: " + last_id + "\r\n";
  return r + "\r\n";
}

std::string Token(TestApp& app, const std::string& login) {
  auto c = app.Anonymous();
  Reply r = c->PostJson("/api/v1/auth/login", json::object{{"login", login}, {"password", kDemoPassword}});
  return std::string(r.json().at("token").as_string());
}

TEST(WorkOrderStreamTest, TheOwnerSeesEachStepLiveAndResumesAfterLastEventId) {
  TestApp app;
  int64_t house = HouseId(app, ProjectId(app, app.company_id(), "JHY"), "1-1-0101");
  auto owner = app.LoginAs("owner");
  Reply made = owner->PostJson("/api/v1/work-orders",
                               json::object{{"kind", "repair_house"}, {"house_id", house},
                                            {"description", "卫生间水龙头漏水"}});
  ASSERT_EQ(made.status, 201) << made.body;
  int64_t id = made.json().at("id").as_int64();
  std::string token = Token(app, "owner");

  StreamReader live(app.port(), Request(id, token));
  std::string got = live.ReadUntil("id: 2\n");
  EXPECT_NE(got.find("HTTP/1.1 200"), std::string::npos) << got;
  EXPECT_NE(got.find("text/event-stream"), std::string::npos);
  EXPECT_NE(got.find("event: timeline\n"), std::string::npos);
  EXPECT_NE(got.find("\"action\":\"assign\""), std::string::npos) << "the steps so far";

  auto engineer = app.LoginAs("engineer");
  ASSERT_EQ(engineer->PostJson("/api/v1/work-orders/" + std::to_string(id) + "/accept",
                               json::object{}).status, 200);
  got = live.ReadUntil("id: 3\n");
  got = live.ReadUntil("\"action\":\"accept\"");
  EXPECT_NE(got.find("\"status\":\"accepted\""), std::string::npos) << got;

  // A reconnect with Last-Event-ID 2 gets only step 3 before the live ones.
  StreamReader again(app.port(), Request(id, token, "2"));
  got = again.ReadUntil("id: 3\n");
  EXPECT_EQ(got.find("id: 1\n"), std::string::npos) << got;
  EXPECT_EQ(got.find("id: 2\n"), std::string::npos) << got;

  // Another owner's stream is refused before anything is streamed.
  StreamReader stranger(app.port(), Request(id, Token(app, "owner2")));
  EXPECT_NE(stranger.ReadUntil("\r\n\r\n").find("HTTP/1.1 404"), std::string::npos);
}

}  // namespace
}  // namespace anju::testing
