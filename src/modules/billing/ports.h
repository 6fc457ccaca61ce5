// Ports: what billing needs from the modules built on top of it.
//
// Billing is the core that metering, receipts, corrections and the rest call; it may not
// call them back (no cycle between modules). Where one of its own use cases needs an answer
// that lives in such a module, it declares the question here as a small interface, the
// module above implements it, and src/app/app.cc hands the implementation to
// BillingService. Every method runs inside the caller's transaction, so what billing reads
// through a port is as consistent as what it reads from its own tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "db/database.h"

namespace anju::billing {

// One line a bill run bills for a period from a meter reading.
struct MeteredLine {
  int64_t house_id = 0, fee_item_id = 0, meter_id = 0, reading_id = 0;
  int64_t consumption = 0;  // 1/100 unit: the house meter's, or the whole shared meter's
  // A shared meter's line: this house's share in 分 of the meter's amount (the shares of
  // one reading sum exactly to it). nullopt for a house meter: the run prices consumption
  // with calc::MeteredAmount and the fee item's tiers and rounding.
  std::optional<int64_t> amount;
};

// The billable meter readings of a project's period (implemented by metering).
class MeteredReadings {
 public:
  virtual ~MeteredReadings() = default;
  // Every line of the period, ordered by house, then fee item. An error (bad tiers, a shared
  // meter with no houses to apportion over) stops the run; its message names the meter.
  virtual Result<std::vector<MeteredLine>> Billable(db::Tx& tx, int64_t company_id,
                                                    int64_t project_id,
                                                    const std::string& period) = 0;
};

// The receipt (收据) a payment of money got (modules/receipts), as the payment reports it.
struct ReceiptRef {
  int64_t id = 0;
  std::string number;
};

// Receipts (收据) of payments (implemented by receipts). Every payment of money gets its
// receipt in the payment's own transaction (Settle), so a payment never commits without it.
class ReceiptIssuer {
 public:
  virtual ~ReceiptIssuer() = default;
  // The receipt of `payment_id` inside `tx`, issued now or, when it exists, as it is.
  virtual Result<ReceiptRef> IssueFor(db::Tx& tx, int64_t company_id, int64_t payment_id,
                                         Millis now) = 0;
};

// What corrections (adjustments, refunds; implemented by corrections) hold on billing's
// bills and prepaid balances. Whatever spends a prepaid balance (bill runs applying it,
// reversing an opening prepaid balance) must leave ReservedRefunds aside; an opening bill
// that a correction names is in use.
class CorrectionHolds {
 public:
  virtual ~CorrectionHolds() = default;
  // 分 of the house's prepaid balance reserved by refunds still 'processing'.
  virtual int64_t ReservedRefunds(db::Tx& tx, int64_t house_id) = 0;
  // Whether any adjustment (pending, applied or rejected) names the bill.
  virtual bool BillHasAdjustments(db::Tx& tx, int64_t bill_id) = 0;
};

// The ports BillingService is built with (src/app/app.cc wires them).
struct Ports {
  MeteredReadings& metered;
  ReceiptIssuer& receipts;
  CorrectionHolds& corrections;
};

}  // namespace anju::billing
