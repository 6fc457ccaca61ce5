// What other modules may ask billing about its bills and payments, inside their own
// transaction.
//
// Billing owns `bills`, `payments` and the tables beside them; the modules above it
// (metering, collection, receipts, …) never
// name them in SQL. They call these functions instead, passing the transaction they work
// in, so the answer is as consistent as a join would have been. No access checks: the
// caller has checked the project or house it asks about.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"

namespace anju::billing {

// A bill as a correction sees it: its amounts, its corrections so far and what it still
// owes (bill_sql.h).
struct BillFacts {
  int64_t id = 0, project_id = 0, house_id = 0, fee_item_id = 0;
  std::string number, period;
  int64_t amount = 0, paid = 0, credited = 0, late_fee = 0, late_paid = 0, late_waived = 0;
  int64_t open_principal = 0;  // amount − paid − credited, floored at 0
  int64_t open_late = 0;       // late_fee − late_paid − late_waived
};
// The bill of the company, or nullopt. `for_update` reads its row FOR UPDATE on PostgreSQL
// (SQLite has one writer), for a caller that changes it in the same transaction.
std::optional<BillFacts> FindBill(db::Tx& tx, int64_t company_id, int64_t bill_id,
                                  bool for_update = false);

// Whether a bill of the fee item for the period exists for the house (`house_id`) or, given
// `building_id`, for any house billed in that building (either one matching is enough).
// Metering asks it before a reading may change or go (READING_BILLED, READING_IN_USE).
bool PeriodBilled(db::Tx& tx, int64_t fee_item_id, std::string_view period,
                  std::optional<int64_t> house_id,
                  std::optional<int64_t> building_id = std::nullopt);

// What a house owes — open principal plus open late fees (bill_sql.h) — on its bills due
// before `day` ("YYYY-MM-DD", exclusive; pass the next day for "due by"). 0 when nothing.
int64_t OwedDueBefore(db::Tx& tx, int64_t company_id, int64_t house_id, std::string_view day);

// The (house, due date) pairs of a project's bills due in [first_day, last_day] on which the
// house still owes something, by house and due date (reminders: one per house and due date).
struct HouseDueDate {
  int64_t house_id = 0;
  std::string due_date;
};
std::vector<HouseDueDate> OwingDueDates(db::Tx& tx, int64_t company_id, int64_t project_id,
                                        std::string_view first_day, std::string_view last_day);

// The houses of a project that owe on bills due before `day`, by house id: the oldest such
// due date and what they owe on them (collection assigns overdue houses).
struct OverdueHouse {
  int64_t house_id = 0;
  std::string oldest_due_date;
  int64_t owed = 0;
};
std::vector<OverdueHouse> OverdueHouses(db::Tx& tx, int64_t company_id, int64_t project_id,
                                        std::string_view day);

// A payment as its receipt shows it.
struct PaymentFacts {
  int64_t id = 0, project_id = 0, house_id = 0;
  int64_t amount = 0;         // 分 received
  std::string number;         // P-<project>-<day>-<seq>
  std::string channel;        // cash | pos | transfer | cheque | wechat | alipay | prepayment
  int64_t to_prepayment = 0;  // the part kept as prepaid balance
  std::optional<int64_t> created_by;  // the cashier; none for a provider's notify
};
// The payment of the company, or nullopt.
std::optional<PaymentFacts> FindPayment(db::Tx& tx, int64_t company_id, int64_t payment_id);

// What a payment settled, part by part in allocation order: the bill's fee item and period,
// the amount, and whether it paid the bill's late fee (滞纳金) or its principal.
struct PaymentPart {
  std::string fee_item_name, period;
  int64_t amount = 0;
  bool late_fee = false;
};
std::vector<PaymentPart> PaymentParts(db::Tx& tx, int64_t payment_id);

// The online order (线上支付) a payment settled, or nullopt for a payment at the desk:
// refunds of online payments go back to the provider under the order's number.
struct PaidOrder {
  std::string order_no;
  int64_t amount = 0;  // 分 the provider collected
};
std::optional<PaidOrder> OrderOfPayment(db::Tx& tx, int64_t payment_id);

}  // namespace anju::billing
