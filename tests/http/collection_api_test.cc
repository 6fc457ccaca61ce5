// Collection (催收) through HTTP and the job: a house overdue 30 days is assigned once to
// the least-loaded specialist of its project; follow-ups; reassigning; who sees what; the
// assignment closes when the house has paid; and the outbox retries a failing provider.
#include <gtest/gtest.h>

#include <map>

#include "modules/billing/ledger.h"
#include "platform/notify/notifier.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

class CollectionApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    app_->clock().Set(1795406400000);  // 2026-11-23 12:00 China time
    admin_ = app_->LoginAs("admin");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    Reply run = admin_->PostJson("/api/v1/bill-runs", json::object{{"project_id", jhy_},
                                                                   {"period", "2026-09"},
                                                                   {"dry_run", false}});
    ASSERT_EQ(run.status, 200) << run.body;
  }
  void TearDown() override {
    EXPECT_TRUE(app::CheckBooks(app_->app().db()).ok);
    EXPECT_TRUE(app_->AuditChainOk());
  }
  // A second collection specialist for the first project.
  int64_t AddCollector(const std::string& login) {
    auto& a = app_->app();
    auto id = a.db().Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<int64_t> {
      identity::NewAccount n{app_->company_id(), AccountKind::kStaff, login, "催收二号",
                             kDemoPassword, std::nullopt, "collection"};
      auto uid = a.identity().CreateAccount(tx, n, "test", std::nullopt);
      if (!uid.ok()) return uid;
      ANJU_TRY(a.org().GrantByCode(tx, app_->company_id(), *uid, "collector", jhy_, "test"));
      return uid;
    });
    EXPECT_TRUE(id.ok());
    return *id;
  }
  int64_t UserId(const std::string& login) {
    return app_->Count("SELECT id FROM users WHERE login = '" + login + "'");
  }
  json::array Assignments(TestClient& c, const std::string& query = "") {
    Reply r = c.Get("/api/v1/collection/assignments?size=100" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("items").as_array();
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_;
  int64_t jhy_ = 0;
};

TEST_F(CollectionApiTest, OverdueHousesAreAssignedOnceToTheLeastLoadedSpecialist) {
  int64_t second = AddCollector("jhy.collector2");
  int64_t first = UserId("p1.collection");
  ASSERT_LT(first, second);
  EXPECT_EQ(app_->app().reminders().Run("2026-10-15").assigned, 0);  // 29 days overdue
  auto rep = app_->app().reminders().Run("2026-10-16");              // 30 days
  int64_t houses = app_->Count("SELECT COUNT(DISTINCT house_id) FROM bills");
  EXPECT_EQ(rep.assigned, houses);
  EXPECT_EQ(rep.unassigned, 0);
  // Alternating in house order from the lower id: the loads differ by at most one.
  std::map<int64_t, int64_t> load;
  for (int64_t id : {first, second})
    load[id] = app_->Count("SELECT COUNT(*) FROM collection_assignments WHERE assignee_id = " +
                           std::to_string(id));
  EXPECT_EQ(load[first] + load[second], houses);
  EXPECT_EQ(load[first] - load[second], houses % 2);
  EXPECT_EQ(app_->Count("SELECT assignee_id FROM collection_assignments ORDER BY house_id LIMIT 1"),
            first);
  // Once: later runs assign nothing more, and the HQ admin (company-wide) is never picked.
  EXPECT_EQ(app_->app().reminders().Run("2026-10-17").assigned, 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM collection_assignments"), houses);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM collection_assignments WHERE assignee_id = " +
                        std::to_string(UserId("admin"))),
            0);
}

TEST_F(CollectionApiTest, SpecialistsSeeTheirOwnManagersAll) {
  AddCollector("jhy.collector2");
  app_->app().reminders().Run("2026-10-16");
  int64_t total = app_->Count("SELECT COUNT(*) FROM collection_assignments");
  auto mine = Assignments(*app_->LoginAs("p1.collection"));
  EXPECT_GT(mine.size(), 0u);
  for (auto& a : mine) EXPECT_EQ(a.at("assignee_id").as_int64(), UserId("p1.collection"));
  EXPECT_EQ(app_->LoginAs("manager")->Get("/api/v1/collection/assignments?size=1").json().at("total"),
            total);
  EXPECT_EQ(app_->LoginAs("cashier")->Get("/api/v1/collection/assignments?size=1").json().at("total"),
            total);  // billing:remind:read
  EXPECT_TRUE(Assignments(*app_->LoginAs("p2.collection")).empty());  // another project's
  EXPECT_EQ(app_->LoginAs("p2.management")->Get("/api/v1/collection/assignments").json().at("total"),
            0);
  EXPECT_EQ(app_->LoginAs("engineer")->Get("/api/v1/collection/assignments").status, 403);
  EXPECT_EQ(app_->LoginAs("owner")->Get("/api/v1/collection/assignments").status, 403);
  EXPECT_EQ(app_->LoginAs("other.admin")->Get("/api/v1/collection/assignments").json().at("total"),
            0);
  // Each assignment shows its house and what it owes now.
  EXPECT_FALSE(mine[0].at("house_code").as_string().empty());
  EXPECT_GT(mine[0].at("overdue").as_int64(), 0);
  EXPECT_EQ(mine[0].at("status").as_string(), "open");
}

TEST_F(CollectionApiTest, FollowUpsAreLoggedByTheAssigneeAndReassigningWorks) {
  int64_t second = AddCollector("jhy.collector2");
  app_->app().reminders().Run("2026-10-16");
  auto collector = app_->LoginAs("p1.collection");
  int64_t id = Assignments(*collector)[0].at("id").as_int64();
  std::string path = "/api/v1/collection/assignments/" + std::to_string(id);
  Reply added = collector->PostJson(path + "/follow-ups",
                                    json::object{{"method", "call"},
                                                 {"outcome", "业主答应月底前缴清"},
                                                 {"promised_date", "2026-10-31"},
                                                 {"promised_amount", 50000}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json().at("user_name").as_string(),
            Assignments(*collector)[0].at("assignee_name").as_string());
  for (json::object bad : {json::object{{"method", "fax"}, {"outcome", "x"}},
                           json::object{{"method", "call"}, {"outcome", ""}},
                           json::object{{"method", "call"}, {"outcome", "x"}, {"promised_amount", 0}},
                           json::object{{"method", "call"}, {"outcome", "x"}, {"user_id", 1}}})
    EXPECT_EQ(collector->PostJson(path + "/follow-ups", bad).status, 400) << json::serialize(bad);
  // Another specialist cannot see or write it; the manager can.
  auto other = app_->LoginAs("jhy.collector2", kDemoPassword);
  EXPECT_EQ(other->Get(path + "/follow-ups").status, 404);
  EXPECT_EQ(other->PostJson(path + "/follow-ups", json::object{{"method", "visit"}, {"outcome", "x"}})
                .status,
            404);
  auto manager = app_->LoginAs("manager");
  ASSERT_EQ(manager->PostJson(path + "/follow-ups",
                              json::object{{"method", "visit"}, {"outcome", "上门未遇"}})
                .status,
            201);
  auto log = manager->Get(path + "/follow-ups").json();
  EXPECT_EQ(log.at("total").as_int64(), 2);
  EXPECT_EQ(log.at("items").at(1).at("promised_amount").as_int64(), 50000);
  // Reassigning: only to a specialist of the project, only by a writer.
  EXPECT_EQ(manager->PutJson(path, json::object{{"assignee_id", UserId("engineer")}}).status, 400);
  EXPECT_EQ(manager->PutJson(path, json::object{{"assignee_id", UserId("p2.collection")}}).status,
            400);
  EXPECT_EQ(collector->PutJson(path, json::object{{"assignee_id", second}}).status, 403);
  Reply moved = manager->PutJson(path, json::object{{"assignee_id", second}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json().at("assignee_id").as_int64(), second);
  EXPECT_EQ(other->Get(path + "/follow-ups").json().at("total").as_int64(), 2);
  EXPECT_EQ(collector->Get(path + "/follow-ups").status, 404);
}

TEST_F(CollectionApiTest, AnAssignmentClosesWhenTheHousePays) {
  app_->app().reminders().Run("2026-10-16");
  auto collector = app_->LoginAs("p1.collection");
  auto first = Assignments(*collector)[0];
  int64_t id = first.at("id").as_int64(), house = first.at("house_id").as_int64();
  int64_t owed = admin_->Get("/api/v1/houses/" + std::to_string(house) + "/account")
                     .json().at("owed").as_int64();
  Reply pay = admin_->Send("POST", "/api/v1/payments",
                           json::serialize(json::object{
                               {"house_id", house}, {"amount", owed}, {"channel", "cash"}}),
                           {{"Content-Type", "application/json"}, {"Idempotency-Key", "c-1"}});
  ASSERT_EQ(pay.status, 201) << pay.body;
  // Reading the list closes it (the job would too).
  auto closed = Assignments(*collector, "&status=closed");
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].at("id").as_int64(), id);
  EXPECT_EQ(closed[0].at("overdue").as_int64(), 0);
  std::string path = "/api/v1/collection/assignments/" + std::to_string(id);
  EXPECT_EQ(collector->PostJson(path + "/follow-ups", json::object{{"method", "call"}, {"outcome", "x"}})
                .status,
            409);
  // The next job run neither reopens it nor assigns the house again.
  EXPECT_EQ(app_->app().reminders().Run("2026-10-20").assigned, 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM collection_assignments WHERE house_id = " +
                        std::to_string(house)),
            1);
}

// A channel that fails until told otherwise.
class FlakyChannel : public notify::Channel {
 public:
  explicit FlakyChannel(bool* up) : up_(up) {}
  notify::SendResult Send(const notify::Message& m) override {
    ++calls;
    if (*up_) return {true, "http", ""};
    return {false, "http", "HTTP 503"};
  }
  int calls = 0;

 private:
  bool* up_;
};

TEST_F(CollectionApiTest, TheOutboxRetriesAFailingProviderThenGivesUp) {
  bool up = false;
  auto flaky = std::make_unique<FlakyChannel>(&up);
  FlakyChannel* ch = flaky.get();
  notify::Notifier n(app_->app().db(), app_->clock(), app_->app().key(), std::move(flaky));
  auto enqueue = [&](const std::string& phone) {
    return app_->app().db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      notify::Outgoing o;
      o.company_id = app_->company_id();
      o.channel = "sms";
      o.phone = phone;
      o.template_code = "reminder";
      o.text = "测试";
      return n.Enqueue(tx, o, app_->clock().Now());
    });
  };
  int64_t doomed = enqueue("13800000001");
  auto status = [&](int64_t id) {
    return app_->app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return tx.QueryOne("SELECT status FROM notify_outbox WHERE id = ?", {id})->Str(0);
    });
  };
  EXPECT_EQ(n.Deliver().retrying, 1);
  EXPECT_EQ(n.Deliver().retrying, 0);  // not due again before its backoff
  for (int i = 1; i < notify::kMaxAttempts; ++i) {
    app_->clock().Advance(kHour);
    n.Deliver();
  }
  EXPECT_EQ(ch->calls, notify::kMaxAttempts);
  EXPECT_EQ(status(doomed), "failed");
  // A message queued while the provider is down goes out once it is back.
  int64_t later = enqueue("13800000002");
  n.Deliver();
  EXPECT_EQ(status(later), "queued");
  up = true;
  app_->clock().Advance(kHour);
  EXPECT_EQ(n.Deliver().sent, 1);
  EXPECT_EQ(status(later), "sent");
  EXPECT_EQ(status(doomed), "failed");
}

}  // namespace
}  // namespace anju::testing
