// The ledger (ledger.h) against a real database: SQLite, and PostgreSQL too with
// ANJU_TEST_DB=pg (the suite name contains "Storage"). Balanced entries keep stored balances;
// an unbalanced or malformed entry is refused and writes nothing; PostAll's one upsert per
// account gives the balances of posting one by one; `Check` passes on good books and names
// what is wrong when a balance or a journal line is tampered with by plain SQL.
#include "modules/billing/ledger.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <stdexcept>

#include "db/migrations.h"
#include "support/seed.h"
#include "support/test_db.h"

namespace anju::billing::ledger {
namespace {

constexpr Millis kNow = 1'795'399'200'000;  // 2026-11-23T02:00Z
constexpr AccountKind kAsset = AccountKind::kAsset;
constexpr AccountKind kLiability = AccountKind::kLiability;
constexpr AccountKind kIncome = AccountKind::kIncome;

class LedgerStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::Open(tdb_.url(), 4);
    db::Migrate(*db_);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      company_ = testing::SeedCompany(tx, "ay", "安居物业");
      other_ = testing::SeedCompany(tx, "zz", "别家物业");
    });
  }

  // A bill of `amount` for house `house` (fee item 1): Dr receivable, Cr revenue.
  Entry BillEntry(int64_t company, int64_t house, int64_t amount, int64_t ref) {
    return {{company, std::nullopt, "bill", "bill", ref, "bill"},
            {{ReceivableOf(house), kAsset, amount, 0}, {RevenueOf(1), kIncome, 0, amount}}};
  }
  // A cash payment of `amount` settling `settled` of the house's bills, the rest prepaid.
  Entry PaymentEntry(int64_t company, int64_t house, int64_t amount, int64_t settled, int64_t ref) {
    Entry e{{company, std::nullopt, "payment", "payment", ref, "payment"},
            {{ClearingOf("cash"), kAsset, amount, 0}}};
    if (settled > 0) e.lines.push_back({ReceivableOf(house), kAsset, 0, settled});
    if (amount > settled) e.lines.push_back({PrepaymentOf(house), kLiability, 0, amount - settled});
    return e;
  }

  int64_t Bal(int64_t company, const std::string& code) {
    return db_->Run(db::TxMode::kRead, [&](db::Tx& tx) { return Balance(tx, company, code); });
  }
  int64_t Count(const std::string& sql) {
    return db_->Run(db::TxMode::kRead, [&](db::Tx& tx) { return tx.QueryOne(sql)->Int(0); });
  }
  // Every account of a company: code → balance.
  std::map<std::string, int64_t> Balances(int64_t company) {
    std::map<std::string, int64_t> out;
    db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      for (auto& r :
           tx.Query("SELECT code, balance FROM ledger_accounts WHERE company_id = ?", {company}))
        out[r.Str(0)] = r.Int(1);
    });
    return out;
  }
  static std::string Problems(const CheckReport& r) {
    std::string out;
    for (const std::string& p : r.problems) out += p + "\n";
    return out;
  }

  testing::TestDatabase tdb_;
  std::unique_ptr<db::Database> db_;
  int64_t company_ = 0, other_ = 0;
};

TEST_F(LedgerStorageTest, BalancedEntriesKeepBalances) {
  std::vector<int64_t> ids;
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    for (const Entry& e : {BillEntry(company_, 7, 22375, 1), BillEntry(company_, 7, 22375, 2),
                           PaymentEntry(company_, 7, 50000, 44750, 1)})
      ids.push_back(Post(tx, e.ref, e.lines, kNow));
  });
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_LT(ids[0], ids[1]);
  EXPECT_LT(ids[1], ids[2]);
  // Signed balances: Σ debit − Σ credit; a liability holding money is negative.
  EXPECT_EQ(Bal(company_, ReceivableOf(7)), 0);
  EXPECT_EQ(Bal(company_, RevenueOf(1)), -44750);
  EXPECT_EQ(Bal(company_, ClearingOf("cash")), 50000);
  EXPECT_EQ(Bal(company_, PrepaymentOf(7)), -5250);
  EXPECT_EQ(Bal(company_, ReceivableOf(8)), 0);   // never posted to
  EXPECT_EQ(Bal(other_, ClearingOf("cash")), 0);  // per company
  EXPECT_EQ(Count("SELECT COUNT(*) FROM journal_lines"), 7);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_accounts"), 4);
  db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    EXPECT_EQ(
        tx.QueryOne("SELECT kind FROM ledger_accounts WHERE code = ?", {PrepaymentOf(7)})->Str(0),
        "liability");
    auto e = tx.QueryOne("SELECT kind, ref_type, ref_id, at FROM journal_entries WHERE id = ?",
                         {ids[2]});
    EXPECT_EQ(e->Str(0), "payment");
    EXPECT_EQ(e->Int(2), 1);
    EXPECT_EQ(e->Int(3), kNow);
  });

  // The same codes in another company are other accounts.
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    Entry e = PaymentEntry(other_, 7, 100, 0, 9);
    Post(tx, e.ref, e.lines, kNow);
  });
  EXPECT_EQ(Bal(other_, ClearingOf("cash")), 100);
  EXPECT_EQ(Bal(company_, ClearingOf("cash")), 50000);

  CheckReport rep = Check(*db_);
  EXPECT_TRUE(rep.ok) << Problems(rep);
  EXPECT_EQ(rep.companies, 2);
  EXPECT_EQ(rep.entries, 4);
  EXPECT_EQ(rep.lines, 9);
  EXPECT_EQ(rep.accounts, 6);
}

TEST_F(LedgerStorageTest, RefusesUnbalancedAndMalformedEntriesAndWritesNothing) {
  EntryRef ref{company_, std::nullopt, "payment", "payment", 1, "bad"};
  struct Bad {
    const char* what;
    std::vector<Line> lines;
  } rows[] = {
      {"debits ≠ credits",
       {{ClearingOf("cash"), kAsset, 100, 0}, {ReceivableOf(1), kAsset, 0, 99}}},
      {"no lines", {}},
      {"a line with both sides", {{ClearingOf("cash"), kAsset, 100, 100}}},
      {"a line with neither side",
       {{ClearingOf("cash"), kAsset, 100, 0},
        {ReceivableOf(1), kAsset, 0, 100},
        {PrepaymentOf(1), kLiability, 0, 0}}},
      {"a negative side",
       {{ClearingOf("cash"), kAsset, -100, 0}, {ReceivableOf(1), kAsset, -100, 0}}},
  };
  for (const Bad& b : rows) {
    SCOPED_TRACE(b.what);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      EXPECT_THROW(Post(tx, ref, b.lines, kNow), std::logic_error);
      // Refused before the first write, even inside the still open transaction.
      EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM journal_entries")->Int(0), 0);
      EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM journal_lines")->Int(0), 0);
      EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM ledger_accounts")->Int(0), 0);
    });
  }
  // A batch with one bad entry writes none of the good ones either.
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    std::vector<Entry> batch{
        BillEntry(company_, 1, 500, 1), {ref, rows[0].lines}, BillEntry(company_, 2, 500, 2)};
    EXPECT_THROW(PostAll(tx, batch, kNow), std::logic_error);
    EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM journal_entries")->Int(0), 0);
    EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM ledger_accounts")->Int(0), 0);
  });
  // Thrown out of a transaction, it rolls back what the transaction wrote before.
  EXPECT_THROW(db_->Run(db::TxMode::kWrite,
                        [&](db::Tx& tx) {
                          Entry good = BillEntry(company_, 1, 500, 1);
                          Post(tx, good.ref, good.lines, kNow);
                          Post(tx, ref, rows[0].lines, kNow);
                        }),
               std::logic_error);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM journal_entries"), 0);
  EXPECT_EQ(Bal(company_, ReceivableOf(1)), 0);
  EXPECT_TRUE(Check(*db_).ok);
}

TEST_F(LedgerStorageTest, PostAllGivesTheBalancesOfPostingOneByOne) {
  // A bill run of 40 houses with two fee items, some payments between: the batch for one
  // company, the same entries one at a time for the other.
  auto entries = [&](int64_t company) {
    std::vector<Entry> out;
    int64_t ref = 0;
    for (int64_t house = 1; house <= 40; ++house) {
      out.push_back(BillEntry(company, house, 10000 + house, ++ref));
      Entry water{{company, std::nullopt, "bill", "bill", ++ref, "water"},
                  {{ReceivableOf(house), kAsset, 3000, 0}, {RevenueOf(2), kIncome, 0, 3000}}};
      out.push_back(water);
      if (house % 3 == 0) out.push_back(PaymentEntry(company, house, 15000, 13000 + house, ref));
    }
    return out;
  };
  std::vector<Entry> batch = entries(company_), single = entries(other_);
  std::vector<int64_t> batch_ids;
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) { batch_ids = PostAll(tx, batch, kNow); });
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    for (const Entry& e : single) Post(tx, e.ref, e.lines, kNow);
  });

  std::map<std::string, int64_t> a = Balances(company_), b = Balances(other_);
  // 40 receivables, 13 prepaid balances, two revenue accounts and the cash clearing account.
  EXPECT_EQ(a.size(), 40u + 13 + 2 + 1);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a[ReceivableOf(3)], 10003 + 3000 - 13003);
  EXPECT_EQ(a[PrepaymentOf(3)], -(15000 - 13003));
  EXPECT_EQ(a[RevenueOf(2)], -40 * 3000);
  // One id per entry, in order, each entry with its own lines.
  ASSERT_EQ(batch_ids.size(), batch.size());
  for (size_t i = 1; i < batch_ids.size(); ++i) EXPECT_LT(batch_ids[i - 1], batch_ids[i]);
  db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    for (size_t i = 0; i < batch.size(); ++i) {
      auto r = tx.QueryOne(
          "SELECT COUNT(*), SUM(debit), MIN(e.ref_id) FROM journal_lines l JOIN "
          "journal_entries e ON e.id = l.entry_id WHERE l.entry_id = ?",
          {batch_ids[i]});
      EXPECT_EQ(r->Int(0), static_cast<int64_t>(batch[i].lines.size())) << i;
      EXPECT_EQ(r->Int(1), batch[i].lines.front().debit) << i;
      EXPECT_EQ(r->Int(2), batch[i].ref.ref_id) << i;
    }
  });
  // Nothing posted in a later batch disturbs the earlier balances.
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    PostAll(tx, {BillEntry(company_, 3, 1, 999)}, kNow);
    EXPECT_TRUE(PostAll(tx, {}, kNow).empty());
  });
  EXPECT_EQ(Bal(company_, ReceivableOf(3)), 1);
  CheckReport rep = Check(*db_);
  EXPECT_TRUE(rep.ok) << Problems(rep);
}

// Each row tampers with good books by plain SQL; Check must name the problem, and pass again
// once the tampering is undone.
TEST_F(LedgerStorageTest, CheckNamesWhatIsTamperedWith) {
  int64_t payment = 0;
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    Entry bill = BillEntry(company_, 7, 22375, 1);
    Post(tx, bill.ref, bill.lines, kNow);
    Entry pay = PaymentEntry(company_, 7, 30000, 22375, 1);
    payment = Post(tx, pay.ref, pay.lines, kNow);
  });
  std::string c = std::to_string(company_), p = std::to_string(payment);
  std::string first_debit =
      "(SELECT MIN(id) FROM journal_lines WHERE entry_id = " + p + " AND debit > 0)";
  struct Tamper {
    const char* what;
    std::string sql, undo, want;  // want: a part of one problem
  } rows[] = {
      {"a stored balance",
       "UPDATE ledger_accounts SET balance = balance + 1 WHERE code = "
       "'clearing:cash'",
       "UPDATE ledger_accounts SET balance = balance - 1 WHERE code = 'clearing:cash'",
       "company " + c + " account clearing:cash: stored balance 30001 ≠ replay 30000"},
      {"a journal line's amount",
       "UPDATE journal_lines SET debit = debit + 5 WHERE id = " + first_debit,
       "UPDATE journal_lines SET debit = debit - 5 WHERE id = " + first_debit,
       "journal entry " + p + " does not balance: 30005 ≠ 30000"},
      {"the same line: the company's totals",
       "UPDATE journal_lines SET debit = debit + 5 "
       "WHERE id = " +
           first_debit,
       "UPDATE journal_lines SET debit = debit - 5 WHERE id = " + first_debit,
       "company " + c + ": debits 52380 ≠ credits 52375"},
      {"the same line: the account's replay",
       "UPDATE journal_lines SET debit = debit + 5 "
       "WHERE id = " +
           first_debit,
       "UPDATE journal_lines SET debit = debit - 5 WHERE id = " + first_debit,
       "account clearing:cash: stored balance 30000 ≠ replay 30005"},
      {"a line with both sides",
       "UPDATE journal_lines SET credit = debit WHERE id = " + first_debit,
       "UPDATE journal_lines SET credit = 0 WHERE id = " + first_debit, "is malformed"},
      {"an entry without lines",
       "INSERT INTO journal_entries (company_id, at, kind, ref_type, ref_id) VALUES (" + c +
           ", 0, 'payment', 'payment', 77)",
       "DELETE FROM journal_entries WHERE ref_id = 77", "has no lines"},
      {"a line moved to another account",
       "UPDATE journal_lines SET account_id = (SELECT id FROM ledger_accounts WHERE code = "
       "'revenue:fee:1') WHERE id = " +
           first_debit,
       "UPDATE journal_lines SET account_id = (SELECT id FROM ledger_accounts WHERE code = "
       "'clearing:cash') WHERE id = " +
           first_debit,
       "account revenue:fee:1: stored balance -22375 ≠ replay 7625"},
  };
  CheckReport good = Check(*db_);
  ASSERT_TRUE(good.ok) << Problems(good);
  for (const Tamper& t : rows) {
    SCOPED_TRACE(t.what);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) { tx.Exec(t.sql); });
    CheckReport bad = Check(*db_);
    EXPECT_FALSE(bad.ok);
    EXPECT_NE(Problems(bad).find(t.want), std::string::npos) << "problems:\n" << Problems(bad);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) { tx.Exec(t.undo); });
    CheckReport again = Check(*db_);
    EXPECT_TRUE(again.ok) << Problems(again);
  }
}

}  // namespace
}  // namespace anju::billing::ledger
