// The cashier desk (收银台): payments, their allocation to bills, prepaid balances.
//
// A payment of A 分 for a house settles debts in order — for the bills the payer picked, in
// the order given, each bill's late fee then its principal; or else in the company's
// allocation order (settings.h) — each up to what it still owes (bill_sql.h); the rest goes
// to the house's prepaid balance. The rule is the pure function calc::Allocate
// (calc/allocation.h); Settle reads the debts and writes what it returns.
// The ledger entry: Dr clearing:<channel> A; Cr late:house (late fees settled); Cr
// receivable:house (principal settled); Cr prepayment:house (the rest). Bills are read FOR UPDATE on PostgreSQL (SQLite has one
// writer), so two payments racing for one bill settle it once and the second one's money
// goes to the next bill or the prepaid balance.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_sql.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_json.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/calc/allocation.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/counters.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settings.h"
#include "modules/billing/settle.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/property/property_errors.h"
#include "modules/property/house_people.h"
#include "modules/property/property_service.h"
#include "platform/notify/in_app.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

// "¥1,234.50"
std::string Yuan(int64_t fen) {
  std::string digits = std::to_string(fen / 100);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return fmt::format("¥{}.{:02d}", digits, fen % 100);
}

std::string_view ChannelName(std::string_view channel) {
  static const std::map<std::string_view, std::string_view> kNames = {
      {"cash", "现金"},       {"pos", "刷卡"},         {"transfer", "转账"},
      {"cheque", "支票"},     {"wechat", "微信支付"},  {"alipay", "支付宝"}};
  auto n = kNames.find(channel);
  return n == kNames.end() ? channel : n->second;
}

// 缴费成功: an in-app message to every owner-app account of the house, in the payment's
// transaction (notify/in_app.h), whoever took the money.
void TellOwners(db::Tx& tx, const SettleArgs& a, int64_t payment_id, const ReceiptRef& receipt,
                Millis now) {
  std::set<int64_t> told;  // an account linked twice (owner and tenant) hears once
  for (const auto& who : property::HousePeopleOn(tx, a.company_id, a.house.id, CivilDate(now))) {
    if (!who.user_id || !told.insert(*who.user_id).second) continue;
    notify::Outgoing o;
    o.company_id = a.company_id;
    o.project_id = a.house.project_id;
    o.channel = "in_app";
    o.user_id = *who.user_id;
    o.user_name = who.name;
    o.template_code = "payment_received";
    o.title = "缴费成功";
    o.text = fmt::format("{} 已缴费 {}（{}），收据号 {}。", a.house.code, Yuan(a.amount),
                         ChannelName(a.channel), receipt.number);
    o.ref_type = "payment";
    o.ref_id = payment_id;
    notify::PostInApp(tx, o, now);
  }
}

}  // namespace

Result<PaymentTaken> Settle(db::Tx& tx, const SettleArgs& a, Millis now,
                            ReceiptIssuer* receipts) {
  const property::HouseFacts& h = a.house;
  std::string lock = tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : "";
  // The open debts, read (and locked) in due order: the pure rule picks from them.
  std::vector<calc::OpenDebt> debts;
  std::string owed = "SELECT b.id, b.due_date, " + std::string(kOpenPrincipalSql) + ", " +
                     std::string(kOpenLateSql) + " FROM bills b WHERE ";
  auto order = calc::AllocationOrder::kLateFeesFirst;
  if (a.bill_ids.empty()) {
    for (auto& r : tx.Query(owed + "b.house_id = ? AND b.company_id = ?" +
                                std::string(kBillOpenSql) + " ORDER BY b.due_date, b.id" + lock,
                            {h.id, a.company_id}))
      debts.push_back({r.Int(0), r.Str(1), r.Int(2), r.Int(3), 0});
    if (LoadSettings(tx, a.company_id).principal_first)
      order = calc::AllocationOrder::kPrincipalFirst;
  } else {
    for (int64_t id : a.bill_ids) {
      // A bill picked twice is settled once (its first place counts).
      if (std::any_of(debts.begin(), debts.end(),
                      [&](const calc::OpenDebt& d) { return d.bill_id == id; }))
        continue;
      auto r = tx.QueryOne(owed + "b.id = ? AND b.house_id = ? AND b.company_id = ?" + lock,
                           {id, h.id, a.company_id});
      if (!r || (r->Int(2) <= 0 && r->Int(3) <= 0))
        return Error(kBillNotPayable).WithField("bill_ids", "not_payable",
                                                "Bill " + std::to_string(id));
      debts.push_back({id, r->Str(1), r->Int(2), r->Int(3), static_cast<int>(debts.size()) + 1});
    }
  }
  auto allocation = calc::Allocate(debts, a.amount, order);
  if (!allocation.ok()) return allocation.take_error();
  std::string project_code =
      *org::ProjectCode(tx, a.company_id, h.project_id);
  std::string day = DayStamp(now);
  int64_t seq = NextCounter(tx, a.company_id, "payment:" + std::to_string(h.project_id) + ":" + day);
  std::string number = fmt::format("P-{}-{}-{:06d}", project_code, day, seq);
  int64_t left = allocation->to_prepayment, principal = allocation->principal,
          late = allocation->late_fee;
  int64_t settled = principal + late;
  int64_t id = tx.InsertId(
      "INSERT INTO payments (company_id, project_id, house_id, number, channel, amount, "
      "to_prepayment, provider_txn_id, note, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.company_id, h.project_id, h.id, number, a.channel, a.amount, left,
       a.provider_txn_id ? db::Value(*a.provider_txn_id) : db::kNull, a.note,
       a.user_id ? db::Value(*a.user_id) : db::kNull, now});
  PaymentTaken out;
  out.id = id, out.number = number, out.house_id = h.id, out.project_id = h.project_id;
  out.channel = a.channel, out.amount = a.amount, out.settled = settled;
  out.to_prepayment = left, out.late_fee_settled = late;
  for (const calc::AllocationPart& part : allocation->parts) {
    bool is_late = part.kind == calc::DebtKind::kLateFee;
    std::string kind = calc::DebtKindName(part.kind);
    tx.Exec("INSERT INTO payment_allocations (company_id, payment_id, bill_id, amount, kind) "
            "VALUES (?, ?, ?, ?, ?)",
            {a.company_id, id, part.bill_id, part.amount, kind});
    tx.Exec(is_late ? "UPDATE bills SET late_paid = late_paid + ? WHERE id = ?"
                    : "UPDATE bills SET paid = paid + ? WHERE id = ?",
            {part.amount, part.bill_id});
    if (!is_late) totals::AddSettled(tx, a.company_id, part.bill_id, part.amount, now);
    out.allocations.push_back({part.bill_id, kind, part.amount});
  }
  bool from_prepayment = a.channel == kPrepaymentChannel;
  if (from_prepayment && left > 0)
    throw std::logic_error("a prepaid balance was applied beyond what the bills owe");
  std::vector<ledger::Line> lines{
      from_prepayment
          ? ledger::Line{ledger::PrepaymentOf(h.id), ledger::AccountKind::kLiability, a.amount, 0}
          : ledger::Line{ledger::ClearingOf(a.channel), ledger::AccountKind::kAsset, a.amount, 0}};
  if (late > 0) lines.push_back({ledger::LateOf(h.id), ledger::AccountKind::kAsset, 0, late});
  if (principal > 0)
    lines.push_back({ledger::ReceivableOf(h.id), ledger::AccountKind::kAsset, 0, principal});
  if (left > 0)
    lines.push_back({ledger::PrepaymentOf(h.id), ledger::AccountKind::kLiability, 0, left});
  ledger::Post(tx,
               {a.company_id, h.project_id, from_prepayment ? "prepayment_applied" : "payment",
                "payment", id, number},
               lines, now);
  // Every payment of money gets its receipt (收据) in the same transaction: gap-free per
  // project.
  if (!from_prepayment) {
    if (!receipts) throw std::logic_error("money came in without a receipt issuer");
    auto receipt = receipts->IssueFor(tx, a.company_id, id, now);
    if (!receipt.ok()) return receipt.take_error();
    out.receipt = *receipt;
    TellOwners(tx, a, id, *receipt, now);
  }
  out.owed_after = ledger::Balance(tx, a.company_id, ledger::ReceivableOf(h.id)) +
                   ledger::Balance(tx, a.company_id, ledger::LateOf(h.id));
  out.prepaid_after = -ledger::Balance(tx, a.company_id, ledger::PrepaymentOf(h.id));
  out.created_at = now;
  return out;
}

Status BillingService::MayTakePayments(const TenantContext& ctx) const {
  return identity::Require(ctx, perm::kPaymentCreate);
}

Result<PaymentTaken> BillingService::TakePayment(const TenantContext& ctx,
                                                 const TakePaymentCommand& cmd,
                                                 const IdempotentAnswer<PaymentTaken>& answer) {
  ANJU_TRY(MayTakePayments(ctx));
  if (cmd.amount < 1 || cmd.amount > kMaxPaymentFen)
    return Error(errors::kValidation).WithField("amount", "out_of_range");
  if (std::find(kCashierChannels.begin(), kCashierChannels.end(), cmd.channel) ==
      kCashierChannels.end())
    return Error(errors::kValidation).WithField("channel", "invalid");
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<PaymentTaken> {
    auto h = property::FindHouseFacts(tx, ctx.company_id, cmd.house_id);
    if (!h || !ctx.access.HasIn(std::string(perm::kPaymentCreate), h->project_id))
      return Error(property::kHouseNotFound).WithField("house_id", "not_found");
    auto out = Settle(tx, {ctx.company_id, *h, cmd.amount, cmd.channel, cmd.bill_ids, cmd.note,
                           std::nullopt, ctx.user_id},
                      now, &ports_.receipts);
    if (!out.ok()) return out.take_error();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.payment.create", "payment", out->id, h->project_id, nullptr,
                   PaymentJson(*out)},
                  now);
    answer.Store(tx, *out);
    return out;
  });
}

Result<PaymentPage> BillingService::ListPayments(const TenantContext& ctx,
                                                 std::optional<int64_t> house_id,
                                                 const Page& page) {
  std::string where = " FROM payments WHERE company_id = ?";
  db::Params p{ctx.company_id};
  if (ctx.IsResident()) {
    identity::AppendHouseScope(ctx, "house_id", where, p);
  } else {
    ANJU_TRY(identity::Require(ctx, perm::kPaymentRead));
    identity::AppendProjectScope(ctx, perm::kPaymentRead, "project_id", where, p);
  }
  if (house_id) where += " AND house_id = ?", p.emplace_back(*house_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<PaymentPage> {
    PaymentPage out;
    out.total = tx.QueryOne("SELECT COUNT(*)" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    for (auto& r : tx.Query("SELECT id, number, house_id, project_id, channel, amount, "
                            "to_prepayment, note, created_at" + where +
                                " ORDER BY id DESC LIMIT ? OFFSET ?",
                            q))
      out.items.push_back({r.Int(0), r.Str(1), r.Int(2), r.Int(3), r.Str(4), r.Int(5), r.Int(6),
                           r.Str(7), r.Int(8)});
    return out;
  });
}

}  // namespace anju::billing
