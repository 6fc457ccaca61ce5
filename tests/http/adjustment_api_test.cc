// Billing settings and adjustments (调账) through HTTP: the allocation order in both
// settings, credit notes and late-fee waivers applied at once or after a second person's
// approval, the limits re-checked when approved, racing approvals, bad input and scope —
// and after every test the ledger check (correction_fixture.h).
#include <atomic>
#include <thread>

#include "modules/billing/late_fees.h"
#include "correction_fixture.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

using SettingsApiTest = CorrectionApiTest;
using AdjustmentApiTest = CorrectionApiTest;

TEST_F(SettingsApiTest, DefaultsThenHqChangesThemAudited) {
  Reply got = cashier_->Get("/api/v1/billing-settings");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json(), json::parse(R"({"approval_threshold":50000,)"
                                    R"("allocation_order":"late_fees_first",)"
                                    R"("auto_apply_prepayment":false})"));
  auto put = [&](TestClient& c, const std::string& body) {
    return c.Send("PUT", "/api/v1/billing-settings", body, {{"Content-Type", "application/json"}});
  };
  std::string good = R"({"approval_threshold":1000,"allocation_order":"principal_first",)"
                     R"("auto_apply_prepayment":true})";
  EXPECT_EQ(put(*manager_, good).status, 403);  // a project's manager is not HQ
  EXPECT_EQ(put(*finance_, good).status, 403);  // no billing:settings:write
  EXPECT_EQ(app_->LoginAs("owner")->Get("/api/v1/billing-settings").status, 403);
  for (std::string bad : {R"({"approval_threshold":-1,"allocation_order":"principal_first","auto_apply_prepayment":true})",
                          R"({"approval_threshold":1000,"allocation_order":"newest_first","auto_apply_prepayment":true})",
                          R"({"approval_threshold":1000,"allocation_order":"principal_first"})",
                          R"({"approval_threshold":1000,"allocation_order":"principal_first","auto_apply_prepayment":1})",
                          R"({"approval_threshold":10.5,"allocation_order":"principal_first","auto_apply_prepayment":true})",
                          R"({"approval_threshold":1000,"allocation_order":"principal_first","auto_apply_prepayment":true,"company_id":2})"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(put(*admin_, bad).status, 400);
  }
  Reply ok = put(*admin_, good);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json(), json::parse(good));
  EXPECT_EQ(finance_->Get("/api/v1/billing-settings").json(), json::parse(good));
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'billing.settings.update'"), 1);
  // The other company keeps its defaults.
  EXPECT_EQ(app_->LoginAs("other.admin")->Get("/api/v1/billing-settings").json()
                .at("approval_threshold").as_int64(), 50000);
}

// Two overdue months with late fees on two houses; a payment of the first bill's principal
// settles late fees first by default, or the oldest principal first when the company says so.
TEST_F(SettingsApiTest, BothAllocationOrdersAtTheDeskAndOnline) {
  RunBills("2026-09");
  RunBills("2026-10");
  billing::AccrueLateFees(app_->app().db(), app_->clock(), "2026-12-31");
  int64_t other = HouseId(*app_, jhy_, "1-1-0102");
  auto owed = [&](int64_t house, const std::string& period, const std::string& what) {
    return app_->Count("SELECT " + what + " FROM bills WHERE id = " +
                       std::to_string(Bill(house, period)));
  };
  int64_t sep_principal = owed(house_, "2026-09", "amount");
  int64_t late_total = app_->Count("SELECT SUM(late_fee) FROM bills WHERE house_id = " +
                                   std::to_string(house_));
  ASSERT_GT(owed(house_, "2026-09", "late_fee"), 0);
  ASSERT_GT(owed(house_, "2026-10", "late_fee"), 0);

  Reply late_first = Pay(*cashier_, "alloc-1", {{"house_id", house_}, {"amount", sep_principal},
                                               {"channel", "cash"}});
  ASSERT_EQ(late_first.status, 201) << late_first.body;
  EXPECT_EQ(late_first.json().at("late_fee_settled").as_int64(), late_total);
  json::array a1 = late_first.json().at("allocations").as_array();
  EXPECT_EQ(a1.at(0).at("kind").as_string(), "late_fee");
  EXPECT_EQ(owed(house_, "2026-09", "paid"), sep_principal - late_total);

  ASSERT_EQ(Settings(50000, "principal_first").status, 200);
  int64_t other_sep = owed(other, "2026-09", "amount");
  int64_t other_sep_late = owed(other, "2026-09", "late_fee");
  Reply principal_first = Pay(*cashier_, "alloc-2", {{"house_id", other},
                                                    {"amount", other_sep + other_sep_late},
                                                    {"channel", "cash"}});
  ASSERT_EQ(principal_first.status, 201) << principal_first.body;
  json::array a2 = principal_first.json().at("allocations").as_array();
  ASSERT_EQ(a2.size(), 2u);
  EXPECT_EQ(a2.at(0).at("kind").as_string(), "principal");
  EXPECT_EQ(a2.at(0).at("amount").as_int64(), other_sep);
  EXPECT_EQ(a2.at(1).at("kind").as_string(), "late_fee");
  EXPECT_EQ(a2.at(1).at("bill_id").as_int64(), Bill(other, "2026-09"));
  EXPECT_EQ(owed(other, "2026-10", "late_paid"), 0);  // October's late fee waits its turn

  // Online settlement follows the same order: October's principal before its late fee.
  int64_t oct = owed(other, "2026-10", "amount");
  Reply order = Keyed(*admin_, "/api/v1/payments/online", "alloc-3",
                      {{"house_id", other}, {"channel", "alipay"}, {"amount", oct}});
  ASSERT_EQ(order.status, 201) << order.body;
  Reply paid = admin_->Send("POST", "/api/v1/payments/online/" +
                                        std::string(order.json().at("order_no").as_string()) +
                                        "/simulate");
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(owed(other, "2026-10", "paid"), oct);
  EXPECT_EQ(owed(other, "2026-10", "late_paid"), 0);
}

TEST_F(AdjustmentApiTest, ACreditNoteAtTheThresholdAppliesAtOnceForAnApprover) {
  RunBills("2026-11");
  int64_t bill = Bill(house_, "2026-11");
  int64_t owed = Owed();
  Reply r = Adjust(*manager_, bill, "credit_note", 1000);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("status").as_string(), "applied");
  EXPECT_EQ(r.json().at("decided_by").as_int64(), r.json().at("requested_by").as_int64());
  EXPECT_EQ(Owed(), owed - 1000);
  EXPECT_EQ(Col("bills", bill, "credited"), 1000);
  EXPECT_EQ(Col("bills", bill, "amount - paid"), Col("bills", bill, "amount"));  // not edited
  // The bill list shows the credit and what is still owed; the report's 应收 drops with it.
  auto listed = [&] {
    json::value page = manager_->Get("/api/v1/bills?house_id=" + std::to_string(house_) +
                                     "&period=2026-11").json();
    for (const auto& b : page.at("items").as_array())
      if (b.at("id").as_int64() == bill) return b;
    return json::value();
  };
  auto receivable = [&] {
    return manager_->Get("/api/v1/reports/collection?from=2026-11&to=2026-11&project_id=" +
                         std::to_string(jhy_)).json().at("receivable").as_int64();
  };
  EXPECT_EQ(listed().at("credited").as_int64(), 1000);
  EXPECT_EQ(listed().at("owed").as_int64(), Col("bills", bill, "amount") - 1000);
  EXPECT_EQ(receivable(), app_->Count("SELECT SUM(amount) FROM bills WHERE project_id = " +
                                      std::to_string(jhy_) + " AND period = '2026-11'") - 1000);
  int64_t fee = Col("bills", bill, "fee_item_id");
  EXPECT_EQ(app_->Count("SELECT balance FROM ledger_accounts WHERE code = 'credit:fee:" +
                        std::to_string(fee) + "'"),
            1000);
  // The house pays the rest: the bill is settled by owed − 1000.
  ASSERT_EQ(Pay(*cashier_, "after-credit", {{"house_id", house_}, {"amount", owed - 1000},
                                            {"channel", "cash"}}).json().at("to_prepayment"),
            0);
  EXPECT_EQ(Owed(), 0);
  EXPECT_EQ(listed().at("status").as_string(), "paid");
}

TEST_F(AdjustmentApiTest, AboveTheThresholdASecondPersonDecides) {
  RunBills("2026-11");
  ASSERT_EQ(Settings(1000).status, 200);
  int64_t bill = Bill(house_, "2026-11");
  int64_t owed = Owed();
  // A cashier may request but never approve, even below the threshold.
  Reply small = Adjust(*cashier_, bill, "credit_note", 500);
  ASSERT_EQ(small.status, 201) << small.body;
  EXPECT_EQ(small.json().at("status").as_string(), "pending");
  Reply big = Adjust(*manager_, bill, "credit_note", 3000);
  ASSERT_EQ(big.status, 201) << big.body;
  EXPECT_EQ(big.json().at("status").as_string(), "pending");
  EXPECT_EQ(Owed(), owed);  // nothing moves while pending
  int64_t id = big.json().at("id").as_int64();

  Reply self = Decide(*manager_, "adjustments", id, true);
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(Code(self), "APPROVAL_BY_REQUESTER");
  EXPECT_EQ(Code(Decide(*manager_, "adjustments", id, false)), "APPROVAL_BY_REQUESTER");
  EXPECT_EQ(Decide(*cashier_, "adjustments", id, true).status, 403);  // no approve code
  Reply ok = Decide(*finance_, "adjustments", id, true, "");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("status").as_string(), "applied");
  EXPECT_EQ(ok.json().at("decided_by_name").as_string(), "周会计");
  EXPECT_EQ(ok.json().at("requested_by_name").as_string(), "赵经理");
  EXPECT_EQ(Owed(), owed - 3000);
  Reply again = Decide(*admin_, "adjustments", id, true);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Code(again), "APPROVAL_NOT_PENDING");

  int64_t small_id = small.json().at("id").as_int64();
  Reply no_reason = Decide(*manager_, "adjustments", small_id, false, "");
  EXPECT_EQ(no_reason.status, 400);
  Reply rejected = Decide(*manager_, "adjustments", small_id, false, "金额不符");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json().at("status").as_string(), "rejected");
  EXPECT_EQ(rejected.json().at("decision_note").as_string(), "金额不符");
  EXPECT_EQ(Decide(*finance_, "adjustments", small_id, true).status, 409);
  EXPECT_EQ(Owed(), owed - 3000);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries WHERE ref_type = 'adjustment'"), 1);

  Reply pending = finance_->Get("/api/v1/adjustments?status=pending");
  EXPECT_EQ(pending.json().at("total").as_int64(), 0);
  Reply all = finance_->Get("/api/v1/adjustments?house_id=" + std::to_string(house_));
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json().at("total").as_int64(), 2);
  EXPECT_EQ(all.json().at("items").at(0).at("house_code").as_string(), "1-1-0101");
}

TEST_F(AdjustmentApiTest, ACreditNoteOnAPaidBillBecomesPrepaidBalance) {
  RunBills("2026-11");
  int64_t bill = Bill(house_, "2026-11");
  int64_t amount = Col("bills", bill, "amount");
  ASSERT_EQ(Pay(*cashier_, "full", {{"house_id", house_}, {"amount", Owed()}, {"channel", "cash"}})
                .status,
            201);
  ASSERT_EQ(Owed(), 0);
  Reply r = Adjust(*manager_, bill, "credit_note", 2500);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("to_prepayment").as_int64(), 2500);
  EXPECT_EQ(Owed(), 0);
  EXPECT_EQ(Prepaid(), 2500);
  // The month's 实收 no longer counts the 25 元 that now sit in the prepaid balance.
  json::value report = manager_->Get("/api/v1/reports/collection?from=2026-11&to=2026-11&"
                                     "project_id=" + std::to_string(jhy_)).json();
  EXPECT_EQ(report.at("received").as_int64(), amount - 2500);
  // At most the whole bill can be credited, however often.
  Reply over = Adjust(*manager_, bill, "credit_note", amount - 2500 + 1);
  EXPECT_EQ(over.status, 409);
  EXPECT_EQ(Code(over), "ADJUSTMENT_EXCEEDS_OPEN");
  ASSERT_EQ(Adjust(*manager_, bill, "credit_note", std::min<int64_t>(amount - 2500, 50000)).status,
            201);
}

TEST_F(AdjustmentApiTest, AWaiverReducesTheLateFeeAndIsRecheckedWhenApproved) {
  RunBills("2026-09");
  billing::AccrueLateFees(app_->app().db(), app_->clock(), "2026-12-31");
  int64_t bill = Bill(house_, "2026-09");
  int64_t late = Col("bills", bill, "late_fee");
  ASSERT_GT(late, 10);
  int64_t owed = Owed();
  EXPECT_EQ(Code(Adjust(*manager_, bill, "late_fee_waiver", late + 1)), "ADJUSTMENT_EXCEEDS_OPEN");
  Reply part = Adjust(*manager_, bill, "late_fee_waiver", 10);
  ASSERT_EQ(part.status, 201) << part.body;
  EXPECT_EQ(part.json().at("status").as_string(), "applied");
  EXPECT_EQ(Account().at("late_fees").as_int64(), late - 10);
  EXPECT_EQ(app_->Count("SELECT balance FROM ledger_accounts WHERE code = 'waiver:late_fee'"), 10);
  // A waiver of the rest waits for approval; meanwhile the house pays everything it owes, so
  // when the approval comes there is no late fee left to waive.
  Reply rest = Adjust(*cashier_, bill, "late_fee_waiver", late - 10);
  ASSERT_EQ(rest.status, 201);
  EXPECT_EQ(rest.json().at("status").as_string(), "pending");
  ASSERT_EQ(Pay(*cashier_, "all", {{"house_id", house_}, {"amount", owed - 10}, {"channel", "cash"}})
                .status,
            201);
  Reply stale = Decide(*finance_, "adjustments", rest.json().at("id").as_int64(), true);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(Code(stale), "ADJUSTMENT_EXCEEDS_OPEN");
  EXPECT_EQ(Col("adjustments", rest.json().at("id").as_int64(), "status = 'pending'"), 1);
  EXPECT_EQ(Col("bills", bill, "late_waived"), 10);
}

TEST_F(AdjustmentApiTest, RacingApprovalsApplyOnce) {
  RunBills("2026-11");
  ASSERT_EQ(Settings(0).status, 200);
  int64_t bill = Bill(house_, "2026-11");
  int64_t amount = Col("bills", bill, "amount");
  int64_t owed = Owed();
  // One request, three approvers at once: exactly one applies it.
  int64_t one = Adjust(*cashier_, bill, "credit_note", 100).json().at("id").as_int64();
  // Two requests of 60 % each: both fit alone, only one fits after the other.
  int64_t a = Adjust(*cashier_, bill, "credit_note", amount * 6 / 10).json().at("id").as_int64();
  int64_t b = Adjust(*cashier_, bill, "credit_note", amount * 6 / 10).json().at("id").as_int64();
  std::atomic<int> ok_one{0}, ok_pair{0}, exceeded{0};
  std::vector<std::thread> racers;
  for (std::string login : {"finance", "manager", "admin"})
    racers.emplace_back([&, login] {
      auto c = app_->LoginAs(login);
      if (Decide(*c, "adjustments", one, true).status == 200) ++ok_one;
    });
  for (int64_t id : {a, b})
    racers.emplace_back([&, id] {
      auto c = app_->LoginAs(id == a ? "finance" : "manager");
      Reply r = Decide(*c, "adjustments", id, true);
      if (r.status == 200) ++ok_pair;
      if (r.status == 409 && Code(r) == "ADJUSTMENT_EXCEEDS_OPEN") ++exceeded;
    });
  for (auto& t : racers) t.join();
  EXPECT_EQ(ok_one.load(), 1);
  EXPECT_EQ(ok_pair.load(), 1);
  EXPECT_EQ(exceeded.load(), 1);
  EXPECT_EQ(Col("bills", bill, "credited"), 100 + amount * 6 / 10);
  EXPECT_EQ(Owed(), owed - 100 - amount * 6 / 10);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries WHERE ref_type = 'adjustment'"), 2);
}

TEST_F(AdjustmentApiTest, BadInputAndScope) {
  RunBills("2026-11");
  int64_t bill = Bill(house_, "2026-11");
  auto post = [&](const std::string& body) {
    return manager_->Send("POST", "/api/v1/adjustments", body, {{"Content-Type", "application/json"}});
  };
  std::string b = std::to_string(bill);
  for (const std::string& bad : std::vector<std::string>{
       R"({"bill_id":)" + b + R"(,"kind":"credit_note","amount":0,"reason":"理由充分"})",
        R"({"bill_id":)" + b + R"(,"kind":"bad_debt","amount":10,"reason":"理由充分"})",
        R"({"bill_id":)" + b + R"(,"kind":"credit_note","amount":10,"reason":"短"})",
        R"({"bill_id":)" + b + R"(,"kind":"credit_note","amount":10})",
        R"({"bill_id":)" + b + R"(,"kind":"credit_note","amount":10,"reason":"理由充分","status":"applied"})",
        R"({"bill_id":)" + b + R"(,"kind":"credit_note","amount":10.5,"reason":"理由充分"})",
        std::string(R"({"bill_id":"x","kind":"credit_note","amount":10,"reason":"理由充分"})")}) {
    SCOPED_TRACE(bad);
    Reply r = post(bad);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_FALSE(r.json().at("error").at("fields").as_array().empty());
  }
  EXPECT_EQ(Adjust(*manager_, 999999, "credit_note", 10).status, 404);
  EXPECT_EQ(Adjust(*app_->LoginAs("owner"), bill, "credit_note", 10).status, 403);
  EXPECT_EQ(Adjust(*app_->LoginAs("service"), bill, "credit_note", 10).status, 403);
  // The manager of another project, and another company, cannot see the bill.
  EXPECT_EQ(Adjust(*app_->LoginAs("p2.management"), bill, "credit_note", 10).status, 404);
  EXPECT_EQ(Adjust(*app_->LoginAs("other.admin"), bill, "credit_note", 10).status, 404);
  ASSERT_EQ(Settings(0).status, 200);
  int64_t id = Adjust(*cashier_, bill, "credit_note", 10).json().at("id").as_int64();
  EXPECT_EQ(Decide(*app_->LoginAs("p2.management"), "adjustments", id, true).status, 404);
  EXPECT_EQ(Decide(*app_->LoginAs("other.admin"), "adjustments", id, true).status, 404);
  EXPECT_EQ(Decide(*manager_, "adjustments", 999999, true).status, 404);
  Reply extra = manager_->PostJson("/api/v1/adjustments/" + std::to_string(id) + "/approve",
                                   json::object{{"amount", 5}});
  EXPECT_EQ(extra.status, 400);
  EXPECT_EQ(finance_->Get("/api/v1/adjustments?status=done").status, 400);
  EXPECT_EQ(app_->LoginAs("other.admin")->Get("/api/v1/adjustments").json().at("total").as_int64(), 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM adjustments"), 1);
  EXPECT_EQ(Col("bills", bill, "credited"), 0);
}

}  // namespace
}  // namespace anju::testing

namespace anju::testing {
namespace {

using WriteOffApiTest = CorrectionApiTest;

TEST_F(WriteOffApiTest, AWriteOffTakesOnlyWhatIsStillOwedAsBadDebt) {
  RunBills("2026-11");
  int64_t bill = Bill(house_, "2026-11");
  int64_t amount = Col("bills", bill, "amount");
  int64_t owed = Owed();
  ASSERT_EQ(Pay(*cashier_, "part", {{"house_id", house_}, {"amount", 1000}, {"bill_ids", json::array{bill}},
                                    {"channel", "cash"}}).status,
            201);
  // At most the open principal: the 10 元 paid stay paid.
  Reply over = Adjust(*manager_, bill, "write_off", amount - 1000 + 1);
  EXPECT_EQ(over.status, 409);
  Reply w = Adjust(*finance_, bill, "write_off", amount - 1000);
  ASSERT_EQ(w.status, 201) << w.body;
  if (w.json().at("status").as_string() == "pending")
    ASSERT_EQ(Decide(*manager_, "adjustments", w.json().at("id").as_int64(), true).status, 200);
  EXPECT_EQ(Col("bills", bill, "credited"), amount - 1000);
  EXPECT_EQ(Owed(), owed - amount);
  EXPECT_EQ(Prepaid(), 0);
  EXPECT_EQ(app_->Count("SELECT balance FROM ledger_accounts WHERE code = 'expense:bad_debt'"),
            amount - 1000);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries WHERE kind = 'write_off'"), 1);
  // Nothing is left to write off.
  EXPECT_EQ(Adjust(*manager_, bill, "write_off", 1).status, 409);
}

}  // namespace
}  // namespace anju::testing
