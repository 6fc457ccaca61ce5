// Settling money on a house: shared by the cashier desk and online payments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "db/database.h"
#include "modules/property/property_service.h"

namespace anju::billing {

inline constexpr std::string_view kPrepaymentChannel = "prepayment";
// What a cashier takes money by (the desk and prepayments); online channels come by order.
inline const std::vector<std::string_view> kCashierChannels = {"cash", "pos", "transfer", "cheque"};

struct SettleArgs {
  int64_t company_id = 0;
  property::HouseFacts house;
  int64_t amount = 0;  // 分, > 0
  // cash | pos | transfer | cheque | wechat | alipay, or prepayment: the house's prepaid
  // balance applied to its bills (a bill run with auto_apply_prepayment) — the debit is the
  // prepayment account instead of a clearing account, the amount must not exceed what the
  // bills owe, and no receipt is issued (no money came in).
  std::string channel;
  // Settle these first, in this order; else the company's allocation order (settings.h).
  std::vector<int64_t> bill_ids;
  std::string note;
  std::optional<std::string> provider_txn_id;  // online payments (unique)
  std::optional<int64_t> user_id;              // who took it (none for a provider notify)
};

// Inside `tx` (a write transaction): records the payment, allocates it to bills, keeps the
// rest as prepaid balance, and posts the ledger entry (see payments.cc). Returns the
// payment as JSON. Errors: BILL_NOT_PAYABLE for a picked bill that is settled or not the
// house's. Throws DbError kUniqueViolation for a provider_txn_id seen before.
Result<boost::json::object> Settle(db::Tx& tx, const SettleArgs& args, Millis now);

}  // namespace anju::billing
