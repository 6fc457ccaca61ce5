// Beast on a private io_context: each step is an async operation with a deadline, run to
// completion before Send() returns, so the client is synchronous to its caller but never
// blocks forever.
#include "support/http_client.h"

#include <optional>
#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace anju::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

boost::json::value Reply::json() const {
  error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec) throw std::runtime_error("reply is not JSON: " + body.substr(0, 200));
  return v;
}

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

struct TestClient::Connection {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;

  // Runs the posted operations until they finish; the stream's deadline bounds them.
  void RunAll() {
    ioc.restart();
    ioc.run();
  }
};

TestClient::TestClient(uint16_t port) : port_(port) {}
TestClient::~TestClient() = default;

void TestClient::Disconnect() { conn_.reset(); }

void TestClient::SetDefaultHeader(std::string name, std::string value) {
  if (value.empty()) {
    default_headers_.erase(name);
  } else {
    default_headers_[std::move(name)] = std::move(value);
  }
}

Reply TestClient::PostJson(std::string target, const boost::json::value& body) {
  return SendJson("POST", std::move(target), body);
}
Reply TestClient::PutJson(std::string target, const boost::json::value& body) {
  return SendJson("PUT", std::move(target), body);
}
Reply TestClient::PatchJson(std::string target, const boost::json::value& body) {
  return SendJson("PATCH", std::move(target), body);
}

Reply TestClient::SendJson(std::string method, std::string target,
                           const boost::json::value& body) {
  return Send(std::move(method), std::move(target), boost::json::serialize(body),
              {{"Content-Type", "application/json"}});
}

void TestClient::RememberCookie(const std::string& set_cookie) {
  std::string_view s = set_cookie;
  std::string_view pair = s.substr(0, s.find(';'));
  size_t eq = pair.find('=');
  if (eq == std::string_view::npos) return;
  std::string name(Trim(pair.substr(0, eq)));
  std::string value(Trim(pair.substr(eq + 1)));
  bool expired = Lower(s).find("max-age=0") != std::string::npos;
  if (value.empty() || expired) {
    cookies_.erase(name);
  } else {
    cookies_[name] = value;
  }
}

Reply TestClient::Send(std::string method, std::string target, std::string body,
                       Headers headers) {
  bhttp::request<bhttp::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
  for (const auto& [name, value] : default_headers_) req.set(name, value);
  if (!cookies_.empty()) {
    std::string cookie;
    for (const auto& [name, value] : cookies_) {
      if (!cookie.empty()) cookie += "; ";
      cookie += name + "=" + value;
    }
    req.set(bhttp::field::cookie, cookie);
  }
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = std::move(body);
  if (!req.body().empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    req.prepare_payload();
  }

  // A reused connection may have been closed by the server: retry once on a fresh one.
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool reused = conn_ != nullptr;
    if (!conn_) {
      conn_ = std::make_unique<Connection>();
      error_code ec;
      conn_->stream.expires_after(timeout_);
      conn_->stream.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_),
                                  [&](error_code e) { ec = e; });
      conn_->RunAll();
      if (ec) {
        conn_.reset();
        throw std::runtime_error("connect to port " + std::to_string(port_) + ": " +
                                 ec.message());
      }
    }
    Connection& c = *conn_;
    error_code write_ec, read_ec;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    c.stream.expires_after(timeout_);
    bhttp::async_write(c.stream, req, [&](error_code e, size_t) {
      write_ec = e;
      if (e) return;
      bhttp::async_read(c.stream, c.buffer, parser, [&](error_code e2, size_t) { read_ec = e2; });
    });
    c.RunAll();
    error_code ec = write_ec ? write_ec : read_ec;
    if (ec) {
      conn_.reset();
      bool closed_by_server = ec == bhttp::error::end_of_stream || ec == net::error::eof ||
                              ec == net::error::connection_reset ||
                              ec == net::error::broken_pipe;
      if (reused && closed_by_server) continue;
      throw std::runtime_error(method + " " + target + ": " + ec.message());
    }
    auto& res = parser.get();
    Reply reply;
    reply.status = res.result_int();
    reply.body = std::move(res.body());
    for (const auto& field : res) {
      std::string name = Lower(field.name_string());
      if (name == "set-cookie") RememberCookie(std::string(field.value()));
      auto [it, inserted] = reply.headers.emplace(name, std::string(field.value()));
      if (!inserted) it->second += ", " + std::string(field.value());
    }
    if (!res.keep_alive()) conn_.reset();
    return reply;
  }
  throw std::runtime_error(method + " " + target + ": connection closed twice");
}

}  // namespace anju::testing
