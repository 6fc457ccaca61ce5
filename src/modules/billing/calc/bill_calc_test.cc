// Table-driven tests of the bill calculator. Every expected amount is written out in 分 and
// was worked by hand; the comment on a row shows the exact value when it is not obvious.
// Units reminder: prices in 1/100 分 (2.35 元 = 23500), quantities in 1/100 unit.
#include "modules/billing/calc/bill_calc.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "core/clock.h"
#include "modules/billing/calc/calc_errors.h"

namespace anju::billing::calc {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// The six rules, named by rounding and unit.
constexpr RoundRule kHalfUpFen{Rounding::kHalfUp, RoundTo::kFen};
constexpr RoundRule kUpFen{Rounding::kUp, RoundTo::kFen};
constexpr RoundRule kDownFen{Rounding::kDown, RoundTo::kFen};
constexpr RoundRule kHalfUpJiao{Rounding::kHalfUp, RoundTo::kJiao};
constexpr RoundRule kUpJiao{Rounding::kUp, RoundTo::kJiao};
constexpr RoundRule kDownJiao{Rounding::kDown, RoundTo::kJiao};
constexpr RoundRule kAllRules[] = {kHalfUpFen, kUpFen, kDownFen, kHalfUpJiao, kUpJiao, kDownJiao};

constexpr Proration kFull = Proration::Full();

// A row's expected outcome: an amount in 分, or an error code.
struct Want {
  int64_t fen = 0;
  const char* code = nullptr;
};
constexpr Want Err(const ErrorDef& d) { return {0, d.code}; }

template <class T>
void Expect(const Result<T>& got, const char* code, const T& want) {
  if (code != nullptr) {
    ASSERT_FALSE(got.ok()) << "expected " << code;
    EXPECT_EQ(got.error().code, code);
  } else {
    ASSERT_TRUE(got.ok()) << got.error().code << ": " << got.error().message;
    EXPECT_EQ(got.value(), want);
  }
}
void Expect(const Result<int64_t>& got, const Want& want) { Expect(got, want.code, want.fen); }

// The civil date after `date` (tests walk day by day).
std::string NextDay(std::string date) {
  auto put = [&](int at, int width, int v) {
    for (int i = width - 1; i >= 0; --i, v /= 10) date[at + i] = static_cast<char>('0' + v % 10);
  };
  const int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
  put(8, 2, std::stoi(date.substr(8, 2)) + 1);
  if (IsValidCivilDate(date)) return date;
  put(8, 2, 1);
  put(5, 2, m + 1);
  if (IsValidCivilDate(date)) return date;
  put(5, 2, 1);
  put(0, 4, y + 1);
  return date;
}

// ---- Round: every value under all six rules ------------------------------------------------

struct RoundRow {
  const char* note;
  int64_t num, den;
  int64_t half_up_fen, up_fen, down_fen, half_up_jiao, up_jiao, down_jiao;
};

TEST(BillCalcRound, EveryRuleAndUnit) {
  // clang-format off
  const RoundRow rows[] = {
      {"whole 分", 2, 1, 2, 2, 2, 0, 10, 0},
      {"2.5 分: half goes away from zero", 5, 2, 3, 3, 2, 0, 10, 0},
      {"-2.5 分: the magnitude rounds, the sign stays", -5, 2, -3, -3, -2, 0, -10, 0},
      {"24.9 分 = 2.49 角", 249, 10, 25, 25, 24, 20, 30, 20},
      {"25 分 = 2.5 角: half a 角", 25, 1, 25, 25, 25, 30, 30, 20},
      {"-25 分", -25, 1, -25, -25, -25, -30, -30, -20},
      {"15 分 = 1.5 角", 15, 1, 15, 15, 15, 20, 20, 10},
      {"14.999 分: just under half a 角", 14999, 1000, 15, 15, 14, 10, 20, 10},
      {"1/3 分", 1, 3, 0, 1, 0, 0, 10, 0},
      {"2/3 分", 2, 3, 1, 1, 0, 0, 10, 0},
      {"zero", 0, 7, 0, 0, 0, 0, 0, 0},
      {"21001.95 分 (89.37 m² × 2.35 元)", 210019500, 10000, 21002, 21002, 21001, 21000, 21010,
       21000},
      {"4999999.5 分 = 499999.95 角", 9999999, 2, 5000000, 5000000, 4999999, 5000000, 5000000,
       4999990},
  };
  // clang-format on
  for (const RoundRow& r : rows) {
    SCOPED_TRACE(r.note);
    const int64_t want[] = {r.half_up_fen,  r.up_fen,  r.down_fen,
                            r.half_up_jiao, r.up_jiao, r.down_jiao};
    for (int i = 0; i < 6; ++i) Expect(Round({r.num, r.den}, kAllRules[i]), {want[i]});
  }
}

TEST(BillCalcRound, EdgesAndErrors) {
  struct Row {
    const char* note;
    Exact exact;
    RoundRule rule;
    Want want;
    // clang-format off
  } rows[] = {
      {"int64 max fits", {kMax, 1}, kHalfUpFen, {kMax}},
      {"int64 min fits", {kMin, 1}, kHalfUpFen, {kMin}},
      {"one past int64 max", {Int128{kMax} + 1, 1}, kHalfUpFen, Err(kCalcOverflow)},
      {"…807 rounds up to …810 角: past int64", {kMax, 1}, kHalfUpJiao, Err(kCalcOverflow)},
      {"…807 down to …800", {kMax, 1}, kDownJiao, {9223372036854775800}},
      {"-…808 down to -…800", {kMin, 1}, kDownJiao, {-9223372036854775800}},
      {"-…808 half-up to -…810: past int64", {kMin, 1}, kHalfUpJiao, Err(kCalcOverflow)},
      {"a huge fraction that comes back in range", {Int128{kMax} * 1000, 1000}, kUpFen, {kMax}},
      {"zero denominator", {1, 0}, kHalfUpFen, Err(kCalcBadInput)},
      {"negative denominator", {1, -2}, kHalfUpFen, Err(kCalcBadInput)},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(Round(r.exact, r.rule), r.want);
  }
}

// ---- ProrateDays ---------------------------------------------------------------------------

TEST(BillCalcProrateDays, Table) {
  using O = std::optional<std::string_view>;
  struct Row {
    const char* note;
    const char *start, *end;
    O in, out;
    Proration want;
    const char* code;
    // clang-format off
  } rows[] = {
      {"no move: full month", "2026-11-01", "2026-11-30", {}, {}, {30, 30}, nullptr},
      {"move-in on the 15th is billed: 15..30", "2026-11-01", "2026-11-30", "2026-11-15", {},
       {16, 30}, nullptr},
      {"move-out on the 10th is billed: 1..10", "2026-11-01", "2026-11-30", {}, "2026-11-10",
       {10, 30}, nullptr},
      {"in and out inside: 5..20", "2026-11-01", "2026-11-30", "2026-11-05", "2026-11-20",
       {16, 30}, nullptr},
      {"moved in before the period", "2026-11-01", "2026-11-30", "2026-10-01", {}, {30, 30},
       nullptr},
      {"moves in after the period", "2026-11-01", "2026-11-30", "2026-12-01", {}, {0, 30},
       nullptr},
      {"moved out before the period", "2026-11-01", "2026-11-30", {}, "2026-10-31", {0, 30},
       nullptr},
      {"in and out on the last day", "2026-11-01", "2026-11-30", "2026-11-30", "2026-11-30",
       {1, 30}, nullptr},
      {"leap February: 20..29", "2028-02-01", "2028-02-29", "2028-02-20", {}, {10, 29},
       nullptr},
      {"quarter 31+30+31; out 11-14: 31 + 14", "2026-10-01", "2026-12-31", {}, "2026-11-14",
       {45, 92}, nullptr},
      {"across a year: 31+31+28 days, in on 01-01: 31+28", "2026-12-01", "2027-02-28",
       "2027-01-01", {}, {59, 90}, nullptr},
      {"no such day", "2026-11-01", "2026-11-31", {}, {}, {}, kCalcBadDate.code},
      {"slashes", "2026/11/01", "2026-11-30", {}, {}, {}, kCalcBadDate.code},
      {"bad move-in", "2026-11-01", "2026-11-30", "2026-13-01", {}, {}, kCalcBadDate.code},
      {"period backwards", "2026-11-30", "2026-11-01", {}, {}, {}, kCalcBadDate.code},
      {"out before in", "2026-11-01", "2026-11-30", "2026-11-20", "2026-11-10", {},
       kCalcBadDate.code},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(ProrateDays(r.start, r.end, r.in, r.out), r.code, r.want);
  }
}

// ---- AreaFee -------------------------------------------------------------------------------

TEST(BillCalcAreaFee, Table) {
  struct Row {
    const char* note;
    int64_t area, price, months;
    Proration p;
    RoundRule rule;
    Want want;
    // clang-format off
  } rows[] = {
      // 89.37 m² × 2.35 元 = 8937 × 23500 / 10000 = 21001.95 分, under all six rules.
      {"21001.95 half-up 分", 8937, 23500, 1, kFull, kHalfUpFen, {21002}},
      {"21001.95 up 分", 8937, 23500, 1, kFull, kUpFen, {21002}},
      {"21001.95 down 分", 8937, 23500, 1, kFull, kDownFen, {21001}},
      {"2100.195 角 half-up", 8937, 23500, 1, kFull, kHalfUpJiao, {21000}},
      {"2100.195 角 up", 8937, 23500, 1, kFull, kUpJiao, {21010}},
      {"2100.195 角 down", 8937, 23500, 1, kFull, kDownJiao, {21000}},
      // 0.50 m² × 10.01 元 = 500.5 分 exactly.
      {"500.5 half-up 分", 50, 100100, 1, kFull, kHalfUpFen, {501}},
      {"500.5 up 分", 50, 100100, 1, kFull, kUpFen, {501}},
      {"500.5 down 分", 50, 100100, 1, kFull, kDownFen, {500}},
      {"50.05 角 half-up", 50, 100100, 1, kFull, kHalfUpJiao, {500}},
      {"50.05 角 up", 50, 100100, 1, kFull, kUpJiao, {510}},
      {"50.05 角 down", 50, 100100, 1, kFull, kDownJiao, {500}},
      // 100.00 m² × 0.0025 元 = 25 分 = 2.5 角 exactly.
      {"25 分 half-up 分", 10000, 25, 1, kFull, kHalfUpFen, {25}},
      {"2.5 角 half-up", 10000, 25, 1, kFull, kHalfUpJiao, {30}},
      {"2.5 角 up", 10000, 25, 1, kFull, kUpJiao, {30}},
      {"2.5 角 down", 10000, 25, 1, kFull, kDownJiao, {20}},
      {"120.00 m² × 1.80 元", 12000, 18000, 1, kFull, kHalfUpFen, {21600}},
      // Rounded once per line: 3 × 500.5 = 1501.5 → 1502, not 3 × 501 = 1503.
      {"quarter of 500.5: rounded once", 50, 100100, 3, kFull, kHalfUpFen, {1502}},
      {"quarter: 63005.85 half-up", 8937, 23500, 3, kFull, kHalfUpFen, {63006}},
      {"quarter: 63005.85 down", 8937, 23500, 3, kFull, kDownFen, {63005}},
      // 21001.95 × 10/30 = 7000.65.
      {"10 of 30 days half-up", 8937, 23500, 1, {10, 30}, kHalfUpFen, {7001}},
      {"10 of 30 days down", 8937, 23500, 1, {10, 30}, kDownFen, {7000}},
      {"10 of 30 days up 角", 8937, 23500, 1, {10, 30}, kUpJiao, {7010}},
      // 63005.85 × 45/92 = 30818.0788…
      {"quarter, 45 of 92 days half-up", 8937, 23500, 3, {45, 92}, kHalfUpFen, {30818}},
      {"quarter, 45 of 92 days up", 8937, 23500, 3, {45, 92}, kUpFen, {30819}},
      {"0 of 30 days", 8937, 23500, 1, {0, 30}, kUpJiao, {0}},
      {"30 of 30 days = full", 8937, 23500, 1, {30, 30}, kHalfUpFen, {21002}},
      {"no area", 0, 23500, 1, kFull, kUpFen, {0}},
      {"no months", 8937, 23500, 0, kFull, kUpFen, {0}},
      {"negative area", -1, 23500, 1, kFull, kHalfUpFen, Err(kCalcBadInput)},
      {"negative price", 8937, -1, 1, kFull, kHalfUpFen, Err(kCalcBadInput)},
      {"negative months", 8937, 23500, -1, kFull, kHalfUpFen, Err(kCalcBadInput)},
      {"more days than the period", 8937, 23500, 1, {31, 30}, kHalfUpFen, Err(kCalcBadInput)},
      {"empty period", 8937, 23500, 1, {0, 0}, kHalfUpFen, Err(kCalcBadInput)},
      {"negative days", 8937, 23500, 1, {-1, 30}, kHalfUpFen, Err(kCalcBadInput)},
      {"product past __int128", kMax, kMax, kMax, kFull, kHalfUpFen, Err(kCalcOverflow)},
      // kMax × 100 元 = 9.2e20 分.
      {"result past int64", kMax, 1000000, 1, kFull, kHalfUpFen, Err(kCalcOverflow)},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(AreaFee(r.area, r.price, r.months, r.p, r.rule), r.want);
  }
}

TEST(BillCalcAreaFee, ProrationNeverExceedsTheFullAmount) {
  for (RoundRule rule : kAllRules) {
    for (int64_t area : {1, 50, 8937, 12345}) {
      const int64_t full = *AreaFee(area, 23501, 1, kFull, rule);
      for (int64_t days = 0; days <= 31; ++days) {
        EXPECT_LE(*AreaFee(area, 23501, 1, {days, 31}, rule), full) << area << " " << days;
      }
    }
  }
}

// ---- FixedFee ------------------------------------------------------------------------------

TEST(BillCalcFixedFee, Table) {
  struct Row {
    const char* note;
    int64_t price, months;
    Proration p;
    RoundRule rule;
    Want want;
    // clang-format off
  } rows[] = {
      {"parking 300 元", 3000000, 1, kFull, kHalfUpFen, {30000}},
      {"150 元 × 12 months", 1500000, 12, kFull, kDownJiao, {180000}},
      // In on the 15th of a 31-day month: 17 days; 30000 × 17/31 = 16451.6129… 分.
      {"17/31 half-up 分", 3000000, 1, {17, 31}, kHalfUpFen, {16452}},
      {"17/31 up 分", 3000000, 1, {17, 31}, kUpFen, {16452}},
      {"17/31 down 分", 3000000, 1, {17, 31}, kDownFen, {16451}},
      {"17/31 half-up 角", 3000000, 1, {17, 31}, kHalfUpJiao, {16450}},
      {"17/31 up 角", 3000000, 1, {17, 31}, kUpJiao, {16460}},
      {"17/31 down 角", 3000000, 1, {17, 31}, kDownJiao, {16450}},
      // 33.3333 元: 3333.33 分 a month; 9999.99 分 a quarter (not 3 × 3333 = 9999).
      {"one month of 33.3333 元", 333333, 1, kFull, kHalfUpFen, {3333}},
      {"a quarter of 33.3333 元 half-up", 333333, 3, kFull, kHalfUpFen, {10000}},
      {"a quarter of 33.3333 元 down", 333333, 3, kFull, kDownFen, {9999}},
      {"a quarter of 33.3333 元 down 角", 333333, 3, kFull, kDownJiao, {9990}},
      {"a quarter of 33.3333 元 up 角", 333333, 3, kFull, kUpJiao, {10000}},
      {"negative price", -1, 1, kFull, kHalfUpFen, Err(kCalcBadInput)},
      {"negative months", 3000000, -1, kFull, kHalfUpFen, Err(kCalcBadInput)},
      {"empty period", 3000000, 1, {5, 0}, kHalfUpFen, Err(kCalcBadInput)},
      {"product past __int128", kMax, kMax, {3, 3}, kHalfUpFen, Err(kCalcOverflow)},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(FixedFee(r.price, r.months, r.p, r.rule), r.want);
  }
}

// ---- MeteredFee ----------------------------------------------------------------------------

TEST(BillCalcMeteredFee, Table) {
  // Water 阶梯价: ≤ 20 m³ at 3.00 元, 20–30 m³ at 4.50 元, above at 6.00 元.
  const std::vector<Tier> water = {{2000, 30000}, {3000, 45000}, {std::nullopt, 60000}};
  const std::vector<Tier> power = {{std::nullopt, 5283}};  // 0.5283 元/kWh
  // Two half-分 slices: 0.01 unit at 0.5 元 (0.5 分), then at 1.5 元 (1.5 分 per 0.01).
  const std::vector<Tier> halves = {{1, 5000}, {std::nullopt, 15000}};
  struct Row {
    const char* note;
    int64_t consumption;
    std::vector<Tier> tiers;
    RoundRule rule;
    Want want;
    // clang-format off
  } rows[] = {
      {"nothing used", 0, water, kUpJiao, {0}},
      {"15 m³ in tier 1", 1500, water, kHalfUpFen, {4500}},
      {"20 m³: tier 1 exactly", 2000, water, kHalfUpFen, {6000}},
      // 6000 + 0.01 × 450 = 6004.5 分.
      {"20.01 m³ half-up", 2001, water, kHalfUpFen, {6005}},
      {"20.01 m³ down", 2001, water, kDownFen, {6004}},
      {"20.01 m³ half-up 角 (600.45 角)", 2001, water, kHalfUpJiao, {6000}},
      {"20.01 m³ up 角", 2001, water, kUpJiao, {6010}},
      // 6000 + 5.37 × 450 = 6000 + 2416.5 = 8416.5 分.
      {"25.37 m³ half-up", 2537, water, kHalfUpFen, {8417}},
      {"25.37 m³ up", 2537, water, kUpFen, {8417}},
      {"25.37 m³ down", 2537, water, kDownFen, {8416}},
      {"25.37 m³ half-up 角 (841.65)", 2537, water, kHalfUpJiao, {8420}},
      {"25.37 m³ up 角", 2537, water, kUpJiao, {8420}},
      {"25.37 m³ down 角", 2537, water, kDownJiao, {8410}},
      {"35 m³: 6000 + 4500 + 3000", 3500, water, kHalfUpFen, {13500}},
      // 123.45 kWh × 0.5283 元 = 6521.8635 分.
      {"power half-up", 12345, power, kHalfUpFen, {6522}},
      {"power down", 12345, power, kDownFen, {6521}},
      {"power half-up 角", 12345, power, kHalfUpJiao, {6520}},
      {"power up 角", 12345, power, kUpJiao, {6530}},
      {"slices summed before rounding: 0.5 + 1.5 = 2, not 1 + 2", 2, halves, kHalfUpFen, {2}},
      {"no tiers", 100, {}, kHalfUpFen, Err(kCalcBadTiers)},
      {"equal limits", 100, {{2000, 1}, {2000, 2}, {std::nullopt, 3}}, kHalfUpFen,
       Err(kCalcBadTiers)},
      {"falling limits", 100, {{3000, 1}, {2000, 2}, {std::nullopt, 3}}, kHalfUpFen,
       Err(kCalcBadTiers)},
      {"last tier limited", 100, {{2000, 1}}, kHalfUpFen, Err(kCalcBadTiers)},
      {"unlimited tier in the middle", 100, {{std::nullopt, 1}, {std::nullopt, 2}}, kHalfUpFen,
       Err(kCalcBadTiers)},
      {"zero limit", 100, {{0, 1}, {std::nullopt, 2}}, kHalfUpFen, Err(kCalcBadTiers)},
      {"negative price", 100, {{std::nullopt, -1}}, kHalfUpFen, Err(kCalcBadTiers)},
      {"negative consumption", -1, water, kHalfUpFen, Err(kCalcBadInput)},
      {"result past int64", kMax, {{std::nullopt, kMax}}, kHalfUpFen, Err(kCalcOverflow)},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(MeteredFee(r.consumption, r.tiers, r.rule), r.want);
  }
}

// ---- Apportion -----------------------------------------------------------------------------

TEST(BillCalcApportion, Table) {
  using V = std::vector<int64_t>;
  struct Row {
    const char* note;
    int64_t total;
    V weights;
    V want;
    const char* code;
    // clang-format off
  } rows[] = {
      {"thirds: the spare 分 to the lowest index", 100, {1, 1, 1}, {34, 33, 33}, nullptr},
      // Shares 324.98, 438.18, 236.84: floors sum to 998; the 2 spare 分 go to the
      // remainders .98 and .84.
      {"1000 分 over three areas", 1000, {8937, 12050, 6513}, {325, 438, 237}, nullptr},
      // A shared meter of 1234.56 元 over 370.00 m²: shares 29819.63, 40206.62, 21731.59,
      // 31698.16; floors sum to 123454; the 2 spare 分 go to .63 and .62.
      {"shared meter 1234.56 元", 123456, {8937, 12050, 6513, 9500},
       {29820, 40207, 21731, 31698}, nullptr},
      // Shares 0, 7.5, 2.5: a tie of remainders goes to the lower index.
      {"zero weight gets 0; tie to lower index", 10, {0, 3, 1}, {0, 8, 2}, nullptr},
      {"7 分 over ten equal houses", 7, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
       {1, 1, 1, 1, 1, 1, 1, 0, 0, 0}, nullptr},
      {"nothing to split", 0, {5, 7}, {0, 0}, nullptr},
      {"one house takes all", 12345, {8937}, {12345}, nullptr},
      {"a credit splits its magnitude", -100, {1, 1, 1}, {-34, -33, -33}, nullptr},
      {"int64 extremes", kMax, {kMax, kMax}, {4611686018427387904, 4611686018427387903},
       nullptr},
      {"int64 min", kMin, {1}, {kMin}, nullptr},
      {"no weights", 100, {}, {}, kCalcBadWeights.code},
      {"zero weights", 100, {0, 0}, {}, kCalcBadWeights.code},
      {"negative weight", 100, {1, -1, 2}, {}, kCalcBadWeights.code},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(Apportion(r.total, r.weights), r.code, r.want);
  }
}

TEST(BillCalcApportion, SumsExactlyAndStaysWithinOneFen) {
  uint64_t seed = 88172645463325252u;  // xorshift: deterministic, no floating point
  auto next = [&] { return seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17; };
  for (int round = 0; round < 2000; ++round) {
    std::vector<int64_t> weights(1 + next() % 40);
    int64_t weight_sum = 0;
    for (int64_t& w : weights) weight_sum += w = static_cast<int64_t>(next() % 50000);
    if (weight_sum == 0) continue;
    const int64_t total = static_cast<int64_t>(next() % 100'000'000) - 10'000'000;
    auto parts = Apportion(total, weights);
    ASSERT_TRUE(parts.ok());
    int64_t sum = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
      sum += (*parts)[i];
      // The exact part is total × w / W; the returned magnitude is its floor or ceiling.
      const Int128 share = Int128{total < 0 ? -total : total} * weights[i];
      const int64_t part = (*parts)[i];
      const Int128 mag = total < 0 ? -Int128{part} : part;
      EXPECT_TRUE(mag >= 0 && mag * weight_sum < share + weight_sum &&
                  (mag + 1) * weight_sum > share)
          << i;
      if (weights[i] == 0) {
        EXPECT_EQ(part, 0);
      }
    }
    EXPECT_EQ(sum, total);
  }
}

// ---- Discounts -----------------------------------------------------------------------------

TEST(BillCalcPercentOff, Table) {
  struct Row {
    const char* note;
    int64_t amount, bp;
    RoundRule rule;
    Want want;
    // clang-format off
  } rows[] = {
      // 5 % of 21002 = 1050.1 分.
      {"5 % half-up", 21002, 500, kHalfUpFen, {1050}},
      {"5 % up", 21002, 500, kUpFen, {1051}},
      {"5 % down", 21002, 500, kDownFen, {1050}},
      {"5 % half-up 角", 21002, 500, kHalfUpJiao, {1050}},
      {"5 % up 角", 21002, 500, kUpJiao, {1060}},
      {"5 % down 角", 21002, 500, kDownJiao, {1050}},
      // 12 % of 9999 = 1199.88 分.
      {"12 % half-up", 9999, 1200, kHalfUpFen, {1200}},
      {"12 % down", 9999, 1200, kDownFen, {1199}},
      {"10 % of 5 分 = 0.5", 5, 1000, kHalfUpFen, {1}},
      {"10 % of 5 分 down", 5, 1000, kDownFen, {0}},
      {"100 %", 21002, 10000, kHalfUpFen, {21002}},
      // 100 % of 101 分 rounds up to 110 分; a discount never passes the amount.
      {"100 % up 角 clamped", 101, 10000, kUpJiao, {101}},
      {"100 % half-up 角 clamped", 105, 10000, kHalfUpJiao, {105}},
      {"100 % of 21002 up 角 clamped", 21002, 10000, kUpJiao, {21002}},
      {"nothing off", 21002, 0, kUpJiao, {0}},
      {"off a credit note", -21002, 500, kHalfUpFen, {-1050}},
      {"100 % of a credit, clamped", -101, 10000, kUpJiao, {-101}},
      {"negative percentage", 21002, -1, kHalfUpFen, Err(kCalcBadInput)},
      {"over 100 %", 21002, 10001, kHalfUpFen, Err(kCalcBadInput)},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(PercentOff(r.amount, r.bp, r.rule), r.want);
  }
}

TEST(BillCalcPrepayFreeMonths, Table) {
  struct Row {
    const char* note;
    int64_t monthly, paid, free;
    Want want;
    // clang-format off
  } rows[] = {
      {"prepay 12, pay 11", 21002, 12, 1, {21002}},
      {"prepay 12, pay 10", 30000, 12, 2, {60000}},
      {"no free month", 30000, 6, 0, {0}},
      {"all free", 30000, 12, 12, {360000}},
      {"more free than paid", 30000, 1, 2, Err(kCalcBadInput)},
      {"no months", 30000, 0, 0, Err(kCalcBadInput)},
      {"negative monthly", -5, 12, 1, Err(kCalcBadInput)},
      {"negative free", 30000, 12, -1, Err(kCalcBadInput)},
      {"past int64", kMax, 12, 2, Err(kCalcOverflow)},
  };
  // clang-format on
  for (const Row& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(PrepayFreeMonths(r.monthly, r.paid, r.free), r.want);
  }
}

// ---- Late fees -----------------------------------------------------------------------------

LateFeeRule Rate(int64_t bp, int64_t grace = 0, int64_t cap = 0,
                 std::optional<std::string> start = {}) {
  return {grace, bp, 0, cap, std::move(start)};
}
LateFeeRule Flat(int64_t fen, int64_t cap = 0) { return {0, 0, fen, cap, {}}; }

struct LateRow {
  const char* note;
  int64_t principal;
  const char *due, *as_of;
  LateFeeRule rule;
  RoundRule round;
  Want want;
};

TEST(BillCalcLateFee, Table) {
  // Unless said: 210.02 元 due 2026-11-30 at 万分之五 (5 bp) a day; one day late is
  // 21002 × 5 / 10000 = 10.501 分.
  // clang-format off
  const LateRow rows[] = {
      {"paid on the due day is on time", 21002, "2026-11-30", "2026-11-30", Rate(5), kUpFen,
       {0}},
      {"before the due date", 21002, "2026-11-30", "2026-11-01", Rate(5), kUpFen, {0}},
      {"1 day half-up", 21002, "2026-11-30", "2026-12-01", Rate(5), kHalfUpFen, {11}},
      {"1 day up", 21002, "2026-11-30", "2026-12-01", Rate(5), kUpFen, {11}},
      {"1 day down", 21002, "2026-11-30", "2026-12-01", Rate(5), kDownFen, {10}},
      {"1 day half-up 角", 21002, "2026-11-30", "2026-12-01", Rate(5), kHalfUpJiao, {10}},
      {"1 day up 角", 21002, "2026-11-30", "2026-12-01", Rate(5), kUpJiao, {20}},
      {"1 day down 角", 21002, "2026-11-30", "2026-12-01", Rate(5), kDownJiao, {10}},
      // 31 days: 325.531 分, rounded once (not 31 × 11 = 341).
      {"31 days half-up", 21002, "2026-11-30", "2026-12-31", Rate(5), kHalfUpFen, {326}},
      {"31 days up", 21002, "2026-11-30", "2026-12-31", Rate(5), kUpFen, {326}},
      {"31 days down", 21002, "2026-11-30", "2026-12-31", Rate(5), kDownFen, {325}},
      {"31 days half-up 角", 21002, "2026-11-30", "2026-12-31", Rate(5), kHalfUpJiao, {330}},
      {"31 days up 角", 21002, "2026-11-30", "2026-12-31", Rate(5), kUpJiao, {330}},
      {"31 days down 角", 21002, "2026-11-30", "2026-12-31", Rate(5), kDownJiao, {320}},
      {"last day of 10 grace days", 21002, "2026-11-30", "2026-12-10", Rate(5, 10), kUpFen,
       {0}},
      {"first day after grace", 21002, "2026-11-30", "2026-12-11", Rate(5, 10), kHalfUpFen,
       {11}},
      {"21 days after grace: 220.521", 21002, "2026-11-30", "2026-12-31", Rate(5, 10),
       kHalfUpFen, {221}},
      // 396 days: 4158.396 uncapped; the cap is 10 % of 21002 = 2100.2 → 2100.
      {"capped at 10 %", 21002, "2026-11-30", "2027-12-31", Rate(5, 0, 1000), kHalfUpFen,
       {2100}},
      {"capped at 10 %, up 角: the cap rounds down", 21002, "2026-11-30", "2027-12-31",
       Rate(5, 0, 1000), kUpJiao, {2100}},
      // 21005 × 5 × 200 / 10000 = 2100.5 = the cap exactly; half-up would give 2101.
      {"fee meets a fractional cap", 21005, "2026-11-30", "2027-06-18", Rate(5, 0, 1000),
       kHalfUpFen, {2100}},
      {"the day before: 2089.9975", 21005, "2026-11-30", "2027-06-17", Rate(5, 0, 1000),
       kHalfUpFen, {2090}},
      {"under the cap", 21002, "2026-11-30", "2026-12-31", Rate(5, 0, 1000), kHalfUpFen,
       {326}},
      {"flat 0.50 元 a day, 31 days", 21002, "2026-11-30", "2026-12-31", Flat(50), kUpJiao,
       {1550}},
      {"flat, capped at 5 % = 1050.1", 21002, "2026-11-30", "2026-12-31", Flat(50, 500),
       kHalfUpFen, {1050}},
      {"start date later: 12-20..12-31 = 12 days, 126.012", 21002, "2026-11-30", "2026-12-31",
       Rate(5, 0, 0, "2026-12-20"), kHalfUpFen, {126}},
      {"start date earlier has no effect", 21002, "2026-11-30", "2026-12-31",
       Rate(5, 0, 0, "2026-01-01"), kHalfUpFen, {326}},
      {"start date after as_of", 21002, "2026-11-30", "2026-12-31",
       Rate(5, 0, 0, "2027-01-05"), kUpJiao, {0}},
      {"grace ends after the start date: 21 days", 21002, "2026-11-30", "2026-12-31",
       Rate(5, 10, 0, "2026-12-05"), kHalfUpFen, {221}},
      {"no principal", 0, "2026-11-30", "2026-12-31", Rate(5), kUpJiao, {0}},
      {"a rule with neither rate nor flat", 21002, "2026-11-30", "2026-12-31", Rate(0), kUpFen,
       {0}},
      // 2000 days at 10 bp: twice the principal.
      {"past int64", kMax, "2026-11-30", "2032-05-22", Rate(10), kHalfUpFen, Err(kCalcOverflow)},
      {"past int64 but capped at 100 %", kMax, "2026-11-30", "2032-05-22", Rate(10, 0, 10000),
       kHalfUpFen, {kMax}},
      {"bad due date", 21002, "2026-02-30", "2026-12-31", Rate(5), kUpFen, Err(kCalcBadDate)},
      {"bad as_of", 21002, "2026-11-30", "", Rate(5), kUpFen, Err(kCalcBadDate)},
      {"bad start date", 21002, "2026-11-30", "2026-12-31", Rate(5, 0, 0, "x"), kUpFen,
       Err(kCalcBadDate)},
      {"rate and flat together", 21002, "2026-11-30", "2026-12-31", {0, 5, 50, 0, {}}, kUpFen,
       Err(kCalcBadInput)},
      {"negative grace", 21002, "2026-11-30", "2026-12-31", Rate(5, -1), kUpFen,
       Err(kCalcBadInput)},
      {"negative cap", 21002, "2026-11-30", "2026-12-31", Rate(5, 0, -1), kUpFen,
       Err(kCalcBadInput)},
      {"negative principal", -1, "2026-11-30", "2026-12-31", Rate(5), kUpFen,
       Err(kCalcBadInput)},
  };
  // clang-format on
  for (const LateRow& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(LateFee(r.principal, r.due, r.as_of, r.rule, r.round), r.want);
  }
}

TEST(BillCalcLateFeeForDay, Table) {
  // F(d) for 21002 at 5 bp, half-up: F(1) = 11 (10.501), F(2) = 21 (21.004), F(3) = 32
  // (31.503). With 21005 and a 10 % cap, F(199) = 2090 and F(200) = F(201) = 2100.
  // clang-format off
  const LateRow rows[] = {
      {"the due day", 21002, "2026-11-30", "2026-11-30", Rate(5), kHalfUpFen, {0}},
      {"day 1: 11 − 0", 21002, "2026-11-30", "2026-12-01", Rate(5), kHalfUpFen, {11}},
      {"day 2: 21 − 11", 21002, "2026-11-30", "2026-12-02", Rate(5), kHalfUpFen, {10}},
      {"day 3: 32 − 21", 21002, "2026-11-30", "2026-12-03", Rate(5), kHalfUpFen, {11}},
      {"reaching the cap: 2100 − 2090", 21005, "2026-11-30", "2027-06-18", Rate(5, 0, 1000),
       kHalfUpFen, {10}},
      {"after the cap", 21005, "2026-11-30", "2027-06-19", Rate(5, 0, 1000), kHalfUpFen, {0}},
      {"in grace", 21002, "2026-11-30", "2026-12-05", Rate(5, 10), kHalfUpFen, {0}},
      {"bad date", 21002, "2026-11-30", "2026-12-32", Rate(5), kHalfUpFen, Err(kCalcBadDate)},
  };
  // clang-format on
  for (const LateRow& r : rows) {
    SCOPED_TRACE(r.note);
    Expect(LateFeeForDay(r.principal, r.due, r.as_of, r.rule, r.round), r.want);
  }
}

// The daily job posts LateFeeForDay once per day; after any day the posted sum must equal
// LateFee as of that day, never go down, and never pass the cap.
TEST(BillCalcLateFeeForDay, DailyIncrementsSumToTheTotal) {
  const LateFeeRule rules[] = {
      Rate(5),       Rate(5, 10), Rate(30, 0, 1000),           Rate(7, 3, 333),
      Flat(50, 500), Flat(33),    Rate(5, 0, 0, "2027-01-15"), Rate(5, 15, 2500, "2026-12-01")};
  for (const LateFeeRule& rule : rules) {
    for (RoundRule round : kAllRules) {
      for (int64_t principal : {int64_t{21002}, int64_t{21005}, int64_t{1}, int64_t{999999}}) {
        int64_t posted = 0;
        std::string day = "2026-11-30";
        for (int i = 0; i < 450; ++i, day = NextDay(day)) {
          auto inc = LateFeeForDay(principal, "2026-11-30", day, rule, round);
          ASSERT_TRUE(inc.ok());
          ASSERT_GE(*inc, 0) << day;
          posted += *inc;
          ASSERT_EQ(posted, *LateFee(principal, "2026-11-30", day, rule, round)) << day;
          if (rule.cap_basis_points > 0) {
            ASSERT_TRUE(Int128{posted} * kBasisPoints <= Int128{principal} * rule.cap_basis_points);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace anju::billing::calc
