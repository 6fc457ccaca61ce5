// Settle (settle.h, implemented in payments.cc) against a real database: SQLite, and
// PostgreSQL too with ANJU_TEST_DB=pg (the suite name contains "Storage"). A payment settled
// on a house's bills inside a transaction allocates as calc::Allocate says, moves the bills'
// paid / late_paid, posts one balanced entry, keeps the rest as prepaid balance, and leaves
// books that `ledger::Check` passes.
//
// Each case gets a house of its own with three monthly bills of 223.75 元: September (due
// 09-15, 3.00 元 late fee accrued), October (due 10-15, 1.20 元 late fee) and November (due
// 11-15, none). Parts are written "L<bill>=<分>" / "P<bill>=<分>" with the bills named
// S, O and N.
#include "modules/billing/billing_json.h"
#include "modules/billing/settle.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <stdexcept>

#include "core/crypto.h"
#include "db/migrations.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/calc/allocation.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/ledger.h"
#include "support/seed.h"
#include "support/test_db.h"

namespace anju::billing {
namespace {

namespace json = boost::json;

constexpr Millis kNow = 1'795'399'200'000;  // 2026-11-23T02:00Z
constexpr int64_t kMonthly = 22375;         // 89.50 m² × 2.50 元

struct Bill {
  const char* name;  // S, O, N
  const char* period;
  const char* due;
  int64_t late_fee;
};
constexpr Bill kBills[] = {{"S", "2026-09", "2026-09-15", 300},
                           {"O", "2026-10", "2026-10-15", 120},
                           {"N", "2026-11", "2026-11-15", 0}};

// Receipts are another module's (modules/receipts): Settle asks for one through billing's
// ReceiptIssuer port (ports.h). This one notes which payments it was asked about.
class NotedReceipts : public ReceiptIssuer {
 public:
  Result<ReceiptRef> IssueFor(db::Tx&, int64_t, int64_t payment_id, Millis) override {
    asked.push_back(payment_id);
    return ReceiptRef{static_cast<int64_t>(asked.size()), "R-TEST-" + std::to_string(payment_id)};
  }
  std::vector<int64_t> asked;
};

class SettleStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::Init();
    db_ = db::Open(tdb_.url(), 4);
    db::Migrate(*db_);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      company_ = testing::SeedCompany(tx, "ay", "安居物业");
      project_ = testing::SeedProject(tx, company_, "YG", "阳光花园");
      fee_item_ = tx.InsertId(
          "INSERT INTO fee_items (company_id, project_id, code, name, kind, method, unit_price, "
          "house_kinds, valid_from, created_at, updated_at) VALUES (?, ?, 'WYF', '物业服务费', "
          "'property', 'area', 250, 'residential', '2026-01-01', 0, 0) RETURNING id",
          {company_, project_});
    });
  }

  void TearDown() override {
    ledger::CheckReport rep = ledger::Check(*db_);
    EXPECT_TRUE(rep.ok) << Problems(rep);
  }

  static std::string Problems(const ledger::CheckReport& r) {
    std::string out;
    for (const std::string& p : r.problems) out += p + "\n";
    return out;
  }

  // A house with the three bills of kBills, posted as a bill run and the late-fee job would:
  // the bill's entry, its collection total, and its late fee as one accrual with its entry.
  void NewHouse() {
    int n = ++houses_;
    bills_.clear();
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      auto one = [&](const std::string& sql, db::Params p) { return tx.InsertId(sql, p); };
      int64_t b = testing::SeedBuilding(tx, company_, project_, std::to_string(n), "楼");
      int64_t e = testing::SeedEntrance(tx, company_, project_, b, "1", "1单元");
      int64_t f = testing::SeedFloor(tx, company_, project_, b, e, 1, "1层");
      testing::HouseSeed hs;
      hs.company_id = company_, hs.project_id = project_, hs.building_id = b;
      hs.entrance_id = e, hs.floor_id = f, hs.number = "0101";
      hs.code = fmt::format("{}-1-0101", n), hs.gross_area = 8950, hs.net_area = 7600;
      house_ = testing::SeedHouse(tx, hs);
      for (const Bill& bill : kBills) {
        int64_t id =
            one("INSERT INTO bills (company_id, project_id, building_id, house_id, fee_item_id, "
                "period, number, quantity, unit_price, amount, due_date, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 8950, 250, ?, ?, ?) RETURNING id",
                {company_, project_, b, house_, fee_item_, bill.period,
                 fmt::format("B-YG-{}-{}", bill.period, n), kMonthly, bill.due, kNow});
        ledger::Post(tx, {company_, project_, "bill", "bill", id, "bill"},
                     {{ledger::ReceivableOf(house_), ledger::AccountKind::kAsset, kMonthly, 0},
                      {ledger::RevenueOf(fee_item_), ledger::AccountKind::kIncome, 0, kMonthly}},
                     kNow);
        totals::AddBilled(tx, company_, project_, bill.period, kMonthly, kNow);
        if (bill.late_fee > 0) {
          tx.Exec(
              "INSERT INTO late_fee_accruals (company_id, bill_id, day, amount, created_at) "
              "VALUES (?, ?, '2026-11-22', ?, ?)",
              {company_, id, bill.late_fee, kNow});
          tx.Exec("UPDATE bills SET late_fee = late_fee + ? WHERE id = ?", {bill.late_fee, id});
          ledger::Post(tx, {company_, project_, "late_fee", "bill", id, "late fee"},
                       {{ledger::LateOf(house_), ledger::AccountKind::kAsset, bill.late_fee, 0},
                        {std::string(ledger::kLateFeeIncome), ledger::AccountKind::kIncome, 0,
                         bill.late_fee}},
                       kNow);
        }
        bills_[bill.name] = id;
        names_[id] = bill.name;
      }
    });
  }

  void SetOrder(const char* order) {
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      tx.Exec("DELETE FROM billing_settings WHERE company_id = ?", {company_});
      tx.Exec(
          "INSERT INTO billing_settings (company_id, approval_threshold, allocation_order, "
          "auto_apply_prepayment, updated_at) VALUES (?, 50000, ?, 0, 0)",
          {company_, std::string(order)});
    });
  }

  // What the house's bills owe now, read plainly (not through bill_sql.h).
  std::vector<calc::OpenDebt> Debts(const std::vector<std::string>& picked = {}) {
    std::vector<calc::OpenDebt> debts;
    db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      for (auto& r : tx.Query("SELECT id, due_date, amount - paid - credited, late_fee - "
                              "late_paid - late_waived FROM bills WHERE house_id = ?",
                              {house_})) {
        int pick = 0;
        for (size_t i = 0; i < picked.size(); ++i)
          if (bills_[picked[i]] == r.Int(0) && pick == 0) pick = static_cast<int>(i) + 1;
        if (!picked.empty() && pick == 0) continue;
        debts.push_back({r.Int(0), r.Str(1), r.Int(2), r.Int(3), pick});
      }
    });
    return debts;
  }

  std::string Format(const json::array& parts) {
    std::string out;
    for (const json::value& v : parts) {
      const json::object& p = v.as_object();
      out += (out.empty() ? "" : " ") +
             std::string(p.at("kind").as_string() == "late_fee" ? "L" : "P") +
             names_[p.at("bill_id").as_int64()] + "=" + std::to_string(p.at("amount").as_int64());
    }
    return out.empty() ? "-" : out;
  }

  Result<json::object> Pay(int64_t amount, std::vector<std::string> picked = {},
                           std::string channel = "cash") {
    std::vector<int64_t> ids;
    for (const std::string& name : picked) ids.push_back(bills_.at(name));
    return db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::object> {
      auto h = property::FindHouseFacts(tx, company_, house_);
      auto paid = Settle(tx, {company_, *h, amount, channel, ids, "", std::nullopt, std::nullopt},
                         kNow, &receipts_);
      if (!paid.ok()) return Result<json::object>(paid.take_error());
      return Result<json::object>(PaymentJson(*paid));  // the reply the routes give
    });
  }

  int64_t Int(const std::string& sql, db::Params p = {}) {
    return db_->Run(db::TxMode::kRead, [&](db::Tx& tx) { return tx.QueryOne(sql, p)->Int(0); });
  }
  int64_t Bal(const std::string& code) {
    return db_->Run(db::TxMode::kRead,
                    [&](db::Tx& tx) { return ledger::Balance(tx, company_, code); });
  }

  testing::TestDatabase tdb_;
  std::unique_ptr<db::Database> db_;
  NotedReceipts receipts_;
  int64_t company_ = 0, project_ = 0, fee_item_ = 0, house_ = 0;
  int houses_ = 0;
  std::map<std::string, int64_t> bills_;
  std::map<int64_t, std::string> names_;
};

struct Case {
  const char* name;
  const char* order;  // the company's allocation_order
  int64_t amount;
  std::vector<std::string> picked;
  const char* want;  // the parts
  int64_t prepaid;
};

TEST_F(SettleStorageTest, AllocatesAsThePureFunctionSaysAndPostsOneBalancedEntry) {
  const Case cases[] = {
      {"late fees first, partial",
       "late_fees_first",
       30000,
       {},
       "LS=300 LO=120 PS=22375 PO=7205",
       0},
      {"principal first, partial", "principal_first", 30000, {}, "PS=22375 LS=300 PO=7325", 0},
      {"picked bills, in the order picked",
       "principal_first",
       30000,
       {"N", "S"},
       "PN=22375 LS=300 PS=7325",
       0},
      {"overpaid: the rest is prepaid balance",
       "late_fees_first",
       80000,
       {},
       "LS=300 LO=120 PS=22375 PO=22375 PN=22375",
       12455},
      {"a picked bill, the rest prepaid, not to other bills",
       "late_fees_first",
       30000,
       {"O"},
       "LO=120 PO=22375",
       7505},
      {"a bill picked twice is settled once",
       "late_fees_first",
       50000,
       {"O", "O"},
       "LO=120 PO=22375",
       27505},
      {"exact", "late_fees_first", 67545, {}, "LS=300 LO=120 PS=22375 PO=22375 PN=22375", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    NewHouse();
    SetOrder(c.order);
    std::vector<calc::OpenDebt> before = Debts(c.picked);
    auto order = std::string(c.order) == "principal_first" && c.picked.empty()
                     ? calc::AllocationOrder::kPrincipalFirst
                     : calc::AllocationOrder::kLateFeesFirst;
    // Deduplicated the way Settle documents it: the first place counts.
    auto expected = calc::Allocate(before, c.amount, order);
    ASSERT_TRUE(expected.ok());
    int64_t entries_before = Int("SELECT COUNT(*) FROM journal_entries");

    auto paid = Pay(c.amount, c.picked);
    ASSERT_TRUE(paid.ok()) << paid.error().code << ": " << paid.error().message;
    const json::object& p = *paid;
    int64_t id = p.at("id").as_int64();

    // The allocation is the pure function's, and the row a cashier reads.
    EXPECT_EQ(Format(p.at("allocations").as_array()), c.want);
    ASSERT_EQ(p.at("allocations").as_array().size(), expected->parts.size());
    for (size_t i = 0; i < expected->parts.size(); ++i) {
      const json::object& got = p.at("allocations").as_array()[i].as_object();
      EXPECT_EQ(got.at("bill_id").as_int64(), expected->parts[i].bill_id);
      EXPECT_EQ(std::string(got.at("kind").as_string()),
                calc::DebtKindName(expected->parts[i].kind));
      EXPECT_EQ(got.at("amount").as_int64(), expected->parts[i].amount);
    }
    EXPECT_EQ(p.at("to_prepayment").as_int64(), c.prepaid);
    EXPECT_EQ(p.at("settled").as_int64(), c.amount - c.prepaid);
    EXPECT_EQ(p.at("late_fee_settled").as_int64(), expected->late_fee);
    EXPECT_EQ(p.at("prepaid_after").as_int64(), c.prepaid);
    EXPECT_FALSE(p.at("receipt").is_null());  // money came in: a receipt
    ASSERT_FALSE(receipts_.asked.empty());
    EXPECT_EQ(receipts_.asked.back(), id);  // asked for in the payment's transaction

    // Stored: the payment, its allocations in order, the bills' paid and late_paid.
    EXPECT_EQ(Int("SELECT amount FROM payments WHERE id = ?", {id}), c.amount);
    EXPECT_EQ(Int("SELECT to_prepayment FROM payments WHERE id = ?", {id}), c.prepaid);
    db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      json::array stored;
      for (auto& r : tx.Query("SELECT bill_id, kind, amount FROM payment_allocations WHERE "
                              "payment_id = ? ORDER BY id",
                              {id}))
        stored.push_back(
            json::object{{"bill_id", r.Int(0)}, {"kind", r.Str(1)}, {"amount", r.Int(2)}});
      EXPECT_EQ(Format(stored), c.want);
    });
    std::map<int64_t, std::pair<int64_t, int64_t>> settled;  // bill → (principal, late)
    for (const calc::AllocationPart& part : expected->parts)
      (part.kind == calc::DebtKind::kLateFee ? settled[part.bill_id].second
                                             : settled[part.bill_id].first) += part.amount;
    for (const Bill& b : kBills) {
      int64_t bill = bills_[b.name];
      EXPECT_EQ(Int("SELECT paid FROM bills WHERE id = ?", {bill}), settled[bill].first) << b.name;
      EXPECT_EQ(Int("SELECT late_paid FROM bills WHERE id = ?", {bill}), settled[bill].second)
          << b.name;
    }

    // One balanced entry: Dr clearing:cash; Cr late, receivable, prepayment.
    EXPECT_EQ(Int("SELECT COUNT(*) FROM journal_entries"), entries_before + 1);
    db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      std::map<std::string, std::pair<int64_t, int64_t>> lines;
      for (auto& r : tx.Query("SELECT a.code, l.debit, l.credit FROM journal_entries e JOIN "
                              "journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON "
                              "a.id = l.account_id WHERE e.ref_type = 'payment' AND "
                              "e.ref_id = ? AND e.kind = 'payment'",
                              {id}))
        lines[r.Str(0)] = {r.Int(1), r.Int(2)};
      std::map<std::string, std::pair<int64_t, int64_t>> want{
          {ledger::ClearingOf("cash"), {c.amount, 0}}};
      if (expected->late_fee > 0) want[ledger::LateOf(house_)] = {0, expected->late_fee};
      if (expected->principal > 0) want[ledger::ReceivableOf(house_)] = {0, expected->principal};
      if (c.prepaid > 0) want[ledger::PrepaymentOf(house_)] = {0, c.prepaid};
      EXPECT_EQ(lines, want);
    });
    int64_t open_principal = 3 * kMonthly - expected->principal,
            open_late = 420 - expected->late_fee;
    EXPECT_EQ(Bal(ledger::ReceivableOf(house_)), open_principal);
    EXPECT_EQ(Bal(ledger::LateOf(house_)), open_late);
    EXPECT_EQ(Bal(ledger::PrepaymentOf(house_)), -c.prepaid);
    EXPECT_EQ(p.at("owed_after").as_int64(), open_principal + open_late);

    ledger::CheckReport rep = ledger::Check(*db_);
    EXPECT_TRUE(rep.ok) << Problems(rep);
  }
}

TEST_F(SettleStorageTest, PaymentsOneAfterAnotherSettleWhatIsStillOpen) {
  NewHouse();
  auto first = Pay(500);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Format(first->at("allocations").as_array()), "LS=300 LO=120 PS=80");
  auto second = Pay(30000);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(Format(second->at("allocations").as_array()), "PS=22295 PO=7705");
  auto third = Pay(40000);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(Format(third->at("allocations").as_array()), "PO=14670 PN=22375");
  EXPECT_EQ(third->at("to_prepayment").as_int64(), 40000 - 14670 - 22375);
  EXPECT_EQ(third->at("owed_after").as_int64(), 0);
  // Nothing left to settle: all of it is prepaid balance.
  auto fourth = Pay(100);
  ASSERT_TRUE(fourth.ok());
  EXPECT_EQ(Format(fourth->at("allocations").as_array()), "-");
  EXPECT_EQ(fourth->at("prepaid_after").as_int64(), 40000 - 14670 - 22375 + 100);
}

TEST_F(SettleStorageTest, PrepaidBalanceAppliedToBills) {
  NewHouse();
  ASSERT_TRUE(Pay(80000).ok());  // everything settled, 124.55 元 prepaid
  // A new bill, as a bill run posts it; the prepaid balance settles it (channel prepayment).
  int64_t bill = 0;
  db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    bill = tx.InsertId(
        "INSERT INTO bills (company_id, project_id, house_id, fee_item_id, period, number, "
        "quantity, unit_price, amount, due_date, created_at) VALUES (?, ?, ?, ?, '2026-12', "
        "'B-YG-2026-12-1', 8950, 250, ?, '2026-12-15', ?) RETURNING id",
        {company_, project_, house_, fee_item_, kMonthly, kNow});
    ledger::Post(tx, {company_, project_, "bill", "bill", bill, "bill"},
                 {{ledger::ReceivableOf(house_), ledger::AccountKind::kAsset, kMonthly, 0},
                  {ledger::RevenueOf(fee_item_), ledger::AccountKind::kIncome, 0, kMonthly}},
                 kNow);
    totals::AddBilled(tx, company_, project_, "2026-12", kMonthly, kNow);
  });
  bills_["D"] = bill;
  names_[bill] = "D";
  size_t receipts_before = receipts_.asked.size();
  auto applied = Pay(12455, {"D"}, std::string(kPrepaymentChannel));
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(receipts_.asked.size(), receipts_before);  // no receipt asked for
  EXPECT_EQ(Format(applied->at("allocations").as_array()), "PD=12455");
  EXPECT_TRUE(applied->at("receipt").is_null());  // no money came in
  EXPECT_EQ(Bal(ledger::PrepaymentOf(house_)), 0);
  EXPECT_EQ(Bal(ledger::ReceivableOf(house_)), kMonthly - 12455);
  EXPECT_EQ(Bal(ledger::ClearingOf("cash")), 80000);  // untouched by the prepaid balance
  // A prepaid balance never goes beyond what the bills owe: that is a bug in the caller.
  EXPECT_THROW(Pay(kMonthly, {"D"}, std::string(kPrepaymentChannel)), std::logic_error);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM payments WHERE channel = 'prepayment'"), 1);
}

TEST_F(SettleStorageTest, APickedBillThatIsNotPayableWritesNothing) {
  NewHouse();
  std::map<std::string, int64_t> mine = bills_;
  ASSERT_TRUE(Pay(22375 + 300, {"S"}).ok());  // S is settled now
  NewHouse();                                 // another house
  auto count = [&] {
    return Int("SELECT COUNT(*) FROM payments") + Int("SELECT COUNT(*) FROM journal_entries") +
           Int("SELECT COUNT(*) FROM payment_allocations");
  };
  int64_t before = count();
  // The other house's bill, then this house's bill after a bill of the other house.
  for (std::vector<int64_t> ids :
       {std::vector<int64_t>{mine["S"]}, std::vector<int64_t>{bills_["O"], mine["O"]},
        std::vector<int64_t>{999999}}) {
    auto r = db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<PaymentTaken> {
      auto h = property::FindHouseFacts(tx, company_, house_);
      return Settle(tx, {company_, *h, 1000, "cash", ids, "", std::nullopt, std::nullopt}, kNow,
                    &receipts_);
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, std::string(kBillNotPayable.code));
  }
  // A bill of the house that is settled already.
  int64_t house = house_;
  house_ = Int("SELECT house_id FROM bills WHERE id = ?", {mine["S"]});
  bills_ = mine;
  auto settled = Pay(1000, {"S"});
  ASSERT_FALSE(settled.ok());
  EXPECT_EQ(settled.error().code, std::string(kBillNotPayable.code));
  EXPECT_EQ(count(), before);
  house_ = house;
}

}  // namespace
}  // namespace anju::billing
