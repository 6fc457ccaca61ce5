// A small synchronous HTTP/1.1 client for black-box API tests.
//
// Contract
// - One keep-alive connection to 127.0.0.1:port, opened on first use; if the server has
//   closed it, the request is sent again once on a fresh connection.
// - Every exchange is bounded by a timeout (default 10 s); on a timeout or a connection
//   failure Send() throws std::runtime_error, so a broken server fails a test, never hangs.
// - Remembers cookies from Set-Cookie (name=value only; Max-Age=0 or an empty value
//   forgets one) and sends them back; default headers are sent with every request.
// - Not thread-safe: one client per test thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace anju::testing {

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names; repeated ones joined ", "
  // The body parsed as JSON; throws std::runtime_error if it is not JSON.
  boost::json::value json() const;
  // Header value or "" (name in lower case).
  std::string header(const std::string& name) const;
};

class TestClient {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  explicit TestClient(uint16_t port);
  ~TestClient();
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  Reply Send(std::string method, std::string target, std::string body = "",
             Headers headers = {});
  Reply Get(std::string target) { return Send("GET", std::move(target)); }
  Reply PostJson(std::string target, const boost::json::value& body);
  Reply PutJson(std::string target, const boost::json::value& body);
  Reply PatchJson(std::string target, const boost::json::value& body);
  Reply Delete(std::string target) { return Send("DELETE", std::move(target)); }

  // Sent with every request until cleared (an empty value removes the header).
  void SetDefaultHeader(std::string name, std::string value);
  void SetBearer(const std::string& token) { SetDefaultHeader("Authorization", "Bearer " + token); }

  const std::map<std::string, std::string>& cookies() const { return cookies_; }
  void SetCookie(std::string name, std::string value) { cookies_[std::move(name)] = std::move(value); }
  void ClearCookies() { cookies_.clear(); }

  void set_timeout(std::chrono::milliseconds t) { timeout_ = t; }
  // Closes the connection; the next request opens a new one.
  void Disconnect();
  uint16_t port() const { return port_; }

 private:
  struct Connection;
  Reply SendJson(std::string method, std::string target, const boost::json::value& body);
  void RememberCookie(const std::string& set_cookie);

  uint16_t port_;
  std::chrono::milliseconds timeout_{10000};
  std::map<std::string, std::string> default_headers_;
  std::map<std::string, std::string> cookies_;
  std::unique_ptr<Connection> conn_;
};

}  // namespace anju::testing
