// The fixture the adjustment and refund API tests share: the demo company with bills run,
// the logins that request and approve (admin = HQ, manager and cashier of JHY, finance
// company-wide), helpers for each route — and after every test the ledger check.
#pragma once

#include <gtest/gtest.h>

#include "modules/billing/ledger.h"
#include "support/test_app.h"

namespace anju::testing {

class CorrectionApiTest : public ::testing::Test {
 protected:
  using json_value = boost::json::value;
  using json_object = boost::json::object;

  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    admin_ = app_->LoginAs("admin");
    manager_ = app_->LoginAs("manager");
    finance_ = app_->LoginAs("finance");
    cashier_ = app_->LoginAs("cashier");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    house_ = HouseId(*app_, jhy_, "1-1-0101");
  }
  void TearDown() override {
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
    EXPECT_TRUE(app_->AuditChainOk());
  }
  static std::string Code(const Reply& r) {
    return std::string(r.json().at("error").at("code").as_string());
  }
  void RunBills(const std::string& period) {
    Reply r = admin_->PostJson("/api/v1/bill-runs", json_object{{"project_id", jhy_},
                                                                {"period", period},
                                                                {"dry_run", false}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  Reply Keyed(TestClient& c, const std::string& path, const std::string& key,
              const json_object& body) {
    return c.Send("POST", path, boost::json::serialize(body),
                  {{"Content-Type", "application/json"}, {"Idempotency-Key", key}});
  }
  Reply Pay(TestClient& c, const std::string& key, json_object body) {
    return Keyed(c, "/api/v1/payments", key, body);
  }
  Reply Refund(TestClient& c, const std::string& key, json_object body) {
    return Keyed(c, "/api/v1/refunds", key, body);
  }
  Reply Adjust(TestClient& c, int64_t bill, const std::string& kind, int64_t amount,
               const std::string& reason = "业主投诉漏水，经核实减免") {
    return c.PostJson("/api/v1/adjustments", json_object{{"bill_id", bill},
                                                         {"kind", kind},
                                                         {"amount", amount},
                                                         {"reason", reason}});
  }
  // POST /api/v1/<what>/{id}/approve|reject.
  Reply Decide(TestClient& c, const std::string& what, int64_t id, bool approve,
               const std::string& reason = "核实无误") {
    json_object body;
    if (!reason.empty()) body["reason"] = reason;
    return c.PostJson("/api/v1/" + what + "/" + std::to_string(id) +
                          (approve ? "/approve" : "/reject"),
                      body);
  }
  Reply Settings(int64_t threshold, const std::string& order = "late_fees_first",
                 bool auto_apply_prepayment = false) {
    return admin_->Send("PUT", "/api/v1/billing-settings",
                        boost::json::serialize(json_object{{"approval_threshold", threshold},
                                                           {"allocation_order", order},
                                                           {"auto_apply_prepayment", auto_apply_prepayment}}),
                        {{"Content-Type", "application/json"}});
  }
  json_value Account(int64_t house = 0) {
    return admin_->Get("/api/v1/houses/" + std::to_string(house ? house : house_) + "/account")
        .json();
  }
  int64_t Prepaid(int64_t house = 0) { return Account(house).at("prepaid").as_int64(); }
  int64_t Owed(int64_t house = 0) { return Account(house).at("owed").as_int64(); }
  int64_t Bill(int64_t house, const std::string& period) {
    return app_->Count("SELECT b.id FROM bills b JOIN fee_items f ON f.id = b.fee_item_id "
                       "WHERE f.code = 'WYF-ZZ' AND b.house_id = " + std::to_string(house) +
                       " AND b.period = '" + period + "'");
  }
  int64_t Col(const std::string& table, int64_t id, const std::string& column) {
    return app_->Count("SELECT " + column + " FROM " + table + " WHERE id = " + std::to_string(id));
  }

  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_, manager_, finance_, cashier_;
  int64_t jhy_ = 0, house_ = 0;
};

}  // namespace anju::testing
