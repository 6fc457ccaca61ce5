// The dispatcher (src/modules/workorder/dispatch) at scale, without a database: 10,000 staff
// in 100 projects (random skills, a week of shifts, responsible and current buildings) and
// 100,000 open orders spread over them; then `decisions` work orders, each at a random
// project, skill, building and instant of the week. Per decision, as the service would:
// refresh on_duty from the shifts (OnDuty), Dispatch, add one open order to the chosen
// person and keep the (project, skill) cursor.
//
//   dispatch_bench [decisions=20000] [seed=1]
//
// The ceiling, timed in the same loop on the same array: one plain scan reading every field
// the dispatcher reads (flags, open count, skills, buildings) — the cost of merely looking at
// the candidates once. Scan and Dispatch take turns going first, so neither always finds
// the other's cache lines. Prints p50/p99/max per decision in µs and the ratio of medians.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "modules/workorder/dispatch/dispatcher.h"
#include "modules/workorder/dispatch/shifts.h"

namespace dispatch = anju::workorder::dispatch;
using anju::kDay;
using anju::kHour;
using anju::Millis;

namespace {

constexpr int kProjects = 100, kStaffPerProject = 100, kBuildings = 20, kOpenOrders = 100'000;
constexpr Millis kWeekStart = 1'795'363'200'000;  // Mon 2026-11-23 00:00 Asia/Shanghai
const char* const kSkills[] = {"plumbing", "carpentry", "elevator", "lighting",
                               "greening", "cleaning", "security", "service"};
constexpr int kSkillCount = 8;

struct Project {
  std::vector<dispatch::Candidate> staff;
  std::vector<std::vector<dispatch::Shift>> shifts;  // beside staff, same index
  int64_t cursors[kSkillCount] = {};
};

std::vector<Project> Generate(std::mt19937_64& rng) {
  std::vector<Project> projects(kProjects);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  int64_t next_id = 1;
  for (int p = 0; p < kProjects; ++p) {
    for (int s = 0; s < kStaffPerProject; ++s) {
      dispatch::Candidate c;
      c.staff_id = next_id++;
      c.name = "员工" + std::to_string(c.staff_id);
      int first = pick(kSkillCount), count = 1 + pick(3);
      for (int k = 0; k < count; ++k) c.skills.emplace_back(kSkills[(first + k * 3) % kSkillCount]);
      c.active = pick(100) >= 5;
      for (int b = pick(4); b > 0; --b) c.buildings.push_back(p * 100 + 1 + pick(kBuildings));
      c.current_building = pick(2) ? p * 100 + 1 + pick(kBuildings) : 0;
      // Six 8-hour shifts a week starting at 00:00, 08:00 or 16:00; one day off.
      std::vector<dispatch::Shift> week;
      Millis start = pick(3) * 8 * kHour;
      for (int day = 0, off = pick(7); day < 7; ++day) {
        if (day == off) continue;
        Millis at = kWeekStart + day * kDay + start;
        week.push_back({at, at + 8 * kHour});
      }
      projects[p].staff.push_back(std::move(c));
      projects[p].shifts.push_back(std::move(week));
    }
  }
  for (int o = 0; o < kOpenOrders; ++o) {
    projects[pick(kProjects)].staff[pick(kStaffPerProject)].open_orders++;
  }
  return projects;
}

// Reads every field the dispatcher reads, once per candidate.
int64_t Scan(const std::vector<dispatch::Candidate>& staff) {
  int64_t sum = 0;
  for (const dispatch::Candidate& c : staff) {
    sum += c.open_orders + c.active + c.on_duty + c.current_building;
    for (const std::string& s : c.skills) sum += s.size() + s[0];
    for (int64_t b : c.buildings) sum += b;
  }
  return sum;
}

struct Series {
  std::vector<double> us;
  double At(double q) const { return us[static_cast<size_t>(q * (us.size() - 1))]; }
  void Print(const char* label) {
    std::sort(us.begin(), us.end());
    std::printf("%-28s %8.2f %8.2f %8.2f\n", label, At(0.5), At(0.99), us.back());
  }
};

template <class F>
double Time(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::micro>(t1 - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int decisions = argc > 1 ? std::atoi(argv[1]) : 20'000;
  uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  std::mt19937_64 rng(seed);
  std::vector<Project> projects = Generate(rng);

  Series duty, decide, scan, total;
  int64_t sink = 0, checksum = 0;
  int codes[3] = {}, rules[5] = {};
  for (int i = 0; i < decisions; ++i) {
    Project& p = projects[rng() % kProjects];
    int skill = static_cast<int>(rng() % kSkillCount);
    int64_t building = rng() % 5 == 0 ? 0 : (&p - projects.data()) * 100 + 1 + rng() % kBuildings;
    std::string name = std::to_string(building % 100) + "栋";
    dispatch::Order order{.skill = kSkills[skill], .building_id = building, .building_name = name};
    Millis now = kWeekStart + static_cast<Millis>(rng() % (7 * kDay));

    double t_duty = Time([&] {
      for (size_t k = 0; k < p.staff.size(); ++k) p.staff[k].on_duty = dispatch::OnDuty(p.shifts[k], now);
    });
    dispatch::Decision d;
    double t_scan = 0, t_decide = 0;
    auto run_scan = [&] { t_scan = Time([&] { sink += Scan(p.staff); }); };
    auto run_decide = [&] { t_decide = Time([&] { d = dispatch::Dispatch(order, p.staff, p.cursors[skill]); }); };
    if (i % 2 == 0) run_scan(), run_decide();
    else run_decide(), run_scan();

    if (d.staff_id) {
      for (dispatch::Candidate& c : p.staff) c.open_orders += c.staff_id == *d.staff_id;
      checksum = checksum * 31 + *d.staff_id;
    }
    p.cursors[skill] = d.cursor;
    codes[static_cast<int>(d.reason.code)]++;
    rules[static_cast<int>(d.reason.rule)]++;
    duty.us.push_back(t_duty);
    decide.us.push_back(t_decide);
    scan.us.push_back(t_scan);
    total.us.push_back(t_duty + t_decide);
  }

  std::printf("dispatch_bench: %d staff in %d projects, %d open orders, %d decisions, seed %llu\n",
              kProjects * kStaffPerProject, kProjects, kOpenOrders, decisions,
              static_cast<unsigned long long>(seed));
  std::printf("%-28s %8s %8s %8s\n", "per decision (µs)", "p50", "p99", "max");
  scan.Print("ceiling: scan candidates");
  decide.Print("Dispatch (with reason texts)");
  duty.Print("on-duty refresh (OnDuty)");
  total.Print("refresh + Dispatch");
  std::printf("ratio Dispatch / scan (p50): %.2f\n", decide.At(0.5) / scan.At(0.5));
  std::printf("outcomes: assigned %d, no_skill %d, no_one_on_duty %d; rules: only_candidate %d, "
              "least_load %d, building %d, round_robin %d\n",
              codes[0], codes[1], codes[2], rules[1], rules[2], rules[3], rules[4]);
  std::printf("checksum %lld (same seed, same choices); scan sum %lld\n",
              static_cast<long long>(checksum), static_cast<long long>(sink));
  return 0;
}
