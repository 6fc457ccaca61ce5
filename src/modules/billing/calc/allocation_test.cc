// Payment allocation (allocation.h) as a table of cases, then properties over random inputs.
//
// A row is written the way a cashier would read it:
//   debts   "bill:due:principal:late[:pick]" separated by spaces, e.g. "1:2026-09-15:5000:300"
//           is bill 1, due 15 September, owing 50.00 元 principal and 3.00 元 late fee;
//           a fifth field is the bill's place in the payer's pick (1 first).
//   want    the parts in the order settled, "L<bill>=<分>" for a late fee and "P<bill>=<分>"
//           for principal, e.g. "L1=300 P1=5000"; "-" for none; or an error code.
//   prepaid what is left for the house's prepaid balance.
#include "modules/billing/calc/allocation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <tuple>

#include "modules/billing/calc/calc_errors.h"

namespace anju::billing::calc {
namespace {

constexpr AllocationOrder kLateFirst = AllocationOrder::kLateFeesFirst;
constexpr AllocationOrder kPrincipalFirst = AllocationOrder::kPrincipalFirst;

std::vector<OpenDebt> ParseDebts(const std::string& text) {
  std::vector<OpenDebt> debts;
  std::istringstream in(text);
  for (std::string item; in >> item;) {
    std::vector<std::string> f;
    std::istringstream fields(item);
    for (std::string x; std::getline(fields, x, ':');) f.push_back(x);
    if (f.size() != 4 && f.size() != 5) throw std::invalid_argument("bad debt " + item);
    debts.push_back({std::stoll(f[0]), f[1], std::stoll(f[2]), std::stoll(f[3]),
                     f.size() == 5 ? std::stoi(f[4]) : 0});
  }
  return debts;
}

std::string FormatParts(const std::vector<AllocationPart>& parts) {
  if (parts.empty()) return "-";
  std::string out;
  for (const AllocationPart& p : parts)
    out += (out.empty() ? "" : " ") + std::string(p.kind == DebtKind::kLateFee ? "L" : "P") +
           std::to_string(p.bill_id) + "=" + std::to_string(p.amount);
  return out;
}

struct Case {
  const char* name;
  AllocationOrder order;
  int64_t amount;
  const char* debts;
  const char* want;  // parts, or an error code
  int64_t prepaid = 0;
};

// Two bills of the same house, one a month older than the other.
#define TWO_BILLS "1:2026-09-15:5000:300 2:2026-10-15:5000:200"

const Case kCases[] = {
    // The company's order, nothing picked.
    {"late fees first, exact payment", kLateFirst, 10500, TWO_BILLS,
     "L1=300 L2=200 P1=5000 P2=5000"},
    {"principal first, exact payment", kPrincipalFirst, 10500, TWO_BILLS,
     "P1=5000 L1=300 P2=5000 L2=200"},
    {"late fees first, partial: every late fee before any principal", kLateFirst, 600, TWO_BILLS,
     "L1=300 L2=200 P1=100"},
    {"principal first, partial: the oldest principal only", kPrincipalFirst, 600, TWO_BILLS,
     "P1=600"},
    {"principal first, partial across bills", kPrincipalFirst, 5400, TWO_BILLS,
     "P1=5000 L1=300 P2=100"},
    {"late fees first, partial late fee", kLateFirst, 250, TWO_BILLS, "L1=250"},
    {"one fen", kLateFirst, 1, TWO_BILLS, "L1=1"},
    {"overpayment: the rest is prepaid balance", kLateFirst, 12000, TWO_BILLS,
     "L1=300 L2=200 P1=5000 P2=5000", 1500},
    {"overpayment, principal first", kPrincipalFirst, 10501, TWO_BILLS,
     "P1=5000 L1=300 P2=5000 L2=200", 1},
    {"nothing owed: all prepaid", kLateFirst, 5000, "", "-", 5000},
    {"a bill that owes nothing is passed over", kLateFirst, 100,
     "1:2026-09-15:0:0 2:2026-10-15:100:0", "P2=100"},
    {"only a late fee, exact", kLateFirst, 800, "1:2026-09-15:0:800", "L1=800"},
    {"only a late fee, principal first", kPrincipalFirst, 1000,
     "1:2026-09-15:0:800 2:2026-10-15:3000:0", "L1=800 P2=200"},
    {"only late fees, overpaid", kLateFirst, 1000, "1:2026-09-15:0:300 2:2026-10-15:0:200",
     "L1=300 L2=200", 500},
    {"input order does not matter", kLateFirst, 5600, "2:2026-10-15:5000:200 1:2026-09-15:5000:300",
     "L1=300 L2=200 P1=5000 P2=100"},
    {"oldest by due date, not by bill id", kPrincipalFirst, 1500,
     "1:2026-12-15:1000:0 9:2026-08-15:1000:0", "P9=1000 P1=500"},
    {"same due date: the lower bill id first", kLateFirst, 1500,
     "7:2026-10-15:1000:0 3:2026-10-15:1000:0", "P3=1000 P7=500"},
    {"same due date, late fees first", kLateFirst, 150,
     "7:2026-10-15:1000:100 3:2026-10-15:1000:100", "L3=100 L7=50"},
    {"three months of arrears, late fees first", kLateFirst, 20000,
     "3:2026-10-15:7500:0 1:2026-08-15:7500:450 2:2026-09-15:7500:225",
     "L1=450 L2=225 P1=7500 P2=7500 P3=4325"},
    {"int64 amounts do not overflow", kLateFirst, 9223372036854775807,
     "1:2026-09-15:9223372036854775807:9223372036854775807", "L1=9223372036854775807"},

    // Picked bills: in the pick's order, late fee then principal, the rest prepaid.
    {"picked bill: its late fee then its principal", kLateFirst, 5200, TWO_BILLS ":1",
     "L2=200 P2=5000"},
    {"picked bill: bills not picked get nothing, the rest is prepaid", kLateFirst, 6000,
     TWO_BILLS ":1", "L2=200 P2=5000", 800},
    {"picked bill: the company's order does not apply", kPrincipalFirst, 5200, TWO_BILLS ":1",
     "L2=200 P2=5000"},
    {"picked bill, partial", kLateFirst, 100, TWO_BILLS ":1", "L2=100"},
    {"picked order beats due date", kLateFirst, 5500,
     "1:2026-09-15:5000:300:2 2:2026-10-15:5000:200:1", "L2=200 P2=5000 L1=300"},
    {"picked order beats due date, overpaid", kLateFirst, 11000,
     "1:2026-09-15:5000:300:2 2:2026-10-15:5000:200:1", "L2=200 P2=5000 L1=300 P1=5000", 500},
    {"picked places need not be consecutive", kLateFirst, 1200,
     "1:2026-09-15:1000:0:7 2:2026-10-15:1000:0:3", "P2=1000 P1=200"},
    {"picked bill with only a late fee", kLateFirst, 500,
     "1:2026-09-15:0:300:1 2:2026-10-15:5000:0", "L1=300", 200},

    // Refused: CALC_BAD_INPUT, nothing allocated.
    {"a zero amount", kLateFirst, 0, TWO_BILLS, "CALC_BAD_INPUT"},
    {"a negative amount", kLateFirst, -100, TWO_BILLS, "CALC_BAD_INPUT"},
    {"a zero amount with nothing owed", kLateFirst, 0, "", "CALC_BAD_INPUT"},
    {"a negative principal", kLateFirst, 100, "1:2026-09-15:-1:0", "CALC_BAD_INPUT"},
    {"a negative late fee", kLateFirst, 100, "1:2026-09-15:100:-1", "CALC_BAD_INPUT"},
    {"a bill given twice", kLateFirst, 100, "1:2026-09-15:100:0 1:2026-09-15:100:0",
     "CALC_BAD_INPUT"},
    {"a bill id of 0", kLateFirst, 100, "0:2026-09-15:100:0", "CALC_BAD_INPUT"},
    {"two picked bills in one place", kLateFirst, 100, "1:2026-09-15:100:0:1 2:2026-10-15:100:0:1",
     "CALC_BAD_INPUT"},
    {"a negative pick", kLateFirst, 100, "1:2026-09-15:100:0:-1", "CALC_BAD_INPUT"},
    {"a picked bill that owes nothing", kLateFirst, 100, "1:2026-09-15:0:0:1 2:2026-10-15:100:0:2",
     "CALC_BAD_INPUT"},
};

TEST(AllocationTest, Table) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    auto got = Allocate(ParseDebts(c.debts), c.amount, c.order);
    std::string want = c.want;
    if (want.rfind("CALC_", 0) == 0) {
      ASSERT_FALSE(got.ok()) << "expected " << want << ", got " << FormatParts(got->parts);
      EXPECT_EQ(got.error().code, want);
      continue;
    }
    ASSERT_TRUE(got.ok()) << got.error().code << ": " << got.error().message;
    EXPECT_EQ(FormatParts(got->parts), want);
    EXPECT_EQ(got->to_prepayment, c.prepaid);
    int64_t principal = 0, late = 0;
    for (const AllocationPart& p : got->parts)
      (p.kind == DebtKind::kLateFee ? late : principal) += p.amount;
    EXPECT_EQ(got->principal, principal);
    EXPECT_EQ(got->late_fee, late);
  }
}

TEST(AllocationTest, KindNamesAreTheStoredOnes) {
  EXPECT_STREQ(DebtKindName(DebtKind::kPrincipal), "principal");
  EXPECT_STREQ(DebtKindName(DebtKind::kLateFee), "late_fee");
}

// ---------------------------------------------------------------- properties

// Where (bill, kind) stands in the rule's order, restated independently of allocation.cc:
// smaller settles first.
using Key = std::tuple<int64_t, std::string, int64_t, int>;
Key RuleKey(const OpenDebt& d, DebtKind kind, bool picked, AllocationOrder order) {
  int late_rank = kind == DebtKind::kLateFee ? 0 : 1;
  if (picked) return {d.pick, "", 0, late_rank};
  if (order == kPrincipalFirst) return {0, d.due_date, d.bill_id, 1 - late_rank};
  return {late_rank, d.due_date, d.bill_id, 0};
}

struct Random {
  std::mt19937_64 gen{20261123};  // fixed: a failure reproduces
  int64_t Int(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(gen);
  }
  bool OneIn(int n) { return Int(1, n) == 1; }
};

std::vector<OpenDebt> RandomDebts(Random& r) {
  const char* dues[] = {"2026-08-15", "2026-09-15", "2026-09-30", "2026-10-15"};  // ties
  std::vector<int64_t> ids;
  for (int64_t id = 1; id <= 12; ++id) ids.push_back(id);
  std::shuffle(ids.begin(), ids.end(), r.gen);
  std::vector<OpenDebt> debts(r.Int(0, 6));
  for (size_t i = 0; i < debts.size(); ++i) {
    OpenDebt& d = debts[i];
    d.bill_id = ids[i];
    d.due_date = dues[r.Int(0, 3)];
    d.principal = r.OneIn(4) ? 0 : r.Int(1, 20000);
    d.late_fee = r.OneIn(2) ? 0 : r.Int(1, 900);
  }
  if (r.OneIn(3)) {  // the payer picks some of the bills that owe something, in any order
    std::vector<OpenDebt*> owing;
    for (OpenDebt& d : debts)
      if ((d.principal > 0 || d.late_fee > 0) && !r.OneIn(3)) owing.push_back(&d);
    std::shuffle(owing.begin(), owing.end(), r.gen);
    int place = 0;
    for (OpenDebt* d : owing) d->pick = (place += static_cast<int>(r.Int(1, 2)));
  }
  return debts;
}

int64_t Owed(const OpenDebt& d, DebtKind k) {
  return k == DebtKind::kLateFee ? d.late_fee : d.principal;
}

// What is wrong with allocation `a` of `amount` to `debts` by the invariants of allocation.h,
// one sentence each; empty when nothing is.
std::vector<std::string> Violations(const std::vector<OpenDebt>& debts, int64_t amount,
                                    AllocationOrder order, const Allocation& a) {
  std::vector<std::string> bad;
  bool picked = std::any_of(debts.begin(), debts.end(), [](auto& d) { return d.pick > 0; });
  std::map<int64_t, const OpenDebt*> by_bill;
  for (const OpenDebt& d : debts) by_bill[d.bill_id] = &d;
  auto name = [](const AllocationPart& p) { return FormatParts({p}); };

  // Never more than owed; one part per bill and kind; only eligible bills.
  std::map<std::pair<int64_t, DebtKind>, int64_t> paid;
  int64_t sum = 0, principal = 0, late = 0;
  for (const AllocationPart& p : a.parts) {
    auto it = by_bill.find(p.bill_id);
    if (it == by_bill.end()) {
      bad.push_back(name(p) + ": no such debt");
      continue;
    }
    if (p.amount <= 0 || p.amount > Owed(*it->second, p.kind))
      bad.push_back(name(p) + ": not within what the bill owes");
    if (!paid.emplace(std::pair{p.bill_id, p.kind}, p.amount).second)
      bad.push_back(name(p) + ": a second part of the same debt");
    if (picked && it->second->pick == 0) bad.push_back(name(p) + ": the bill was not picked");
    sum += p.amount;
    (p.kind == DebtKind::kLateFee ? late : principal) += p.amount;
  }
  if (!bad.empty()) return bad;
  // Conservation.
  if (a.to_prepayment < 0) bad.push_back("a negative prepaid balance");
  if (sum + a.to_prepayment != amount) bad.push_back("parts + prepaid != amount");
  if (a.principal != principal || a.late_fee != late) bad.push_back("wrong totals by kind");

  // Greedy prefix: parts strictly in the rule's order, all but the last settled in full, and
  // every eligible debt ordered before the last part (or every one, when money is left)
  // settled in full.
  auto key = [&](const AllocationPart& p) {
    return RuleKey(*by_bill[p.bill_id], p.kind, picked, order);
  };
  for (size_t i = 1; i < a.parts.size(); ++i) {
    const AllocationPart &x = a.parts[i - 1], &y = a.parts[i];
    if (!(key(x) < key(y))) bad.push_back(name(x) + " before " + name(y) + ": out of order");
    if (x.amount != Owed(*by_bill[x.bill_id], x.kind))
      bad.push_back(name(x) + ": partial, but not the last part");
  }
  for (const OpenDebt& d : debts) {
    if (picked && d.pick == 0) continue;
    for (DebtKind k : {DebtKind::kLateFee, DebtKind::kPrincipal}) {
      if (Owed(d, k) == 0) continue;
      bool before_last = !a.parts.empty() && RuleKey(d, k, picked, order) < key(a.parts.back());
      if ((before_last || a.to_prepayment > 0) && paid[{d.bill_id, k}] != Owed(d, k))
        bad.push_back(std::string(k == DebtKind::kLateFee ? "L" : "P") + std::to_string(d.bill_id) +
                      " is left open");
    }
  }
  return bad;
}

std::map<std::pair<int64_t, DebtKind>, int64_t> ByDebt(const Allocation& a) {
  std::map<std::pair<int64_t, DebtKind>, int64_t> out;
  for (const AllocationPart& p : a.parts) out[{p.bill_id, p.kind}] += p.amount;
  return out;
}

TEST(AllocationTest, PropertiesOverRandomInputs) {
  Random r;
  for (int i = 0; i < 20000; ++i) {
    std::vector<OpenDebt> debts = RandomDebts(r);
    int64_t owed = 0;
    for (const OpenDebt& d : debts) owed += d.principal + d.late_fee;
    int64_t amount = r.Int(1, owed + 3000), more = amount + r.Int(1, 5000);
    AllocationOrder order = r.OneIn(2) ? kLateFirst : kPrincipalFirst;
    SCOPED_TRACE("case " + std::to_string(i));
    auto a = Allocate(debts, amount, order);
    ASSERT_TRUE(a.ok()) << a.error().message;
    auto bad = Violations(debts, amount, order, *a);
    ASSERT_TRUE(bad.empty()) << bad.front();

    // Deterministic: the same debts in another order give the same answer.
    std::vector<OpenDebt> shuffled = debts;
    std::shuffle(shuffled.begin(), shuffled.end(), r.gen);
    auto b = Allocate(shuffled, amount, order);
    ASSERT_TRUE(b.ok());
    ASSERT_EQ(a->parts, b->parts);
    ASSERT_EQ(a->to_prepayment, b->to_prepayment);

    // Monotone: paying more never settles less of any debt.
    auto c = Allocate(debts, more, order);
    ASSERT_TRUE(c.ok());
    bad = Violations(debts, more, order, *c);
    ASSERT_TRUE(bad.empty()) << bad.front();
    auto before = ByDebt(*a), after = ByDebt(*c);
    for (auto& [debt, fen] : before) ASSERT_GE(after[debt], fen) << "bill " << debt.first;
  }
}

// The property check catches allocations that break the rule: each row a hand-made
// allocation of TWO_BILLS that is wrong in one way.
TEST(AllocationTest, ViolationsCatchBrokenAllocations) {
  std::vector<OpenDebt> debts = ParseDebts(TWO_BILLS);
  using K = DebtKind;
  struct Broken {
    const char* what;
    AllocationOrder order;
    int64_t amount;
    Allocation a;
  } rows[] = {
      {"more than owed",
       kLateFirst,
       700,
       {{{1, K::kLateFee, 400}, {2, K::kLateFee, 200}, {1, K::kPrincipal, 100}}, 100, 600, 0}},
      {"money lost", kLateFirst, 600, {{{1, K::kLateFee, 300}, {2, K::kLateFee, 200}}, 0, 500, 0}},
      {"principal before a late fee",
       kLateFirst,
       5300,
       {{{1, K::kPrincipal, 5000}, {1, K::kLateFee, 300}}, 5000, 300, 0}},
      {"a partial part, then another",
       kLateFirst,
       400,
       {{{1, K::kLateFee, 200}, {2, K::kLateFee, 200}}, 0, 400, 0}},
      {"prepaid while a debt is open",
       kPrincipalFirst,
       5000,
       {{{1, K::kPrincipal, 4000}}, 4000, 0, 1000}},
      {"a debt skipped",
       kPrincipalFirst,
       5200,
       {{{1, K::kPrincipal, 5000}, {2, K::kPrincipal, 200}}, 5200, 0, 0}},
      {"a bill paid twice",
       kLateFirst,
       600,
       {{{1, K::kLateFee, 300}, {1, K::kLateFee, 300}}, 0, 600, 0}},
  };
  for (const Broken& b : rows)
    EXPECT_FALSE(Violations(debts, b.amount, b.order, b.a).empty()) << b.what;
  // And the true answers pass.
  for (AllocationOrder order : {kLateFirst, kPrincipalFirst})
    for (int64_t amount : {1, 300, 5400, 10500, 20000}) {
      auto a = Allocate(debts, amount, order);
      ASSERT_TRUE(a.ok());
      EXPECT_TRUE(Violations(debts, amount, order, *a).empty()) << amount;
    }
  // Picked: money to a bill not picked is caught.
  std::vector<OpenDebt> picked = ParseDebts(TWO_BILLS ":1");
  Allocation wrong{
      {{2, K::kLateFee, 200}, {2, K::kPrincipal, 5000}, {1, K::kLateFee, 300}}, 5000, 500, 0};
  EXPECT_FALSE(Violations(picked, 5500, kLateFirst, wrong).empty());
}

}  // namespace
}  // namespace anju::billing::calc
