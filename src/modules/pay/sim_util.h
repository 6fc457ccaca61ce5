// Small helpers the two simulator files share (simulator.cc, simulator_refund.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "modules/pay/pay_codec.h"
#include "modules/pay/pay_crypto.h"

namespace anju::pay::sim {

inline std::string RandomDigits(size_t n) {
  std::string s = RandomAlnum(n);
  for (char& c : s) c = static_cast<char>('0' + static_cast<unsigned char>(c) % 10);
  return s;
}

inline std::optional<boost::json::value> ParseJson(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

inline std::string JsonStr(const boost::json::value& v, std::string_view key) {
  const boost::json::object* o = v.if_object();
  return o ? pay::JsonStr(*o, key) : std::string();
}

// WeChat's error body {"code", "message"}.
inline std::string ErrorJson(std::string_view code, std::string_view message) {
  return boost::json::serialize(boost::json::object{{"code", code}, {"message", message}});
}

}  // namespace anju::pay::sim
