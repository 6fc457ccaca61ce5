// The demo's open work orders: what a board looks like at any moment of a working day.
//
// Each plan is an order reported some minutes or days before now and carried by the same
// service calls a person would make (report, automatic or manual dispatch, accept, arrive,
// pause, complete, sign) up to the state it waits in, with the clock at each step's moment:
// so the timelines, SLA clocks, escalations and the owners' messages are what the real
// events would have left. Together they cover every open state — 待派单 (a complaint waiting
// for 客服, a cleaning order on the grab list), 待接单 (one of them past its SLA), 已接单,
// 处理中, 已暂停, 待确认 and 待评价 — and the documented owners follow their own: `owner`
// has one being repaired, one to confirm and sign, one to rate; `owner2` one waiting for its
// engineer; `owner3` a complaint waiting for dispatch.
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "app/demo_internal.h"

namespace anju::app::demo {

namespace {

struct OrderPlan {
  const char* reporter;  // a documented owner, or "" (客服 registers a phone call)
  size_t project;        // 0, 1, 2
  const char* kind;      // repair_house (the reporter's house) | repair_public | complaint
  const char* category;  // wo_categories.code
  const char* urgency;
  const char* description;
  int minutes_ago;
  const char* until;  // the last action taken: "" (as dispatched), accept … rate-ready confirm
};

constexpr OrderPlan kPlans[] = {
    {"owner", 0, "repair_house", "plumbing", "normal", "厨房水槽下水管漏水，橱柜里都是水", 150,
     "arrive"},
    {"owner", 0, "repair_house", "carpentry", "normal", "卧室门锁坏了，钥匙插进去拧不动", 2 * 1440,
     "complete"},
    {"owner", 0, "repair_house", "lighting", "normal", "卫生间浴霸灯不亮，开关没反应", 5 * 1440,
     "confirm"},
    {"owner2", 0, "repair_house", "lighting", "normal", "客厅顶灯不亮，换了灯泡也不行", 40, ""},
    {"owner3", 1, "complaint", "service", "normal", "楼上每天晚上十点以后还在装修，电钻声音很大",
     300, ""},
    {"", 0, "repair_public", "elevator", "urgent", "2号楼1单元电梯运行时有异响，轿厢抖动", 180, ""},
    {"", 0, "repair_public", "cleaning", "normal", "3号楼楼道堆放的装修垃圾没有清运，气味较大", 35,
     ""},
    {"", 0, "repair_public", "plumbing", "normal", "地下车库B1入口排水沟堵塞，下雨积水", 20 * 60,
     "accept"},
    {"", 0, "repair_public", "lighting", "normal", "4号楼2单元5楼楼道感应灯不亮", 26 * 60, "pause"},
    {"", 0, "repair_public", "greening", "normal", "小区东侧草坪喷灌头损坏，一直在漏水", 3 * 1440,
     "complete"},
    {"", 1, "repair_public", "plumbing", "urgent", "1号楼地下室水泵房有漏水声", 6 * 60, ""},
    {"", 1, "repair_public", "security", "normal", "东门道闸抬杆很慢，高峰期车辆排队", 90,
     "arrive"},
    {"", 2, "repair_public", "elevator", "normal", "A座3号电梯按钮面板10楼按键失灵", 8 * 60,
     "accept"},
    {"", 2, "complaint", "service", "normal", "写字楼大堂空调温度太低，前台员工反映很冷", 70, ""},
};

constexpr std::array<const char*, 6> kSteps = {"assign", "accept", "arrive", "pause", "complete",
                                               "confirm"};

// A handwritten-looking signature as a PNG (grey, 240×80): a stroke of a few loops, stored
// without compression (zlib "stored" blocks) so no library is needed. Only the demo signs.
std::string SignaturePng() {
  constexpr int W = 240, H = 80;
  std::vector<uint8_t> px(static_cast<size_t>(W) * H, 255);
  for (int i = 0; i < 2400; ++i) {
    double t = i / 2400.0;
    int x = static_cast<int>(20 + 200 * t + 12 * std::sin(t * 40));
    int y = static_cast<int>(40 + 18 * std::sin(t * 13) * std::cos(t * 3) - 10 * std::cos(t * 40));
    for (int dy = 0; dy < 2; ++dy)
      if (x >= 0 && x < W && y + dy >= 0 && y + dy < H) px[(y + dy) * W + x] = 30;
  }
  auto crc = [](const std::string& s) {
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) {
      c ^= b;
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
  };
  auto be32 = [](uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crc(type + data));
  };
  std::string raw;
  for (int y = 0; y < H; ++y) {
    raw += '\0';  // filter: none
    raw.append(reinterpret_cast<const char*>(&px[y * W]), W);
  }
  std::string z = "\x78\x01";
  uint32_t a = 1, b = 0;
  for (unsigned char c : raw) a = (a + c) % 65521, b = (b + a) % 65521;
  for (size_t off = 0; off < raw.size(); off += 65535) {
    size_t n = std::min<size_t>(65535, raw.size() - off);
    z += char(off + n == raw.size() ? 1 : 0);
    z += char(n & 0xFF), z += char(n >> 8), z += char(~n & 0xFF), z += char((~n >> 8) & 0xFF);
    z += raw.substr(off, n);
  }
  z += be32((b << 16) | a);
  std::string ihdr = be32(W) + be32(H) + std::string{8, 0, 0, 0, 0};  // 8-bit grey
  return std::string("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) +
         chunk("IEND", "");
}

class OpenOrders {
 public:
  OpenOrders(App& app, ManualClock& clock, int64_t company_id, const DemoOptions& opt)
      : app_(app), clock_(clock), cid_(company_id), opt_(opt), now_(clock.Now()) {}

  Result<int64_t> Run() {
    auto rows = app_.db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return std::tuple{
          tx.Query("SELECT id FROM projects WHERE company_id = ? ORDER BY id", {cid_}),
          tx.Query("SELECT code, id FROM wo_categories WHERE company_id = ?", {cid_}),
          tx.Query("SELECT project_id, id FROM buildings WHERE company_id = ? ORDER BY id",
                   {cid_})};
    });
    for (auto& r : std::get<0>(rows)) projects_.push_back(r.Int(0));
    for (auto& r : std::get<1>(rows)) categories_[r.Str(0)] = r.Int(1);
    for (auto& r : std::get<2>(rows)) buildings_[r.Int(0)].push_back(r.Int(1));
    int64_t n = 0;
    for (const OrderPlan& p : kPlans) {
      ANJU_TRY(Carry(p));
      ++n;
    }
    return n;
  }

 private:
  // Contexts by login (without the prefix), signed in once each.
  Result<TenantContext> Login(const std::string& login) {
    auto known = contexts_.find(login);
    if (known != contexts_.end()) return known->second;
    auto ctx = ContextOf(app_, opt_, login);
    if (ctx.ok()) contexts_[login] = *ctx;
    return ctx;
  }

  // Reports the order at its moment, then takes each step up to plan.until a few minutes to
  // hours apart, never later than a minute before now.
  Status Carry(const OrderPlan& p) {
    Millis at = now_ - p.minutes_ago * kMinute;
    Millis last = now_ - kMinute;
    clock_.Set(at);
    std::string reporter_login =
        *p.reporter ? p.reporter
                    : (p.project == 0 ? std::string("service") : fmt::format("p{}.service", p.project + 1));
    auto reporter = Login(reporter_login);
    if (!reporter.ok()) return reporter.take_error();
    workorder::NewOrderCommand c;
    c.kind = p.kind;
    c.description = p.description;
    c.category_id = categories_.at(p.category);
    c.urgency = p.urgency;
    if (std::string_view(p.kind) == "repair_house" && !reporter->house_ids.empty()) {
      c.house_id = reporter->house_ids.front();
    } else if (!reporter->IsResident()) {
      const auto& bs = buildings_.at(projects_.at(p.project));
      c.project_id = projects_.at(p.project);
      c.building_id = bs[std::string_view(p.description).size() % bs.size()];
      c.place = std::string_view(p.kind) == "complaint" ? "" : "公共区域";
      c.reporter_name = "来电业主";
      c.reporter_phone = "13800138000";
      c.channel = "phone";
    } else {
      c.house_id = reporter->house_ids.front();
    }
    auto view = app_.workorders().Create(*reporter, c);
    if (!view.ok()) return view.take_error();
    int64_t id = view->order.id;
    if (!*p.until) return {};
    Millis step = std::max<Millis>((last - at) / 8, kMinute);
    for (const char* action : kSteps) {
      at = std::min(at + step, last);
      clock_.Set(at);
      auto current = app_.workorders().Get(*reporter, id);
      if (!current.ok()) return current.take_error();
      const workorder::OrderRow& o = current->order;
      std::string a = action;
      if (a == "assign" && o.assignee_id) continue;
      if (a == "pause" && std::string_view(p.until) != "pause") continue;
      auto actor = a == "assign"    ? Login(p.project == 0 ? "manager" : fmt::format("p{}.management", p.project + 1))
                   : a == "confirm" ? reporter
                                    : LoginById(*o.assignee_id);
      if (!actor.ok()) return actor.take_error();
      workorder::ActionCommand cmd;
      cmd.action = a;
      if (a == "arrive") cmd.method = "checkin";
      if (a == "pause") cmd.reason = "parts", cmd.note = "等待配件到货";
      if (a == "complete") cmd.note = "已处理完毕，现场已清理";
      if (a == "confirm") {
        auto file = app_.files().Upload(*actor, "image/png", SignaturePng());
        if (!file.ok()) return file.take_error();
        cmd.signature = file->id;
      }
      auto done = app_.workorders().Act(*actor, id, cmd);
      if (!done.ok()) return done.take_error();
      if (a == p.until) break;
    }
    return {};
  }

  Result<TenantContext> LoginById(int64_t user_id) {
    auto login = app_.db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return tx.QueryOne("SELECT login FROM users WHERE id = ?", {user_id})->Str(0);
    });
    return Login(login.substr(opt_.login_prefix.size()));
  }

  App& app_;
  ManualClock& clock_;
  const int64_t cid_;
  const DemoOptions& opt_;
  const Millis now_;
  std::vector<int64_t> projects_;
  std::map<std::string, int64_t, std::less<>> categories_;
  std::map<int64_t, std::vector<int64_t>> buildings_;
  std::map<std::string, TenantContext> contexts_;
};

}  // namespace

Result<int64_t> SeedOpenOrders(App& app, ManualClock& clock, int64_t company_id,
                               const DemoOptions& opt) {
  return OpenOrders(app, clock, company_id, opt).Run();
}

}  // namespace anju::app::demo
