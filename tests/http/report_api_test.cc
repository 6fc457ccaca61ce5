// Reports through HTTP: the daily figures (应收 posted, 实收 by channel, 欠收 at the end of
// the day) in exact 分 on the days things happened, with China-time day boundaries and
// scope; and the .xlsx exports: a real zip whose sheet holds the figures as 元 numbers,
// Chinese headers, a UTF-8 file name, and the scope of the JSON routes.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "modules/billing/ledger.h"
#include "support/test_app.h"
#include "support/xlsx_file.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

// Epoch ms of a wall-clock time in China (UTC+8).
Millis ChinaTime(const std::string& date, int hour, int minute = 0, int second = 0) {
  return DaysFromCivil(date) * kDay - 8 * kHour + hour * kHour + minute * kMinute +
         second * kSecond;
}

// How libxlsxwriter writes n / scale (scale 100 or 10000): "123.45", "123.4", "123", "0.0012".
std::string Decimal(int64_t n, int64_t scale) {
  std::string s = std::to_string(n / scale);
  if (n % scale == 0) return s;
  std::string frac = std::to_string(scale + n % scale).substr(1);
  while (frac.back() == '0') frac.pop_back();
  return s + "." + frac;
}
std::string YuanNumber(int64_t fen) { return Decimal(fen, 100); }

class ReportApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    At(ChinaTime("2026-11-20", 10));
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
    lyy_ = ProjectId(*app_, app_->company_id(), "LYY");
  }
  void TearDown() override {
    auto rep = app::CheckBooks(app_->app().db());
    EXPECT_TRUE(rep.ok) << (rep.problems.empty() ? "" : rep.problems.front());
  }
  // Moves the clock (a day later the sessions have expired, so log in again).
  void At(Millis t) {
    app_->clock().Set(t);
    admin_ = app_->LoginAs("admin");
    cashier_ = app_->LoginAs("cashier");
  }
  int64_t RunBills(int64_t project) {
    Reply r = admin_->PostJson("/api/v1/bill-runs", json::object{{"project_id", project},
                                                                  {"period", "2026-11"},
                                                                  {"dry_run", false}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("amount").as_int64();
  }
  int64_t Owed(int64_t house) {
    return admin_->Get("/api/v1/houses/" + std::to_string(house) + "/account")
        .json().at("owed").as_int64();
  }
  json::value Pay(int64_t house, int64_t amount, const std::string& channel) {
    Reply r = cashier_->Send("POST", "/api/v1/payments",
                             json::serialize(json::object{{"house_id", house}, {"amount", amount},
                                                          {"channel", channel}}),
                             {{"Content-Type", "application/json"},
                              {"Idempotency-Key", "r-" + std::to_string(++keys_)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  }
  json::value Daily(const std::string& query, TestClient* c = nullptr) {
    Reply r = (c ? c : admin_.get())->Get("/api/v1/reports/daily?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  std::string ProjectName(int64_t id) {
    return app_->app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return tx.QueryOne("SELECT name FROM projects WHERE id = ?", {id})->Str(0);
    });
  }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_, cashier_;
  int64_t jhy_ = 0, lyy_ = 0, keys_ = 0;
};

TEST_F(ReportApiTest, DailyFiguresAreExactOnTheDayTheyHappened) {
  int64_t billed = RunBills(jhy_);  // 2026-11-20 10:00
  ASSERT_GT(billed, 0);
  std::string p = "&project_id=" + std::to_string(jhy_);
  json::value day1 = Daily("date=2026-11-20" + p);
  EXPECT_EQ(day1.at("billed").as_int64(), billed);
  EXPECT_EQ(day1.at("received").as_int64(), 0);
  EXPECT_EQ(day1.at("arrears").as_int64(), billed);
  ASSERT_EQ(day1.at("items").as_array().size(), 1u);
  EXPECT_EQ(day1.at("items").at(0).at("project_id").as_int64(), jhy_);
  EXPECT_EQ(Daily("date=2026-11-19" + p).at("items").as_array().size(), 0u);

  // The 21st: cash (part of a bill), POS (a bill and 5 元 to prepayment), the owner online
  // through the WeChat Pay simulator, and 1 分 at 23:59:59; then 2 分 at 00:00 on the 22nd.
  At(ChinaTime("2026-11-21", 9));
  int64_t a = HouseId(*app_, jhy_, "1-1-0102"), b = HouseId(*app_, jhy_, "1-1-0201"),
          own = HouseId(*app_, jhy_, "1-1-0101");
  int64_t owed_b = Owed(b), owed_own = Owed(own);
  Pay(a, 10000, "cash");
  EXPECT_EQ(Pay(b, owed_b + 500, "pos").at("to_prepayment").as_int64(), 500);
  auto owner = app_->LoginAs("owner");
  Reply order = owner->Send("POST", "/api/v1/payments/online",
                            json::serialize(json::object{{"house_id", own}, {"channel", "wechat"}}),
                            {{"Content-Type", "application/json"}, {"Idempotency-Key", "own-1"}});
  ASSERT_EQ(order.status, 201) << order.body;
  std::string no(order.json().at("order_no").as_string());
  Reply paid = owner->PostJson("/api/v1/payments/online/" + no + "/simulate", json::object{});
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(Owed(own), 0);
  At(ChinaTime("2026-11-21", 23, 59, 59));
  Pay(a, 1, "cash");
  At(ChinaTime("2026-11-22", 0));
  Pay(a, 2, "transfer");

  json::value day2 = Daily("date=2026-11-21" + p);
  int64_t received = 10000 + owed_b + 500 + owed_own + 1;
  EXPECT_EQ(day2.at("billed").as_int64(), 0);
  EXPECT_EQ(day2.at("received").as_int64(), received);
  EXPECT_EQ(day2.at("to_prepayment").as_int64(), 500);
  auto& ch = day2.at("channels");
  EXPECT_EQ(ch.at("cash").as_int64(), 10001);
  EXPECT_EQ(ch.at("pos").as_int64(), owed_b + 500);
  EXPECT_EQ(ch.at("wechat").as_int64(), owed_own);
  EXPECT_EQ(ch.at("transfer").as_int64(), 0);
  EXPECT_EQ(ch.at("alipay").as_int64(), 0);
  EXPECT_EQ(day2.at("arrears").as_int64(), billed - (received - 500));
  EXPECT_EQ(day2.at("items").at(0).at("channels").at("pos").as_int64(), owed_b + 500);
  // The 20th still reads as the books stood that evening; the 22nd has its 2 分.
  EXPECT_EQ(Daily("date=2026-11-20" + p), day1);
  json::value day3 = Daily("date=2026-11-22" + p);
  EXPECT_EQ(day3.at("received").as_int64(), 2);
  EXPECT_EQ(day3.at("channels").at("transfer").as_int64(), 2);
  EXPECT_EQ(day3.at("arrears").as_int64(), day2.at("arrears").as_int64() - 2);
  // No other project has bills: the company-wide totals are the same.
  EXPECT_EQ(Daily("date=2026-11-21").at("received"), day2.at("received"));
}

TEST_F(ReportApiTest, DailyFiguresFollowTheCallersScope) {
  RunBills(jhy_);
  int64_t lyy_billed = RunBills(lyy_);
  auto manager2 = app_->LoginAs("p2.management");  // the second project (LYY) only
  json::value mine = Daily("date=2026-11-20", manager2.get());
  ASSERT_EQ(mine.at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.at("items").at(0).at("project_id").as_int64(), lyy_);
  EXPECT_EQ(mine.at("billed").as_int64(), lyy_billed);
  EXPECT_EQ(Daily("date=2026-11-20&project_id=" + std::to_string(jhy_), manager2.get())
                .at("items").as_array().size(),
            0u);
  EXPECT_EQ(Daily("date=2026-11-20", app_->LoginAs("other.admin").get()).at("billed").as_int64(), 0);
  EXPECT_EQ(app_->LoginAs("owner")->Get("/api/v1/reports/daily?date=2026-11-20").status, 403);
  Reply bad = admin_->Get("/api/v1/reports/daily?date=2026-02-30");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json().at("error").at("fields").at(0).at("field").as_string(), "date");
  EXPECT_EQ(admin_->Get("/api/v1/reports/daily").status, 400);
}

TEST_F(ReportApiTest, CollectionExportIsAnXlsxWithTheFiguresInYuan) {
  RunBills(jhy_);
  int64_t house = HouseId(*app_, jhy_, "1-1-0102");
  Pay(house, 12345, "cash");
  Reply json_report = admin_->Get("/api/v1/reports/collection?from=2026-11&to=2026-11");
  ASSERT_EQ(json_report.status, 200);
  json::value report = json_report.json();
  auto& row = report.at("items").at(0);
  Reply x = admin_->Get("/api/v1/reports/collection.xlsx?from=2026-11&to=2026-11");
  ASSERT_EQ(x.status, 200) << x.body;
  EXPECT_EQ(x.header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(x.header("content-disposition"),
            "attachment; filename=\"collection-2026-11_2026-11.xlsx\"; filename*=UTF-8''"
            "%E6%94%B6%E7%BC%B4%E6%8A%A5%E8%A1%A8-2026-11%E8%87%B32026-11.xlsx");
  ASSERT_EQ(x.body.substr(0, 2), "PK");
  std::string sheet = ZipEntry(x.body, "xl/worksheets/sheet1.xml");
  std::string strings = ZipEntry(x.body, "xl/sharedStrings.xml");
  std::string styles = ZipEntry(x.body, "xl/styles.xml");
  ASSERT_FALSE(sheet.empty());
  EXPECT_NE(strings.find("应收(元)"), std::string::npos);
  EXPECT_NE(strings.find("当期收缴率"), std::string::npos);
  EXPECT_NE(strings.find(ProjectName(jhy_)), std::string::npos);
  EXPECT_NE(strings.find("合计"), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"#,##0.00\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"0.00%\""), std::string::npos);
  int64_t receivable = row.at("receivable").as_int64(), received = row.at("received").as_int64();
  EXPECT_EQ(received, 12345);
  EXPECT_NE(sheet.find("<v>" + YuanNumber(receivable) + "</v>"), std::string::npos) << receivable;
  EXPECT_NE(sheet.find("<v>123.45</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>" + YuanNumber(receivable - received) + "</v>"), std::string::npos);
  // The rate: basis points as a fraction, e.g. 12 bp → 0.0012.
  int64_t bp = row.at("rate_bp").as_int64();
  std::string rate = Decimal(bp, 10000);
  EXPECT_NE(sheet.find("<v>" + rate + "</v>"), std::string::npos) << bp;
  // Header, one project-month, the total.
  EXPECT_EQ(Occurrences(sheet, "<row "), 3);
}

TEST_F(ReportApiTest, DailyAndArrearsExportsHoldTheJsonRoutesRows) {
  RunBills(jhy_);
  int64_t house = HouseId(*app_, jhy_, "1-1-0102");
  Pay(house, 4321, "cheque");
  Reply d = admin_->Get("/api/v1/reports/daily.xlsx?date=2026-11-20");
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_NE(d.header("content-disposition").find("filename=\"daily-2026-11-20.xlsx\""),
            std::string::npos);
  std::string sheet = ZipEntry(d.body, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<v>43.21</v>"), std::string::npos);
  EXPECT_NE(ZipEntry(d.body, "xl/sharedStrings.xml").find("支票"), std::string::npos);

  Reply arrears_json = admin_->Get("/api/v1/arrears?group=house&as_of=2026-12-31&size=1");
  ASSERT_EQ(arrears_json.status, 200);
  int64_t groups = arrears_json.json().at("total").as_int64();
  ASSERT_GT(groups, 100);  // more than one JSON page: the export has them all
  Reply a = admin_->Get("/api/v1/arrears.xlsx?group=house&as_of=2026-12-31");
  ASSERT_EQ(a.status, 200) << a.body;
  std::string rows = ZipEntry(a.body, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(Occurrences(rows, "<row "), groups + 2);
  EXPECT_NE(rows.find("<v>" + YuanNumber(arrears_json.json().at("owed").as_int64()) + "</v>"),
            std::string::npos);
  EXPECT_NE(ZipEntry(a.body, "xl/sharedStrings.xml").find("1-1-0102"), std::string::npos);
  EXPECT_EQ(admin_->Get("/api/v1/arrears.xlsx?group=floor").status, 400);
}

TEST_F(ReportApiTest, ExportsFollowTheCallersScope) {
  RunBills(jhy_);
  RunBills(lyy_);
  auto manager2 = app_->LoginAs("p2.management");
  for (std::string path : {"/api/v1/reports/collection.xlsx?from=2026-11&to=2026-11",
                           "/api/v1/reports/daily.xlsx?date=2026-11-20",
                           "/api/v1/arrears.xlsx?group=project&as_of=2026-12-31"}) {
    SCOPED_TRACE(path);
    Reply x = manager2->Get(path);
    ASSERT_EQ(x.status, 200) << x.body;
    std::string strings = ZipEntry(x.body, "xl/sharedStrings.xml");
    EXPECT_NE(strings.find(ProjectName(lyy_)), std::string::npos);
    EXPECT_EQ(strings.find(ProjectName(jhy_)), std::string::npos);
    EXPECT_EQ(app_->LoginAs("owner")->Get(path).status, 403);
    EXPECT_EQ(app_->Anonymous()->Get(path).status, 401);
  }
  Reply other = app_->LoginAs("other.admin")->Get("/api/v1/arrears.xlsx?as_of=2026-12-31");
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(Occurrences(ZipEntry(other.body, "xl/worksheets/sheet1.xml"), "<row "), 2);
  Reply bad = admin_->Get("/api/v1/reports/collection.xlsx?from=2026-12&to=2026-11");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json().at("error").at("code").as_string(), "BAD_QUERY_PARAMETER");
}

}  // namespace
}  // namespace anju::testing
