// Work orders over HTTP: the whole loop (owner reports, automatic dispatch, the engineer
// handles, a paid repair is billed, the owner confirms with a signature and rates), refused
// transitions, who may see and act, grab mode, the QR form, follow-ups and validation.
#include <gtest/gtest.h>

#include "modules/billing/ledger.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

// The smallest PNG signature check input: the 8-byte magic followed by an IHDR chunk.
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0", 33);

class WorkOrderApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    house_ = HouseId(*app_, jhy_, "1-1-0101");  // owner's
    owner_ = app_->LoginAs("owner");
    engineer_ = app_->LoginAs("engineer");
    service_ = app_->LoginAs("service");
  }
  void TearDown() override {
    EXPECT_TRUE(app::CheckBooks(app_->app().db()).ok);
    EXPECT_TRUE(app_->AuditChainOk());
  }
  int64_t Category(const std::string& code) {
    return app_->Count("SELECT id FROM wo_categories WHERE company_id = " +
                       std::to_string(app_->company_id()) + " AND code = '" + code + "'");
  }
  json::object Report(TestClient& c, json::object body, int expect = 201) {
    Reply r = c.PostJson("/api/v1/work-orders", body);
    EXPECT_EQ(r.status, expect) << r.body;
    return r.json().as_object();
  }
  json::object Act(TestClient& c, int64_t id, const std::string& action, json::object body = {},
                   int expect = 200) {
    Reply r = c.PostJson("/api/v1/work-orders/" + std::to_string(id) + "/" + action, body);
    EXPECT_EQ(r.status, expect) << action << ": " << r.body;
    return r.json().as_object();
  }
  int64_t Upload(TestClient& c, const std::string& bytes, const std::string& type) {
    Reply r = c.Send("POST", "/api/v1/files", bytes, {{"Content-Type", type}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().at("id").as_int64();
  }
  // Moves time on; sessions idle that long have expired, so the clients log in again.
  void Advance(Millis ms) {
    app_->clock().Set(app_->clock().Now() + ms);
    owner_ = app_->LoginAs("owner");
    engineer_ = app_->LoginAs("engineer");
    service_ = app_->LoginAs("service");
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> owner_, engineer_, service_;
  int64_t jhy_ = 0, house_ = 0;
};

std::vector<std::string> Actions(const json::object& o) {
  std::vector<std::string> out;
  for (auto& a : o.at("actions").as_array()) out.emplace_back(a.as_string());
  return out;
}

TEST_F(WorkOrderApiTest, TheWholeLoopFromReportToRating) {
  int64_t photo = Upload(*owner_, kPng, "image/png");
  json::object o = Report(*owner_, {{"kind", "repair_house"},
                                    {"house_id", house_},
                                    {"description", "厨房水管漏水，水龙头关不紧"},
                                    {"photos", json::array{photo}}});
  int64_t id = o.at("id").as_int64();
  EXPECT_EQ(o.at("channel"), "owner");
  EXPECT_EQ(o.at("category_name"), "水电") << "suggested from the description";
  // Automatic dispatch: the project's only engineer, on duty, with the skill.
  EXPECT_EQ(o.at("status"), "assigned");
  EXPECT_EQ(o.at("assignee_name"), "李工");
  EXPECT_FALSE(o.contains("dispatch_reason")) << "staff-only";
  EXPECT_EQ(o.at("photos").as_array().size(), 1u);
  EXPECT_EQ(o.at("sla").at("state"), "ok");

  json::object seen = engineer_->Get("/api/v1/work-orders/" + std::to_string(id)).json().as_object();
  EXPECT_NE(std::string(seen.at("dispatch_reason").as_string()).find("李工"), std::string::npos);
  EXPECT_EQ(Actions(seen), (std::vector<std::string>{"accept"}));
  // The timeline's assignment: staff read the dispatcher's reasoning, the owner only whom.
  auto assign_note = [](const json::object& view) {
    for (auto& e : view.at("timeline").as_array())
      if (e.at("action") == "assign")
        return std::pair{std::string(e.at("note").as_string()),
                         std::string(e.at("data").at("assignee_name").as_string())};
    return std::pair{std::string("?"), std::string()};
  };
  EXPECT_NE(assign_note(seen).first.find("李工"), std::string::npos);
  EXPECT_EQ(assign_note(o), (std::pair<std::string, std::string>{"", "李工"}));

  Advance(10 * kMinute);
  Act(*engineer_, id, "accept");
  Act(*engineer_, id, "arrive", {{"method", "checkin"}});
  Act(*engineer_, id, "pause", {{"reason", "parts"}, {"note", "等配件"}});
  Advance(2 * kHour);
  Act(*engineer_, id, "resume");
  json::object done = Act(*engineer_, id, "complete",
                          {{"note", "更换水龙头"},
                           {"labour_fee", 5000},
                           {"materials", json::array{json::object{{"name", "水龙头"},
                                                                  {"quantity", 1},
                                                                  {"unit_price", 3500}}}},
                           {"charge", true}});
  EXPECT_EQ(done.at("status"), "completed");
  EXPECT_EQ(done.at("material_fee"), 3500);
  EXPECT_EQ(done.at("sla").at("accept_met"), true);
  ASSERT_TRUE(done.at("bill_id").is_int64());
  EXPECT_EQ(app_->Count("SELECT amount FROM bills WHERE id = " +
                        std::to_string(done.at("bill_id").as_int64())),
            8500);

  int64_t signature = Upload(*owner_, kPng, "image/png");
  json::object confirmed = Act(*owner_, id, "confirm", {{"signature", signature}});
  EXPECT_TRUE(confirmed.at("signature").is_object());
  json::object closed = Act(*owner_, id, "rate", {{"rating", 5}, {"comment", "师傅很专业"}});
  EXPECT_EQ(closed.at("status"), "closed");
  EXPECT_EQ(closed.at("rating"), 5);
  std::vector<std::string> steps;
  for (auto& e : closed.at("timeline").as_array()) steps.emplace_back(e.at("action").as_string());
  EXPECT_EQ(steps, (std::vector<std::string>{"submit", "assign", "accept", "arrive", "pause",
                                             "resume", "complete", "confirm", "rate"}));
  // The owner heard of the progress in the app.
  EXPECT_GE(app_->Count("SELECT COUNT(*) FROM notify_outbox WHERE ref_type = 'work_order' AND "
                        "ref_id = " + std::to_string(id)),
            4);
}

TEST_F(WorkOrderApiTest, TransitionsTheStateMachineRefusesAre409AndChangeNothing) {
  int64_t id = Report(*owner_, {{"kind", "repair_house"}, {"house_id", house_},
                                {"description", "卫生间下水道堵了"}}).at("id").as_int64();
  Reply r = owner_->PostJson("/api/v1/work-orders/" + std::to_string(id) + "/confirm",
                             json::object{{"signature", 1}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.json().at("error").at("code"), "WO_BAD_TRANSITION");
  Act(*engineer_, id, "complete", {{"note", "x"}}, 409);  // not accepted yet
  Act(*engineer_, id, "resume", {}, 409);
  Act(*engineer_, id, "accept");
  Act(*engineer_, id, "accept", {}, 409);
  Act(*owner_, id, "rate", {{"rating", 5}}, 409);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM wo_events WHERE work_order_id = " + std::to_string(id)),
            3);  // submit, assign, accept
  Act(*service_, id, "cancel", {{"reason", "业主自行修好"}});
  Act(*engineer_, id, "arrive", {{"method", "checkin"}}, 409);
  Act(*service_, id, "reopen", {{"reason", "x"}}, 409);  // never completed
}

TEST_F(WorkOrderApiTest, OwnersSeeAndActOnTheirOwnOrdersOnly) {
  int64_t id = Report(*owner_, {{"kind", "repair_house"}, {"house_id", house_},
                                {"description", "入户门锁坏了"}}).at("id").as_int64();
  auto owner2 = app_->LoginAs("owner2");
  auto other = app_->LoginAs("other.owner");
  for (TestClient* c : {owner2.get(), other.get()}) {
    EXPECT_EQ(c->Get("/api/v1/work-orders/" + std::to_string(id)).status, 404);
    EXPECT_EQ(c->PostJson("/api/v1/work-orders/" + std::to_string(id) + "/cancel",
                          json::object{{"reason", "x"}}).status, 404);
    EXPECT_EQ(c->Get("/api/v1/work-orders/" + std::to_string(id) + "/events").status, 404);
    EXPECT_EQ(c->Get("/api/v1/work-orders").json().at("total"), 0);
  }
  // Reporting on somebody else's house is refused.
  Reply r = owner2->PostJson("/api/v1/work-orders",
                             json::object{{"kind", "repair_house"}, {"house_id", house_},
                                          {"description", "测试别人的房子"}});
  EXPECT_EQ(r.status, 404) << r.body;
  // Staff of the project without work-order codes, and a handler who is not the assignee.
  auto security = app_->LoginAs("p1.security");
  Reply a = security->PostJson("/api/v1/work-orders/" + std::to_string(id) + "/accept", json::object{});
  EXPECT_EQ(a.status, 404) << "not assigned to them, not grabbable: invisible";
  auto cashier = app_->LoginAs("cashier");
  EXPECT_EQ(cashier->Get("/api/v1/work-orders").status, 403);
}

TEST_F(WorkOrderApiTest, GrabModeLetsSkilledStaffOnDutyTakeTheOrder) {
  json::object o = Report(*owner_, {{"kind", "repair_public"}, {"place", "3号楼大堂"},
                                    {"category_id", Category("cleaning")},
                                    {"description", "大堂地面有垃圾没人清扫"}});
  int64_t id = o.at("id").as_int64();
  EXPECT_EQ(o.at("status"), "submitted");
  EXPECT_EQ(o.at("dispatch_mode"), "grab");
  auto cleaner = app_->LoginAs("p1.cleaning");
  Reply pool = cleaner->Get("/api/v1/work-orders/grab");
  ASSERT_EQ(pool.status, 200) << pool.body;
  ASSERT_EQ(pool.json().at("total"), 1);
  EXPECT_EQ(engineer_->Get("/api/v1/work-orders/grab").json().at("total"), 0) << "no cleaning skill";
  Act(*engineer_, id, "accept", {}, 404);
  json::object taken = Act(*cleaner, id, "accept");
  EXPECT_EQ(taken.at("status"), "accepted");
  EXPECT_NE(std::string(taken.at("dispatch_reason").as_string()).find("抢单"), std::string::npos);
  EXPECT_EQ(cleaner->Get("/api/v1/work-orders/grab").json().at("total"), 0);
}

TEST_F(WorkOrderApiTest, AStrangersQrReportReadsNothingAndIsRateLimited) {
  auto admin = app_->LoginAs("admin");
  Reply points = admin->Get("/api/v1/work-order-report-points?project_id=" + std::to_string(jhy_));
  ASSERT_EQ(points.status, 200) << points.body;
  json::value list = points.json();
  std::string token(list.at("items").at(0).at("token").as_string());
  auto anon = app_->Anonymous();
  Reply p = anon->Get("/api/v1/public/report-points/" + token);
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json().as_object().size(), 2u);  // project_name, place
  EXPECT_EQ(anon->Get("/api/v1/public/report-points/nope").status, 404);
  std::string url = "/api/v1/public/report-points/" + token + "/work-orders";
  Reply missing = anon->PostJson(url, json::object{{"description", "东门路灯不亮"}});
  EXPECT_EQ(missing.status, 400);
  for (int i = 0; i < 3; ++i) {
    Reply ok = anon->PostJson(url, json::object{{"phone", "13812345678"}, {"description", "东门路灯不亮了"}});
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(ok.json().as_object().size(), 1u);  // the number only
  }
  Reply limited = anon->PostJson(url, json::object{{"phone", "13812345678"}, {"description", "又坏了"}});
  EXPECT_EQ(limited.status, 429) << limited.body;
  // What the stranger reported is on the board, with the phone masked.
  Reply board = service_->Get("/api/v1/work-orders?q=%E4%B8%9C%E9%97%A8%E5%B2%97%E4%BA%AD");  // 东门岗亭, the point's place
  json::value b = board.json();
  ASSERT_EQ(b.at("total"), 3) << board.body;
  EXPECT_EQ(b.at("items").at(0).at("reporter_phone"), "138****5678");
  EXPECT_EQ(b.at("items").at(0).at("channel"), "qr");
  // The engineer proves arrival by scanning the point's code; another code is refused.
  int64_t id = b.at("items").at(0).at("id").as_int64();
  Act(*engineer_, id, "accept");
  Act(*engineer_, id, "arrive", {{"method", "scan"}}, 400);  // no code
  Act(*engineer_, id, "arrive", {{"method", "scan"}, {"code", "not-a-point"}}, 400);
  json::object there = Act(*engineer_, id, "arrive", {{"method", "scan"}, {"code", token}});
  EXPECT_EQ(there.at("status"), "on_site");
  EXPECT_EQ(there.at("timeline").as_array().back().at("data").at("place"), "东门岗亭");
}

TEST_F(WorkOrderApiTest, EscalationStepsSurviveARestart) {
  // A complaint: dispatched by hand (客服), so nobody accepts it; urgent: 30 minutes.
  json::object o = Report(*service_, {{"kind", "complaint"}, {"project_id", jhy_},
                                      {"category_id", Category("service")}, {"urgency", "urgent"},
                                      {"description", "投诉楼上装修噪音太大"},
                                      {"reporter_phone", "13900001111"}});
  int64_t id = o.at("id").as_int64();
  EXPECT_EQ(o.at("status"), "submitted");
  auto steps = [&] {
    return app_->Count("SELECT COUNT(*) FROM wo_escalations WHERE work_order_id = " + std::to_string(id));
  };
  Advance(23 * kMinute);
  EXPECT_EQ(app_->app().workorders().RunEscalations().escalations, 0);
  Advance(2 * kMinute);  // 25 of 30 minutes: past 80 %
  EXPECT_EQ(app_->app().workorders().RunEscalations().escalations, 1);
  EXPECT_EQ(app_->app().workorders().RunEscalations().escalations, 0) << "once";
  app_->Restart();
  Advance(60 * kMinute);  // 85 minutes: past 100 % and 200 % — both steps at once, in order
  EXPECT_EQ(app_->app().workorders().RunEscalations().escalations, 2);
  EXPECT_EQ(steps(), 3);
  auto service = app_->LoginAs("service");
  json::value v = service->Get("/api/v1/work-orders/" + std::to_string(id)).json();
  EXPECT_EQ(v.at("sla").at("state"), "overdue");
  std::vector<std::string> escalations;
  for (auto& e : v.at("timeline").as_array())
    if (e.at("action") == "escalate") escalations.emplace_back(e.at("data").at("step").as_string());
  EXPECT_EQ(escalations, (std::vector<std::string>{"warn", "manager", "hq"}));
  EXPECT_EQ(service->Get("/api/v1/work-orders?overdue=1").json().at("total"), 1);
}

TEST_F(WorkOrderApiTest, UnratedOrdersGoToTheFollowUpListAfter48Hours) {
  int64_t id = Report(*owner_, {{"kind", "repair_house"}, {"house_id", house_},
                                {"description", "客厅插座没电"}}).at("id").as_int64();
  Act(*engineer_, id, "accept");
  Act(*engineer_, id, "complete", {{"note", "更换插座"}});
  Advance(47 * kHour);
  EXPECT_EQ(app_->app().workorders().RunFollowUps().follow_ups, 0);
  Advance(2 * kHour);
  EXPECT_EQ(app_->app().workorders().RunFollowUps().follow_ups, 1);
  EXPECT_EQ(app_->app().workorders().RunFollowUps().follow_ups, 0);
  Reply due = service_->Get("/api/v1/work-order-follow-ups?state=due");
  ASSERT_EQ(due.json().at("total"), 1) << due.body;
  json::object closed = Act(*service_, id, "follow-up",
                            {{"result", "satisfied"}, {"rating", 4}, {"note", "电话回访满意"}});
  EXPECT_EQ(closed.at("status"), "closed");
  EXPECT_EQ(service_->Get("/api/v1/work-order-follow-ups?state=due").json().at("total"), 0);
  EXPECT_EQ(service_->Get("/api/v1/work-order-follow-ups?state=done").json().at("total"), 1);
  // Reopened within 7 days of completion: not a first-time fix.
  json::object reopened = Act(*owner_, id, "reopen", {{"reason", "又没电了"}});
  EXPECT_EQ(reopened.at("status"), "assigned");
  EXPECT_EQ(reopened.at("reopen_count"), 1);
}

TEST_F(WorkOrderApiTest, BadInputIsRefusedWithTheFieldAndWritesNothing) {
  int64_t before = app_->Count("SELECT COUNT(*) FROM work_orders");
  struct Case { json::object body; const char* field; };
  const Case cases[] = {
      {{{"kind", "repair_house"}, {"description", "漏水"}}, "house_id"},
      {{{"kind", "leak"}, {"house_id", house_}, {"description", "漏水"}}, "kind"},
      {{{"kind", "repair_house"}, {"house_id", house_}, {"description", "漏水"}, {"status", "closed"}}, "status"},
      {{{"kind", "repair_house"}, {"house_id", house_}, {"description", "漏水"}, {"urgency", "now"}}, "urgency"},
      {{{"kind", "repair_house"}, {"house_id", house_}, {"description", "x"}}, "description"},
      {{{"kind", "repair_house"}, {"house_id", house_}, {"description", "漏水"}, {"photos", json::array{999999}}}, "photos"},
  };
  for (const Case& c : cases) {
    Reply r = owner_->PostJson("/api/v1/work-orders", c.body);
    EXPECT_EQ(r.status / 100, 4) << r.body;
    EXPECT_NE(r.body.find(c.field), std::string::npos) << r.body;
  }
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM work_orders"), before);
  int64_t id = Report(*owner_, {{"kind", "repair_house"}, {"house_id", house_},
                                {"description", "阳台地漏堵塞"}}).at("id").as_int64();
  Act(*engineer_, id, "accept");
  Act(*engineer_, id, "complete", {{"note", "疏通"}, {"labour_fee", -1}}, 400);
  Act(*engineer_, id, "complete", {{"note", "疏通"}, {"materials", json::array{json::object{{"name", "管"}}}}}, 400);
  Act(*engineer_, id, "pause", {{"reason", "lunch"}}, 400);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills WHERE fee_item_id IN (SELECT id FROM fee_items WHERE code = 'WX')"), 0);
}

// One code, one status: an unknown category is 404 WO_CATEGORY_NOT_FOUND whether its id is in
// the path or in a body (with the field), like HOUSE_NOT_FOUND and PROJECT_NOT_FOUND.
TEST_F(WorkOrderApiTest, AnUnknownCategoryIs404InThePathAndInABody) {
  auto expect_missing = [](const Reply& r, const char* field) {
    EXPECT_EQ(r.status, 404) << r.body;
    json::value e = r.json().at("error");
    EXPECT_EQ(e.at("code"), "WO_CATEGORY_NOT_FOUND") << r.body;
    EXPECT_EQ(e.at("i18n"), "workorder.category_not_found") << r.body;
    if (field) EXPECT_EQ(e.at("fields").at(0).at("field"), field) << r.body;
  };
  int64_t before = app_->Count("SELECT COUNT(*) FROM work_orders");
  expect_missing(owner_->PostJson("/api/v1/work-orders",
                                  json::object{{"kind", "repair_house"},
                                               {"house_id", house_},
                                               {"description", "阳台地漏堵塞"},
                                               {"category_id", 999999}}),
                 "category_id");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM work_orders"), before);
  auto admin = app_->LoginAs("admin");
  expect_missing(admin->PostJson("/api/v1/work-order-categories",
                                 json::object{{"code", "orphan"},
                                              {"name", "孤儿"},
                                              {"skill", "plumbing"},
                                              {"parent_id", 999999}}),
                 "parent_id");
  expect_missing(admin->PatchJson("/api/v1/work-order-categories/999999",
                                  json::object{{"name", "改名"}}),
                 nullptr);
}

TEST_F(WorkOrderApiTest, SuggestionReportsAndSummary) {
  Reply s = service_->Get("/api/v1/work-orders/suggest?text=" "%E6%A5%BC%E9%81%93%E7%81%AF%E4%B8%8D%E4%BA%AE");  // 楼道灯不亮
  ASSERT_EQ(s.status, 200) << s.body;
  EXPECT_EQ(s.json().at("category_id"), Category("lighting"));
  auto admin = app_->LoginAs("admin");
  Reply info = admin->Get("/api/v1/work-order-classifier");
  ASSERT_EQ(info.status, 200) << info.body;
  EXPECT_GE(info.json().at("samples").as_int64(), 500);
  EXPECT_GT(info.json().at("accuracy").at("combined").as_int64(), 700);
  std::string range = "from=" + CivilDate(app_->clock().Now() - 330 * kDay).substr(0, 7) +
                      "&to=" + CivilDate(app_->clock().Now()).substr(0, 7);
  for (const char* g : {"staff", "category", "building", "month"}) {
    Reply r = admin->Get("/api/v1/reports/work-orders?group=" + std::string(g) + "&" + range);
    ASSERT_EQ(r.status, 200) << r.body;
    json::value v = r.json();
    int64_t sum = 0;
    for (auto& row : v.at("rows").as_array()) sum += row.at("volume").as_int64();
    EXPECT_EQ(sum, v.at("totals").at("volume").as_int64()) << g;
    EXPECT_GT(sum, 100) << g;
  }
  Reply hot = admin->Get("/api/v1/reports/work-orders/hotspots?" + range);
  EXPECT_FALSE(hot.json().at("categories").as_array().empty()) << hot.body;
  Reply x = admin->Get("/api/v1/reports/work-orders.xlsx?" + range);
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.body.substr(0, 2), "PK");
  EXPECT_EQ(admin->Get("/api/v1/reports/work-orders?group=x&" + range).status, 400);
  EXPECT_EQ(app_->LoginAs("engineer")->Get("/api/v1/reports/work-orders?" + range).status, 403);
  Report(*owner_, {{"kind", "repair_house"}, {"house_id", house_}, {"description", "马桶漏水"}});
  Reply sum = service_->Get("/api/v1/work-orders/summary");
  EXPECT_EQ(sum.json().at("today"), 1) << sum.body;
  EXPECT_EQ(sum.json().at("open"), 1);
}

}  // namespace
}  // namespace anju::testing
