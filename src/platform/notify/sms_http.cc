// Beast on a private io_context per Send: every step is an async operation under one
// deadline (the stream's expiry), run to completion before Send returns, so a provider
// that never answers costs at most the timeout.
#include "platform/notify/sms_http.h"

#include <sodium.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

namespace anju::notify {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

std::string SmsSignature(std::string_view key, std::string_view timestamp, std::string_view body) {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(timestamp.data()),
                                timestamp.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>("\n"), 1);
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

Result<std::unique_ptr<SmsHttpChannel>> SmsHttpChannel::Create(SmsHttpConfig cfg,
                                                               const Clock& clock) {
  auto u = boost::urls::parse_uri(cfg.url);
  if (!u || u->scheme() != "http" || u->host().empty() || u->has_userinfo())
    return Error(errors::kValidation)
        .WithField("sms_url", "invalid", "Must be http://host[:port][/path]");
  if (cfg.key.empty())
    return Error(errors::kValidation).WithField("sms_key", "required", "The signing key is empty");
  std::string port = u->has_port() ? std::string(u->port()) : "80";
  std::string target = u->encoded_path().empty() ? "/" : std::string(u->encoded_path());
  if (u->has_query()) target += "?" + std::string(u->encoded_query());
  std::string host = std::string(u->encoded_host());
  return std::unique_ptr<SmsHttpChannel>(
      new SmsHttpChannel(std::move(cfg), clock, std::move(host), std::move(port), std::move(target)));
}

SendResult SmsHttpChannel::Send(const Message& m) {
  std::string body = boost::json::serialize(boost::json::object{{"id", std::to_string(m.id)},
                                                                {"phone", m.phone},
                                                                {"template", m.template_code},
                                                                {"params", m.params},
                                                                {"text", m.text}});
  std::string ts = std::to_string(clock_.Now() / 1000);
  bhttp::request<bhttp::string_body> req{bhttp::verb::post, target_, 11};
  req.set(bhttp::field::host, host_ + (port_ == "80" ? "" : ":" + port_));
  req.set(bhttp::field::content_type, "application/json; charset=utf-8");
  req.set(bhttp::field::user_agent, "anju");
  req.set("X-Anju-Timestamp", ts);
  req.set("X-Anju-Signature", SmsSignature(cfg_.key, ts, body));
  req.body() = std::move(body);
  req.prepare_payload();

  net::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  beast::error_code failed;
  stream.expires_after(cfg_.timeout);
  resolver.async_resolve(host_, port_, [&](beast::error_code ec, tcp::resolver::results_type r) {
    if (ec) return void(failed = ec);
    stream.async_connect(r, [&](beast::error_code ec, const tcp::endpoint&) {
      if (ec) return void(failed = ec);
      bhttp::async_write(stream, req, [&](beast::error_code ec, size_t) {
        if (ec) return void(failed = ec);
        bhttp::async_read(stream, buffer, res, [&](beast::error_code ec, size_t) {
          if (ec) failed = ec;
        });
      });
    });
  });
  ioc.run_for(cfg_.timeout + std::chrono::seconds(1));  // the resolver has no expiry of its own
  if (!ioc.stopped()) {  // still resolving: cancel, and let the handlers finish
    resolver.cancel();
    stream.close();
    ioc.restart();
    ioc.run();
    return {false, "http", "timeout"};
  }
  if (failed == beast::error::timeout) return {false, "http", "timeout"};
  if (failed) return {false, "http", failed.message()};
  int status = static_cast<int>(res.result_int());
  if (status < 200 || status > 299) return {false, "http", "HTTP " + std::to_string(status)};
  return {true, "http", ""};
}

}  // namespace anju::notify
