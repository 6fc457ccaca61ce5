// Bill runs (账单生成), bills and house accounts.
//
// A run bills every house of a project for one period ("YYYY-MM"): for each active fee item
// whose standard is valid in the period and whose house kinds include the house's kind, one
// bill — computed by calc/ with the item's rounding rule, prorated for a house delivered or
// a standard starting or ending inside the period. Houses are taken in id order, kBillRunBatch
// per transaction; each bill is inserted with ON CONFLICT DO NOTHING on (house, item,
// period) and, only when it was new, posted to the ledger in the same transaction. So a run
// can be repeated, or resumed after a crash, without ever billing twice. Metered items bill
// the period's accepted meter readings (ports.h: MeteredReadings, from metering): a house meter's
// consumption priced with the item's tiers and rounding, a shared meter's apportioned share
// as computed there; a reading approved after a run is billed by the next run.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "platform/audit/audit_log.h"
#include "modules/billing/bill_lines.h"
#include "modules/billing/bill_sql.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/calc/bill_calc.h"
#include "modules/billing/calc/tiers.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/counters.h"
#include "modules/billing/discounts.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settings.h"
#include "modules/billing/settle.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_errors.h"
#include "platform/org/org_service.h"
#include "modules/property/property_errors.h"
#include "modules/property/property_service.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

using namespace bill_lines;

namespace {

struct ItemTotal {
  int64_t bills = 0, amount = 0, existing = 0, discount = 0;
};

// A bill this run posted, for applying prepaid balances.
struct NewBill {
  const property::HouseFacts* house;
  int64_t id, amount;
};

// auto_apply_prepayment (settings.h): each house's prepaid balance — less what refunds
// still processing hold (ports.h: CorrectionHolds) — settles its new bills of this batch, in
// order, through Settle with the "prepayment" channel (Dr prepayment, Cr receivable; no
// receipt). Returns the 分 applied.
Result<int64_t> ApplyPrepayments(db::Tx& tx, int64_t company_id,
                                 const std::vector<NewBill>& bills, CorrectionHolds& holds,
                                 Millis now) {
  std::map<int64_t, std::pair<const property::HouseFacts*, std::vector<std::pair<int64_t, int64_t>>>>
      new_bills;  // house → (facts, [(bill, amount)])
  for (const NewBill& b : bills) {
    auto& slot = new_bills[b.house->id];
    slot.first = b.house;
    if (b.amount > 0) slot.second.emplace_back(b.id, b.amount);
  }
  int64_t applied = 0;
  for (auto& [house_id, slot] : new_bills) {
    int64_t available = -ledger::Balance(tx, company_id, ledger::PrepaymentOf(house_id)) -
                        holds.ReservedRefunds(tx, house_id);
    if (available <= 0 || slot.second.empty()) continue;
    SettleArgs args{company_id, *slot.first, 0, std::string(kPrepaymentChannel), {}, "预存抵扣",
                    std::nullopt, std::nullopt};
    for (auto [bill, amount] : slot.second) {
      if (args.amount >= available) break;
      args.bill_ids.push_back(bill);
      args.amount = std::min(available, args.amount + amount);
    }
    auto settled = Settle(tx, args, now, nullptr);  // prepayment: no receipt
    if (!settled.ok()) return settled.take_error();
    applied += args.amount;
  }
  return applied;
}

}  // namespace

Result<BillRunResult> BillingService::RunBills(const TenantContext& ctx,
                                               const BillRunCommand& cmd) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRun));
  BillRunResult out{cmd.period, cmd.dry_run, cmd.project_id.has_value()};
  if (cmd.project_id) {
    auto run = RunProjectBills(ctx, *cmd.project_id, cmd.period, cmd.dry_run);
    if (!run.ok()) return run.take_error();
    out.projects.push_back(std::move(*run));
    return out;
  }
  // Several projects, or every project the caller may bill: one run each, in id order.
  std::vector<int64_t> project_ids = cmd.project_ids;
  if (project_ids.empty()) {
    const Scope* scope = ctx.access.ScopeOf(std::string(perm::kBillRun));
    for (int64_t id : db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
           return org::ProjectIds(tx, ctx.company_id);
         }))
      if (scope->Covers(id)) project_ids.push_back(id);
  }
  for (int64_t id : project_ids)
    if (!ctx.access.HasIn(std::string(perm::kBillRun), id))
      return Error(org::kProjectNotFound).WithField("project_ids", "not_found", std::to_string(id));
  for (int64_t id : project_ids) {
    auto run = RunProjectBills(ctx, id, cmd.period, cmd.dry_run);
    if (!run.ok()) return run.take_error();
    out.houses += run->houses;
    out.bills += run->bills;
    out.amount += run->amount;
    out.existing += run->existing;
    out.projects.push_back(std::move(*run));
  }
  return out;
}

Result<ProjectRun> BillingService::RunProjectBills(const TenantContext& ctx, int64_t project_id,
                                                   const std::string& period_name,
                                                   bool dry_run) {
  std::optional<Period> period = ParsePeriod(period_name);
  if (!ctx.access.HasIn(std::string(perm::kBillRun), project_id))
    return Error(org::kProjectNotFound).WithField("project_id", "not_found");

  auto project = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return org::ProjectCode(tx, ctx.company_id, project_id);
  });
  if (!project) return Error(org::kProjectNotFound).WithField("project_id", "not_found");
  std::string project_code = *project;
  std::string ym = period->name.substr(0, 4) + period->name.substr(5, 2);

  std::optional<int64_t> run_id;
  Millis now = clock_.Now();
  if (!dry_run)
    run_id = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      int64_t id = tx.InsertId(
          "INSERT INTO bill_runs (company_id, project_id, period, status, created_by, created_at) "
          "VALUES (?, ?, ?, 'running', ?, ?) RETURNING id",
          {ctx.company_id, project_id, period->name, ctx.user_id ? db::Value(ctx.user_id) : db::kNull, now});
      audit::Append(tx, audit::Actor::Of(ctx),
                    {"billing.bill_run.start", "bill_run", id, project_id, nullptr,
                     json::object{{"period", period->name}}},
                    now);
      return id;
    });

  std::map<int64_t, ItemTotal> totals;
  int64_t prepaid_applied = 0;  // 分 of prepaid balances applied to the new bills
  BillingSettings settings =
      db_.Run(db::TxMode::kRead, [&](db::Tx& tx) { return LoadSettings(tx, ctx.company_id); });
  std::vector<ItemRule> items;
  std::optional<std::map<int64_t, std::vector<MeteredLine>>> metered;  // by house
  std::map<int64_t, int64_t> discount_bp;  // fee item → the best discount rule's rate
  // fee item → the period its bills of this run are keyed by: the run's period, or for an
  // item billed quarterly, half-yearly or yearly the first month of its cycle (so a run in
  // any month of the cycle finds the cycle's bills, and bills houses delivered since).
  std::map<int64_t, std::string> key_period;
  int64_t houses = 0;
  for (int64_t after = 0;;) {
    // One batch: read, compute and (unless a dry run) write in one transaction.
    auto step = db_.Run(dry_run ? db::TxMode::kRead : db::TxMode::kWrite,
                        [&](db::Tx& tx) -> Result<int64_t> {
      if (items.empty()) {
        items = ItemsFor(tx, ctx.company_id, project_id, *period);
        for (const ItemDiscount& d : DiscountsFor(tx, ctx.company_id, project_id, period->name))
          discount_bp[d.fee_item_id] = d.rate_bp;
        for (const ItemRule& f : items) key_period[f.id] = CycleOf(f, *period).start.name;
      }
      if (!metered) {
        auto readings = ports_.metered.Billable(tx, ctx.company_id, project_id, period->name);
        if (!readings.ok()) return Error(kCalculation, readings.error().message);
        metered.emplace();
        for (const MeteredLine& m : *readings) (*metered)[m.house_id].push_back(m);
      }
      auto batch = property::HouseFactsPage(tx, ctx.company_id, project_id, after, kBillRunBatch);
      std::map<int64_t, ItemTotal> batch_totals;
      std::vector<std::tuple<const ItemRule*, const property::HouseFacts*, Line>> lines;
      for (const auto& h : batch) {
        auto readings = metered->find(h.id);
        if (readings != metered->end())
          for (const MeteredLine& m : readings->second) {
            auto f = std::find_if(items.begin(), items.end(),
                                  [&](const ItemRule& i) { return i.id == m.fee_item_id; });
            if (f == items.end()) continue;  // the item is off or not valid in the period
            auto amount = m.amount ? Result<int64_t>(*m.amount)
                                   : calc::MeteredAmount(f->tiers, f->unit_price, m.consumption,
                                                         RuleOf(*f));
            if (!amount.ok()) return Error(kCalculation, "house " + h.code + ", " + f->code +
                                                             ": " + amount.error().message);
            if (*amount > 0) lines.emplace_back(&*f, &h, Line{*amount, m.consumption});
          }
        for (const ItemRule& f : items) {
          if (f.method == "metered" || !f.AppliesTo(h.kind)) continue;
          auto line = Compute(f, h, *period);
          if (!line.ok()) return Error(kCalculation, "house " + h.code + ", " + f.code + ": " +
                                                         line.error().message);
          if (line->amount > 0) lines.emplace_back(&f, &h, *line);
        }
      }
      for (auto& [f, h, line] : lines) {
        auto rate = discount_bp.find(f->id);
        if (rate == discount_bp.end()) continue;
        auto off = calc::PercentOff(line.amount, rate->second, RuleOf(*f));
        if (!off.ok()) return Error(kCalculation, f->code + ": " + off.error().message);
        line.discount = *off;
        line.amount -= *off;
      }
      // The bills this batch already has (an earlier or crashed run): one range query over
      // the batch's houses. It names no project: with project_id and period SQLite would
      // pick the (project_id, period) index and read the whole project's bills of the period
      // for every batch; the house range reads the (house, item, period) index alone.
      std::set<std::pair<int64_t, int64_t>> existing;
      if (!batch.empty()) {
        std::set<std::string> keys{period->name};
        for (const auto& [item, key] : key_period) keys.insert(key);
        std::string sql = "SELECT house_id, fee_item_id, period FROM bills WHERE house_id >= ? "
                          "AND house_id <= ? AND period IN (NULL";
        db::Params params{batch.front().id, batch.back().id};
        for (const std::string& k : keys) sql += ", ?", params.emplace_back(k);
        for (auto& r : tx.Query(sql + ")", params)) {
          auto key = key_period.find(r.Int(1));  // an item of this project, keyed this way
          if (key != key_period.end() && key->second == r.Str(2))
            existing.emplace(r.Int(0), r.Int(1));
        }
      }
      std::erase_if(lines, [&](const auto& l) {
        if (!existing.count({std::get<1>(l)->id, std::get<0>(l)->id})) return false;
        ++batch_totals[std::get<0>(l)->id].existing;
        return true;
      });
      if (!dry_run && !lines.empty()) {
        int64_t seq = NextCounter(tx, ctx.company_id,
                                  "bill:" + std::to_string(project_id) + ":" + period->name,
                                  static_cast<int64_t>(lines.size()));
        std::vector<ledger::Entry> entries;
        std::vector<NewBill> new_bills;
        std::map<std::string, int64_t> billed;  // key period → 分 billed (collection totals)
        entries.reserve(lines.size());
        for (auto& [f, h, line] : lines) {
          std::string number = fmt::format("B-{}-{}-{:06d}", project_code, ym, seq++);
          // ON CONFLICT: another instance's run of the same period got there first.
          auto id = tx.QueryOne(
              "INSERT INTO bills (company_id, project_id, building_id, house_id, fee_item_id, "
              "bill_run_id, period, number, quantity, unit_price, amount, discount, due_date, "
              "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT (house_id, fee_item_id, period) DO NOTHING RETURNING id",
              {ctx.company_id, project_id, h->building_id, h->id, f->id, *run_id,
               key_period[f->id], number, line.quantity, f->unit_price, line.amount,
               line.discount, DueDate(*period, f->due_days), now});
          ItemTotal& t = batch_totals[f->id];
          if (!id) {
            ++t.existing;
            continue;
          }
          new_bills.push_back({h, id->Int(0), line.amount});
          AppendBillEntries(entries,
                            {ctx.company_id, project_id, id->Int(0), h->id, f->id, number}, line);
          ++t.bills;
          t.amount += line.amount;
          t.discount += line.discount;
          billed[key_period[f->id]] += line.amount;
        }
        ledger::PostAll(tx, entries, now);
        for (const auto& [key, amount] : billed)
          totals::AddBilled(tx, ctx.company_id, project_id, key, amount, now);
        if (settings.auto_apply_prepayment) {
          auto applied = ApplyPrepayments(tx, ctx.company_id, new_bills, ports_.corrections, now);
          if (!applied.ok()) return applied.take_error();
          prepaid_applied += *applied;
        }
      } else {
        for (auto& [f, h, line] : lines) {
          ItemTotal& t = batch_totals[f->id];
          ++t.bills;
          t.amount += line.amount;
          t.discount += line.discount;
        }
      }
      for (auto& [id, t] : batch_totals) {
        totals[id].bills += t.bills;
        totals[id].amount += t.amount;
        totals[id].existing += t.existing;
        totals[id].discount += t.discount;
      }
      houses += static_cast<int64_t>(batch.size());
      return batch.empty() ? int64_t(-1) : batch.back().id;
    });
    if (!step.ok()) return step.take_error();
    if (*step < 0) break;
    after = *step;
  }

  ProjectRun out{project_id, period->name, dry_run, houses};
  out.prepaid_applied = prepaid_applied;
  out.run_id = run_id;
  for (const ItemRule& f : items) {
    const ItemTotal& t = totals[f.id];
    out.bills += t.bills;
    out.amount += t.amount;
    out.existing += t.existing;
    out.discount += t.discount;
    out.items.push_back({f.id, f.code, f.name, t.bills, t.amount, t.discount, t.existing});
  }
  const int64_t bills = out.bills, amount = out.amount;
  if (run_id)
    db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      tx.Exec("UPDATE bill_runs SET status = 'done', bills = ?, amount = ?, finished_at = ? "
              "WHERE id = ?",
              {bills, amount, clock_.Now(), *run_id});
      audit::Append(tx, audit::Actor::Of(ctx),
                    {"billing.bill_run.finish", "bill_run", *run_id, project_id, nullptr,
                     json::object{{"period", period->name}, {"bills", bills}, {"amount", amount}}},
                    clock_.Now());
    });
  return out;
}

namespace {

const std::string kBillColumns =
    "SELECT b.id, b.project_id, b.house_id, b.fee_item_id, b.period, b.number, b.quantity, "
    "b.unit_price, b.amount, b.paid, b.due_date, b.created_at, f.name, f.code, b.late_fee, "
    "b.late_paid, b.credited, b.late_waived, " + std::string(kOpenPrincipalSql) + ", " +
    std::string(kOpenLateSql) + ", b.discount";

// The bill of a kBillColumns row.
Bill BillOf(const db::Row& r) {
  Bill b;
  b.id = r.Int(0);
  b.project_id = r.Int(1);
  b.house_id = r.Int(2);
  b.fee_item_id = r.Int(3);
  b.period = r.Str(4);
  b.number = r.Str(5);
  b.quantity = r.Int(6);
  b.unit_price = r.Int(7);
  b.amount = r.Int(8);
  b.paid = r.Int(9);
  b.due_date = r.Str(10);
  b.created_at = r.Int(11);
  b.fee_item_name = r.Str(12);
  b.fee_item_code = r.Str(13);
  b.late_fee = r.Int(14);
  b.late_paid = r.Int(15);
  b.credited = r.Int(16);
  b.late_waived = r.Int(17);
  b.owed = r.Int(18);
  b.late_owed = r.Int(19);
  b.discount = r.Int(20);
  return b;
}

}  // namespace

Result<BillPage> BillingService::ListBills(const TenantContext& ctx, const BillFilter& f,
                                           const Page& page) {
  if (!f.period.empty() && !ParsePeriod(f.period))
    return Error(errors::kBadQuery).WithField("period", "invalid", "Must be a month YYYY-MM");
  if (!f.status.empty() && f.status != "open" && f.status != "paid")
    return Error(errors::kBadQuery).WithField("status", "invalid", "open or paid");
  std::string where = " FROM bills b JOIN fee_items f ON f.id = b.fee_item_id WHERE b.company_id = ?";
  db::Params p{ctx.company_id};
  if (ctx.IsResident()) {
    identity::AppendHouseScope(ctx, "b.house_id", where, p);
  } else {
    ANJU_TRY(identity::Require(ctx, perm::kBillRead));
    identity::AppendProjectScope(ctx, perm::kBillRead, "b.project_id", where, p);
  }
  if (f.project_id) where += " AND b.project_id = ?", p.emplace_back(*f.project_id);
  if (f.house_id) where += " AND b.house_id = ?", p.emplace_back(*f.house_id);
  if (!f.period.empty()) where += " AND b.period = ?", p.emplace_back(f.period);
  if (f.status == "open") where += kBillOpenSql;
  if (f.status == "paid") where += " AND NOT (" + std::string(kBillOpenSql.substr(5)) + ")";
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<BillPage> {
    BillPage out;
    out.total = tx.QueryOne("SELECT COUNT(*)" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    for (auto& r : tx.Query(std::string(kBillColumns) + where +
                                " ORDER BY b.due_date, b.id LIMIT ? OFFSET ?",
                            q))
      out.items.push_back(BillOf(r));
    return out;
  });
}

Result<HouseBalance> BillingService::HouseAccount(const TenantContext& ctx, int64_t house_id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<HouseBalance> {
    auto h = property::FindHouseFacts(tx, ctx.company_id, house_id);
    bool allowed = h && (ctx.IsResident() ? ctx.OwnsHouse(house_id)
                                          : ctx.access.HasIn(std::string(perm::kBillRead),
                                                             h->project_id));
    if (!allowed) {
      if (h && !ctx.IsResident() && !ctx.access.Has(std::string(perm::kBillRead)))
        return Error(errors::kForbidden);
      return Error(property::kHouseNotFound);
    }
    HouseBalance out{house_id, h->code};
    out.late_fees = ledger::Balance(tx, ctx.company_id, ledger::LateOf(house_id));
    out.owed = ledger::Balance(tx, ctx.company_id, ledger::ReceivableOf(house_id)) + out.late_fees;
    out.prepaid = -ledger::Balance(tx, ctx.company_id, ledger::PrepaymentOf(house_id));
    for (auto& r : tx.Query(std::string(kBillColumns) +
                                " FROM bills b JOIN fee_items f ON f.id = b.fee_item_id "
                                "WHERE b.house_id = ?" + std::string(kBillOpenSql) +
                                " ORDER BY b.due_date, b.id",
                            {house_id}))
      out.open_bills.push_back(BillOf(r));
    return out;
  });
}

}  // namespace anju::billing
