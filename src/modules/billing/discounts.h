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

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"

namespace anju::billing {

// The best active percent rate of a fee item.
struct ItemDiscount {
  int64_t fee_item_id = 0, rate_bp = 0;
};

// The best active percent rule per fee item of a project for a period (fee item → rate_bp).
std::vector<ItemDiscount> DiscountsFor(db::Tx& tx, int64_t company_id, int64_t project_id,
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

// A discount rule as stored (discount_json.h DiscountRuleJson shows it).
struct DiscountRule {
  int64_t id = 0, project_id = 0, fee_item_id = 0;
  std::string name;
  std::string kind;  // "percent" | "prepay"
  int64_t rate_bp = 0, months_paid = 0, months_free = 0;
  std::string period_from;                // "YYYY-MM"
  std::optional<std::string> period_to;   // "YYYY-MM"
  bool active = true;
  Millis created_at = 0, updated_at = 0;
};

// A new rule, read as the API reads it (discount_json.h ReadCreateDiscountRule): months
// valid and in order, the terms checked for the kind (CheckDiscountTerms).
struct CreateDiscountRuleCommand {
  int64_t project_id = 0, fee_item_id = 0;
  std::string name;
  std::string kind = "percent";
  int64_t rate_bp = 0, months_paid = 0, months_free = 0;
  std::string period_from;
  std::optional<std::string> period_to;
  bool active = true;
};

// A change of a rule; absent fields stay as they are. Months are valid "YYYY-MM" and, when
// both are given, in order.
struct UpdateDiscountRuleCommand {
  std::optional<std::string> name;
  std::optional<int64_t> rate_bp, months_paid, months_free;
  std::optional<std::string> period_from, period_to;
  bool clear_period_to = false;  // period_to: null in the body
  std::optional<bool> active;
};

// The numbers of a rule of its kind: rate_bp 1..10000 for percent; months_paid and
// months_free for prepay (1 ≤ free < paid ≤ 36). The other kind's fields must stay 0.
// Errors: VALIDATION_FAILED with every field wrong.
Status CheckDiscountTerms(const std::string& kind, int64_t rate_bp, int64_t months_paid,
                          int64_t months_free);

class DiscountService {
 public:
  DiscountService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // The rules of the caller's projects (billing:fee:read), or of one of them.
  Result<std::vector<DiscountRule>> List(const TenantContext& ctx,
                                         std::optional<int64_t> project_id);
  // Whether the caller may write rules somewhere (billing:fee:write): checked before the
  // body is read. Create and Update check it again.
  static Status MayWrite(const TenantContext& ctx);
  // Errors: FORBIDDEN, PROJECT_NOT_FOUND (project_id), FEE_ITEM_NOT_FOUND (fee_item_id: not
  // an item of that project).
  Result<DiscountRule> Create(const TenantContext& ctx, const CreateDiscountRuleCommand& cmd);
  // Errors: FORBIDDEN, DISCOUNT_RULE_NOT_FOUND, VALIDATION_FAILED (period_to before the rule's
  // period_from; terms wrong for the rule's kind).
  Result<DiscountRule> Update(const TenantContext& ctx, int64_t id,
                              const UpdateDiscountRuleCommand& cmd);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace anju::billing
