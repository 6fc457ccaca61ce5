// The ledger (总账): an append-only double-entry journal.
//
// Design
// Every change that moves money — a bill, a payment, a prepayment applied, later refunds,
// discounts, late fees and write-offs — posts ONE journal entry whose lines balance
// (Σ debit = Σ credit), in the same database transaction as the change itself, so the
// books and the bills can never disagree after a commit. Entries are never updated or
// deleted; a correction is a new entry.
//
// Accounts are named by code, per company, and created on first use:
//   receivable:house:<id>   asset      what the house owes (debit = owes more)
//   prepayment:house:<id>   liability  the house's prepaid balance (credit = holds more)
//   revenue:fee:<id>        income     billed income of a fee item
//   clearing:<channel>      asset      money received through cash, pos, transfer, cheque,
//                                      wechat or alipay, not yet reconciled with the bank
//   late:house:<id>         asset      late fees (滞纳金) the house owes
//   income:late_fee         income     late-fee income
//   credit:fee:<id>         contra     credit notes (冲减) granted on a fee item's bills
//   waiver:late_fee         contra     late fees waived (滞纳金减免)
//   equity:opening_balance  equity     what houses owed (Cr) and held (Dr) in the system the
//                                      company came from: opening balances (opening.h)
// Each account keeps balance = Σ debit − Σ credit of its lines (signed; a liability's
// balance is negative when it holds money), updated in the same transaction as the lines:
// one upsert per account per posting (`PostAll` nets a whole batch of entries, so a bill run
// of 2,000 bills touches each house account once). Accounts are updated in code order, so
// concurrent postings lock rows in one order.
//
// `Check` (and `anju ledger check`) proves, per company: every entry balances; debits equal
// credits overall; every stored balance equals the replay of its lines; every line has
// exactly one positive side; and the bills agree with the books (a bill's `paid` equals its
// principal allocations and never exceeds its amount; its `late_fee` equals its daily
// accruals, `late_paid` its late-fee allocations, and late_paid + late_waived ≤ late_fee;
// each house's receivable balance equals the open principal of its bills (bill_sql.h), and
// its late account the open late fees; its credit stays within its amount); the opening
// balances agree with their entries and bills (opening.h); and the
// collection totals (collection_totals.h) sum to the bills' amounts and principal paid.
// What the corrections module adds to the books — `credited` and `late_waived` equal to the
// applied adjustments (and an opening reversal), the part of its credit notes that went to
// the prepaid balance exactly what the house had overpaid (max(0, paid + credited −
// amount)), one journal entry of its amount per applied adjustment and refunded refund, no
// payment refunded beyond its amount — it proves itself
// (corrections/corrections_check.h); `anju ledger check` and the tests run both
// (src/app/app.h: CheckBooks).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "db/database.h"

namespace anju::billing::ledger {

enum class AccountKind { kAsset, kLiability, kIncome, kContraIncome, kExpense, kEquity };

struct Line {
  std::string account;  // code, e.g. ReceivableOf(17)
  AccountKind kind;
  int64_t debit = 0;   // exactly one of debit and credit is positive
  int64_t credit = 0;
};

struct EntryRef {
  int64_t company_id = 0;
  std::optional<int64_t> project_id;
  std::string kind;      // "bill", "payment", "prepayment_applied", "adjustment", "refund"…
  std::string ref_type;  // the record it belongs to: "bill", "payment", "adjustment", "refund"
  int64_t ref_id = 0;
  std::string memo;
};

// Posts one balanced entry inside `tx` (a write transaction) and returns its id. Throws
// std::logic_error when the lines do not balance or a line is malformed: that is a bug in
// the caller, never a user's mistake, and the transaction must not commit.
int64_t Post(db::Tx& tx, const EntryRef& ref, std::vector<Line> lines, Millis now);

// Posts many entries at once (same contract as Post, one entry per element, ids in order):
// each touched account's balance is updated once with the net of all of them.
struct Entry {
  EntryRef ref;
  std::vector<Line> lines;
};
std::vector<int64_t> PostAll(db::Tx& tx, const std::vector<Entry>& entries, Millis now);

// The signed balance of an account (0 when it does not exist yet).
int64_t Balance(db::Tx& tx, int64_t company_id, std::string_view code);
// The same, the account's row read FOR UPDATE on PostgreSQL (SQLite has one writer): for a
// caller that spends the balance in this transaction (refunds).
int64_t BalanceForUpdate(db::Tx& tx, int64_t company_id, std::string_view code);

// The journal entries that belong to records of one kind (ref_type "adjustment", "refund"…),
// per record: how many, and their debits. For the owner of those records to prove each has
// the entries it should (corrections' part of the check).
struct RefEntries {
  int64_t company_id = 0, ref_id = 0;
  int64_t entries = 0, debits = 0;
};
std::vector<RefEntries> EntriesOf(db::Tx& tx, std::string_view ref_type);

std::string ReceivableOf(int64_t house_id);
std::string PrepaymentOf(int64_t house_id);
std::string RevenueOf(int64_t fee_item_id);
std::string DiscountOf(int64_t fee_item_id);  // discount:fee:<id>, contra-income (discounts.h)
std::string ClearingOf(std::string_view channel);
std::string LateOf(int64_t house_id);
std::string CreditOf(int64_t fee_item_id);
inline constexpr std::string_view kLateFeeIncome = "income:late_fee";
inline constexpr std::string_view kLateFeeWaiver = "waiver:late_fee";
inline constexpr std::string_view kBadDebt = "expense:bad_debt";  // write-offs (坏账核销)
inline constexpr std::string_view kOpeningEquity = "equity:opening_balance";  // opening.h

struct CheckReport {
  bool ok = true;
  int64_t companies = 0, entries = 0, lines = 0, accounts = 0;
  std::vector<std::string> problems;  // one sentence each, the first 50
};
// Checks of modules built on billing (corrections_check.h), run after billing's own in the
// same read transaction, so the whole check sees one state of the books.
using ExtraCheck = std::function<void(db::Tx& tx, CheckReport& report)>;
CheckReport Check(db::Database& db, const std::vector<ExtraCheck>& more = {});

}  // namespace anju::billing::ledger
