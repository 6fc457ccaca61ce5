#include "modules/billing/bill_lines.h"

#include <sstream>

#include <fmt/format.h>

#include "modules/billing/calc/tiers.h"

namespace anju::billing::bill_lines {

bool ItemRule::AppliesTo(const std::string& kind) const {
  std::istringstream in(house_kinds);
  for (std::string k; in >> k;)
    if (k == kind) return true;
  return false;
}

std::optional<Period> ParsePeriod(const std::string& p) {
  if (!IsValidCivilMonth(p)) return std::nullopt;
  // The last day: the day before the first of the next month.
  std::string next = AddDays(p + "-28", 4).substr(0, 7) + "-01";
  return Period{p, p + "-01", AddDays(next, -1)};
}

Period NextPeriod(const Period& p) { return *ParsePeriod(AddDays(p.last, 1).substr(0, 7)); }

std::string DueDate(const Period& p, int64_t days) { return AddDays(p.first, days); }

Cycle CycleOf(const ItemRule& f, const Period& p) {
  int64_t c = f.cycle_months < 1 ? 1 : f.cycle_months;
  int year = std::stoi(p.name.substr(0, 4)), month = std::stoi(p.name.substr(5, 2));
  int first_month = static_cast<int>((month - 1) / c * c + 1);
  Period start = *ParsePeriod(fmt::format("{:04d}-{:02d}", year, first_month));
  Period end = start;
  for (int64_t i = 1; i < c; ++i) end = NextPeriod(end);
  return {start, start.first, end.last};
}

calc::RoundRule RuleOf(const ItemRule& f) { return calc::RoundRuleOf(f.rounding, f.round_to); }

Result<Line> Compute(const ItemRule& f, const property::HouseFacts& h, const Period& period) {
  Cycle cycle = CycleOf(f, period);
  // Billed days: from the later of delivery and the standard's start, to its end.
  std::optional<std::string_view> from, to;
  std::string start = f.valid_from;
  if (h.delivered_on && *h.delivered_on > start) start = *h.delivered_on;
  if (start > cycle.first) from = start;
  if (f.valid_to && *f.valid_to < cycle.last) to = *f.valid_to;
  if (from && to && *to < *from) return Line{};  // the standard ended before delivery
  auto prorated = calc::ProrateDays(cycle.first, cycle.last, from, to);
  if (!prorated.ok()) return prorated.take_error();
  calc::Proration pr = *prorated;
  if (pr.days_billed <= 0) return Line{};
  calc::RoundRule rule = RuleOf(f);
  if (f.method == "area") {
    int64_t area = f.area_basis == "net" ? h.net_area : h.gross_area;
    auto a = calc::AreaFee(area, f.unit_price, f.cycle_months, pr, rule);
    if (!a.ok()) return a.take_error();
    return Line{*a, area};
  }
  auto a = calc::FixedFee(f.unit_price, f.cycle_months, pr, rule);
  if (!a.ok()) return a.take_error();
  return Line{*a, 100};
}

std::vector<ItemRule> ItemsFor(db::Tx& tx, int64_t company_id, int64_t project_id,
                              const Period& p) {
  std::vector<ItemRule> out;
  for (auto& r : tx.Query(
           "SELECT id, code, name, method, area_basis, unit_price, house_kinds, rounding, "
           "round_to, due_days, valid_from, valid_to, COALESCE(tiers, ''), cycle_months FROM "
           "fee_items WHERE "
           "company_id = ? AND project_id = ? AND active = 1 AND kind <> 'repair' AND "
           "valid_from <= ? AND "
           "(valid_to IS NULL OR valid_to >= ?) ORDER BY id",
           {company_id, project_id, p.last, p.first}))
    out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Int(5), r.Str(6),
                   r.Str(7), r.Str(8), r.Int(9), r.Str(10), r.OptStr(11), r.Str(12),
                   r.Int(13)});
  return out;
}

void AppendBillEntries(std::vector<ledger::Entry>& out, const NewBillRef& b, const Line& line) {
  int64_t gross = line.amount + line.discount;
  out.push_back({{b.company_id, b.project_id, "bill", "bill", b.bill_id, b.number},
                 {{ledger::ReceivableOf(b.house_id), ledger::AccountKind::kAsset, gross, 0},
                  {ledger::RevenueOf(b.fee_item_id), ledger::AccountKind::kIncome, 0, gross}}});
  if (line.discount > 0)
    out.push_back(
        {{b.company_id, b.project_id, "discount", "bill", b.bill_id, "优惠 " + b.number},
         {{ledger::DiscountOf(b.fee_item_id), ledger::AccountKind::kContraIncome, line.discount, 0},
          {ledger::ReceivableOf(b.house_id), ledger::AccountKind::kAsset, 0, line.discount}}});
}

}  // namespace anju::billing::bill_lines
