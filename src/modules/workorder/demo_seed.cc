// Demo data for work orders: the default categories and SLA rules, dispatch modes (客服
// complaints by hand, cleaning by grab, the rest automatic), skills, responsible
// buildings and shifts for every handler, two QR report points per project, and a year of
// past orders, all closed or cancelled (generated descriptions, seasonal: more water and
// greening work in summer) for the reports and the classifier. The board starts with no
// open order: the tests and the browser tests create the ones they follow.
#include <random>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "modules/billing/counters.h"
#include "platform/identity/access.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "modules/property/property_service.h"
#include "modules/classify/samples.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

// Kept small: every API test seeds the demo (twice), on PostgreSQL row by row.
constexpr int kPastOrdersPerProject = 200;
constexpr int kShiftDaysBack = 7, kShiftDaysAhead = 30;

// Skills by trade (users.trade).
std::vector<std::string> SkillsOf(const std::string& trade) {
  if (trade == "engineering") return {"plumbing", "carpentry", "elevator", "lighting"};
  if (trade == "security") return {"security"};
  if (trade == "cleaning" || trade == "greening") return {"cleaning", "greening"};
  return {};
}

// Up to 400 residential and office houses of the project, by id: where past orders happened.
std::vector<property::HouseFacts> SampleHouses(db::Tx& tx, int64_t company_id, int64_t project_id) {
  std::vector<property::HouseFacts> out;
  for (int64_t after = 0; out.size() < 400;) {
    auto page = property::HouseFactsPage(tx, company_id, project_id, after, 1000);
    if (page.empty()) break;
    for (auto& h : page)
      if ((h.kind == "residential" || h.kind == "office") && out.size() < 400) out.push_back(h);
    after = page.back().id;
  }
  return out;
}

}  // namespace

void WorkOrderService::SeedDemo(db::Tx& tx, int64_t company_id,
                                const std::vector<int64_t>& project_ids, Millis now) {
  WorkOrderSettings::SeedDefaults(tx, company_id, now);
  std::map<std::string, int64_t, std::less<>> cats;
  for (auto& r : tx.Query("SELECT code, id FROM wo_categories WHERE company_id = ?", {company_id}))
    cats[r.Str(0)] = r.Int(1);
  std::mt19937 rng(20261123);
  auto rnd = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Millis today = ChinaMidnight(now);
  for (int64_t pid : project_ids) {
    tx.Exec("INSERT INTO wo_dispatch_rules (company_id, project_id, category_id, mode, updated_at) "
            "VALUES (?, ?, ?, 'manual', ?), (?, ?, ?, 'grab', ?)",
            {company_id, pid, cats["service"], now, company_id, pid, cats["cleaning"], now});
    auto handlers = identity::StaffHolding(tx, company_id, pid, perm::kWorkOrderHandle);
    std::vector<int64_t> buildings = property::BuildingIds(tx, company_id, pid);
    size_t bi = 0;
    for (auto& s : handlers) {
      std::string trade = identity::UserTrade(tx, company_id, s.id);
      for (auto& skill : SkillsOf(trade))
        tx.Exec("INSERT INTO wo_staff_skills (company_id, user_id, skill) VALUES (?, ?, ?)",
                {company_id, s.id, skill});
      for (int k = 0; k < 2 && !buildings.empty(); ++k, ++bi)
        tx.Exec("INSERT INTO wo_staff_buildings (company_id, user_id, building_id) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                {company_id, s.id, buildings[bi % buildings.size()]});
      // Engineers keep a 24-hour duty rota (值班); the others work 07:00–23:00.
      bool round_the_clock = trade == "engineering";
      for (int d = -kShiftDaysBack; d <= kShiftDaysAhead; ++d) {
        Millis start = today + d * kDay + (round_the_clock ? 0 : 7 * kHour);
        Millis end = today + d * kDay + (round_the_clock ? 24 * kHour : 23 * kHour);
        tx.Exec("INSERT INTO wo_shifts (company_id, project_id, user_id, starts_at, ends_at, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                {company_id, pid, s.id, start, end, now});
      }
    }
    for (const char* place : {"东门岗亭", "地下车库入口"})
      tx.Exec("INSERT INTO wo_report_points (company_id, project_id, token, place, created_at) "
              "VALUES (?, ?, ?, ?, ?)",
              {company_id, pid, crypto::RandomToken(16), std::string(place), now});
    if (handlers.empty()) continue;

    // A year of past orders, all closed (or cancelled), for reports and the classifier.
    std::vector<property::HouseFacts> houses = SampleHouses(tx, company_id, pid);
    auto samples = classify::GenerateSamples(kPastOrdersPerProject, 7 + pid);
    std::map<std::string, std::vector<int64_t>> by_skill;
    for (auto& s : handlers)
      for (auto& r : tx.Query("SELECT skill FROM wo_staff_skills WHERE user_id = ?", {s.id}))
        by_skill[r.Str(0)].push_back(s.id);
    for (size_t i = 0; i < samples.size(); ++i) {
      const auto& smp = samples[i];
      int64_t cat = cats.at(std::string(smp.category_code));
      std::string skill(smp.category_code);
      // Seasonal: water and greening peak in summer (days 150–250 of the year back).
      int day_back = rnd(1, 365);
      if ((skill == "plumbing" || skill == "greening") && rnd(0, 2) == 0) day_back = rnd(120, 230);
      Millis created = now - day_back * kDay - rnd(0, 12) * kHour;
      bool urgent = smp.urgent;
      int64_t accept_min = urgent ? 30 : 120, finish_min = urgent ? 240 : 1440;
      Millis accepted = created + rnd(3, urgent ? 45 : 180) * kMinute;
      Millis arrived = accepted + rnd(10, 60) * kMinute;
      Millis completed = arrived + rnd(20, urgent ? 300 : 1800) * kMinute;
      bool cancelled = rnd(0, 40) == 0;
      bool reopened = !cancelled && rnd(0, 14) == 0;
      int rating = rnd(0, 9) < 1 ? 3 : rnd(0, 9) < 3 ? 4 : 5;
      const auto& h = houses[rnd(0, static_cast<int>(houses.size()) - 1)];
      auto& pool = by_skill[skill];
      std::optional<int64_t> assignee;
      if (!pool.empty()) assignee = pool[rnd(0, static_cast<int>(pool.size()) - 1)];
      bool in_house = skill == "plumbing" || skill == "carpentry";
      std::string number = fmt::format(
          "WO-{}-{:04d}", billing::DayStamp(created),
          billing::NextCounter(tx, company_id, "wo:" + billing::DayStamp(created)));
      int64_t id = tx.InsertId(
          "INSERT INTO work_orders (company_id, project_id, number, kind, category_id, house_id, "
          "building_id, place, description, urgency, channel, reporter_name, status, assignee_id, "
          "dispatch_mode, dispatch_reason, created_at, sla_started_at, assigned_at, accepted_at, "
          "arrived_at, completed_at, confirmed_at, closed_at, cancelled_at, cancel_reason, "
          "reopen_count, rating, sla_calendar, accept_minutes, finish_minutes, warn_percent, "
          "manager_percent, hq_percent, accept_due_at, finish_due_at, accept_met, finish_met, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'owner', '业主', ?, ?, 'auto', "
          "'历史工单', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'always', ?, ?, 80, 100, 200, ?, ?, "
          "?, ?, ?) RETURNING id",
          {company_id, pid, number,
           std::string(skill == "service" ? "complaint" : in_house ? "repair_house" : "repair_public"),
           cat, in_house ? db::Value(h.id) : db::kNull, h.building_id,
           std::string(in_house ? "" : "公共区域"), smp.text,
           std::string(urgent ? "urgent" : "normal"),
           std::string(cancelled ? "cancelled" : "closed"),
           assignee ? db::Value(*assignee) : db::kNull, created, created, created, accepted,
           arrived, cancelled ? db::kNull : db::Value(completed),
           cancelled ? db::kNull : db::Value(completed + 2 * kHour),
           cancelled ? db::kNull : db::Value(completed + 3 * kHour),
           cancelled ? db::Value(accepted) : db::kNull,
           std::string(cancelled ? "业主取消" : ""), int64_t(reopened ? 1 : 0),
           cancelled ? db::kNull : db::Value(int64_t(rating)), accept_min, finish_min,
           created + accept_min * kMinute, created + finish_min * kMinute,
           int64_t(accepted - created <= accept_min * kMinute),
           cancelled ? db::kNull : db::Value(int64_t(completed - created <= finish_min * kMinute)),
           now});
      tx.Exec("INSERT INTO wo_events (company_id, work_order_id, seq, action, from_status, "
              "to_status, actor_name, at) VALUES (?, ?, 1, 'submit', '', 'submitted', '业主', ?)",
              {company_id, id, created});
    }
  }
}

}  // namespace anju::workorder
