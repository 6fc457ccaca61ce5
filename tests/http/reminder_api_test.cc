// Reminders (催缴) through HTTP and the job: rules CRUD and bad input, before- and after-due
// windows, exactly once however often the job runs, owners only receive their own house's
// reminders, phones never leave masked, and the outbox retries a failing provider.
#include <gtest/gtest.h>

#include <regex>

#include "modules/billing/ledger.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

std::string Code(const Reply& r) { return std::string(r.json().at("error").at("code").as_string()); }

class ReminderApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    app_->clock().Set(1795406400000);  // 2026-11-23 12:00 China time
    admin_ = app_->LoginAs("admin");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    // September's bills fall due on 2026-09-16. The demo's rules: 3 days before (in-app)
    // and 7 days after (SMS and in-app).
    Reply run = admin_->PostJson("/api/v1/bill-runs", json::object{{"project_id", jhy_},
                                                                   {"period", "2026-09"},
                                                                   {"dry_run", false}});
    ASSERT_EQ(run.status, 200) << run.body;
  }
  void TearDown() override {
    EXPECT_TRUE(app::CheckBooks(app_->app().db()).ok);
    EXPECT_TRUE(app_->AuditChainOk());
  }
  collection::ReminderReport Remind(const std::string& as_of) {
    return app_->app().reminders().Run(as_of);
  }
  int64_t Sent(const std::string& rule) {
    return app_->Count("SELECT COUNT(*) FROM reminders_sent s JOIN reminder_rules r ON r.id = "
                       "s.rule_id WHERE r.name = '" + rule + "'");
  }
  json::array Messages(const std::string& login) {
    return app_->LoginAs(login)->Get("/api/v1/messages").json().at("items").as_array();
  }
  json::object Rule(json::object extra = {}) {
    json::object r{{"project_id", jhy_},
                   {"name", "月底提醒"},
                   {"offset_days", -1},
                   {"channels", json::array{"in_app"}},
                   {"template", "{house} 您好，{amount} 元明天到期"}};
    for (auto& [k, v] : extra) r[k] = v;
    return r;
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_;
  int64_t jhy_ = 0;
};

TEST_F(ReminderApiTest, RulesAreCreatedChangedListedAndDeleted) {
  Reply created = admin_->PostJson("/api/v1/reminder-rules", Rule());
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.json().at("id").as_int64();
  EXPECT_EQ(created.json().at("channels").as_array(), (json::array{"in_app"}));
  EXPECT_TRUE(created.json().at("active").as_bool());
  std::string path = "/api/v1/reminder-rules/" + std::to_string(id);
  Reply changed = admin_->PatchJson(
      path, json::object{{"offset_days", -2}, {"channels", json::array{"in_app", "sms"}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json().at("offset_days").as_int64(), -2);
  EXPECT_EQ(changed.json().at("channels").as_array(), (json::array{"sms", "in_app"}));
  auto list = admin_->Get("/api/v1/reminder-rules?project_id=" + std::to_string(jhy_)).json();
  EXPECT_EQ(list.at("total").as_int64(), 3);  // the demo's two and this one
  // Managers and cashiers read; only writers write; engineers see nothing.
  EXPECT_EQ(app_->LoginAs("cashier")->Get("/api/v1/reminder-rules").status, 200);
  EXPECT_EQ(app_->LoginAs("cashier")->PostJson("/api/v1/reminder-rules", Rule()).status, 403);
  EXPECT_EQ(app_->LoginAs("engineer")->Get("/api/v1/reminder-rules").status, 403);
  EXPECT_EQ(app_->LoginAs("owner")->Get("/api/v1/reminder-rules").status, 403);
  EXPECT_EQ(admin_->Delete(path).status, 204);
  EXPECT_EQ(admin_->Delete(path).status, 404);
}

TEST_F(ReminderApiTest, BadRulesAreRejectedWithTheField) {
  auto field = [&](json::object extra) {
    Reply r = admin_->PostJson("/api/v1/reminder-rules", Rule(std::move(extra)));
    EXPECT_EQ(r.status, 400) << r.body;
    json::value f = r.json().at("error").at("fields").at(0);
    return std::string(f.at("field").as_string()) + " " + std::string(f.at("code").as_string());
  };
  EXPECT_EQ(field({{"template", "{house} 欠费 {money} 元"}}), "template unknown_placeholder");
  EXPECT_EQ(field({{"template", "{house 欠费"}}), "template unbalanced_brace");
  EXPECT_EQ(field({{"channels", json::array{"fax"}}}), "channels[0] invalid");
  EXPECT_EQ(field({{"channels", json::array{"sms", "sms"}}}), "channels[1] duplicate");
  EXPECT_EQ(field({{"channels", json::array{}}}), "channels required");
  EXPECT_EQ(field({{"offset_days", 999}}), "offset_days out_of_range");
  EXPECT_EQ(field({{"status", "active"}}), "status unknown_field");
  EXPECT_EQ(field({{"name", ""}}), "name required");
  Reply taken = admin_->PostJson("/api/v1/reminder-rules", Rule({{"name", "逾期催缴"}}));
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(Code(taken), "REMINDER_RULE_NAME_TAKEN");
  int64_t other = ProjectId(*app_, app_->other_company_id(), "JHY");
  Reply foreign = admin_->PostJson("/api/v1/reminder-rules", Rule({{"project_id", other}}));
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM reminder_rules WHERE name = '月底提醒'"), 0);
}

TEST_F(ReminderApiTest, BeforeDueRuleFiresFromThreeDaysBeforeUntilTheDueDate) {
  EXPECT_EQ(Remind("2026-09-12").reminders, 0);
  auto rep = Remind("2026-09-13");
  EXPECT_GT(rep.reminders, 100);  // one per house owing on 09-16
  EXPECT_EQ(Sent("到期前提醒"), rep.reminders);
  EXPECT_EQ(Sent("逾期催缴"), 0);
  // In-app only: the owners with accounts got a message, nobody an SMS.
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM notify_outbox WHERE channel = 'sms'"), 0);
  json::array mine = Messages("owner");
  ASSERT_EQ(mine.size(), 1u);
  int64_t amount = app_->Count("SELECT amount FROM bills WHERE house_id = " +
                               std::to_string(HouseId(*app_, jhy_, "1-1-0101")));
  std::string text(mine[0].at("text").as_string());
  EXPECT_NE(text.find("1-1-0101 业主您好"), std::string::npos) << text;
  EXPECT_NE(text.find(std::to_string(amount / 100) + "." + (amount % 100 < 10 ? "0" : "") +
                      std::to_string(amount % 100) + " 元将于 2026-09-16 到期"),
            std::string::npos)
      << text;
  // Later days of the window and the due date itself send nothing more.
  EXPECT_EQ(Remind("2026-09-14").reminders, 0);
  EXPECT_EQ(Remind("2026-09-16").reminders, 0);
  EXPECT_EQ(Messages("owner").size(), 1u);
}

TEST_F(ReminderApiTest, AfterDueRuleSendsOncePerHouseAndDueDateHoweverOftenItRuns) {
  EXPECT_EQ(Remind("2026-09-22").reminders, 0);
  auto first = Remind("2026-09-23");  // 7 days after
  EXPECT_GT(first.reminders, 100);  // houses without owners (shops, garages) get none
  EXPECT_GT(first.messages, 100);
  // In-app messages are written with the reminder (notify/in_app.h); the run delivers the rest.
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM notify_outbox WHERE status = 'sent'"), first.messages);
  EXPECT_EQ(first.delivery.sent,
            first.messages - app_->Count("SELECT COUNT(*) FROM notify_outbox WHERE channel = 'in_app'"));
  int64_t outbox = app_->Count("SELECT COUNT(*) FROM notify_outbox");
  for (const char* day : {"2026-09-23", "2026-09-24", "2026-09-29"}) {
    auto again = Remind(day);
    EXPECT_EQ(again.reminders, 0) << day;
    EXPECT_EQ(again.messages, 0) << day;
  }
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM notify_outbox"), outbox);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM (SELECT rule_id, house_id, due_date FROM "
                        "reminders_sent GROUP BY rule_id, house_id, due_date HAVING COUNT(*) > 1) d"),
            0);
  // The overdue message says how late it is.
  json::array mine = Messages("owner");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_NE(std::string(mine[0].at("text").as_string()).find("已逾期 7 天"), std::string::npos);
  // A rule created long after its day does not remind of old bills.
  ASSERT_EQ(admin_->PostJson("/api/v1/reminder-rules",
                             Rule({{"name", "逾期三天"}, {"offset_days", 3}}))
                .status,
            201);
  EXPECT_EQ(Remind("2026-11-01").reminders, 0);
}

TEST_F(ReminderApiTest, SmsGoesToTheLocalOutboxWithMaskedPhonesOnly) {
  Remind("2026-09-23");
  Reply r = admin_->Get("/api/v1/notify/outbox?channel=sms&size=100");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.json();
  EXPECT_FALSE(body.at("sms_configured").as_bool());
  ASSERT_GT(body.at("total").as_int64(), 100);
  std::regex masked("1[3-9][0-9]\\*\\*\\*\\*[0-9]{4}");
  for (auto& item : body.at("items").as_array()) {
    EXPECT_TRUE(std::regex_match(std::string(item.at("recipient").as_string()), masked));
    EXPECT_EQ(item.at("status").as_string(), "sent");
    EXPECT_EQ(item.at("transport").as_string(), "local");
  }
  // No 11-digit number anywhere in the outbox reply; the table holds ciphertext (nonce,
  // number and tag: far longer than a number).
  EXPECT_FALSE(std::regex_search(r.body, std::regex("1[3-9][0-9]{9}")));
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM notify_outbox WHERE channel = 'sms' AND "
                        "(phone_enc IS NULL OR LENGTH(phone_enc) < 40)"),
            0);
  // The outbox needs its code; a project manager sees only their projects' rows.
  EXPECT_EQ(app_->LoginAs("cashier")->Get("/api/v1/notify/outbox").status, 403);
  EXPECT_EQ(app_->LoginAs("p2.management")->Get("/api/v1/notify/outbox").json().at("total"), 0);
}

TEST_F(ReminderApiTest, OwnersReceiveOnlyTheirOwnHousesReminders) {
  Remind("2026-09-23");
  for (auto [login, house] : {std::pair{"owner", "1-1-0101"}, {"owner2", "1-1-0102"}}) {
    json::array mine = Messages(login);
    ASSERT_EQ(mine.size(), 1u) << login;
    EXPECT_EQ(std::string(mine[0].at("text").as_string()).rfind(house, 0), 0u) << login;
  }
  EXPECT_TRUE(Messages("owner3").empty());  // the second project has no bills
  EXPECT_TRUE(Messages("manager").empty());
  // Somebody else's message cannot be read or marked.
  int64_t theirs = Messages("owner2")[0].at("id").as_int64();
  auto owner = app_->LoginAs("owner");
  EXPECT_EQ(owner->PostJson("/api/v1/messages/" + std::to_string(theirs) + "/read",
                            json::object{}).status,
            404);
  Reply read = app_->LoginAs("owner2")->PostJson(
      "/api/v1/messages/" + std::to_string(theirs) + "/read", json::object{});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_TRUE(read.json().at("read").as_bool());
  EXPECT_EQ(app_->LoginAs("owner2")->Get("/api/v1/messages").json().at("unread"), 0);
  // The other company's owners got nothing of ours, and have no bills of their own.
  EXPECT_TRUE(Messages("other.owner").empty());
}

TEST_F(ReminderApiTest, AHouseThatPaidGetsNoOverdueReminder) {
  int64_t house = HouseId(*app_, jhy_, "1-1-0101");
  int64_t owed = admin_->Get("/api/v1/houses/" + std::to_string(house) + "/account")
                     .json().at("owed").as_int64();
  Reply pay = admin_->Send("POST", "/api/v1/payments",
                           json::serialize(json::object{
                               {"house_id", house}, {"amount", owed}, {"channel", "cash"}}),
                           {{"Content-Type", "application/json"}, {"Idempotency-Key", "r-1"}});
  ASSERT_EQ(pay.status, 201) << pay.body;
  Remind("2026-09-23");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM reminders_sent WHERE house_id = " +
                        std::to_string(house)),
            0);
  // The owner was told of the payment at once (缴费成功), and of nothing else.
  json::array mine = Messages("owner");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].at("title").as_string(), "缴费成功");
  std::string text(mine[0].at("text").as_string());
  EXPECT_NE(text.find("1-1-0101 已缴费 ¥"), std::string::npos) << text;
  EXPECT_NE(text.find("（现金），收据号 R-JHY-"), std::string::npos) << text;
}

TEST_F(ReminderApiTest, RunningThroughTheApiCoversOnlyTheCallersProjects) {
  Reply bad = admin_->PostJson("/api/v1/reminders/run", json::object{{"as_of", "2026-13-01"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(app_->LoginAs("cashier")->PostJson("/api/v1/reminders/run", json::object{}).status, 403);
  // The second project's manager runs it: nothing of the first project is sent.
  Reply p2 = app_->LoginAs("p2.management")
                 ->PostJson("/api/v1/reminders/run", json::object{{"as_of", "2026-09-23"}});
  ASSERT_EQ(p2.status, 200) << p2.body;
  EXPECT_EQ(p2.json().at("reminders").as_int64(), 0);
  Reply mine = app_->LoginAs("manager")
                   ->PostJson("/api/v1/reminders/run", json::object{{"as_of", "2026-09-23"}});
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_GT(mine.json().at("reminders").as_int64(), 100);
  EXPECT_GT(mine.json().at("delivered").as_int64(), 100);
}

}  // namespace
}  // namespace anju::testing
