#include "app/demo.h"

#include "app/demo_internal.h"

#include <random>

#include <fmt/format.h>

#include "core/pii.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/password_policy.h"

namespace anju::app {

namespace json = boost::json;

namespace {

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
constexpr const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "秀英", "丽", "强", "磊", "军",
                                  "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
                                  "平", "刚", "桂英", "建华", "志强", "晓燕", "海燕", "子涵"};
constexpr const char* kBrands[] = {"大众", "丰田", "本田", "比亚迪", "特斯拉", "别克", "宝马", "吉利"};
constexpr const char* kColors[] = {"白色", "黑色", "银色", "蓝色", "红色", "灰色"};

struct ProjectPlan {
  const char* code;
  const char* name;
  const char* kind;
  const char* address;
  const char* plate_prefix;
};
constexpr ProjectPlan kProjects[] = {
    {"JHY", "锦华苑", "residential", "上海市浦东新区锦华路88号", "沪A"},
    {"LYY", "绿园小区", "residential", "上海市闵行区绿园路16号", "沪B"},
    {"XHGC", "星河广场", "commercial", "上海市静安区星河大道1号", "沪C"},
};

// A deterministic generator, so every demo database looks the same.
class Gen {
 public:
  explicit Gen(uint32_t seed) : rng_(seed) {}
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Int(1, 100) <= percent; }
  template <size_t N>
  const char* Pick(const char* const (&a)[N]) { return a[Int(0, N - 1)]; }
  std::string Name() { return std::string(Pick(kSurnames)) + Pick(kGiven); }
  std::string Phone() {
    static const char* kPrefixes[] = {"138", "139", "135", "186", "158", "177", "199", "150"};
    return fmt::format("{}{:08d}", Pick(kPrefixes), Int(0, 99999999));
  }
  // A valid 18-character citizen ID (Shanghai area codes, born 1950–2005).
  std::string IdNumber() {
    static const char* kAreas[] = {"310101", "310104", "310105", "310112", "310115"};
    std::string id = fmt::format("{}{:04d}{:02d}{:02d}{:03d}", Pick(kAreas), Int(1950, 2005),
                                 Int(1, 12), Int(1, 28), Int(1, 999));
    static const int kW[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char kC[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kW[i];
    return id + kC[sum % 11];
  }
  std::string Plate(const char* prefix) {
    static const char kChars[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    std::string p = prefix;
    for (int i = 0; i < 5; ++i) p += kChars[Int(0, 33)];
    return p;
  }

 private:
  std::mt19937 rng_;
};

// Writes the registry rows of one company directly (one transaction; one audit row per
// project summarises what was created, like an import batch).
class RegistryWriter {
 public:
  RegistryWriter(db::Tx& tx, App& app, int64_t company_id, Millis now)
      : tx_(tx), app_(app), company_(company_id), now_(now) {}

  int64_t Project(const ProjectPlan& p) {
    return tx_.InsertId(
        "INSERT INTO projects (company_id, code, name, kind, address, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {company_, std::string(p.code), std::string(p.name), std::string(p.kind),
         std::string(p.address), now_, now_});
  }
  int64_t Building(int64_t project, const std::string& code, const std::string& name,
                   const std::string& kind, int floors) {
    ++summary.buildings;
    return tx_.InsertId(
        "INSERT INTO buildings (company_id, project_id, code, name, kind, floors_above, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {company_, project, code, name, kind, int64_t(floors), now_, now_});
  }
  int64_t Entrance(int64_t project, int64_t building, const std::string& code) {
    return tx_.InsertId(
        "INSERT INTO entrances (company_id, project_id, building_id, code, name, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {company_, project, building, code, code + "单元", now_, now_});
  }
  int64_t Floor(int64_t project, int64_t building, int64_t entrance, int number) {
    std::string name = number < 0 ? fmt::format("B{}", -number) : fmt::format("{}层", number);
    return tx_.InsertId(
        "INSERT INTO floors (company_id, project_id, building_id, entrance_id, number, name, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {company_, project, building, entrance, int64_t(number), name, now_, now_});
  }
  int64_t House(int64_t project, int64_t building, int64_t entrance, int64_t floor,
                const std::string& number, const std::string& code, const std::string& kind,
                const std::string& status, int64_t gross, int64_t net) {
    ++summary.houses;
    return tx_.InsertId(
        "INSERT INTO houses (company_id, project_id, building_id, entrance_id, floor_id, number, "
        "code, kind, status, gross_area, net_area, delivered_on, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {company_, project, building, entrance, floor, number, code, kind, status, gross, net,
         std::string("2019-06-30"), now_, now_});
  }
  int64_t Resident(const std::string& name, const std::string& phone,
                   const std::optional<std::string>& id_number, std::optional<int64_t> user) {
    ++summary.residents;
    const crypto::SecretKey& k = app_.key();
    return tx_.InsertId(
        "INSERT INTO residents (company_id, name, phone_enc, phone_bidx, phone_last4, "
        "id_number_enc, id_number_bidx, id_number_hint, user_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {company_, name, k.Encrypt(phone, "residents.phone"), k.BlindIndex(phone, "phone"),
         phone.substr(7),
         id_number ? db::Value(k.Encrypt(*id_number, "residents.id_number")) : db::kNull,
         id_number ? db::Value(k.BlindIndex(*id_number, "id_number")) : db::kNull,
         id_number ? db::Value(pii::IdNumberHint(*id_number)) : db::kNull,
         user ? db::Value(*user) : db::kNull, now_, now_});
  }
  void Link(int64_t project, int64_t house, int64_t resident, const std::string& relation,
            const std::string& start) {
    tx_.Exec("INSERT INTO house_residents (company_id, project_id, house_id, resident_id, "
             "relation, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {company_, project, house, resident, relation, start, now_, now_});
  }
  int64_t Vehicle(int64_t project, int64_t house, int64_t resident, const std::string& plate,
                  Gen& g) {
    std::string brand = g.Pick(kBrands);
    bool electric = brand == "特斯拉" || (brand == "比亚迪" && g.Chance(70)) || g.Chance(10);
    auto rows = tx_.Query(
        "INSERT INTO vehicles (company_id, project_id, house_id, resident_id, plate, kind, "
        "brand, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (company_id, plate) DO NOTHING RETURNING id",
        {company_, project, house, resident, plate, std::string(electric ? "ev" : "car"), brand,
         std::string(g.Pick(kColors)), now_, now_});
    if (rows.empty()) return 0;  // the random plate was taken already
    ++summary.vehicles;
    return rows.front().Int(0);
  }
  void Space(int64_t project, const std::string& code, const std::string& kind,
             std::optional<int64_t> house, std::optional<int64_t> vehicle) {
    ++summary.parking_spaces;
    tx_.Exec("INSERT INTO parking_spaces (company_id, project_id, code, zone, kind, status, area, "
             "house_id, vehicle_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {company_, project, code, std::string("B1"), kind,
              std::string(vehicle ? "occupied" : "vacant"), int64_t(1250),
              house ? db::Value(*house) : db::kNull, vehicle ? db::Value(*vehicle) : db::kNull,
              now_, now_});
  }

  DemoSummary summary;

 private:
  db::Tx& tx_;
  App& app_;
  int64_t company_;
  Millis now_;
};

struct Layout {
  int buildings, entrances, floors, per_floor;
  int64_t area_lo, area_hi;  // 0.01 m²
  const char* house_kind;
  const char* building_kind;
};

// The company's registry, fee items, staff, owners, meters and readings, work-order
// settings and a year of closed orders, in one transaction.
Result<DemoSummary> SeedRegistry(App& app, Millis now, const DemoOptions& opt) {
  Gen g(20261123);
  const std::string& px = opt.login_prefix;
  return app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<DemoSummary> {
    auto company = app.org().CreateCompany(tx, opt.company_code, opt.company_name, "demo");
    if (!company.ok()) return company.take_error();
    int64_t cid = *company;
    RegistryWriter w(tx, app, cid, now);
    w.summary.company_id = cid;

    std::vector<int64_t> projects;
    for (const auto& p : kProjects) projects.push_back(w.Project(p));
    for (int64_t pid : projects) {
      app.billing().SeedDemoFeeItems(tx, cid, pid, now);
      collection::SeedDemoReminders(tx, cid, pid, now);  // a before-due and an after-due rule
    }
    w.summary.projects = static_cast<int64_t>(projects.size());

    // Houses per project: residential towers, shops and parking units in the first.
    const Layout kLayouts[] = {{4, 2, 8, 2, 8950, 14320, "residential", "residential"},
                               {3, 1, 6, 4, 7210, 12880, "residential", "residential"},
                               {2, 1, 12, 4, 12000, 36000, "office", "office"}};
    std::vector<std::vector<int64_t>> homes(projects.size());  // residential/office houses
    for (size_t pi = 0; pi < projects.size(); ++pi) {
      const Layout& L = kLayouts[pi];
      int64_t pid = projects[pi];
      for (int b = 1; b <= L.buildings; ++b) {
        std::string bcode = std::to_string(b);
        int64_t bid = w.Building(pid, bcode, bcode + "号楼", L.building_kind, L.floors);
        for (int e = 1; e <= L.entrances; ++e) {
          int64_t eid = w.Entrance(pid, bid, std::to_string(e));
          for (int f = 1; f <= L.floors; ++f) {
            int64_t fid = w.Floor(pid, bid, eid, f);
            for (int h = 1; h <= L.per_floor; ++h) {
              std::string num = fmt::format("{:02d}{:02d}", f, h);
              int64_t gross = g.Int(L.area_lo, L.area_hi);
              int64_t net = gross * g.Int(76, 85) / 100;
              const char* status = g.Chance(12) ? "vacant" : g.Chance(18) ? "rented"
                                   : g.Chance(4)  ? "decorating" : "self_occupied";
              homes[pi].push_back(w.House(pid, bid, eid, fid, num,
                                          fmt::format("{}-{}-{}", bcode, e, num), L.house_kind,
                                          status, gross, net));
            }
          }
        }
      }
    }
    // The first project also has a shopping street and an underground garage.
    int64_t p1 = projects[0];
    int64_t shops = w.Building(p1, "S", "商业街", "commercial", 1);
    int64_t shops_e = w.Entrance(p1, shops, "1");
    int64_t shops_f = w.Floor(p1, shops, shops_e, 1);
    for (int i = 1; i <= 10; ++i)
      w.House(p1, shops, shops_e, shops_f, fmt::format("{:03d}", i), fmt::format("S-1-{:03d}", i),
              "shop", i <= 8 ? "rented" : "vacant", g.Int(4500, 16000), g.Int(4000, 4400));
    int64_t garage = w.Building(p1, "P", "地下车库", "parking", 0);
    int64_t garage_e = w.Entrance(p1, garage, "1");
    int64_t garage_f = w.Floor(p1, garage, garage_e, -1);
    std::vector<int64_t> parking_units;
    for (int i = 1; i <= 30; ++i)
      parking_units.push_back(w.House(p1, garage, garage_e, garage_f, fmt::format("{:03d}", i),
                                      fmt::format("P-1-{:03d}", i), "parking",
                                      i <= 24 ? "self_occupied" : "vacant", 1250, 1250));

    // Departments: HQ offices and each project's service centre and teams.
    auto department = [&](std::optional<int64_t> project, const std::string& name) {
      return tx.InsertId(
          "INSERT INTO departments (company_id, project_id, name, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?) RETURNING id",
          {cid, project ? db::Value(*project) : db::kNull, name, now, now});
    };
    std::map<std::string, int64_t> hq_depts = {{"management", department(std::nullopt, "总经办")},
                                               {"finance", department(std::nullopt, "财务部")}};
    // trade → department, per project
    std::vector<std::map<std::string, int64_t>> project_depts(projects.size());
    for (size_t pi = 0; pi < projects.size(); ++pi) {
      int64_t service = department(projects[pi], "客服中心");
      int64_t works = department(projects[pi], "工程部");
      int64_t order = department(projects[pi], "秩序部");
      int64_t env = department(projects[pi], "环境部");
      project_depts[pi] = {{"management", service}, {"service", service},
                           {"cashier", service},    {"collection", service},
                           {"engineering", works},  {"security", order},
                           {"cleaning", env},       {"greening", env}};
    }

    // Staff of every role. The documented logins come first.
    struct StaffPlan {
      std::string login, name, role, trade;
      std::optional<size_t> project;  // index into projects; nullopt = company-wide
    };
    std::vector<StaffPlan> staff = {
        {"admin", "系统管理员", "hq_admin", "management", std::nullopt},
        {"manager", "赵经理", "project_manager", "management", 0},
        {"service", "钱客服", "customer_service", "service", 0},
        {"cashier", "孙收费", "cashier", "cashier", 0},
        {"engineer", "李工", "engineer", "engineering", 0},
        {"finance", "周会计", "finance", "finance", std::nullopt},
    };
    const char* kRoles[][2] = {{"project_manager", "management"}, {"customer_service", "service"},
                               {"cashier", "cashier"},            {"engineer", "engineering"},
                               {"security", "security"},          {"cleaner", "cleaning"},
                               {"collector", "collection"}};
    for (size_t pi = 0; pi < projects.size(); ++pi)
      for (auto& r : kRoles) {
        std::string role = r[0];
        if (pi == 0 && (role == "project_manager" || role == "customer_service" ||
                        role == "cashier" || role == "engineer"))
          continue;  // the documented logins above
        staff.push_back({fmt::format("p{}.{}", pi + 1, r[1]), g.Name(), role, r[1], pi});
      }
    for (const StaffPlan& s : staff) {
      std::optional<int64_t> dept =
          s.project ? project_depts[*s.project][s.trade] : hq_depts[s.trade];
      identity::NewAccount a{cid, AccountKind::kStaff, px + s.login, s.name, opt.password,
                             dept, s.trade};
      auto uid = app.identity().CreateAccount(tx, a, "demo", std::nullopt);
      if (!uid.ok()) return uid.take_error();
      std::optional<int64_t> scope;
      if (s.project) scope = projects[*s.project];
      ANJU_TRY(app.org().GrantByCode(tx, cid, *uid, s.role, scope, "demo"));
      ++w.summary.staff;
    }

    // Owners with accounts: owner, owner2 (first project), owner3 (second project).
    auto owner_account = [&](const std::string& login, const std::string& name) {
      identity::NewAccount a{cid, AccountKind::kResident, px + login, name, opt.password,
                             std::nullopt, ""};
      return app.identity().CreateAccount(tx, a, "demo", std::nullopt);
    };
    struct Named { const char* login; const char* name; size_t project; size_t house; };
    const Named kOwners[] = {{"owner", "张伟", 0, 0}, {"owner2", "李娜", 0, 1},
                             {"owner3", "王芳", 1, 0}};
    std::set<int64_t> taken;
    for (const Named& o : kOwners) {
      auto uid = owner_account(o.login, o.name);
      if (!uid.ok()) return uid.take_error();
      int64_t house = homes[o.project][o.house];
      int64_t rid = w.Resident(o.name, g.Phone(), g.IdNumber(), *uid);
      w.Link(projects[o.project], house, rid, "owner", "2019-07-01");
      w.Vehicle(projects[o.project], house, rid, g.Plate(kProjects[o.project].plate_prefix), g);
      taken.insert(house);
    }
    // Everybody else: owners of most homes, some with family and tenants and cars.
    for (size_t pi = 0; pi < projects.size(); ++pi) {
      for (int64_t house : homes[pi]) {
        if (taken.count(house) || g.Chance(15)) continue;
        int64_t owner = w.Resident(g.Name(), g.Phone(),
                                   g.Chance(80) ? std::optional(g.IdNumber()) : std::nullopt,
                                   std::nullopt);
        w.Link(projects[pi], house, owner, "owner", fmt::format("20{}-0{}-15", g.Int(15, 23), g.Int(1, 9)));
        if (pi < 2 && g.Chance(45))
          w.Link(projects[pi], house, w.Resident(g.Name(), g.Phone(), std::nullopt, std::nullopt),
                 "family", "2020-01-01");
        if (g.Chance(15))
          w.Link(projects[pi], house, w.Resident(g.Name(), g.Phone(), std::nullopt, std::nullopt),
                 "tenant", "2024-03-01");
        if (pi < 2 && g.Chance(40))
          w.Vehicle(projects[pi], house, owner, g.Plate(kProjects[pi].plate_prefix), g);
      }
    }
    // Water meters on the residential towers (building 1 of each estate is billed by the
    // water company directly, 直抄到户), read in walking order on the first of every month
    // of the history and of this one (without a history: last month and this one); more
    // water in summer.
    const std::string this_month = demo::MonthOf(now);
    std::vector<std::string> periods;
    for (int k = std::max(opt.history_months, 1); k >= 0; --k)
      periods.push_back(demo::AddMonths(this_month, -k));
    for (size_t pi = 0; pi < 2; ++pi) {
      int64_t pid = projects[pi];
      int64_t water = tx.QueryOne("SELECT id FROM fee_items WHERE project_id = ? AND code = 'SF'",
                                  {pid})->Int(0);
      int64_t order = 0;
      for (auto& h : tx.Query("SELECT h.id, h.building_id, h.code FROM houses h JOIN buildings b "
                              "ON b.id = h.building_id WHERE h.project_id = ? AND h.kind = "
                              "'residential' AND b.code <> '1' ORDER BY h.building_id, h.code",
                              {pid})) {
        int64_t start = g.Int(100, 900) * 100;  // the dial when fitted, 1/100 m³
        int64_t meter = tx.InsertId(
            "INSERT INTO meters (company_id, project_id, house_id, building_id, code, kind, "
            "fee_item_id, initial_reading, walk_order, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 'water', ?, ?, ?, ?, ?) RETURNING id",
            {cid, pid, h.Int(0), h.Int(1), "W-" + h.Str(2), water, start, ++order, now, now});
        int64_t previous = start;
        for (const std::string& period : periods) {
          int month = std::stoi(period.substr(5, 2));
          int extra = month >= 6 && month <= 9 ? 8 : 0;                // summer
          int64_t used = g.Int(6, 28 + extra) * 100 + g.Int(0, 99);  // m³ × 100
          Millis read_at = std::min(now, demo::ChinaTime(period + "-01", 8));
          tx.Exec("INSERT INTO meter_readings (company_id, project_id, meter_id, period, reading, "
                  "previous_reading, consumption, status, read_at, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?)",
                  {cid, pid, meter, period, previous + used, previous, used, read_at, read_at,
                   read_at});
          previous += used;
        }
      }
    }

    // Parking spaces in the first project's garage: the 30 owned units and 40 for rent.
    auto vehicles = tx.Query("SELECT id FROM vehicles WHERE company_id = ? AND project_id = ? "
                             "ORDER BY id",
                             {cid, p1});
    size_t vi = 0;
    for (size_t i = 0; i < parking_units.size(); ++i) {
      std::optional<int64_t> v;
      if (i < 24 && vi < vehicles.size()) v = vehicles[vi++].Int(0);
      w.Space(p1, fmt::format("B1-{:03d}", i + 1), "owned", parking_units[i], v);
    }
    for (int i = 31; i <= 70; ++i) {
      std::optional<int64_t> v;
      if (i % 3 != 0 && vi < vehicles.size()) v = vehicles[vi++].Int(0);
      w.Space(p1, fmt::format("B1-{:03d}", i), i > 66 ? "visitor" : "rented", std::nullopt, v);
    }

    // Work orders: settings, skills, shifts, QR points and a year of history.
    app.workorders().SeedDemo(tx, cid, projects, now);

    w.summary.projects = static_cast<int64_t>(projects.size());
    audit::Append(tx, {cid, std::nullopt, "demo", "", ""},
                  {"demo.seed", "company", cid, std::nullopt, nullptr,
                   json::object{{"projects", w.summary.projects},
                                {"buildings", w.summary.buildings},
                                {"houses", w.summary.houses},
                                {"residents", w.summary.residents},
                                {"vehicles", w.summary.vehicles},
                                {"parking_spaces", w.summary.parking_spaces},
                                {"staff", w.summary.staff}}},
                  now);
    return w.summary;
  });
}

// Extra towers spread over the projects, for benchmarks: houses only (no residents, no
// bills), `scale` of them, in one transaction.
Status AddScaleHouses(App& app, int64_t cid, Millis now, int scale) {
  return app.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    Gen g(20261124);
    RegistryWriter w(tx, app, cid, now);
    std::vector<int64_t> projects;
    for (auto& r : tx.Query("SELECT id FROM projects WHERE company_id = ? ORDER BY id", {cid}))
      projects.push_back(r.Int(0));
    for (int n = 0, b = 0; n < scale; ++b) {
      int64_t pid = projects[b % projects.size()];
      std::string bcode = fmt::format("X{}", b + 1);
      int64_t bid = w.Building(pid, bcode, bcode + "号楼", "residential", 30);
      int64_t eid = w.Entrance(pid, bid, "1");
      for (int f = 1; f <= 30 && n < scale; ++f) {
        int64_t fid = w.Floor(pid, bid, eid, f);
        for (int h = 1; h <= 8 && n < scale; ++h, ++n) {
          std::string num = fmt::format("{:02d}{:02d}", f, h);
          int64_t gross = g.Int(6000, 15000);
          w.House(pid, bid, eid, fid, num, fmt::format("{}-1-{}", bcode, num), "residential",
                  "self_occupied", gross, gross * 8 / 10);
        }
      }
    }
    return {};
  });
}

}  // namespace

Result<DemoSummary> SeedDemo(App& app, ManualClock& clock, const DemoOptions& opt) {
  ANJU_TRY(identity::CheckPasswordPolicy(opt.password, ""));
  const Millis now = clock.Now();
  auto summary = SeedRegistry(app, now, opt);
  if (!summary.ok()) return summary;
  if (opt.history_months > 0) {
    auto history = demo::SeedHistory(app, clock, summary->company_id, opt);
    clock.Set(now);
    if (!history.ok()) return history.take_error();
    summary->bills = history->bills;
    summary->payments = history->payments;
    summary->open_orders = history->open_orders;
  }
  if (opt.scale > 0) ANJU_TRY(AddScaleHouses(app, summary->company_id, now, opt.scale));
  summary->houses += opt.scale;
  return summary;
}

}  // namespace anju::app
