// The demo's billing history: a company that has run on Anju for a year.
//
// Design
// The demo must look alive on whatever day it is created: this month billed and partly
// paid, last month mostly paid, arrears of every age, late fees, a prepaid balance or two.
// So nothing here names a date: every period is counted back from the clock's month, and
// every row is written by the services themselves (bill runs, the cashier desk, online
// orders through the payment simulator, opening balances, the late-fee job) with the clock
// moved to the moment it happens. The ledger therefore balances by construction, and the
// screens, reports and reminders see exactly what a real year would have left.
//
// Each house gets a payer profile from a seeded generator (same seed, same company):
// - prompt (most): pays all it owes once a month, before the due date;
// - slow: pays every third month, late, late fees included;
// - partial: pays its property fee only, leaving water and parking owing;
// - stopped m: paid like a prompt payer until m months ago, nothing since. A fixed set of
//   houses stops at 1, 2, 3, 4, 5, 7 and 9 months and three never paid in Anju at all and
//   came with opening arrears (期初欠费) from the previous system, so the arrears report
//   has something in every aging bucket (0–30 … over 365 days) on any day of the month.
// The documented owners are fixed too: `owner` has this month's bills still to pay (去缴费),
// `owner2` has paid this month with a prepaid balance left over, `owner3` owes two months.
// This month: the bill run on the 1st at 09:00 (or just before now, on the 1st), then a
// share of the payers that grows with the day of the month, at times before now.
#include <algorithm>
#include <map>
#include <random>

#include <fmt/format.h>

#include "app/demo_internal.h"
#include "modules/billing/late_fees.h"
#include "modules/billing/opening.h"

namespace anju::app::demo {

std::string MonthOf(Millis t) { return CivilDate(t).substr(0, 7); }

std::string AddMonths(std::string_view period, int k) {
  int index = std::stoi(std::string(period.substr(0, 4))) * 12 +
              std::stoi(std::string(period.substr(5, 2))) - 1 + k;
  return fmt::format("{:04d}-{:02d}", index / 12, index % 12 + 1);
}

Millis ChinaTime(std::string_view date, int hour, int minute) {
  return DaysFromCivil(date) * kDay - 8 * kHour + hour * kHour + minute * kMinute;
}

Result<TenantContext> ContextOf(App& app, const DemoOptions& opt, const std::string& login) {
  auto in = app.identity().Login(opt.login_prefix + login, opt.password, "127.0.0.1", "demo");
  if (!in.ok()) return in.take_error();
  ANJU_TRY(app.identity().Logout(in->ctx));
  return in->ctx;
}

namespace {

enum class Profile { kPrompt, kSlow, kPartial, kStopped };

struct DemoHouse {
  int64_t id = 0;
  size_t project = 0;  // index into the cashiers
  std::string kind;
  int64_t gross_area = 0;
  Profile profile = Profile::kPrompt;
  int stopped = 0;       // kStopped: months since the last payment
  bool opening = false;  // came with opening arrears
  bool pays_this_month = true;
  int64_t extra = 0;     // 分 paid on top this month (a prepaid balance)
};

struct PaymentEvent {
  Millis at = 0;
  size_t house = 0;  // index into the houses
};

class History {
 public:
  History(App& app, ManualClock& clock, int64_t company_id, const DemoOptions& opt)
      : app_(app), clock_(clock), cid_(company_id), opt_(opt), now_(clock.Now()),
        rng_(20261207) {}

  Result<HistorySummary> Run() {
    ANJU_TRY(Load());
    const std::string this_month = MonthOf(now_);
    const int months = opt_.history_months;
    for (int k = months; k >= 0; --k) {
      std::string period = AddMonths(this_month, -k);
      Millis first = ChinaTime(period + "-01", 0);
      Millis run_at = first + 9 * kHour;
      if (k == 0) run_at = std::clamp(now_ - kMinute, first, run_at);
      clock_.Set(run_at);
      if (k == months) ANJU_TRY(PostOpenings(period));
      auto run = app_.billing().RunBills(admin_, {std::nullopt, {}, period, false});
      if (!run.ok()) return run.take_error();
      out_.bills += run->bills;
      Millis month_end = ChinaTime(AddMonths(period, 1) + "-01", 0) - kMinute;
      ANJU_TRY(PayMonth(k, run_at, k == 0 ? now_ : month_end));
      if (k > 0) {
        clock_.Set(month_end);
        billing::AccrueLateFees(app_.db(), clock_, CivilDate(month_end), cid_);
      }
    }
    clock_.Set(now_);
    billing::AccrueLateFees(app_.db(), clock_, CivilDate(now_), cid_);
    return out_;
  }

 private:
  int Rnd(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // The contexts that act, the houses that are billed and their payer profiles.
  Status Load() {
    auto admin = ContextOf(app_, opt_, "admin");
    if (!admin.ok()) return admin.take_error();
    admin_ = *admin;
    std::map<int64_t, size_t> project_index;
    auto rows = app_.db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return std::pair{
          tx.Query("SELECT id FROM projects WHERE company_id = ? ORDER BY id", {cid_}),
          tx.Query("SELECT id, project_id, kind, status, gross_area FROM houses "
                   "WHERE company_id = ? ORDER BY id",
                   {cid_})};
    });
    for (auto& p : rows.first) {
      size_t i = project_index.size();
      project_index[p.Int(0)] = i;
      auto cashier = ContextOf(app_, opt_, i == 0 ? "cashier" : fmt::format("p{}.cashier", i + 1));
      if (!cashier.ok()) return cashier.take_error();
      cashiers_.push_back(*cashier);
    }
    ANJU_TRY(LoadOwners());
    // Profiles: a fixed set of debtors of every age first (residential houses of the first
    // two projects, after the owners' houses), then chance.
    const int kStops[] = {1, 2, 3, 4, 5, 7, 9};
    size_t fixed = 0;
    for (auto& r : rows.second) {
      DemoHouse h{r.Int(0), project_index.at(r.Int(1)), r.Str(2), r.Int(4)};
      bool vacant = r.Str(3) == "vacant";
      int roll = Rnd(1, 100);
      h.profile = roll <= (vacant ? 40 : 74) ? Profile::kPrompt
                  : roll <= 88              ? Profile::kSlow
                  : roll <= 95              ? Profile::kPartial
                                            : Profile::kStopped;
      if (h.profile == Profile::kStopped) h.stopped = Rnd(1, opt_.history_months);
      if (h.kind == "residential" && h.project < 2 && !owners_.count(h.id)) {
        if (fixed < std::size(kStops)) {
          h.profile = Profile::kStopped, h.stopped = kStops[fixed];
        } else if (fixed < std::size(kStops) + 3) {
          h.profile = Profile::kStopped, h.stopped = opt_.history_months + 1, h.opening = true;
        }
        ++fixed;
      }
      if (auto o = owners_.find(h.id); o != owners_.end()) AsOwner(h, o->second);
      houses_.push_back(h);
    }
    return {};
  }

  // The documented owners' houses, by login without the prefix.
  Status LoadOwners() {
    const std::string& px = opt_.login_prefix;
    auto rows = app_.db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return tx.Query("SELECT u.login, hr.house_id FROM users u JOIN residents r ON r.user_id = "
                      "u.id JOIN house_residents hr ON hr.resident_id = r.id WHERE "
                      "u.company_id = ? AND u.login IN (?, ?, ?)",
                      {cid_, px + "owner", px + "owner2", px + "owner3"});
    });
    for (auto& r : rows) owners_[r.Int(1)] = r.Str(0).substr(px.size());
    return {};
  }

  // owner: prompt, this month unpaid; owner2: paid this month with 500 元 on top; owner3:
  // nothing paid for two months.
  static void AsOwner(DemoHouse& h, const std::string& who) {
    h.profile = who == "owner3" ? Profile::kStopped : Profile::kPrompt;
    h.stopped = who == "owner3" ? 2 : 0;
    h.opening = false;
    h.pays_this_month = who == "owner2";
    h.extra = who == "owner2" ? 500'00 : 0;
  }

  // 期初欠费: the houses marked `opening` owed six months of property fee to the previous
  // manager when the company moved to Anju, the months before the first one billed here.
  Status PostOpenings(const std::string& first_period) {
    return app_.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
      for (const DemoHouse& h : houses_) {
        if (!h.opening) continue;
        for (int k = 6; k >= 1; --k) {
          billing::OpeningArrearsCommand c{h.id, "WYF-ZZ", AddMonths(first_period, -k),
                                           h.gross_area * 235 / 100, "原系统期初欠费"};
          auto o = billing::PostOpeningArrears(tx, admin_, c, clock_.Now());
          if (!o.ok()) return o.take_error();
        }
      }
      return {};
    });
  }

  // Whether house h pays in the month k months back (0: this month).
  bool PaysIn(const DemoHouse& h, size_t index, int k) {
    if (k == 0 && !h.pays_this_month) return false;
    switch (h.profile) {
      case Profile::kPrompt: case Profile::kPartial: return true;
      case Profile::kSlow: return (k + static_cast<int>(index)) % 3 == 0;
      case Profile::kStopped: return k > h.stopped;
    }
    return false;
  }

  Status PayMonth(int k, Millis from, Millis to) {
    std::vector<PaymentEvent> events;
    int day_share = 100;  // this month: the share of payers who have paid by today
    if (k == 0) day_share = std::min(85, 10 + static_cast<int>((to - from) / kDay) * 4);
    for (size_t i = 0; i < houses_.size(); ++i) {
      const DemoHouse& h = houses_[i];
      bool owner = owners_.count(h.id) > 0;
      if (!PaysIn(h, i, k) || (k == 0 && !owner && Rnd(1, 100) > day_share)) continue;
      // Prompt payers before the 16th (the due date), slow ones any day.
      Millis span = std::min(to - from, (h.profile == Profile::kSlow ? 27 : 14) * kDay);
      if (span <= kMinute) continue;
      Millis at = from + kHour + std::uniform_int_distribution<Millis>(0, span - kHour)(rng_);
      if (owner && k == 0) at = std::min(to - kMinute, from + 2 * kHour);
      if (at >= to || at <= from) continue;
      events.push_back({at, i});
    }
    std::sort(events.begin(), events.end(),
              [](const PaymentEvent& a, const PaymentEvent& b) { return a.at < b.at; });
    for (const PaymentEvent& e : events) {
      clock_.Set(e.at);
      ANJU_TRY(Pay(houses_[e.house]));
    }
    return {};
  }

  // One payment of what the house owes (its property fee only for partial payers): online
  // (WeChat Pay, Alipay) about half the time, else at the desk.
  Status Pay(const DemoHouse& h) {
    const TenantContext& cashier = cashiers_[h.project];
    auto account = app_.billing().HouseAccount(cashier, h.id);
    if (!account.ok()) return account.take_error();
    std::vector<int64_t> picked;
    int64_t amount = 0;
    for (const billing::Bill& b : account->open_bills) {
      if (h.profile == Profile::kPartial && b.fee_item_code.rfind("WYF", 0) != 0) continue;
      picked.push_back(b.id);
      amount += b.owed + b.late_owed;
    }
    if (h.profile != Profile::kPartial) picked.clear();  // the company's order
    amount += h.extra;
    if (amount <= 0) return {};
    int roll = Rnd(1, 100);
    if (roll <= 50 && h.extra == 0) {
      billing::OpenOnlineOrderCommand c{h.id, roll <= 38 ? "wechat" : "alipay", amount, picked};
      auto order = app_.billing().CreateOnlineOrder(cashier, c);
      if (!order.ok()) return order.take_error();
      auto paid = app_.billing().SimulatePayment(cashier, order->order.order_no);
      if (!paid.ok()) return paid.take_error();
    } else {
      const char* channel = roll <= 62 ? "cash" : roll <= 85 ? "pos" : "transfer";
      auto paid = app_.billing().TakePayment(cashier, {h.id, amount, channel, picked, ""});
      if (!paid.ok()) return paid.take_error();
    }
    ++out_.payments;
    return {};
  }

  App& app_;
  ManualClock& clock_;
  const int64_t cid_;
  const DemoOptions& opt_;
  const Millis now_;
  std::mt19937 rng_;
  TenantContext admin_;
  std::vector<TenantContext> cashiers_;  // per project, in id order
  std::vector<DemoHouse> houses_;
  std::map<int64_t, std::string> owners_;  // the documented owners' houses → login
  HistorySummary out_;
};

}  // namespace

Result<HistorySummary> SeedHistory(App& app, ManualClock& clock, int64_t company_id,
                                   const DemoOptions& opt) {
  auto out = History(app, clock, company_id, opt).Run();
  if (!out.ok()) return out;
  auto orders = SeedOpenOrders(app, clock, company_id, opt);
  if (!orders.ok()) return orders.take_error();
  out->open_orders = *orders;
  return out;
}

}  // namespace anju::app::demo
