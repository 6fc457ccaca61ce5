#include "modules/pay/provider.h"

#include "modules/pay/pay_errors.h"

namespace anju::pay {

const std::string* FindHeader(const Headers& headers, std::string_view name_lowercase) {
  for (const auto& [name, value] : headers)
    if (name == name_lowercase) return &value;
  return nullptr;
}

Status MatchOrder(const Confirmed& confirmed, const PayOrder& expected) {
  if (confirmed.order_no != expected.order_no) return kPayOrderMismatch;
  if (confirmed.amount_fen != expected.amount_fen) return kPayBadAmount;
  return Status::Ok();
}

bool IsValidOrderNo(std::string_view order_no) {
  if (order_no.size() < 6 || order_no.size() > 32) return false;
  for (char c : order_no) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace anju::pay
