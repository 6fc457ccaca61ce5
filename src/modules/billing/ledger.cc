#include "modules/billing/ledger.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "modules/billing/bill_sql.h"
#include "modules/billing/opening.h"

namespace anju::billing::ledger {

namespace {

const char* KindName(AccountKind k) {
  switch (k) {
    case AccountKind::kAsset: return "asset";
    case AccountKind::kLiability: return "liability";
    case AccountKind::kIncome: return "income";
    case AccountKind::kContraIncome: return "contra_income";
    case AccountKind::kExpense: return "expense";
    case AccountKind::kEquity: return "equity";
  }
  return "asset";
}

constexpr size_t kMaxProblems = 50;

}  // namespace

std::string ReceivableOf(int64_t house_id) { return "receivable:house:" + std::to_string(house_id); }
std::string PrepaymentOf(int64_t house_id) { return "prepayment:house:" + std::to_string(house_id); }
std::string RevenueOf(int64_t fee_item_id) { return "revenue:fee:" + std::to_string(fee_item_id); }
std::string DiscountOf(int64_t fee_item_id) { return "discount:fee:" + std::to_string(fee_item_id); }
std::string ClearingOf(std::string_view channel) { return "clearing:" + std::string(channel); }
std::string LateOf(int64_t house_id) { return "late:house:" + std::to_string(house_id); }
std::string CreditOf(int64_t fee_item_id) { return "credit:fee:" + std::to_string(fee_item_id); }

namespace {

void CheckBalanced(const EntryRef& ref, const std::vector<Line>& lines) {
  int64_t debits = 0, credits = 0;
  for (const Line& l : lines) {
    if (l.debit < 0 || l.credit < 0 || (l.debit > 0) == (l.credit > 0))
      throw std::logic_error("ledger line for " + l.account + " must have one positive side");
    debits += l.debit;
    credits += l.credit;
  }
  if (lines.empty() || debits != credits)
    throw std::logic_error("ledger entry " + ref.kind + " does not balance");
}

}  // namespace

int64_t Post(db::Tx& tx, const EntryRef& ref, std::vector<Line> lines, Millis now) {
  std::vector<Entry> one;
  one.push_back({ref, std::move(lines)});
  return PostAll(tx, one, now).front();
}

std::vector<int64_t> PostAll(db::Tx& tx, const std::vector<Entry>& entries, Millis now) {
  std::vector<int64_t> ids;
  if (entries.empty()) return ids;
  ids.reserve(entries.size());
  // Each account's net change over all the entries, applied once, in code order.
  struct Delta {
    AccountKind kind;
    int64_t change = 0, id = 0;
  };
  std::map<std::pair<int64_t, std::string>, Delta> accounts;
  for (const Entry& e : entries) {
    CheckBalanced(e.ref, e.lines);
    for (const Line& l : e.lines) {
      Delta& d = accounts[{e.ref.company_id, l.account}];
      d.kind = l.kind;
      d.change += l.debit - l.credit;
    }
  }
  for (const Entry& e : entries)
    ids.push_back(tx.InsertId(
        "INSERT INTO journal_entries (company_id, project_id, at, kind, ref_type, ref_id, memo) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {e.ref.company_id, e.ref.project_id ? db::Value(*e.ref.project_id) : db::kNull, now,
         e.ref.kind, e.ref.ref_type, e.ref.ref_id, e.ref.memo}));
  for (auto& [key, d] : accounts)
    d.id = tx.InsertId(
        "INSERT INTO ledger_accounts (company_id, code, kind, balance) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (company_id, code) DO UPDATE SET balance = ledger_accounts.balance + "
        "excluded.balance RETURNING id",
        {key.first, key.second, std::string(KindName(d.kind)), d.change});
  for (size_t i = 0; i < entries.size(); ++i)
    for (const Line& l : entries[i].lines)
      tx.Exec("INSERT INTO journal_lines (company_id, entry_id, account_id, debit, credit) "
              "VALUES (?, ?, ?, ?, ?)",
              {entries[i].ref.company_id, ids[i],
               accounts.at({entries[i].ref.company_id, l.account}).id, l.debit, l.credit});
  return ids;
}

int64_t Balance(db::Tx& tx, int64_t company_id, std::string_view code) {
  auto r = tx.QueryOne("SELECT balance FROM ledger_accounts WHERE company_id = ? AND code = ?",
                       {company_id, std::string(code)});
  return r ? r->Int(0) : 0;
}

int64_t BalanceForUpdate(db::Tx& tx, int64_t company_id, std::string_view code) {
  std::string lock = tx.dialect() == db::Dialect::kPostgres ? " FOR UPDATE" : "";
  auto r = tx.QueryOne(
      "SELECT balance FROM ledger_accounts WHERE company_id = ? AND code = ?" + lock,
      {company_id, std::string(code)});
  return r ? r->Int(0) : 0;
}

std::vector<RefEntries> EntriesOf(db::Tx& tx, std::string_view ref_type) {
  std::vector<RefEntries> out;
  for (auto& r : tx.Query("SELECT e.company_id, e.ref_id, COUNT(DISTINCT e.id), "
                          "COALESCE(SUM(l.debit), 0) FROM journal_entries e LEFT JOIN "
                          "journal_lines l ON l.entry_id = e.id WHERE e.ref_type = ? "
                          "GROUP BY e.company_id, e.ref_id ORDER BY e.company_id, e.ref_id",
                          {std::string(ref_type)}))
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3)});
  return out;
}

CheckReport Check(db::Database& db, const std::vector<ExtraCheck>& more) {
  CheckReport rep;
  auto tx = db.Begin(db::TxMode::kRead);
  auto problem = [&](std::string p) {
    rep.ok = false;
    if (rep.problems.size() < kMaxProblems) rep.problems.push_back(std::move(p));
  };
  rep.companies = tx->QueryOne("SELECT COUNT(DISTINCT company_id) FROM journal_entries")->Int(0);
  rep.entries = tx->QueryOne("SELECT COUNT(*) FROM journal_entries")->Int(0);
  rep.lines = tx->QueryOne("SELECT COUNT(*) FROM journal_lines")->Int(0);
  rep.accounts = tx->QueryOne("SELECT COUNT(*) FROM ledger_accounts")->Int(0);

  for (auto& r : tx->Query("SELECT company_id, COALESCE(SUM(debit), 0), COALESCE(SUM(credit), 0) "
                           "FROM journal_lines GROUP BY company_id HAVING SUM(debit) <> SUM(credit)"))
    problem("company " + r.Str(0) + ": debits " + r.Str(1) + " ≠ credits " + r.Str(2));
  for (auto& r : tx->Query("SELECT entry_id, SUM(debit), SUM(credit) FROM journal_lines "
                           "GROUP BY entry_id HAVING SUM(debit) <> SUM(credit)"))
    problem("journal entry " + r.Str(0) + " does not balance: " + r.Str(1) + " ≠ " + r.Str(2));
  for (auto& r : tx->Query("SELECT id, entry_id FROM journal_lines WHERE debit < 0 OR credit < 0 "
                           "OR (debit > 0 AND credit > 0) OR (debit = 0 AND credit = 0)"))
    problem("journal line " + r.Str(0) + " (entry " + r.Str(1) + ") is malformed");
  for (auto& r : tx->Query("SELECT id FROM journal_entries e WHERE NOT EXISTS "
                           "(SELECT 1 FROM journal_lines l WHERE l.entry_id = e.id)"))
    problem("journal entry " + r.Str(0) + " has no lines");
  for (auto& r : tx->Query(
           "SELECT a.company_id, a.code, a.balance, COALESCE(SUM(l.debit - l.credit), 0) "
           "FROM ledger_accounts a LEFT JOIN journal_lines l ON l.account_id = a.id "
           "GROUP BY a.id, a.company_id, a.code, a.balance "
           "HAVING a.balance <> COALESCE(SUM(l.debit - l.credit), 0)"))
    problem("company " + r.Str(0) + " account " + r.Str(1) + ": stored balance " + r.Str(2) +
            " ≠ replay " + r.Str(3));
  // The bills agree with the books.
  for (auto& r : tx->Query(
           "SELECT b.id, b.paid, b.amount, COALESCE((SELECT SUM(pa.amount) FROM "
           "payment_allocations pa WHERE pa.bill_id = b.id AND pa.kind = 'principal'), 0) "
           "FROM bills b WHERE b.paid < 0 OR b.paid > b.amount OR b.paid <> COALESCE((SELECT "
           "SUM(pa.amount) FROM payment_allocations pa WHERE pa.bill_id = b.id AND "
           "pa.kind = 'principal'), 0)"))
    problem("bill " + r.Str(0) + ": paid " + r.Str(1) + " of " + r.Str(2) + ", allocations " +
            r.Str(3));
  for (auto& r : tx->Query(
           "SELECT b.id, b.late_fee, b.late_paid FROM bills b WHERE b.late_paid < 0 OR "
           "b.late_waived < 0 OR b.late_paid + b.late_waived > b.late_fee OR "
           "b.late_fee <> COALESCE((SELECT SUM(a.amount) FROM "
           "late_fee_accruals a WHERE a.bill_id = b.id), 0) OR b.late_paid <> COALESCE((SELECT "
           "SUM(pa.amount) FROM payment_allocations pa WHERE pa.bill_id = b.id AND "
           "pa.kind = 'late_fee'), 0)"))
    problem("bill " + r.Str(0) + ": late fee " + r.Str(1) + ", paid " + r.Str(2) +
            " disagree with its accruals or allocations");
  for (auto& r : tx->Query(
           "SELECT h.company_id, h.house_id, h.owed, COALESCE(a.balance, 0) FROM "
           "(SELECT b.company_id, b.house_id, SUM(" + std::string(kOpenPrincipalSql) +
           ") AS owed FROM bills b GROUP BY b.company_id, b.house_id) h LEFT JOIN "
           "ledger_accounts a ON "
           "a.company_id = h.company_id AND a.code = 'receivable:house:' || h.house_id "
           "WHERE COALESCE(a.balance, 0) <> h.owed"))
    problem("company " + r.Str(0) + " house " + r.Str(1) + ": bills owe " + r.Str(2) +
            " but the receivable account says " + r.Str(3));
  for (auto& r : tx->Query(
           "SELECT h.company_id, h.house_id, h.owed, COALESCE(a.balance, 0) FROM "
           "(SELECT b.company_id, b.house_id, SUM(" + std::string(kOpenLateSql) +
           ") AS owed FROM bills b GROUP BY b.company_id, b.house_id) h LEFT JOIN "
           "ledger_accounts a ON "
           "a.company_id = h.company_id AND a.code = 'late:house:' || h.house_id "
           "WHERE COALESCE(a.balance, 0) <> h.owed"))
    problem("company " + r.Str(0) + " house " + r.Str(1) + ": late fees owed " + r.Str(2) +
            " but the late account says " + r.Str(3));
  // Every bill's discount is its one discount entry (discounts.h).
  for (auto& r : tx->Query(
           "SELECT b.id, b.discount, COALESCE(d.total, 0) FROM bills b LEFT JOIN (SELECT "
           "e.ref_id AS bill_id, SUM(l.debit) AS total FROM journal_entries e JOIN journal_lines "
           "l ON l.entry_id = e.id WHERE e.kind = 'discount' AND e.ref_type = 'bill' GROUP BY "
           "e.ref_id) d ON d.bill_id = b.id WHERE b.discount <> COALESCE(d.total, 0)"))
    problem("bill " + r.Str(0) + ": discount " + r.Str(1) + " but its discount entry says " +
            r.Str(2));
  // The collection totals (collection_totals.h) agree with the bills they sum.
  for (auto& r : tx->Query(
           "SELECT company_id, project_id, period, SUM(a), SUM(tb), SUM(p), SUM(ts) FROM ("
           "SELECT company_id, project_id, period, amount - credited AS a, CASE WHEN paid < "
           "amount - credited THEN paid ELSE amount - credited END AS p, 0 AS tb, 0 AS ts "
           "FROM bills UNION ALL SELECT company_id, project_id, period, 0, 0, billed, settled "
           "FROM collection_totals) x GROUP BY company_id, project_id, period "
           "HAVING SUM(a) <> SUM(tb) OR SUM(p) <> SUM(ts)"))
    problem("company " + r.Str(0) + " project " + r.Str(1) + " period " + r.Str(2) +
            ": bills " + r.Str(3) + " billed, " + r.Str(5) + " settled; totals say " + r.Str(4) +
            " and " + r.Str(6));
  // A bill's credit stays within its amount; what makes it up (credit notes, write-offs, an
  // opening reversal) is the corrections' part of the check (modules/corrections).
  for (auto& r : tx->Query("SELECT id, credited, amount FROM bills WHERE credited < 0 OR "
                           "credited > amount"))
    problem("bill " + r.Str(0) + ": credited " + r.Str(1) + " of " + r.Str(2));
  CheckOpenings(*tx, problem);
  for (const ExtraCheck& check : more) check(*tx, rep);
  return rep;
}

}  // namespace anju::billing::ledger
