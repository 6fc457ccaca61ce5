// The SMS adapter against a real local HTTP server that checks the signature itself (with
// OpenSSL's HMAC, not the adapter's code), rejects a wrong one, and can hang to force a
// timeout.
#include "platform/notify/sms_http.h"

#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <thread>

namespace anju::notify {
namespace {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
// The instant every channel in these tests believes it is (the provider checks freshness
// against it too): 2026-11-23 04:00 UTC.
constexpr Millis kNow = 1795406400000;

std::string HexHmac(const std::string& key, const std::string& data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) out += {kHex[mac[i] >> 4], kHex[mac[i] & 15]};
  return out;
}

// A provider on 127.0.0.1:<port>: 200 for a correctly signed, fresh request, 401 otherwise;
// with hang = true it reads the request and never answers.
class FakeProvider {
 public:
  explicit FakeProvider(std::string key) : key_(std::move(key)) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~FakeProvider() {
    stop_ = true;
    tcp::socket s(ioc_);
    boost::system::error_code ec;
    s.connect({net::ip::make_address("127.0.0.1"), port()}, ec);  // wakes accept()
    thread_.join();
  }
  uint16_t port() const { return acceptor_.local_endpoint().port(); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/sms/send"; }
  std::atomic<bool> hang{false};
  std::vector<boost::json::value> accepted() {
    std::lock_guard l(mu_);
    return accepted_;
  }

 private:
  void Loop() {
    std::vector<tcp::socket> held;  // hung connections stay open until the end
    while (!stop_) {
      tcp::socket s(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(s, ec);
      if (ec || stop_) break;
      boost::beast::flat_buffer buf;
      bhttp::request<bhttp::string_body> req;
      bhttp::read(s, buf, req, ec);
      if (ec) continue;
      if (hang) {
        held.push_back(std::move(s));
        continue;
      }
      std::string ts(req["X-Anju-Timestamp"]);
      bool fresh = !ts.empty() && std::llabs(std::stoll(ts) - kNow / kSecond) < 300;
      bool ok = fresh && req.target() == "/sms/send" &&
                req["X-Anju-Signature"] == HexHmac(key_, ts + "\n" + req.body());
      if (ok) {
        std::lock_guard l(mu_);
        accepted_.push_back(boost::json::parse(req.body()));
      }
      bhttp::response<bhttp::string_body> res{ok ? bhttp::status::ok : bhttp::status::unauthorized,
                                              11};
      res.body() = ok ? R"({"code":"OK"})" : R"({"code":"BAD_SIGNATURE"})";
      res.prepare_payload();
      bhttp::write(s, res, ec);
    }
  }
  std::string key_;
  net::io_context ioc_;
  tcp::acceptor acceptor_{ioc_, {net::ip::make_address("127.0.0.1"), 0}};
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<boost::json::value> accepted_;
  std::thread thread_;
};

Message Sample() {
  Message m;
  m.id = 42;
  m.channel = "sms";
  m.phone = "13812345678";
  m.template_code = "reminder";
  m.params = {{"house", "1-1-0101"}, {"amount", "235.00"}};
  m.text = "1-1-0101 业主您好：您有费用 235.00 元将于 2026-09-16 到期。";
  return m;
}

std::unique_ptr<SmsHttpChannel> Channel(const std::string& url, const std::string& key,
                                        std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  static ManualClock clock(kNow);
  auto ch = SmsHttpChannel::Create({url, key, timeout}, clock);
  EXPECT_TRUE(ch.ok());
  return std::move(*ch);
}

TEST(SmsHttpTest, PostsSignedJsonThatTheProviderAccepts) {
  FakeProvider provider("provider-key-1");
  SendResult r = Channel(provider.url(), "provider-key-1")->Send(Sample());
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.transport, "http");
  auto got = provider.accepted();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].at("id").as_string(), "42");
  EXPECT_EQ(got[0].at("phone").as_string(), "13812345678");
  EXPECT_EQ(got[0].at("template").as_string(), "reminder");
  EXPECT_EQ(got[0].at("params").at("amount").as_string(), "235.00");
  EXPECT_EQ(got[0].at("text").as_string(), Sample().text);
}

TEST(SmsHttpTest, AWrongKeyIsRejectedAndReportedWithoutThePhone) {
  FakeProvider provider("provider-key-1");
  SendResult r = Channel(provider.url(), "another-key")->Send(Sample());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "HTTP 401");
  EXPECT_EQ(r.error.find("1381234"), std::string::npos);
  EXPECT_TRUE(provider.accepted().empty());
}

TEST(SmsHttpTest, AProviderThatNeverAnswersIsATimeout) {
  FakeProvider provider("k");
  provider.hang = true;
  SendResult r = Channel(provider.url(), "k", std::chrono::milliseconds(300))->Send(Sample());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "timeout");
}

TEST(SmsHttpTest, ARefusedConnectionIsAFailure) {
  uint16_t port;
  {
    FakeProvider gone("k");
    port = gone.port();
  }
  SendResult r = Channel("http://127.0.0.1:" + std::to_string(port) + "/", "k")->Send(Sample());
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.error.empty());
}

TEST(SmsHttpTest, OnlyPlainHttpUrlsAndANonEmptyKey) {
  ManualClock clock(kNow);
  EXPECT_FALSE(SmsHttpChannel::Create({"https://sms.example.com/send", "k"}, clock).ok());
  EXPECT_FALSE(SmsHttpChannel::Create({"not a url", "k"}, clock).ok());
  EXPECT_FALSE(SmsHttpChannel::Create({"http://127.0.0.1:9/", ""}, clock).ok());
  EXPECT_TRUE(SmsHttpChannel::Create({"http://127.0.0.1:9/send?x=1", "k"}, clock).ok());
}

TEST(SmsHttpTest, TheSignatureIsHmacSha256OfTimestampNewlineBody) {
  EXPECT_EQ(SmsSignature("key", "1700000000", "{}"), HexHmac("key", "1700000000\n{}"));
}

}  // namespace
}  // namespace anju::notify
