// Discounts (优惠) on bills.
//
// Design
// A discount rule takes rate_bp basis points off the bills of one fee item for a range of
// billing periods ("新春九折": 1000 bp off property fees for 2027-01..2027-02). A bill run
// gives each NEW bill the best active rule covering its item and period (the highest rate:
// the owner is never charged more because two rules overlap); the discount is
// calc::PercentOff of the bill's computed (gross) amount with the fee item's rounding.
// The bill stores `amount` = gross − discount — what the house owes, so every other part of
// billing (payments, late fees, credit notes, reports) works on it unchanged — and
// `discount`. In the ledger the bill posts the gross (Dr receivable, Cr revenue:fee) and the
// discount is its own entry (kind "discount": Dr discount:fee:<item>, a contra-income
// account, Cr receivable), in the same transaction. `ledger::Check` proves every bill's
// `discount` equals its discount entry. Bills already posted never change when a rule is
// added, edited or switched off: rules act on the next bills only.
//
// A rule of kind "prepay" is an offer instead: prepaying months_paid months of the item at
// the cashier (prepayments.cc) makes months_free of them free — the last ones, each a bill
// discounted to 0 (calc::PrepayFreeMonths is the same sum when the months cost the same).
//
// Routes: GET/POST /api/v1/discount-rules, PATCH /api/v1/discount-rules/{id}. Reading needs
// billing:fee:read in the project, writing billing:fee:write; writes are audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::billing {

struct DiscountRule {
  int64_t fee_item_id = 0, rate_bp = 0;
};

// The best active percent rule per fee item of a project for a period (fee item → rate_bp).
std::vector<DiscountRule> DiscountsFor(db::Tx& tx, int64_t company_id, int64_t project_id,
                                       const std::string& period);

// "Prepay 12 months, pay 11" (kind prepay): prepaying `months` months of a fee item from
// `first_period` earns months / months_paid × months_free free months under an active offer
// whose range covers first_period; the best such offer, or nullopt.
struct PrepayOffer {
  int64_t rule_id = 0;
  std::string name;
  int64_t months_free = 0;
};
std::optional<PrepayOffer> PrepayOfferFor(db::Tx& tx, int64_t company_id, int64_t fee_item_id,
                                          const std::string& first_period, int64_t months);

class DiscountService {
 public:
  DiscountService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  Result<boost::json::value> List(const TenantContext& ctx, std::optional<int64_t> project_id);
  // {project_id, fee_item_id, name, kind? (percent | prepay), rate_bp (percent: 1..10000) |
  //  months_paid, months_free (prepay), period_from, period_to?, active?}
  Result<boost::json::value> Create(const TenantContext& ctx, const boost::json::object& body);
  // {name?, rate_bp?, period_from?, period_to?, active?}
  Result<boost::json::value> Update(const TenantContext& ctx, int64_t id,
                                    const boost::json::object& body);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::billing
