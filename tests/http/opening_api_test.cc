// Opening balances (期初) and the importer's transaction-level billing functions: arrears
// and prepaid balances posted inside one transaction show in the house's account, pay at the
// cashier desk, accrue late fees, reverse (until touched) and are found again on re-import;
// fee items and readings refuse what their HTTP routes refuse. The ledger check after every
// test, and its tamper cases for the new states.
#include <gtest/gtest.h>

#include "modules/billing/fee_item_json.h"
#include "modules/billing/fee_items.h"
#include "modules/billing/late_fees.h"
#include "modules/billing/ledger.h"
#include "modules/billing/opening.h"
#include "modules/billing/opening_json.h"
#include "modules/metering/meter_readings.h"
#include "modules/metering/metering_json.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;
using JsonResult = Result<json::value>;

// The importer's way to the opening functions: the permission, the reader, the function;
// the opening as its JSON.
JsonResult AsJson(Result<billing::Opening> r) {
  if (!r.ok()) return r.take_error();
  return json::value(billing::OpeningJson(*r));
}
JsonResult PostArrears(db::Tx& tx, const TenantContext& ctx, const json::object& body, Millis now) {
  ANJU_TRY(billing::MayPostOpenings(ctx));
  auto cmd = billing::ReadOpeningArrears(body, now);
  if (!cmd.ok()) return cmd.take_error();
  return AsJson(billing::PostOpeningArrears(tx, ctx, *cmd, now));
}
JsonResult PostPrepaid(db::Tx& tx, const TenantContext& ctx, const json::object& body, Millis now) {
  ANJU_TRY(billing::MayPostOpenings(ctx));
  auto cmd = billing::ReadOpeningPrepayment(body);
  if (!cmd.ok()) return cmd.take_error();
  return AsJson(billing::PostOpeningPrepayment(tx, ctx, *cmd, now));
}

std::string Field(const Error& e) { return e.fields.empty() ? "" : e.fields.front().field; }
std::string Code(const Reply& r) { return std::string(r.json().at("error").at("code").as_string()); }
std::string Field(const Reply& r) {
  return std::string(r.json().at("error").at("fields").at(0).at("field").as_string());
}

class OpeningApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    admin_ = app_->LoginAs("admin");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    house_ = HouseId(*app_, jhy_, "1-1-0101");
    ctx_ = Ctx("admin");
    today_ = CivilDate(app_->clock().Now());
    period_ = CivilDate(app_->clock().Now() - 70 * kDay).substr(0, 7);
  }
  void TearDown() override {
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
    EXPECT_TRUE(app_->AuditChainOk());
  }
  TenantContext Ctx(const std::string& login) {
    auto r = app_->app().identity().Login(login, kDemoPassword, "127.0.0.1", "test");
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->ctx : TenantContext{};
  }
  // Runs fn in one write transaction (committed unless its result failed).
  JsonResult InTx(const std::function<JsonResult(db::Tx&)>& fn) {
    return app_->app().db().Run(db::TxMode::kWrite, fn);
  }
  JsonResult Arrears(json::object body, const TenantContext* ctx = nullptr) {
    return InTx([&](db::Tx& tx) {
      return PostArrears(tx, ctx ? *ctx : ctx_, body, app_->clock().Now());
    });
  }
  JsonResult Prepaid(int64_t amount) {
    return InTx([&](db::Tx& tx) {
      return PostPrepaid(tx, ctx_, {{"house_id", house_}, {"amount", amount}},
                                            app_->clock().Now());
    });
  }
  JsonResult Reverse(int64_t id) {
    return InTx([&](db::Tx& tx) { return AsJson(billing::ReverseOpening(tx, ctx_, app_->app().corrections(), id, app_->clock().Now())); });
  }
  json::object Account() {
    Reply r = admin_->Get("/api/v1/houses/" + std::to_string(house_) + "/account");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().as_object();
  }
  int64_t Equity() {
    return app_->Count("SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts WHERE code = "
                       "'equity:opening_balance'");
  }
  json::object Body(const std::string& code, int64_t amount) {
    return {{"house_id", house_}, {"fee_item_code", code}, {"period", period_}, {"amount", amount}};
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_;
  TenantContext ctx_;
  int64_t jhy_ = 0, house_ = 0;
  std::string today_, period_;
};

TEST_F(OpeningApiTest, ArrearsAndPrepaidPostedInOneTransactionShowInTheAccount) {
  auto both = InTx([&](db::Tx& tx) -> JsonResult {
    Millis now = app_->clock().Now();
    ANJU_TRY(PostArrears(tx, ctx_, Body("WYF-ZZ", 12345), now));
    ANJU_TRY(PostArrears(tx, ctx_, Body("CWGLF", 500), now));
    return PostPrepaid(tx, ctx_, {{"house_id", house_}, {"amount", 8000},
                                                     {"note", "旧系统预存"}}, now);
  });
  ASSERT_TRUE(both.ok()) << both.error().message;
  EXPECT_EQ(both->at("kind").as_string(), "prepayment");
  EXPECT_EQ(both->at("status").as_string(), "posted");
  auto rep = app::CheckBooks(app_->app().db());
  EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
  json::object account = Account();
  EXPECT_EQ(account.at("owed").as_int64(), 12845);
  EXPECT_EQ(account.at("prepaid").as_int64(), 8000);
  ASSERT_EQ(account.at("open_bills").as_array().size(), 2u);
  EXPECT_EQ(account.at("open_bills").at(0).at("period").as_string(), period_);
  EXPECT_EQ(Equity(), 8000 - 12845);
  // No revenue of this system, no payment, nothing billed today; but owed at the day's end.
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM ledger_accounts WHERE code LIKE 'revenue:%'"), 0);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM payments"), 0);
  Reply daily = admin_->Get("/api/v1/reports/daily?date=" + today_);
  ASSERT_EQ(daily.status, 200) << daily.body;
  EXPECT_EQ(daily.json().at("billed").as_int64(), 0);
  EXPECT_EQ(daily.json().at("arrears").as_int64(), 12845);
  // The collection totals count them in their period's receivable.
  EXPECT_EQ(app_->Count("SELECT SUM(billed) FROM collection_totals WHERE period = '" + period_ +
                        "'"),
            12845);
}

TEST_F(OpeningApiTest, ReImportIsFoundAndBadRowsAreRefusedByField) {
  ASSERT_TRUE(Arrears(Body("WYF-ZZ", 12345)).ok());
  auto same = Arrears(Body("WYF-ZZ", 12345));
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, "OPENING_EXISTS");
  EXPECT_EQ(Field(same.error()), "period");
  auto other = Arrears(Body("WYF-ZZ", 12000));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "OPENING_CONFLICT");
  EXPECT_EQ(Field(other.error()), "amount");
  ASSERT_TRUE(Prepaid(8000).ok());
  EXPECT_EQ(Prepaid(8000).error().code, "OPENING_EXISTS");
  EXPECT_EQ(Prepaid(9000).error().code, "OPENING_CONFLICT");

  auto refused = [&](json::object body, const std::string& code, const std::string& field,
                     const TenantContext* ctx = nullptr) {
    auto r = Arrears(std::move(body), ctx);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, code);
    EXPECT_EQ(Field(r.error()), field);
  };
  refused(Body("NOPE", 100), "FEE_ITEM_NOT_FOUND", "fee_item_code");
  json::object b = Body("CWGLF", 0);
  refused(b, "VALIDATION_FAILED", "amount");
  b = Body("CWGLF", 100), b["period"] = "2026-13";
  refused(b, "VALIDATION_FAILED", "period");
  b["period"] = CivilDate(app_->clock().Now() + 40 * kDay).substr(0, 7);
  refused(b, "VALIDATION_FAILED", "period");
  b = Body("CWGLF", 100), b["house_id"] = HouseId(*app_, ProjectId(*app_, app_->other_company_id(), "JHY"), "1-1-0101");
  refused(b, "HOUSE_NOT_FOUND", "house_id");
  TenantContext p2 = Ctx("p2.management");  // bills another project
  refused(Body("CWGLF", 100), "HOUSE_NOT_FOUND", "house_id", &p2);
  b = Body("CWGLF", 100), b["status"] = "posted";
  refused(b, "VALIDATION_FAILED", "status");
  TenantContext cashier = Ctx("cashier");  // no billing:bill:run
  auto forbidden = Arrears(Body("CWGLF", 100), &cashier);
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().code, "FORBIDDEN");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM opening_balances"), 2);
}

TEST_F(OpeningApiTest, TheCashierDeskPaysAnOpeningBillWhichThenCannotBeReversed) {
  auto posted = Arrears(Body("WYF-ZZ", 12345));
  ASSERT_TRUE(posted.ok());
  int64_t bill = posted->at("bill_id").as_int64();
  auto cashier = app_->LoginAs("cashier");
  Reply paid = cashier->Send(
      "POST", "/api/v1/payments",
      json::serialize(json::object{{"house_id", house_}, {"amount", 12345}, {"channel", "cash"},
                                   {"bill_ids", json::array{bill}}}),
      {{"Content-Type", "application/json"}, {"Idempotency-Key", "open-1"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json().at("settled").as_int64(), 12345);
  EXPECT_FALSE(paid.json().at("receipt").is_null());
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
  auto again = Reverse(posted->at("id").as_int64());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "OPENING_IN_USE");
}

TEST_F(OpeningApiTest, ReversalRestoresTheBalancesAndARepostTakesTheSameBill) {
  auto arrears = Arrears(Body("WYF-ZZ", 12345));
  auto prepaid = Prepaid(8000);
  ASSERT_TRUE(arrears.ok() && prepaid.ok());
  auto r1 = Reverse(arrears->at("id").as_int64());
  ASSERT_TRUE(r1.ok()) << r1.error().message;
  EXPECT_EQ(r1->at("status").as_string(), "reversed");
  ASSERT_TRUE(Reverse(prepaid->at("id").as_int64()).ok());
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
  EXPECT_EQ(Account().at("prepaid").as_int64(), 0);
  EXPECT_EQ(Equity(), 0);
  EXPECT_EQ(Reverse(arrears->at("id").as_int64()).error().code, "OPENING_REVERSED");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM journal_entries WHERE ref_type = 'opening'"), 4);
  auto rep = app::CheckBooks(app_->app().db());
  EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
  // The corrected file posts again: the same bill, the new amount.
  auto again = Arrears(Body("WYF-ZZ", 12000));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->at("bill_id"), arrears->at("bill_id"));
  EXPECT_EQ(again->at("bill_number"), arrears->at("bill_number"));
  EXPECT_EQ(Account().at("owed").as_int64(), 12000);
  EXPECT_EQ(Prepaid(8000).ok(), true);
  // By bill id, as the importer's rollback may.
  auto by_bill = InTx([&](db::Tx& tx) {
    return AsJson(billing::ReverseOpeningBill(tx, ctx_, app_->app().corrections(), again->at("bill_id").as_int64(), app_->clock().Now()));
  });
  ASSERT_TRUE(by_bill.ok());
  EXPECT_EQ(by_bill->at("id"), again->at("id"));
  EXPECT_EQ(Account().at("owed").as_int64(), 0);
}

TEST_F(OpeningApiTest, LateFeesAccrueFromTheDueDateAndASpentPrepaidBalanceStays) {
  auto arrears = Arrears(Body("WYF-ZZ", 100000));
  ASSERT_TRUE(arrears.ok());
  auto accrued = billing::AccrueLateFees(app_->app().db(), app_->clock(), today_, app_->company_id());
  EXPECT_EQ(accrued.bills, 1);
  EXPECT_GT(Account().at("late_fees").as_int64(), 0);
  EXPECT_EQ(Reverse(arrears->at("id").as_int64()).error().code, "OPENING_IN_USE");

  auto prepaid = Prepaid(8000);
  ASSERT_TRUE(prepaid.ok());
  auto manager = app_->LoginAs("manager");
  Reply refund = manager->Send(
      "POST", "/api/v1/refunds",
      json::serialize(json::object{{"house_id", house_}, {"amount", 3000}, {"reason", "业主搬离"}}),
      {{"Content-Type", "application/json"}, {"Idempotency-Key", "rf-open"}});
  ASSERT_EQ(refund.status, 201) << refund.body;
  EXPECT_EQ(refund.json().at("status").as_string(), "refunded");
  EXPECT_EQ(Reverse(prepaid->at("id").as_int64()).error().code, "OPENING_IN_USE");
  EXPECT_EQ(Account().at("prepaid").as_int64(), 5000);
}

TEST_F(OpeningApiTest, TheLedgerCheckFindsTamperedOpenings) {
  auto arrears = Arrears(Body("WYF-ZZ", 12345));
  auto prepaid = Prepaid(8000);
  auto reversed = Arrears(Body("CWGLF", 500));
  ASSERT_TRUE(arrears.ok() && prepaid.ok() && reversed.ok());
  ASSERT_TRUE(Reverse(reversed->at("id").as_int64()).ok());
  ASSERT_TRUE(app::CheckBooks(app_->app().db()).ok);
  std::string a = std::to_string(arrears->at("id").as_int64());
  std::string p = std::to_string(prepaid->at("id").as_int64());
  std::string r = std::to_string(reversed->at("id").as_int64());
  std::string bill = std::to_string(arrears->at("bill_id").as_int64());
  std::string rbill = std::to_string(reversed->at("bill_id").as_int64());
  auto exec = [&](const std::string& sql) {
    app_->app().db().Run(db::TxMode::kWrite, [&](db::Tx& tx) { tx.Exec(sql); });
  };
  // Each tamper is found, and undoing it makes the books agree again.
  auto found = [&](const std::string& tamper, const std::string& undo) {
    exec(tamper);
    EXPECT_FALSE(app::CheckBooks(app_->app().db()).ok) << tamper;
    exec(undo);
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << undo << ": " << (rep.problems.empty() ? "" : rep.problems.front());
  };
  found("UPDATE opening_balances SET amount = amount + 1 WHERE id = " + p,
        "UPDATE opening_balances SET amount = amount - 1 WHERE id = " + p);
  found("UPDATE opening_balances SET status = 'reversed', reversed_at = 1 WHERE id = " + p,
        "UPDATE opening_balances SET status = 'posted', reversed_at = NULL WHERE id = " + p);
  found("UPDATE opening_balances SET status = 'posted', reversed_at = NULL WHERE id = " + r,
        "UPDATE opening_balances SET status = 'reversed', reversed_at = 1 WHERE id = " + r);
  found("UPDATE bills SET source = 'system' WHERE id = " + bill,
        "UPDATE bills SET source = 'opening' WHERE id = " + bill);
  found("UPDATE bills SET credited = 0 WHERE id = " + rbill,
        "UPDATE bills SET credited = amount WHERE id = " + rbill);
  found("UPDATE journal_entries SET kind = 'bill', ref_type = 'bill', ref_id = " + bill +
            " WHERE ref_type = 'opening' AND ref_id = " + a,
        "UPDATE journal_entries SET kind = 'opening', ref_type = 'opening', ref_id = " + a +
            " WHERE kind = 'bill' AND ref_id = " + bill);
  found("UPDATE opening_balances SET kind = 'arrears' WHERE id = " + p,
        "UPDATE opening_balances SET kind = 'prepayment' WHERE id = " + p);
}

// ---- fee items and readings at transaction level refuse what the API refuses ----

TEST_F(OpeningApiTest, FeeItemsInATransactionRefuseWhatTheApiRefusesAndAreFoundByCode) {
  int64_t id_of_update = 0;
  json::object body{{"project_id", jhy_},     {"code", "GTF"},         {"name", "公摊费"},
                    {"kind", "property"},     {"method", "area"},      {"unit_price", 50'00},
                    {"house_kinds", json::array{"residential"}},      {"valid_from", "2020-01-01"}};
  // The importer's way: the permission, the route's reader, then the function.
  auto as_json = [](Result<billing::FeeItem> r) -> JsonResult {
    if (!r.ok()) return r.take_error();
    return json::value(billing::FeeItemJson(*r));
  };
  auto create = [&](json::object b, const TenantContext& ctx) -> JsonResult {
    ANJU_TRY(billing::MayWriteFeeItems(ctx));
    auto cmd = billing::ReadCreateFeeItem(b);
    if (!cmd.ok()) return cmd.take_error();
    return InTx([&](db::Tx& tx) {
      return as_json(billing::CreateFeeItemIn(tx, ctx, *cmd, app_->clock().Now()));
    });
  };
  auto update = [&](json::object b) -> JsonResult {
    auto cmd = billing::ReadUpdateFeeItem(b);
    if (!cmd.ok()) return cmd.take_error();
    return InTx([&](db::Tx& tx) {
      return as_json(billing::UpdateFeeItemIn(tx, ctx_, id_of_update, *cmd, app_->clock().Now()));
    });
  };
  auto made = create(body, ctx_);
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto found = InTx([&](db::Tx& tx) -> JsonResult {
    auto f = billing::FindFeeItemByCode(tx, app_->company_id(), jhy_, "GTF");
    if (!f) return Error(errors::kNotFound);
    return json::value(billing::FeeItemJson(*f));
  });
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, *made);
  Reply listed = admin_->Get("/api/v1/fee-items?project_id=" + std::to_string(jhy_));
  json::value items = listed.json().at("items");
  bool same = false;
  for (auto& item : items.as_array()) same |= item == *made;
  EXPECT_TRUE(same);
  // The same refusals, by code and field, through HTTP and in a transaction.
  auto both = [&](json::object b, const std::string& code, const std::string& field) {
    auto in_tx = create(b, ctx_);
    Reply http = admin_->PostJson("/api/v1/fee-items", b);
    ASSERT_FALSE(in_tx.ok());
    EXPECT_EQ(in_tx.error().code, code);
    EXPECT_EQ(Code(http), code) << http.body;
    EXPECT_EQ(Field(in_tx.error()), field);
    EXPECT_EQ(Field(http), field);
  };
  both(body, "FEE_ITEM_CODE_TAKEN", "code");
  json::object b = body;
  b["code"] = "GTF2", b["cycle_months"] = 2;
  both(b, "VALIDATION_FAILED", "cycle_months");
  b = body, b["code"] = "GTF3", b["project_id"] = ProjectId(*app_, app_->other_company_id(), "JHY");
  both(b, "PROJECT_NOT_FOUND", "project_id");
  EXPECT_EQ(create(body, Ctx("cashier")).error().code, "FORBIDDEN");
  // Update: the route's rules and result.
  int64_t id = made->at("id").as_int64();
  id_of_update = id;
  auto updated = update({{"name", "公摊"}, {"due_days", 20}});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->at("name").as_string(), "公摊");
  auto bad = update({{"unit_price", 1}});
  Reply http = admin_->Send("PATCH", "/api/v1/fee-items/" + std::to_string(id),
                            R"({"unit_price": 1})", {{"Content-Type", "application/json"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Code(http));
  EXPECT_EQ(Field(bad.error()), Field(http));
}

TEST_F(OpeningApiTest, ReadingsInATransactionFollowTheReadingRulesAndAreFoundAgain) {
  Reply item = admin_->PostJson(
      "/api/v1/fee-items",
      json::object{{"project_id", jhy_}, {"code", "SF-T"}, {"name", "水费"}, {"kind", "water"},
                   {"method", "metered"}, {"unit_price", 3'50'00},
                   {"house_kinds", json::array{"residential"}}, {"valid_from", "2020-01-01"}});
  ASSERT_EQ(item.status, 201) << item.body;
  Reply meter = admin_->PostJson(
      "/api/v1/meters", json::object{{"project_id", jhy_}, {"house_id", house_},
                                     {"code", "W-OPEN-1"}, {"kind", "water"},
                                     {"fee_item_id", item.json().at("id")}});
  ASSERT_EQ(meter.status, 201) << meter.body;
  int64_t meter_id = meter.json().at("id").as_int64();
  auto record = [&](json::object b, const TenantContext& ctx) {
    return InTx([&](db::Tx& tx) -> JsonResult {
      Millis now = app_->clock().Now();
      auto cmd = metering::ReadReadingByCode(b, CivilDate(now));
      if (!cmd.ok()) return cmd.take_error();
      auto r = metering::RecordReadingIn(tx, ctx, *cmd, now);
      if (!r.ok()) return r.take_error();
      return json::value(metering::ReadingJson(*r));
    });
  };
  std::string read_day = CivilDate(app_->clock().Now() - 60 * kDay);
  json::object body{{"project_id", jhy_}, {"meter_code", "W-OPEN-1"}, {"period", period_},
                    {"reading", 1000}, {"read_at", read_day}};
  auto first = record(body, ctx_);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->at("meter_id").as_int64(), meter_id);
  EXPECT_EQ(first->at("consumption").as_int64(), 1000);
  // The start of the day read, China time (16:00 UTC the day before).
  EXPECT_EQ(std::string(first->at("read_at").as_string()),
            FormatUtc(DaysFromCivil(read_day) * kDay - 8 * kHour));
  auto found = InTx([&](db::Tx& tx) -> JsonResult {
    auto r = metering::FindReading(tx, app_->company_id(), jhy_, "W-OPEN-1", period_);
    if (!r) return Error(errors::kNotFound);
    return json::value(metering::ReadingJson(*r));
  });
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, *first);
  // The same refusals through HTTP (by meter id) and in a transaction (by meter code).
  auto both = [&](json::object b, const std::string& code, const std::string& field) {
    auto in_tx = record(b, ctx_);
    json::object http_body = b;
    http_body.erase("project_id"), http_body.erase("meter_code"), http_body.erase("read_at");
    http_body["meter_id"] = meter_id;
    Reply http = admin_->PostJson("/api/v1/meter-readings", http_body);
    ASSERT_FALSE(in_tx.ok());
    EXPECT_EQ(in_tx.error().code, code);
    EXPECT_EQ(Code(http), code) << http.body;
    EXPECT_EQ(Field(in_tx.error()), field);
    EXPECT_EQ(Field(http), field);
  };
  both(body, "READING_EXISTS", "period");
  json::object next = body;
  next["period"] = CivilDate(app_->clock().Now() - 35 * kDay).substr(0, 7);
  next["reading"] = 500;
  both(next, "READING_BELOW_PREVIOUS", "reading");
  next["reading"] = 1200, next["rollover"] = true;
  both(next, "VALIDATION_FAILED", "rollover");
  json::object unknown = body;
  unknown["meter_code"] = "W-NONE";
  auto none = record(unknown, ctx_);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "METER_NOT_FOUND");
  EXPECT_EQ(Field(none.error()), "meter_code");
  json::object future = next;
  future.erase("rollover"), future["read_at"] = CivilDate(app_->clock().Now() + 2 * kDay);
  EXPECT_EQ(Field(record(future, ctx_).error()), "read_at");
  EXPECT_EQ(record(body, Ctx("cashier")).error().code, "FORBIDDEN");
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM meter_readings WHERE meter_id = " +
                        std::to_string(meter_id)),
            1);
}

}  // namespace
}  // namespace anju::testing
