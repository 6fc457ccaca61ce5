// Opening balances (期初): posting and reversing. The design is at the top of opening.h.
#include "modules/billing/opening.h"

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_lines.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/counters.h"
#include "modules/billing/ledger.h"
#include "modules/billing/opening_errors.h"
#include "modules/billing/opening_json.h"
#include "modules/billing/ports.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_service.h"

namespace anju::billing {

namespace perm = identity::perm;
using ledger::AccountKind;

namespace {

constexpr std::string_view kColumns =
    "SELECT o.id, o.kind, o.house_id, o.project_id, o.bill_id, b.number, f.code, b.period, "
    "o.amount, o.note, o.status, o.created_at, o.reversed_at FROM opening_balances o "
    "LEFT JOIN bills b ON b.id = o.bill_id LEFT JOIN fee_items f ON f.id = b.fee_item_id";

std::optional<std::string> OptStr(const db::Row& r, int i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Str(i);
}

Opening Load(db::Tx& tx, int64_t id) {
  auto r = *tx.QueryOne(std::string(kColumns) + " WHERE o.id = ?", {id});
  Opening o;
  o.id = r.Int(0);
  o.kind = r.Str(1);
  o.house_id = r.Int(2);
  o.project_id = r.Int(3);
  if (!r.IsNull(4)) o.bill_id = r.Int(4);
  o.bill_number = OptStr(r, 5);
  o.fee_item_code = OptStr(r, 6);
  o.period = OptStr(r, 7);
  o.amount = r.Int(8);
  o.note = r.Str(9);
  o.status = r.Str(10);
  o.created_at = r.Int(11);
  if (!r.IsNull(12)) o.reversed_at = r.Int(12);
  return o;
}

std::string Lock(db::Tx& tx) { return tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : ""; }

db::Value UserOf(const TenantContext& ctx) {
  return ctx.user_id > 0 ? db::Value(ctx.user_id) : db::kNull;
}

// The body's house when the caller may bill its project.
Result<property::HouseFacts> HouseInScope(db::Tx& tx, const TenantContext& ctx, int64_t id) {
  auto h = property::FindHouseFacts(tx, ctx.company_id, id);
  if (!h || !ctx.access.HasIn(std::string(perm::kBillRun), h->project_id))
    return Error(property::kHouseNotFound).WithField("house_id", "not_found");
  return *h;
}

// Writes the opening row, its entry and its audit row; returns it.
Opening Record(db::Tx& tx, const TenantContext& ctx, const property::HouseFacts& h,
               std::string_view kind, db::Value bill_id, int64_t amount,
               const std::string& note, std::vector<ledger::Line> lines,
               const std::string& memo, Millis now) {
  int64_t id = tx.InsertId(
      "INSERT INTO opening_balances (company_id, project_id, house_id, kind, bill_id, amount, "
      "note, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?) "
      "RETURNING id",
      {ctx.company_id, h.project_id, h.id, std::string(kind), bill_id, amount, note,
       UserOf(ctx), now});
  ledger::Post(tx, {ctx.company_id, h.project_id, "opening", "opening", id, memo},
               std::move(lines), now);
  Opening after = Load(tx, id);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.opening." + std::string(kind), "opening_balance", id, h.project_id,
                 nullptr, OpeningJson(after)},
                now);
  return after;
}

Error Exists(const ErrorDef& def, std::string_view field, std::string code, int64_t amount) {
  return Error(def).WithField(std::string(field), std::move(code),
                              "The existing one is of " + std::to_string(amount) + " 分");
}

}  // namespace

Status MayPostOpenings(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kBillRun);
}

Result<Opening> PostOpeningArrears(db::Tx& tx, const TenantContext& ctx,
                                   const OpeningArrearsCommand& cmd, Millis now) {
  ANJU_TRY(MayPostOpenings(ctx));
  auto period = bill_lines::ParsePeriod(cmd.period);  // the reader checked it
  if (!period) return Error(errors::kValidation).WithField("period", "invalid");
  auto h = HouseInScope(tx, ctx, cmd.house_id);
  if (!h.ok()) return h.take_error();
  auto item = tx.QueryOne("SELECT id, due_days FROM fee_items WHERE company_id = ? AND "
                          "project_id = ? AND code = ?",
                          {ctx.company_id, h->project_id, cmd.fee_item_code});
  if (!item) return Error(kFeeItemNotFound).WithField("fee_item_code", "not_found");
  auto bill = tx.QueryOne(
      "SELECT b.id, b.amount, b.number, (SELECT o.status FROM opening_balances o WHERE "
      "o.bill_id = b.id ORDER BY o.id DESC LIMIT 1) FROM bills b WHERE b.house_id = ? AND "
      "b.fee_item_id = ? AND b.period = ?" + Lock(tx),
      {h->id, item->Int(0), period->name});
  bool reposted = bill && !bill->IsNull(3) && bill->Str(3) == "reversed";
  if (bill && !reposted)
    return bill->Int(1) == cmd.amount
               ? Exists(kOpeningExists, "period", "exists", cmd.amount)
               : Exists(kOpeningConflict, "amount", "conflict", bill->Int(1));
  int64_t bill_id = 0;
  std::string number;
  if (reposted) {  // a reversed opening bill is worth nothing: it takes the new amount
    bill_id = bill->Int(0);
    number = bill->Str(2);
    tx.Exec("UPDATE bills SET amount = ?, unit_price = ?, credited = 0 WHERE id = ?",
            {cmd.amount, cmd.amount * 100, bill_id});
  } else {
    number = NextBillNumber(tx, ctx.company_id, h->project_id,
                            *org::ProjectCode(tx, ctx.company_id, h->project_id), period->name);
    bill_id = tx.InsertId(
        "INSERT INTO bills (company_id, project_id, building_id, house_id, fee_item_id, "
        "period, number, quantity, unit_price, amount, discount, due_date, source, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 100, ?, ?, 0, ?, 'opening', ?) RETURNING id",
        {ctx.company_id, h->project_id, h->building_id, h->id, item->Int(0), period->name,
         number, cmd.amount * 100, cmd.amount, bill_lines::DueDate(*period, item->Int(1)), now});
  }
  totals::AddBilled(tx, ctx.company_id, h->project_id, period->name, cmd.amount, now);
  return Record(tx, ctx, *h, "arrears", bill_id, cmd.amount, cmd.note,
                {{ledger::ReceivableOf(h->id), AccountKind::kAsset, cmd.amount, 0},
                 {std::string(ledger::kOpeningEquity), AccountKind::kEquity, 0, cmd.amount}},
                "期初欠费 " + number, now);
}

Result<Opening> PostOpeningPrepayment(db::Tx& tx, const TenantContext& ctx,
                                      const OpeningPrepaymentCommand& cmd, Millis now) {
  ANJU_TRY(MayPostOpenings(ctx));
  auto h = HouseInScope(tx, ctx, cmd.house_id);
  if (!h.ok()) return h.take_error();
  if (auto held = tx.QueryOne("SELECT amount FROM opening_balances WHERE house_id = ? AND "
                              "kind = 'prepayment' AND status = 'posted'" + Lock(tx),
                              {h->id}))
    return held->Int(0) == cmd.amount
               ? Exists(kOpeningExists, "amount", "exists", cmd.amount)
               : Exists(kOpeningConflict, "amount", "conflict", held->Int(0));
  return Record(tx, ctx, *h, "prepayment", db::kNull, cmd.amount, cmd.note,
                {{std::string(ledger::kOpeningEquity), AccountKind::kEquity, cmd.amount, 0},
                 {ledger::PrepaymentOf(h->id), AccountKind::kLiability, 0, cmd.amount}},
                "期初预存", now);
}

Result<Opening> ReverseOpening(db::Tx& tx, const TenantContext& ctx, CorrectionHolds& holds,
                               int64_t opening_id, Millis now) {
  ANJU_TRY(MayPostOpenings(ctx));
  auto o = tx.QueryOne("SELECT project_id, house_id, kind, bill_id, amount, status FROM "
                       "opening_balances WHERE id = ? AND company_id = ?" + Lock(tx),
                       {opening_id, ctx.company_id});
  if (!o || !ctx.access.HasIn(std::string(perm::kBillRun), o->Int(0)))
    return Error(kOpeningNotFound);
  if (o->Str(5) == "reversed") return Error(kOpeningReversed);
  int64_t project = o->Int(0), house = o->Int(1), amount = o->Int(4);
  std::vector<ledger::Line> lines;
  if (o->Str(2) == "arrears") {
    int64_t bill = o->Int(3);
    auto b = tx.QueryOne(
        "SELECT b.paid + b.credited + b.late_fee + b.late_paid + b.late_waived + b.discount, "
        "(SELECT COUNT(*) FROM payment_allocations pa WHERE pa.bill_id = b.id) FROM bills b "
        "WHERE b.id = ?" + Lock(tx),
        {bill});
    // In use: anything paid, credited, accrued or discounted on it, or a correction naming it.
    if (b->Int(0) != 0 || b->Int(1) != 0 || holds.BillHasAdjustments(tx, bill))
      return Error(kOpeningInUse);
    tx.Exec("UPDATE bills SET credited = amount WHERE id = ?", {bill});
    totals::AddCredited(tx, ctx.company_id, bill, amount, 0, now);
    lines = {{std::string(ledger::kOpeningEquity), AccountKind::kEquity, amount, 0},
             {ledger::ReceivableOf(house), AccountKind::kAsset, 0, amount}};
  } else {
    auto account = tx.QueryOne("SELECT balance FROM ledger_accounts WHERE company_id = ? AND "
                               "code = ?" + Lock(tx),
                               {ctx.company_id, ledger::PrepaymentOf(house)});
    int64_t held = (account ? -account->Int(0) : 0) - holds.ReservedRefunds(tx, house);
    if (held < amount) return Error(kOpeningInUse);
    lines = {{ledger::PrepaymentOf(house), AccountKind::kLiability, amount, 0},
             {std::string(ledger::kOpeningEquity), AccountKind::kEquity, 0, amount}};
  }
  Opening before = Load(tx, opening_id);
  tx.Exec("UPDATE opening_balances SET status = 'reversed', reversed_by = ?, reversed_at = ? "
          "WHERE id = ?",
          {UserOf(ctx), now, opening_id});
  ledger::Post(tx,
               {ctx.company_id, project, "opening_reversal", "opening", opening_id,
                "期初冲回 " + std::to_string(opening_id)},
               std::move(lines), now);
  Opening after = Load(tx, opening_id);
  audit::Append(tx, audit::Actor::Of(ctx),
                {"billing.opening.reverse", "opening_balance", opening_id, project,
                 OpeningJson(before), OpeningJson(after)},
                now);
  return after;
}

Result<Opening> ReverseOpeningBill(db::Tx& tx, const TenantContext& ctx,
                                   CorrectionHolds& holds, int64_t bill_id, Millis now) {
  auto o = tx.QueryOne("SELECT MAX(id) FROM opening_balances WHERE bill_id = ? AND "
                       "company_id = ?",
                       {bill_id, ctx.company_id});
  if (!o || o->IsNull(0)) return Error(kOpeningNotFound);
  return ReverseOpening(tx, ctx, holds, o->Int(0), now);
}

}  // namespace anju::billing
