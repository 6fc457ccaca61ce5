// Prepayments for months ahead (预缴), with "prepay 12 months, pay 11" offers.
//
// A cashier takes N months of one fee item for a house at once: the bills of the N periods
// after the house's latest bill of that item (or from this month) are posted now — each
// computed like a bill run's (bill_lines.h) — and settled by the payment in the same
// transaction. Under a prepay offer (discounts.h, kind prepay) the last months_free of them
// are free: each such bill is discounted to 0, the discount its own ledger entry, like a
// percent discount. A later bill run finds these bills and counts them as existing. The
// quote (GET …/quote) is the same plan without writing anything, for the owner to decide.
#include <algorithm>

#include <fmt/format.h>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_lines.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_json.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/counters.h"
#include "modules/billing/discounts.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settle.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/property/property_errors.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;
using namespace bill_lines;

namespace {

struct PlannedBill {
  Period period;
  Line line;
};

struct Plan {
  property::HouseFacts house;
  ItemRule item;
  std::vector<PlannedBill> bills;
  std::optional<PrepayOffer> offer;
  int64_t amount = 0, discount = 0;
};

// The bills `months` months of the item would post for the house, oldest first.
Result<Plan> MakePlan(db::Tx& tx, const TenantContext& ctx, int64_t house_id,
                      int64_t fee_item_id, int64_t months, Millis now) {
  auto h = property::FindHouseFacts(tx, ctx.company_id, house_id);
  if (!h || !ctx.access.HasIn(std::string(perm::kPaymentCreate), h->project_id))
    return Error(property::kHouseNotFound).WithField("house_id", "not_found");
  auto latest = tx.QueryOne("SELECT MAX(period) FROM bills WHERE house_id = ? AND fee_item_id = ?",
                            {house_id, fee_item_id});
  Period first = latest && !latest->IsNull(0) ? NextPeriod(*ParsePeriod(latest->Str(0)))
                                              : *ParsePeriod(CivilDate(now).substr(0, 7));
  Plan plan{*h, {}, {}, std::nullopt, 0, 0};
  Period p = first;
  for (int64_t i = 0; i < months; ++i, p = NextPeriod(p)) {
    auto items = ItemsFor(tx, ctx.company_id, h->project_id, p);
    auto f = std::find_if(items.begin(), items.end(),
                          [&](const ItemRule& x) { return x.id == fee_item_id; });
    if (f == items.end() || f->method == "metered" || f->cycle_months != 1 ||
        !f->AppliesTo(h->kind)) {
      if (i == 0) return Error(kPrepayNotApplicable).WithField("fee_item_id", "not_applicable");
      break;  // the standard ends: prepay up to there
    }
    plan.item = *f;
    auto line = Compute(*f, *h, p);
    if (!line.ok()) return Error(kCalculation, f->code + ": " + line.error().message);
    if (line->amount > 0) plan.bills.push_back({p, *line});
  }
  if (plan.bills.empty())
    return Error(kPrepayNotApplicable).WithField("fee_item_id", "not_applicable");
  plan.offer = PrepayOfferFor(tx, ctx.company_id, fee_item_id, plan.bills.front().period.name,
                              static_cast<int64_t>(plan.bills.size()));
  int64_t free = plan.offer ? plan.offer->months_free : 0;
  for (size_t i = plan.bills.size(); i-- > 0 && free > 0; --free) {
    Line& l = plan.bills[i].line;
    l.discount = l.amount;
    l.amount = 0;
  }
  for (const PlannedBill& b : plan.bills) plan.amount += b.line.amount, plan.discount += b.line.discount;
  return plan;
}

// The plan as the service gives it out.
PrepaymentPlan Summary(const Plan& plan) {
  PrepaymentPlan out;
  out.house_id = plan.house.id, out.fee_item_id = plan.item.id;
  out.amount = plan.amount, out.discount = plan.discount, out.offer = plan.offer;
  for (const PlannedBill& b : plan.bills)
    out.bills.push_back({b.period.name, b.line.amount, b.line.discount});
  return out;
}

}  // namespace

Result<PrepaymentPlan> BillingService::QuotePrepayment(const TenantContext& ctx,
                                                       int64_t house_id, int64_t fee_item_id,
                                                       int64_t months) {
  ANJU_TRY(identity::Require(ctx, perm::kPaymentCreate));
  if (months < 1 || months > 36)
    return Error(errors::kBadQuery).WithField("months", "invalid", "1 to 36");
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<PrepaymentPlan> {
    auto plan = MakePlan(tx, ctx, house_id, fee_item_id, months, clock_.Now());
    if (!plan.ok()) return plan.take_error();
    return Summary(*plan);
  });
}

Result<PrepaymentTaken> BillingService::TakePrepayment(
    const TenantContext& ctx, const TakePrepaymentCommand& cmd,
    const IdempotentAnswer<PrepaymentTaken>& answer) {
  ANJU_TRY(MayTakePayments(ctx));
  if (cmd.months < 1 || cmd.months > 36)
    return Error(errors::kValidation).WithField("months", "out_of_range");
  if (std::find(kCashierChannels.begin(), kCashierChannels.end(), cmd.channel) ==
      kCashierChannels.end())
    return Error(errors::kValidation).WithField("channel", "invalid");
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<PrepaymentTaken> {
    auto plan = MakePlan(tx, ctx, cmd.house_id, cmd.fee_item_id, cmd.months, now);
    if (!plan.ok()) return plan.take_error();
    const property::HouseFacts& h = plan->house;
    std::string project_code =
        *org::ProjectCode(tx, ctx.company_id, h.project_id);
    std::vector<int64_t> to_pay;
    for (const PlannedBill& b : plan->bills) {
      std::string number =
          NextBillNumber(tx, ctx.company_id, h.project_id, project_code, b.period.name);
      int64_t id = tx.InsertId(
          "INSERT INTO bills (company_id, project_id, building_id, house_id, fee_item_id, period, "
          "number, quantity, unit_price, amount, discount, due_date, created_at) VALUES (?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {ctx.company_id, h.project_id, h.building_id, h.id, plan->item.id, b.period.name, number,
           b.line.quantity, plan->item.unit_price, b.line.amount, b.line.discount,
           DueDate(b.period, plan->item.due_days), now});
      std::vector<ledger::Entry> entries;
      AppendBillEntries(entries, {ctx.company_id, h.project_id, id, h.id, plan->item.id, number},
                        b.line);
      ledger::PostAll(tx, entries, now);
      totals::AddBilled(tx, ctx.company_id, h.project_id, b.period.name, b.line.amount, now);
      if (b.line.amount > 0) to_pay.push_back(id);
    }
    std::string memo = cmd.note.value_or(fmt::format("预缴 {} 个月", plan->bills.size()));
    auto paid = Settle(tx, {ctx.company_id, h, plan->amount, cmd.channel, to_pay, memo,
                            std::nullopt, ctx.user_id},
                       now, &ports_.receipts);
    if (!paid.ok()) return paid.take_error();
    PrepaymentTaken out{Summary(*plan), std::move(*paid)};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.prepayment.create", "payment", out.payment.id, h.project_id, nullptr,
                   PrepaymentJson(out)},
                  now);
    answer.Store(tx, out);
    return out;
  });
}

}  // namespace anju::billing
