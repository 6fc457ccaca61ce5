// Settling money on a house: shared by the cashier desk and online payments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "db/database.h"
#include "modules/billing/ports.h"
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

// One part of a payment: what it settled of one bill.
struct Allocation {
  int64_t bill_id = 0;
  std::string kind;  // "principal" | "late_fee"
  int64_t amount = 0;
};

// A payment as recorded: what it settled and what the house owes and holds after it.
struct PaymentTaken {
  int64_t id = 0;
  std::string number;  // "P-<project>-<yyyymmdd>-<seq>"
  int64_t house_id = 0, project_id = 0;
  std::string channel;
  int64_t amount = 0;
  int64_t settled = 0;           // principal + late fees settled
  int64_t to_prepayment = 0;     // the rest, now prepaid balance
  int64_t late_fee_settled = 0;  // of `settled`
  std::vector<Allocation> allocations;  // in the order they were settled
  int64_t owed_after = 0;     // receivable + late fees of the house
  int64_t prepaid_after = 0;  // its prepaid balance
  std::optional<ReceiptRef> receipt;  // none for the "prepayment" channel (ports.h)
  Millis created_at = 0;
};

// Inside `tx` (a write transaction): records the payment, allocates it to bills, keeps the
// rest as prepaid balance, posts the ledger entry (see payments.cc) and, for money received
// (any channel but prepayment), has `receipts` issue its receipt in the same transaction
// (ports.h: receipts are another module's). Returns the payment. Errors: BILL_NOT_PAYABLE
// for a picked bill that is settled or not the house's. Throws DbError kUniqueViolation for
// a provider_txn_id seen before, and std::logic_error when money comes in and `receipts` is
// null (a wiring bug).
Result<PaymentTaken> Settle(db::Tx& tx, const SettleArgs& args, Millis now,
                            ReceiptIssuer* receipts);

}  // namespace anju::billing
