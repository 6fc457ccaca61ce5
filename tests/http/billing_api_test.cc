// Billing through HTTP: bill runs (preview, commit, repeat, resume), exact amounts, the
// cashier desk (allocation, prepayment, Idempotency-Key, racing payments), scope — and after
// every test the ledger check: the books balance and agree with the bills.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "modules/billing/ledger.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

std::string Code(const Reply& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

class BillingApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    admin_ = app_->LoginAs("admin");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    house_ = HouseId(*app_, jhy_, "1-1-0101");
  }
  void TearDown() override {
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
    EXPECT_TRUE(app_->AuditChainOk());
  }
  Reply Run(const std::string& period, bool dry, TestClient* c = nullptr) {
    return (c ? c : admin_.get())
        ->PostJson("/api/v1/bill-runs",
                   json::object{{"project_id", jhy_}, {"period", period}, {"dry_run", dry}});
  }
  Reply Pay(TestClient& c, const std::string& key, json::object body) {
    return c.Send("POST", "/api/v1/payments", json::serialize(body),
                  {{"Content-Type", "application/json"}, {"Idempotency-Key", key}});
  }
  int64_t Owed(int64_t house) {
    return admin_->Get("/api/v1/houses/" + std::to_string(house) + "/account")
        .json().at("owed").as_int64();
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_;
  int64_t jhy_ = 0, house_ = 0;
};

TEST_F(BillingApiTest, PreviewWritesNothingAndARunBillsEachHouseOnce) {
  Reply preview = Run("2026-11", true);
  ASSERT_EQ(preview.status, 200) << preview.body;
  int64_t bills = preview.json().at("bills").as_int64();
  int64_t amount = preview.json().at("amount").as_int64();
  EXPECT_GT(bills, 150);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills"), 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries"), 0);
  // The estate's residential property fee, parking and water (one bill per meter read in
  // November) all bill something; the office fee finds no offices here.
  json::value report = preview.json();
  int64_t meters = app_->Count("SELECT COUNT(*) FROM meter_readings WHERE period = '2026-11' "
                               "AND project_id = " + std::to_string(jhy_));
  ASSERT_GT(meters, 0);
  std::map<std::string, int64_t> by_code;
  for (auto& item : report.at("items").as_array())
    by_code[std::string(item.at("code").as_string())] = item.at("bills").as_int64();
  EXPECT_GT(by_code["WYF-ZZ"], 100);
  EXPECT_EQ(by_code["CWGLF"], 30);
  EXPECT_EQ(by_code["SF"], meters);
  EXPECT_EQ(by_code["WYF-BG"], 0);

  Reply run = Run("2026-11", false);
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_EQ(run.json().at("bills").as_int64(), bills);
  EXPECT_EQ(run.json().at("amount").as_int64(), amount);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills"), bills);
  EXPECT_EQ(app_->Count("SELECT COALESCE(SUM(amount), 0) FROM bills"), amount);
  // Every bill posted one entry: receivables up, revenue credited, by the same total.
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries WHERE kind = 'bill'"), bills);

  Reply again = Run("2026-11", false);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json().at("bills").as_int64(), 0);
  EXPECT_EQ(again.json().at("existing").as_int64(), bills);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills"), bills);
  // A preview now says everything exists.
  EXPECT_EQ(Run("2026-11", true).json().at("existing").as_int64(), bills);
}

TEST_F(BillingApiTest, PropertyFeeIsAreaTimesPriceRoundedHalfUp) {
  ASSERT_EQ(Run("2026-11", false).status, 200);
  int64_t area = app_->Count("SELECT gross_area FROM houses WHERE id = " + std::to_string(house_));
  // 2.35 元/m²/月 = 23500 (1/100 分); area in 0.01 m²: fen = area × 23500 / 10000, half up.
  int64_t exact_num = area * 23500;
  int64_t expected = exact_num / 10000 + (exact_num % 10000 >= 5000 ? 1 : 0);
  Reply bills = admin_->Get("/api/v1/bills?house_id=" + std::to_string(house_) + "&period=2026-11");
  ASSERT_EQ(bills.status, 200) << bills.body;
  ASSERT_EQ(bills.json().at("total").as_int64(), 1);
  EXPECT_EQ(bills.json().at("items").at(0).at("amount").as_int64(), expected);
  EXPECT_EQ(bills.json().at("items").at(0).at("due_date").as_string(), "2026-11-16");
  EXPECT_EQ(Owed(house_), expected);
  // A parking unit pays the fixed 120 元.
  int64_t unit = HouseId(*app_, jhy_, "P-1-001");
  Reply parking = admin_->Get("/api/v1/bills?house_id=" + std::to_string(unit));
  EXPECT_EQ(parking.json().at("items").at(0).at("amount").as_int64(), 12000);
}

TEST_F(BillingApiTest, APaymentSettlesTheOldestBillFirstAndKeepsTheRestAsPrepayment) {
  ASSERT_EQ(Run("2026-10", false).status, 200);
  ASSERT_EQ(Run("2026-11", false).status, 200);
  auto account = admin_->Get("/api/v1/houses/" + std::to_string(house_) + "/account").json();
  auto& open = account.at("open_bills").as_array();
  ASSERT_EQ(open.size(), 2u);
  int64_t oct = open[0].at("amount").as_int64(), nov = open[1].at("amount").as_int64();
  EXPECT_EQ(open[0].at("period").as_string(), "2026-10");

  auto cashier = app_->LoginAs("cashier");
  Reply first = Pay(*cashier, "k-1", {{"house_id", house_}, {"amount", oct + 100}, {"channel", "cash"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json().at("settled").as_int64(), oct + 100);
  EXPECT_EQ(first.json().at("allocations").at(0).at("amount").as_int64(), oct);
  EXPECT_EQ(first.json().at("allocations").at(1).at("amount").as_int64(), 100);
  EXPECT_EQ(first.json().at("owed_after").as_int64(), nov - 100);

  Reply over = Pay(*cashier, "k-2", {{"house_id", house_}, {"amount", nov}, {"channel", "pos"}});
  ASSERT_EQ(over.status, 201) << over.body;
  EXPECT_EQ(over.json().at("to_prepayment").as_int64(), 100);
  EXPECT_EQ(over.json().at("owed_after").as_int64(), 0);
  EXPECT_EQ(over.json().at("prepaid_after").as_int64(), 100);
  EXPECT_EQ(admin_->Get("/api/v1/bills?house_id=" + std::to_string(house_) + "&status=open")
                .json().at("total").as_int64(),
            0);
  Reply list = cashier->Get("/api/v1/payments?house_id=" + std::to_string(house_));
  EXPECT_EQ(list.json().at("total").as_int64(), 2);
}

TEST_F(BillingApiTest, APickedBillIsSettledFirstAndAPaidOneIsRefused) {
  ASSERT_EQ(Run("2026-10", false).status, 200);
  ASSERT_EQ(Run("2026-11", false).status, 200);
  auto open = admin_->Get("/api/v1/houses/" + std::to_string(house_) + "/account").json();
  int64_t nov_id = open.at("open_bills").at(1).at("id").as_int64();
  int64_t nov = open.at("open_bills").at(1).at("amount").as_int64();
  Reply picked = Pay(*admin_, "pick-1", {{"house_id", house_}, {"amount", nov},
                                          {"channel", "transfer"}, {"bill_ids", json::array{nov_id}}});
  ASSERT_EQ(picked.status, 201) << picked.body;
  EXPECT_EQ(picked.json().at("allocations").at(0).at("bill_id").as_int64(), nov_id);
  Reply again = Pay(*admin_, "pick-2", {{"house_id", house_}, {"amount", 1},
                                         {"channel", "cash"}, {"bill_ids", json::array{nov_id}}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Code(again), "BILL_NOT_PAYABLE");
}

TEST_F(BillingApiTest, IdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody) {
  ASSERT_EQ(Run("2026-11", false).status, 200);
  json::object body{{"house_id", house_}, {"amount", 1000}, {"channel", "cash"}};
  Reply first = Pay(*admin_, "same-key", body);
  ASSERT_EQ(first.status, 201) << first.body;
  Reply replay = Pay(*admin_, "same-key", body);
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, first.body);
  EXPECT_EQ(replay.header("idempotent-replayed"), "true");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM payments"), 1);
  body["amount"] = 2000;
  Reply reused = Pay(*admin_, "same-key", body);
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(Code(reused), "IDEMPOTENCY_KEY_REUSED");
  Reply missing = admin_->PostJson("/api/v1/payments", body);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(Code(missing), "IDEMPOTENCY_KEY_REQUIRED");
  // A first answer that was an error is replayed too, and moves nothing.
  json::object bad{{"house_id", 999999}, {"amount", 100}, {"channel", "cash"}};
  EXPECT_EQ(Pay(*admin_, "bad-key", bad).status, 404);
  EXPECT_EQ(Pay(*admin_, "bad-key", bad).status, 404);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM payments"), 1);
}

TEST_F(BillingApiTest, RacingPaymentsSettleABillOnce) {
  ASSERT_EQ(Run("2026-11", false).status, 200);
  int64_t owed = Owed(house_);
  ASSERT_GT(owed, 0);
  constexpr int kRacers = 6;
  std::atomic<int> created{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < kRacers; ++i)
    racers.emplace_back([&, i] {
      auto c = app_->LoginAs("cashier");
      Reply r = Pay(*c, "race-" + std::to_string(i),
                    {{"house_id", house_}, {"amount", owed}, {"channel", "cash"}});
      if (r.status == 201) ++created;
    });
  for (auto& t : racers) t.join();
  EXPECT_EQ(created.load(), kRacers);
  // The bill was settled exactly once; every other fen became prepaid balance.
  EXPECT_EQ(Owed(house_), 0);
  EXPECT_EQ(app_->Count("SELECT SUM(amount) FROM payment_allocations"), owed);
  auto account = admin_->Get("/api/v1/houses/" + std::to_string(house_) + "/account").json();
  EXPECT_EQ(account.at("prepaid").as_int64(), owed * (kRacers - 1));
  EXPECT_EQ(app_->Count("SELECT balance FROM ledger_accounts WHERE code = 'clearing:cash'"),
            owed * kRacers);
}

TEST_F(BillingApiTest, ARunResumedAfterAPartialRunAddsOnlyTheMissingBills) {
  // A run that stopped half-way leaves some committed batches behind: make that state by
  // billing the project, then adding houses (as if the first run never reached them).
  ASSERT_EQ(Run("2026-11", false).status, 200);
  int64_t before = app_->Count("SELECT COUNT(*) FROM bills");
  int64_t floor = app_->Count("SELECT floor_id FROM houses WHERE id = " + std::to_string(house_));
  for (const char* number : {"0111", "0112"}) {
    Reply h = admin_->PostJson("/api/v1/houses",
                               json::object{{"floor_id", floor}, {"number", number},
                                            {"kind", "residential"}, {"status", "vacant"},
                                            {"gross_area", 10000}, {"net_area", 8000}});
    ASSERT_EQ(h.status, 201) << h.body;
  }
  Reply resumed = Run("2026-11", false);
  ASSERT_EQ(resumed.status, 200);
  EXPECT_EQ(resumed.json().at("bills").as_int64(), 2);
  EXPECT_EQ(resumed.json().at("amount").as_int64(), 2 * 23500);  // 100 m² × 2.35 元
  EXPECT_EQ(resumed.json().at("existing").as_int64(), before);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills"), before + 2);
}

TEST_F(BillingApiTest, ScopeAndValidation) {
  ASSERT_EQ(Run("2026-11", false).status, 200);
  auto cashier = app_->LoginAs("cashier");  // JHY only
  int64_t lyy_house = HouseId(*app_, ProjectId(*app_, app_->company_id(), "LYY"), "1-1-0101");
  Reply other = Pay(*cashier, "scope-1", {{"house_id", lyy_house}, {"amount", 100}, {"channel", "cash"}});
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(Run("2026-11", false, cashier.get()).status, 403);  // no billing:bill:run
  auto owner = app_->LoginAs("owner");
  Reply mine = owner->Get("/api/v1/bills");
  ASSERT_EQ(mine.status, 200);
  json::value mine_json = mine.json();
  for (auto& b : mine_json.at("items").as_array()) EXPECT_EQ(b.at("house_id").as_int64(), house_);
  EXPECT_EQ(owner->Get("/api/v1/houses/" + std::to_string(house_) + "/account").status, 200);
  EXPECT_EQ(owner->Get("/api/v1/houses/" + std::to_string(lyy_house) + "/account").status, 404);
  EXPECT_EQ(Pay(*owner, "owner-1", {{"house_id", house_}, {"amount", 100}, {"channel", "cash"}}).status,
            403);
  // Bad bodies: a fractional amount, a channel that is not the cashier's, a bad period.
  Reply frac = admin_->Send("POST", "/api/v1/payments",
                            R"({"house_id":1,"amount":10.5,"channel":"cash"})",
                            {{"Content-Type", "application/json"}, {"Idempotency-Key", "v-1"}});
  EXPECT_EQ(frac.status, 400);
  EXPECT_EQ(Pay(*admin_, "v-2", {{"house_id", house_}, {"amount", 100}, {"channel", "wechat"}}).status, 400);
  EXPECT_EQ(Pay(*admin_, "v-3", {{"house_id", house_}, {"amount", 0}, {"channel", "cash"}}).status, 400);
  Reply period = admin_->PostJson("/api/v1/bill-runs", json::object{{"project_id", jhy_},
                                                                    {"period", "2026-13"},
                                                                    {"dry_run", true}});
  EXPECT_EQ(period.status, 400);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM payments"), 0);
}

TEST_F(BillingApiTest, ARunCoversSeveralOrAllProjectsInTheCallersScope) {
  int64_t lyy = ProjectId(*app_, app_->company_id(), "LYY");
  // The JHY manager may not bill LYY: naming it fails and writes nothing.
  auto manager = app_->LoginAs("manager");
  Reply denied = manager->PostJson("/api/v1/bill-runs",
                                   json::object{{"project_ids", json::array{jhy_, lyy}},
                                                {"period", "2026-11"}, {"dry_run", false}});
  EXPECT_EQ(denied.status, 404) << denied.body;
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills"), 0);
  Reply both = admin_->PostJson("/api/v1/bill-runs",
                                json::object{{"project_id", jhy_}, {"project_ids", json::array{lyy}},
                                             {"period", "2026-11"}, {"dry_run", true}});
  EXPECT_EQ(both.status, 400);
  // Without projects: every project the caller may bill — for the manager, JHY only.
  Reply mine = manager->PostJson("/api/v1/bill-runs",
                                 json::object{{"period", "2026-11"}, {"dry_run", false}});
  ASSERT_EQ(mine.status, 200) << mine.body;
  json::value body = mine.json();
  ASSERT_EQ(body.at("projects").as_array().size(), 1u);
  EXPECT_EQ(body.at("projects").at(0).at("project_id").as_int64(), jhy_);
  EXPECT_EQ(app_->Count("SELECT COUNT(DISTINCT project_id) FROM bills"), 1);
  // HQ: all three projects; JHY's bills exist already and are counted as such.
  Reply all = admin_->PostJson("/api/v1/bill-runs",
                               json::object{{"period", "2026-11"}, {"dry_run", false}});
  ASSERT_EQ(all.status, 200) << all.body;
  body = all.json();
  EXPECT_EQ(body.at("projects").as_array().size(), 3u);
  EXPECT_EQ(body.at("existing").as_int64(), mine.json().at("bills").as_int64());
  EXPECT_EQ(body.at("bills").as_int64() + body.at("existing").as_int64(),
            app_->Count("SELECT COUNT(*) FROM bills"));
  EXPECT_EQ(app_->Count("SELECT COUNT(DISTINCT project_id) FROM bills"), 3);
}

TEST_F(BillingApiTest, TheLedgerCheckFindsTampering) {
  ASSERT_EQ(Run("2026-11", false).status, 200);
  ASSERT_EQ(Pay(*admin_, "t-1", {{"house_id", house_}, {"amount", 500}, {"channel", "cash"}}).status, 201);
  ASSERT_TRUE(app::CheckBooks(app_->app().db()).ok);
  auto exec = [&](const std::string& sql) {
    app_->app().db().Run(db::TxMode::kWrite, [&](db::Tx& tx) { tx.Exec(sql); });
  };
  exec("UPDATE ledger_accounts SET balance = balance + 1 WHERE code = 'clearing:cash'");
  auto rep = app::CheckBooks(app_->app().db());
  EXPECT_FALSE(rep.ok);
  ASSERT_FALSE(rep.problems.empty());
  EXPECT_NE(rep.problems.front().find("clearing:cash"), std::string::npos) << rep.problems.front();
  exec("UPDATE ledger_accounts SET balance = balance - 1 WHERE code = 'clearing:cash'");
  exec("UPDATE bills SET paid = paid + 7 WHERE house_id = " + std::to_string(house_));
  EXPECT_FALSE(app::CheckBooks(app_->app().db()).ok);
  exec("UPDATE bills SET paid = paid - 7 WHERE house_id = " + std::to_string(house_));
  exec("UPDATE journal_lines SET debit = debit + 1 WHERE id = (SELECT MIN(id) FROM journal_lines "
       "WHERE debit > 0)");
  EXPECT_FALSE(app::CheckBooks(app_->app().db()).ok);
  exec("UPDATE journal_lines SET debit = debit - 1 WHERE id = (SELECT MIN(id) FROM journal_lines "
       "WHERE debit > 0)");
}

}  // namespace
}  // namespace anju::testing

namespace anju::testing {
namespace {

TEST_F(BillingApiTest, CollectionReportGivesRatesInBasisPoints) {
  ASSERT_EQ(Run("2026-10", false).status, 200);
  ASSERT_EQ(Run("2026-11", false).status, 200);
  // The owner of 1-1-0101 pays both months now (in November): October's bill counts as
  // arrears recovered in November.
  int64_t owed = Owed(house_);
  int64_t oct = app_->Count("SELECT SUM(amount) FROM bills WHERE period = '2026-10' AND house_id = " +
                            std::to_string(house_));
  ASSERT_EQ(Pay(*admin_, "rep-1", {{"house_id", house_}, {"amount", owed}, {"channel", "cash"}}).status,
            201);
  Reply r = admin_->Get("/api/v1/reports/collection?from=2026-10&to=2026-11&project_id=" +
                        std::to_string(jhy_));
  ASSERT_EQ(r.status, 200) << r.body;
  json::value body = r.json();
  ASSERT_EQ(body.at("items").as_array().size(), 2u);
  for (auto& row : body.at("items").as_array()) {
    std::string month(row.at("month").as_string());
    int64_t receivable = app_->Count("SELECT SUM(amount) FROM bills WHERE period = '" + month +
                                     "' AND project_id = " + std::to_string(jhy_));
    int64_t received = app_->Count("SELECT SUM(paid) FROM bills WHERE period = '" + month +
                                   "' AND project_id = " + std::to_string(jhy_));
    EXPECT_EQ(row.at("receivable").as_int64(), receivable) << month;
    EXPECT_EQ(row.at("received").as_int64(), received) << month;
    EXPECT_EQ(row.at("arrears").as_int64(), receivable - received) << month;
    EXPECT_EQ(row.at("rate_bp").as_int64(), received * 10000 / receivable) << month;
  }
  auto& nov = body.at("items").at(1);
  EXPECT_EQ(nov.at("month").as_string(), "2026-11");
  EXPECT_EQ(nov.at("recovered").as_int64(), oct);
  int64_t oct_all = app_->Count("SELECT SUM(amount) FROM bills WHERE period = '2026-10' AND "
                                "project_id = " + std::to_string(jhy_));
  EXPECT_EQ(nov.at("recovery_bp").as_int64(), oct * 10000 / oct_all);
  EXPECT_TRUE(body.at("items").at(0).at("recovery_bp").is_null());  // nothing older than October
  EXPECT_EQ(admin_->Get("/api/v1/reports/collection?from=2026-13&to=2026-12").status, 400);
  EXPECT_EQ(app_->LoginAs("owner")->Get("/api/v1/reports/collection?from=2026-10&to=2026-11").status,
            403);
}

}  // namespace
}  // namespace anju::testing

namespace anju::testing {
namespace {

TEST_F(BillingApiTest, DiscountRulesTakeTheirShareOffNewBillsAsTheirOwnLedgerEntries) {
  int64_t fee = app_->Count("SELECT id FROM fee_items WHERE project_id = " + std::to_string(jhy_) +
                            " AND code = 'WYF-ZZ'");
  auto rule = [&](TestClient& c, json::object body) {
    return c.PostJson("/api/v1/discount-rules", body);
  };
  // Bad rules change nothing.
  int64_t rules = app_->Count("SELECT COUNT(*) FROM discount_rules");  // the demo's
  for (json::object bad : {json::object{{"rate_bp", 0}}, json::object{{"rate_bp", 10001}},
                           json::object{{"period_from", "2026-13"}},
                           json::object{{"period_to", "2026-10"}},
                           json::object{{"fee_item_id", 999999}},
                           json::object{{"company_id", 9}}}) {
    json::object body{{"project_id", jhy_}, {"fee_item_id", fee}, {"name", "九折"},
                      {"rate_bp", 1000}, {"period_from", "2026-11"}, {"period_to", "2026-12"}};
    for (auto& [k, v] : bad) body[k] = v;
    Reply r = rule(*admin_, body);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << r.status << " " << r.body;
  }
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM discount_rules"), rules);
  EXPECT_EQ(rule(*app_->LoginAs("cashier"), {{"project_id", jhy_}}).status, 403);
  // October without a discount, November with 10 % and 5 % rules: the best one (10 %) applies.
  ASSERT_EQ(Run("2026-10", false).status, 200);
  Reply ten = rule(*app_->LoginAs("manager"),
                   {{"project_id", jhy_}, {"fee_item_id", fee}, {"name", "新春九折"},
                    {"rate_bp", 1000}, {"period_from", "2026-11"}, {"period_to", "2026-12"}});
  ASSERT_EQ(ten.status, 201) << ten.body;
  ASSERT_EQ(rule(*admin_, {{"project_id", jhy_}, {"fee_item_id", fee}, {"name", "九五折"},
                           {"rate_bp", 500}, {"period_from", "2026-11"}}).status,
            201);
  Reply preview = Run("2026-11", true);
  ASSERT_EQ(preview.status, 200);
  Reply nov = Run("2026-11", false);
  ASSERT_EQ(nov.status, 200) << nov.body;
  EXPECT_EQ(nov.json().at("discount").as_int64(), preview.json().at("discount").as_int64());
  auto bill = [&](const std::string& period, const std::string& col) {
    return app_->Count("SELECT " + col + " FROM bills WHERE house_id = " + std::to_string(house_) +
                       " AND fee_item_id = " + std::to_string(fee) + " AND period = '" + period + "'");
  };
  int64_t gross = bill("2026-10", "amount");  // a whole month of the same area and price
  ASSERT_EQ(bill("2026-10", "discount"), 0);
  int64_t off = (gross * 1000 + 5000) / 10000;  // 10 %, rounded half up to 分
  EXPECT_EQ(bill("2026-11", "discount"), off);
  EXPECT_EQ(bill("2026-11", "amount"), gross - off);
  // The books: revenue took the gross, the discount account the discount, and the house owes
  // the net.
  int64_t discounts = app_->Count("SELECT SUM(discount) FROM bills");
  EXPECT_EQ(discounts, nov.json().at("discount").as_int64());
  EXPECT_GT(discounts, 0);
  EXPECT_EQ(app_->Count("SELECT balance FROM ledger_accounts WHERE code = 'discount:fee:" +
                        std::to_string(fee) + "'"),
            discounts);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries WHERE kind = 'discount'"),
            app_->Count("SELECT COUNT(*) FROM bills WHERE discount > 0"));
  json::value list =
      admin_->Get("/api/v1/bills?period=2026-11&house_id=" + std::to_string(house_)).json();
  bool seen = false;
  for (const auto& b : list.at("items").as_array())
    if (b.at("fee_item_id").as_int64() == fee) {
      seen = true;
      EXPECT_EQ(b.at("discount").as_int64(), off);
      EXPECT_EQ(b.at("owed").as_int64(), gross - off);
    }
  EXPECT_TRUE(seen);
  // Switching the rule off changes no posted bill; December gets the 5 % rule.
  int64_t id = ten.json().at("id").as_int64();
  Reply offed = admin_->Send("PATCH", "/api/v1/discount-rules/" + std::to_string(id),
                             R"({"active":false})", {{"Content-Type", "application/json"}});
  ASSERT_EQ(offed.status, 200) << offed.body;
  EXPECT_EQ(bill("2026-11", "discount"), off);
  ASSERT_EQ(Run("2026-12", false).status, 200);
  EXPECT_EQ(bill("2026-12", "discount"), (gross * 500 + 5000) / 10000);
  // Another project's manager and another company see none of it.
  json::value seen_by_p2 = app_->LoginAs("p2.management")->Get("/api/v1/discount-rules").json();
  for (const auto& r : seen_by_p2.at("items").as_array())
    EXPECT_NE(r.at("project_id").as_int64(), jhy_);
  EXPECT_EQ(app_->LoginAs("other.admin")
                ->Send("PATCH", "/api/v1/discount-rules/" + std::to_string(id), R"({"name":"x"})",
                       {{"Content-Type", "application/json"}})
                .status,
            404);
}

}  // namespace
}  // namespace anju::testing

namespace anju::testing {
namespace {

TEST_F(BillingApiTest, QuarterlyItemsBillTheirCycleOnceAndTieredItemsTakeTiersOverHttp) {
  auto item = [&](json::object extra) {
    json::object body{{"project_id", jhy_}, {"code", "LHF"}, {"name", "绿化费"},
                      {"kind", "one_off"}, {"method", "fixed"}, {"unit_price", 30'00'00},
                      {"house_kinds", json::array{"residential"}}, {"valid_from", "2026-01-01"}};
    for (auto& [k, v] : extra) body[k] = v;
    return admin_->PostJson("/api/v1/fee-items", body);
  };
  // Bad cycles and tiers are refused.
  EXPECT_EQ(item({{"cycle_months", 2}}).status, 400);
  EXPECT_EQ(item({{"tiers", json::array{json::array{1000, 100}}}}).status, 400);  // not metered
  EXPECT_EQ(item({{"code", "SF-X"}, {"method", "metered"}, {"cycle_months", 3}}).status, 400);
  EXPECT_EQ(item({{"code", "SF-X"}, {"method", "metered"},
                  {"tiers", json::array{json::array{-5, 100}}}}).status,
            400);
  Reply tiered = item({{"code", "SF-T2"}, {"kind", "water"}, {"method", "metered"},
                       {"unit_price", 46000},
                       {"tiers", json::array{json::array{2200, 46000},
                                             json::array{nullptr, 59000}}}});
  ASSERT_EQ(tiered.status, 201) << tiered.body;
  EXPECT_EQ(tiered.json().at("tiers").at(1).at(1).as_int64(), 59000);
  // 30 元 a month, billed quarterly: October's run bills October–December, 90 元.
  Reply quarterly = item({{"cycle_months", 3}});
  ASSERT_EQ(quarterly.status, 201) << quarterly.body;
  EXPECT_EQ(quarterly.json().at("cycle_months").as_int64(), 3);
  int64_t fee = quarterly.json().at("id").as_int64();
  // A house handed over in mid-November is billed from then on: the quarter's bill is
  // prorated, 16 November – 31 December, 46 of its 92 days of 90 元.
  int64_t late = HouseId(*app_, jhy_, "1-1-0102");
  app_->app().db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    tx.Exec("UPDATE houses SET delivered_on = '2026-11-16' WHERE id = ?", {late});
  });
  auto bills = [&](int64_t house) {
    return app_->Count("SELECT COUNT(*) FROM bills WHERE fee_item_id = " + std::to_string(fee) +
                       " AND house_id = " + std::to_string(house));
  };
  auto col = [&](int64_t house, const std::string& c) {
    return app_->Count("SELECT " + c + " FROM bills WHERE fee_item_id = " + std::to_string(fee) +
                       " AND house_id = " + std::to_string(house));
  };
  ASSERT_EQ(Run("2026-10", false).status, 200);
  EXPECT_EQ(col(house_, "amount"), 90'00);
  EXPECT_EQ(col(late, "amount"), 90'00 * 46 / 92);
  int64_t quarter_bills = app_->Count("SELECT COUNT(*) FROM bills WHERE fee_item_id = " +
                                      std::to_string(fee));
  Reply nov = Run("2026-11", false);
  ASSERT_EQ(nov.status, 200) << nov.body;
  EXPECT_EQ(bills(house_), 1);  // the quarter is billed once
  int64_t nov_existing = 0;
  json::value nov_body = nov.json();
  for (const auto& it : nov_body.at("items").as_array())
    if (it.at("fee_item_id").as_int64() == fee) nov_existing = it.at("existing").as_int64();
  EXPECT_EQ(nov_existing, quarter_bills);
  EXPECT_EQ(bills(late), 1);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM bills WHERE fee_item_id = " + std::to_string(fee) +
                        " AND period <> '2026-10'"),
            0);
  // The monthly property fee is billed every month as before.
  EXPECT_EQ(app_->Count("SELECT COUNT(DISTINCT period) FROM bills WHERE house_id = " +
                        std::to_string(house_) + " AND fee_item_id <> " + std::to_string(fee)),
            2);
}

}  // namespace
}  // namespace anju::testing
