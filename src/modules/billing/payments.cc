// The cashier desk (收银台): payments, their allocation to bills, prepaid balances.
//
// A payment of A 分 for a house settles debts in order — for the bills the payer picked, in
// the order given, each bill's late fee then its principal; or else in the company's
// allocation order (settings.h): late_fees_first (the default) settles every outstanding
// late fee oldest bill first, then every open principal by due date then id;
// principal_first goes bill by bill by due date, its principal then its late fee — each up
// to what it still owes (bill_sql.h); the rest goes to the house's prepaid balance.
// The ledger entry: Dr clearing:<channel> A; Cr late:house (late fees settled); Cr
// receivable:house (principal settled); Cr prepayment:house (the rest). Bills are read FOR UPDATE on PostgreSQL (SQLite has one
// writer), so two payments racing for one bill settle it once and the second one's money
// goes to the next bill or the prepaid balance.
#include <stdexcept>

#include <fmt/format.h>

#include "core/json_body.h"
#include "http/message.h"
#include "modules/audit/audit_log.h"
#include "modules/billing/bill_sql.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/counters.h"
#include "modules/billing/ledger.h"
#include "modules/billing/receipts.h"
#include "modules/billing/settings.h"
#include "modules/billing/settle.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"
#include "modules/org/org_service.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_service.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {


struct PaymentBody {
  int64_t house_id = 0, amount = 0;
  std::string channel, note;
  std::vector<int64_t> bill_ids;
};

Result<PaymentBody> ReadPayment(const http::Request& req) {
  auto obj = ParseJsonObject(req.body);
  if (!obj.ok()) return obj.take_error();
  BodyReader r(*obj);
  r.ReadOnly({"id", "company_id", "number", "to_prepayment", "created_at", "allocations"});
  PaymentBody p;
  auto house_id = r.Int("house_id", true, 1, INT64_MAX);
  auto amount = r.Int("amount", true, 1, kMaxPaymentFen);
  auto channel = r.Enum("channel", true, kCashierChannels);
  auto note = r.Str("note", false, 200);
  p.bill_ids = r.Ids("bill_ids");
  ANJU_TRY(r.Finish());
  p.house_id = *house_id;
  p.amount = *amount;
  p.channel = *channel;
  p.note = note.value_or("");
  return p;
}


}  // namespace

Result<json::object> Settle(db::Tx& tx, const SettleArgs& a, Millis now) {
  const property::HouseFacts& h = a.house;
  std::string lock = tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : "";
  struct Debt {
    int64_t bill;
    bool late;  // the bill's late fee, else its principal
    int64_t owed;
  };
  std::vector<Debt> debts;
  std::string owed = std::string(kOpenPrincipalSql) + ", " + std::string(kOpenLateSql);
  if (a.bill_ids.empty()) {
    auto rows = tx.Query("SELECT b.id, " + owed + " FROM bills b WHERE b.house_id = ? AND "
                         "b.company_id = ?" + std::string(kBillOpenSql) +
                         " ORDER BY b.due_date, b.id" + lock,
                         {h.id, a.company_id});
    if (LoadSettings(tx, a.company_id).principal_first) {
      for (auto& r : rows) {  // bill by bill: its principal, then its late fee
        if (r.Int(1) > 0) debts.push_back({r.Int(0), false, r.Int(1)});
        if (r.Int(2) > 0) debts.push_back({r.Int(0), true, r.Int(2)});
      }
    } else {  // every late fee first, then the principals
      for (auto& r : rows)
        if (r.Int(2) > 0) debts.push_back({r.Int(0), true, r.Int(2)});
      for (auto& r : rows)
        if (r.Int(1) > 0) debts.push_back({r.Int(0), false, r.Int(1)});
    }
  } else {
    for (int64_t id : a.bill_ids) {
      auto r = tx.QueryOne("SELECT " + owed + " FROM bills b WHERE b.id = ? AND b.house_id = ? "
                           "AND b.company_id = ?" + lock,
                           {id, h.id, a.company_id});
      if (!r || (r->Int(0) <= 0 && r->Int(1) <= 0))
        return Error(kBillNotPayable).WithField("bill_ids", "not_payable",
                                                "Bill " + std::to_string(id));
      if (r->Int(1) > 0) debts.push_back({id, true, r->Int(1)});
      if (r->Int(0) > 0) debts.push_back({id, false, r->Int(0)});
    }
  }
  std::string project_code =
      *org::ProjectCode(tx, a.company_id, h.project_id);
  std::string day = DayStamp(now);
  int64_t seq = NextCounter(tx, a.company_id, "payment:" + std::to_string(h.project_id) + ":" + day);
  std::string number = fmt::format("P-{}-{}-{:06d}", project_code, day, seq);
  int64_t left = a.amount, principal = 0, late = 0;
  std::vector<Debt> allocations;  // what each part settles
  for (const Debt& d : debts) {
    if (left == 0) break;
    int64_t take = std::min(left, d.owed);
    allocations.push_back({d.bill, d.late, take});
    (d.late ? late : principal) += take;
    left -= take;
  }
  int64_t settled = principal + late;
  int64_t id = tx.InsertId(
      "INSERT INTO payments (company_id, project_id, house_id, number, channel, amount, "
      "to_prepayment, provider_txn_id, note, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.company_id, h.project_id, h.id, number, a.channel, a.amount, left,
       a.provider_txn_id ? db::Value(*a.provider_txn_id) : db::kNull, a.note,
       a.user_id ? db::Value(*a.user_id) : db::kNull, now});
  json::array alloc_json;
  for (const Debt& part : allocations) {
    std::string kind = part.late ? "late_fee" : "principal";
    tx.Exec("INSERT INTO payment_allocations (company_id, payment_id, bill_id, amount, kind) "
            "VALUES (?, ?, ?, ?, ?)",
            {a.company_id, id, part.bill, part.owed, kind});
    tx.Exec(part.late ? "UPDATE bills SET late_paid = late_paid + ? WHERE id = ?"
                      : "UPDATE bills SET paid = paid + ? WHERE id = ?",
            {part.owed, part.bill});
    if (!part.late) totals::AddSettled(tx, a.company_id, part.bill, part.owed, now);
    alloc_json.push_back(
        json::object{{"bill_id", part.bill}, {"kind", kind}, {"amount", part.owed}});
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
  json::value receipt_json = nullptr;
  if (!from_prepayment) {
    auto receipt = IssueReceipt(tx, a.company_id, id, now);
    if (!receipt.ok()) return receipt.take_error();
    receipt_json = json::object{{"id", receipt->at("id")}, {"number", receipt->at("number")}};
  }
  return json::object{
      {"receipt", std::move(receipt_json)},
      {"id", id},
      {"number", number},
      {"house_id", h.id},
      {"project_id", h.project_id},
      {"channel", a.channel},
      {"amount", a.amount},
      {"settled", settled},
      {"to_prepayment", left},
      {"allocations", std::move(alloc_json)},
      {"late_fee_settled", late},
      {"owed_after", ledger::Balance(tx, a.company_id, ledger::ReceivableOf(h.id)) +
                         ledger::Balance(tx, a.company_id, ledger::LateOf(h.id))},
      {"prepaid_after", -ledger::Balance(tx, a.company_id, ledger::PrepaymentOf(h.id))},
      {"created_at", FormatUtc(now)}};
}

http::Response BillingService::TakePayment(const TenantContext& ctx, const http::Request& req) {
  if (auto s = identity::Require(ctx, perm::kPaymentCreate); !s.ok())
    return http::ErrorReply(s.error(), req.request_id);
  auto body = ReadPayment(req);
  if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
  const PaymentBody& p = *body;
  Millis now = clock_.Now();
  return idem_.Run(ctx, req, 201, [&](db::Tx& tx) -> JsonResult {
    auto h = property::FindHouseFacts(tx, ctx.company_id, p.house_id);
    if (!h || !ctx.access.HasIn(std::string(perm::kPaymentCreate), h->project_id))
      return Error(property::kHouseNotFound).WithField("house_id", "not_found");
    auto out = Settle(tx, {ctx.company_id, *h, p.amount, p.channel, p.bill_ids, p.note,
                           std::nullopt, ctx.user_id},
                      now);
    if (!out.ok()) return out.take_error();
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.payment.create", "payment", out->at("id").as_int64(), h->project_id,
                   nullptr, *out},
                  now);
    return json::value(std::move(*out));
  });
}

JsonResult BillingService::ListPayments(const TenantContext& ctx, std::optional<int64_t> house_id,
                                        const http::Page& page) {
  std::string where = " FROM payments WHERE company_id = ?";
  db::Params p{ctx.company_id};
  if (ctx.IsResident()) {
    identity::AppendHouseScope(ctx, "house_id", where, p);
  } else {
    ANJU_TRY(identity::Require(ctx, perm::kPaymentRead));
    identity::AppendProjectScope(ctx, perm::kPaymentRead, "project_id", where, p);
  }
  if (house_id) where += " AND house_id = ?", p.emplace_back(*house_id);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    int64_t total = tx.QueryOne("SELECT COUNT(*)" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    json::array items;
    for (auto& r : tx.Query("SELECT id, number, house_id, project_id, channel, amount, "
                            "to_prepayment, note, created_at" + where +
                                " ORDER BY id DESC LIMIT ? OFFSET ?",
                            q))
      items.push_back(json::object{{"id", r.Int(0)},          {"number", r.Str(1)},
                                   {"house_id", r.Int(2)},    {"project_id", r.Int(3)},
                                   {"channel", r.Str(4)},     {"amount", r.Int(5)},
                                   {"to_prepayment", r.Int(6)}, {"note", r.Str(7)},
                                   {"created_at", FormatUtc(r.Int(8))}});
    return json::value(json::object{{"items", std::move(items)}, {"total", total},
                                    {"page", page.page}, {"size", page.size}});
  });
}

}  // namespace anju::billing
