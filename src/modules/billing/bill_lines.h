// What one bill of a fee item for a house and period comes to: shared by bill runs
// (bill_runs.cc) and prepayments (prepayments.cc). Pure apart from ItemsFor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "db/database.h"
#include "modules/billing/calc/bill_calc.h"
#include "modules/billing/ledger.h"
#include "modules/property/property_service.h"

namespace anju::billing::bill_lines {

// What a bill run needs of a fee item (fee_items.h has the item as the API shows it).
struct ItemRule {
  int64_t id;
  std::string code, name, method, area_basis;
  int64_t unit_price;
  std::string house_kinds, rounding, round_to;
  int64_t due_days;
  std::string valid_from;
  std::optional<std::string> valid_to;
  std::string tiers;  // method metered: JSON tiers, "" = one tier at unit_price
  int64_t cycle_months = 1;  // 1, 3, 6 or 12 (metered: 1)
  bool AppliesTo(const std::string& kind) const;
};

struct Period {
  std::string name, first, last;  // "2026-11", "2026-11-01", "2026-11-30"
};

// nullopt unless "YYYY-MM".
std::optional<Period> ParsePeriod(const std::string& p);
// The period after `p`.
Period NextPeriod(const Period& p);
// The civil date `days` after the first day of the period.
std::string DueDate(const Period& p, int64_t days);

// 计费周期: the cycle of the item that contains `p` — quarters from January, halves,
// the year — as its first period (a bill's key) and its first and last day.
struct Cycle {
  Period start;
  std::string first, last;
};
Cycle CycleOf(const ItemRule& f, const Period& p);
calc::RoundRule RuleOf(const ItemRule& f);

// The amount of one bill (0 when nothing is due) and its quantity (area, or 100 for fixed).
struct Line {
  int64_t amount = 0, quantity = 0;
  int64_t discount = 0;  // 优惠 taken off the computed amount (discounts.h); amount is net
};

// An area or fixed item's bill for the house and the item's cycle containing period `p`
// (the whole cycle: cycle_months months), prorated for a house delivered or a standard
// starting or ending inside the cycle (metered items bill readings instead).
Result<Line> Compute(const ItemRule& f, const property::HouseFacts& h, const Period& p);

// Appends the ledger entries of a new bill: its computed amount, amount + discount (Dr the
// house's receivable, Cr the item's revenue), and its discount as an entry of its own
// (Dr discount:fee:<item>, Cr receivable) when it has one (discounts.h).
struct NewBillRef {
  int64_t company_id, project_id, bill_id, house_id, fee_item_id;
  std::string number;
};
void AppendBillEntries(std::vector<ledger::Entry>& out, const NewBillRef& bill, const Line& line);

// The project's active fee items whose standard is valid in the period, by id (not the
// repair items of one_off.h: those bill single repairs, never a period).
std::vector<ItemRule> ItemsFor(db::Tx& tx, int64_t company_id, int64_t project_id,
                              const Period& p);

}  // namespace anju::billing::bill_lines
