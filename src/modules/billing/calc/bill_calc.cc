#include "modules/billing/calc/bill_calc.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <numeric>

#include "core/clock.h"
#include "modules/billing/calc/calc_errors.h"

namespace anju::billing::calc {

namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();
// std::numeric_limits knows nothing of __int128 in strict C++20 mode.
constexpr Int128 kInt128Max = ((Int128{1} << 126) - 1) * 2 + 1;
constexpr Int128 kInt128Min = -kInt128Max - 1;
// Dates lie within 1900..2200 (≈ 110,000 days); a longer grace period never ends.
constexpr int64_t kMaxGraceDays = 1'000'000;

// Checked __int128 arithmetic: false when the true result does not fit.
[[nodiscard]] bool Mul(Int128 a, Int128 b, Int128* out) {
  return !__builtin_mul_overflow(a, b, out);
}
[[nodiscard]] bool Add(Int128 a, Int128 b, Int128* out) {
  return !__builtin_add_overflow(a, b, out);
}

// a × b × c × …, checked.
Result<Int128> Product(std::initializer_list<Int128> factors) {
  Int128 p = 1;
  for (Int128 f : factors) {
    if (!Mul(p, f, &p)) return Error(kCalcOverflow);
  }
  return p;
}

Status CheckProration(const Proration& p) {
  if (p.days_in_period <= 0 || p.days_billed < 0 || p.days_billed > p.days_in_period) {
    return Error(kCalcBadInput, "Proration needs 0 <= days_billed <= days_in_period, > 0");
  }
  return {};
}

// Days since 1970-01-01 of a proleptic Gregorian date (the "days_from_civil" algorithm of
// H. Hinnant's date paper, eras of 400 years starting in March).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                    // [0, 399]
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

int64_t Digits(std::string_view s) {
  int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// The late fee for a count of late days: the core of LateFee and LateFeeForDay.
Result<int64_t> LateFeeForDays(int64_t principal_fen, int64_t days, const LateFeeRule& rule,
                               RoundRule round) {
  if (days <= 0) return int64_t{0};
  // Both the fee and the cap as fractions over kBasisPoints, so they compare by numerator.
  Int128 num = 0;
  if (rule.daily_rate_bp > 0) {
    auto r = Product({principal_fen, rule.daily_rate_bp, days});
    if (!r.ok()) return r.take_error();
    num = *r;
  } else {
    auto r = Product({rule.flat_per_day_fen, days, kBasisPoints});
    if (!r.ok()) return r.take_error();
    num = *r;
  }
  if (rule.cap_basis_points == 0) return Round({num, kBasisPoints}, round);
  const Exact cap{Int128{principal_fen} * rule.cap_basis_points, kBasisPoints};
  auto cap_fen = Round(cap, {Rounding::kDown, round.to});
  if (!cap_fen.ok()) return cap_fen;
  if (num >= cap.num) return cap_fen;  // capped: never round the fee past the cap
  auto fee = Round({num, kBasisPoints}, round);
  if (!fee.ok()) return fee;
  return std::min(*fee, *cap_fen);
}

Status CheckLateFeeRule(const LateFeeRule& rule) {
  if (rule.grace_days < 0 || rule.daily_rate_bp < 0 || rule.flat_per_day_fen < 0 ||
      rule.cap_basis_points < 0) {
    return Error(kCalcBadInput, "Late-fee rule values must not be negative");
  }
  if (rule.daily_rate_bp > 0 && rule.flat_per_day_fen > 0) {
    return Error(kCalcBadInput, "A late-fee rule has a daily rate or a flat amount, not both");
  }
  return {};
}

}  // namespace

Result<int64_t> Round(Exact exact, RoundRule rule) {
  if (exact.den <= 0) return Error(kCalcBadInput, "Exact amount with a non-positive denominator");
  const Int128 step = rule.to == RoundTo::kJiao ? kFenPerJiao : 1;
  Int128 den;
  if (!Mul(exact.den, step, &den)) return Error(kCalcOverflow);
  const bool negative = exact.num < 0;
  if (exact.num == kInt128Min) return Error(kCalcOverflow);  // |num| would not fit
  const Int128 mag = negative ? -exact.num : exact.num;
  Int128 q = mag / den;
  const Int128 r = mag % den;
  switch (rule.rounding) {
    case Rounding::kDown:
      break;
    case Rounding::kUp:
      q += r != 0;
      break;
    case Rounding::kHalfUp:
      q += r >= den - r;  // r ≥ den / 2 without computing 2r
      break;
  }
  Int128 fen;
  if (!Mul(q, step, &fen)) return Error(kCalcOverflow);
  if (negative) fen = -fen;
  if (fen > kInt64Max || fen < kInt64Min) return Error(kCalcOverflow);
  return static_cast<int64_t>(fen);
}

Result<int64_t> CivilDayNumber(std::string_view date) {
  if (!IsValidCivilDate(date)) {
    return Error(kCalcBadDate, "Not a date YYYY-MM-DD: " + std::string(date.substr(0, 32)));
  }
  return DaysFromCivil(Digits(date.substr(0, 4)), Digits(date.substr(5, 2)),
                       Digits(date.substr(8, 2)));
}

Result<Proration> ProrateDays(std::string_view period_start, std::string_view period_end,
                              std::optional<std::string_view> move_in,
                              std::optional<std::string_view> move_out) {
  auto start = CivilDayNumber(period_start);
  if (!start.ok()) return start.take_error();
  auto end = CivilDayNumber(period_end);
  if (!end.ok()) return end.take_error();
  if (*end < *start) return Error(kCalcBadDate, "The period ends before it starts");
  int64_t first = *start, last = *end;
  std::optional<int64_t> in, out;
  if (move_in) {
    auto d = CivilDayNumber(*move_in);
    if (!d.ok()) return d.take_error();
    in = *d;
    first = std::max(first, *d);
  }
  if (move_out) {
    auto d = CivilDayNumber(*move_out);
    if (!d.ok()) return d.take_error();
    out = *d;
    last = std::min(last, *d);
  }
  if (in && out && *out < *in) return Error(kCalcBadDate, "The move-out is before the move-in");
  return Proration{std::max<int64_t>(0, last - first + 1), *end - *start + 1};
}

Result<int64_t> AreaFee(int64_t area_centi_m2, int64_t price_per_m2_month, int64_t months,
                        Proration proration, RoundRule rule) {
  if (area_centi_m2 < 0 || price_per_m2_month < 0 || months < 0) {
    return Error(kCalcBadInput, "Area, price and months must not be negative");
  }
  ANJU_TRY(CheckProration(proration));
  auto num = Product({area_centi_m2, price_per_m2_month, months, proration.days_billed});
  if (!num.ok()) return num.take_error();
  return Round({*num, Int128{kCentiPerUnit} * kPriceUnitsPerFen * proration.days_in_period}, rule);
}

Result<int64_t> FixedFee(int64_t price_per_month, int64_t months, Proration proration,
                         RoundRule rule) {
  if (price_per_month < 0 || months < 0) {
    return Error(kCalcBadInput, "Price and months must not be negative");
  }
  ANJU_TRY(CheckProration(proration));
  auto num = Product({price_per_month, months, proration.days_billed});
  if (!num.ok()) return num.take_error();
  return Round({*num, Int128{kPriceUnitsPerFen} * proration.days_in_period}, rule);
}

Result<int64_t> MeteredFee(int64_t consumption_centi, const std::vector<Tier>& tiers,
                           RoundRule rule) {
  if (tiers.empty()) return Error(kCalcBadTiers, "No tiers");
  int64_t below = 0;  // the previous tier's limit
  for (size_t i = 0; i < tiers.size(); ++i) {
    const bool last = i + 1 == tiers.size();
    if (tiers[i].price < 0) return Error(kCalcBadTiers, "A tier price is negative");
    if (last != !tiers[i].up_to_centi.has_value()) {
      return Error(kCalcBadTiers, "Only the last tier, and it always, has no limit");
    }
    if (!last && *tiers[i].up_to_centi <= below) {
      return Error(kCalcBadTiers, "Tier limits must be positive and strictly increasing");
    }
    if (!last) below = *tiers[i].up_to_centi;
  }
  if (consumption_centi < 0) return Error(kCalcBadInput, "Consumption must not be negative");
  Int128 num = 0;  // in 1/100 unit × 1/100 分
  below = 0;
  for (const Tier& t : tiers) {
    const int64_t top =
        t.up_to_centi ? std::min(*t.up_to_centi, consumption_centi) : consumption_centi;
    if (top <= below) break;
    Int128 slice;
    if (!Mul(Int128{top - below}, t.price, &slice) || !Add(num, slice, &num)) {
      return Error(kCalcOverflow);
    }
    below = top;
  }
  return Round({num, Int128{kCentiPerUnit} * kPriceUnitsPerFen}, rule);
}

Result<std::vector<int64_t>> Apportion(int64_t total_fen, const std::vector<int64_t>& weights) {
  Int128 sum = 0;
  for (int64_t w : weights) {
    if (w < 0) return Error(kCalcBadWeights, "A weight is negative");
    sum += w;  // at most size × 2^63: cannot overflow
  }
  if (sum == 0) return Error(kCalcBadWeights, "The weights sum to zero");
  const bool negative = total_fen < 0;
  const Int128 total = negative ? -Int128{total_fen} : Int128{total_fen};
  // Magnitudes in Int128: |INT64_MIN| itself does not fit in int64.
  std::vector<Int128> mags(weights.size());
  std::vector<Int128> remainders(weights.size());
  Int128 given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const Int128 share = total * weights[i];  // ≤ 2^63 × 2^63: fits
    mags[i] = share / sum;                    // ≤ total
    remainders[i] = share % sum;
    given += mags[i];
  }
  // The left-over 分 are fewer than the parts with a positive remainder, since
  // Σ remainders = left × sum and each remainder < sum; so a zero weight never gets one.
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  const Int128 left = total - given;
  for (size_t k = 0; k < static_cast<size_t>(left); ++k) ++mags[order[k]];
  std::vector<int64_t> parts(weights.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    parts[i] = static_cast<int64_t>(negative ? -mags[i] : mags[i]);  // |part| ≤ |total_fen|
  }
  return parts;
}

Result<int64_t> PercentOff(int64_t amount_fen, int64_t basis_points_off, RoundRule rule) {
  if (basis_points_off < 0 || basis_points_off > kBasisPoints) {
    return Error(kCalcBadInput, "A discount is between 0 and 10000 basis points");
  }
  auto off = Round({Int128{amount_fen} * basis_points_off, kBasisPoints}, rule);
  if (!off.ok()) return off;
  // Rounding up to 角 can pass the amount (100 % of 101 分 → 110 分); a discount never does.
  if (amount_fen >= 0) return std::min(*off, amount_fen);
  return std::max(*off, amount_fen);
}

Result<int64_t> PrepayFreeMonths(int64_t monthly_fen, int64_t months_paid, int64_t months_free) {
  if (monthly_fen < 0 || months_paid < 1 || months_free < 0 || months_free > months_paid) {
    return Error(kCalcBadInput, "Needs monthly >= 0 and 0 <= months_free <= months_paid, >= 1");
  }
  int64_t discount;
  if (__builtin_mul_overflow(monthly_fen, months_free, &discount)) return Error(kCalcOverflow);
  return discount;
}

Result<int64_t> LateDays(std::string_view due_date, std::string_view as_of,
                         const LateFeeRule& rule) {
  ANJU_TRY(CheckLateFeeRule(rule));
  auto due = CivilDayNumber(due_date);
  if (!due.ok()) return due;
  auto now = CivilDayNumber(as_of);
  if (!now.ok()) return now;
  int64_t before_first = *due + std::min(rule.grace_days, kMaxGraceDays);
  if (rule.start_date) {
    auto start = CivilDayNumber(*rule.start_date);
    if (!start.ok()) return start;
    before_first = std::max(before_first, *start - 1);
  }
  return std::max<int64_t>(0, *now - before_first);
}

Result<int64_t> LateFee(int64_t principal_fen, std::string_view due_date, std::string_view as_of,
                        const LateFeeRule& rule, RoundRule round) {
  if (principal_fen < 0) return Error(kCalcBadInput, "The principal must not be negative");
  auto days = LateDays(due_date, as_of, rule);
  if (!days.ok()) return days;
  return LateFeeForDays(principal_fen, *days, rule, round);
}

Result<int64_t> LateFeeForDay(int64_t principal_fen, std::string_view due_date,
                              std::string_view day, const LateFeeRule& rule, RoundRule round) {
  if (principal_fen < 0) return Error(kCalcBadInput, "The principal must not be negative");
  auto days = LateDays(due_date, day, rule);
  if (!days.ok()) return days;
  if (*days == 0) return int64_t{0};
  auto today = LateFeeForDays(principal_fen, *days, rule, round);
  if (!today.ok()) return today;
  auto yesterday = LateFeeForDays(principal_fen, *days - 1, rule, round);
  if (!yesterday.ok()) return yesterday;
  return *today - *yesterday;
}

}  // namespace anju::billing::calc
