// Imports over HTTP: a dry run reports every bad row by line and column and writes nothing;
// a commit writes the good rows; the same file again changes nothing; GB18030 CSV and .xlsx
// read the same; all-or-nothing writes nothing when one row is bad; a batch rolls back
// exactly, or not at all when something newer depends on it.
#include <gtest/gtest.h>

#include <iconv.h>

#include "core/tabular/tabular.h"
#include "modules/billing/ledger.h"
#include "support/test_app.h"
#include "support/xlsx_file.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

const char* kHeader = "楼栋编码*,楼栋名称,单元*,楼层*,房号*,房屋类型*,状态,建筑面积(㎡)*,套内面积(㎡)*,交付日期\n";

std::string Gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

class ImportApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app_ = std::make_unique<TestApp>();
    admin_ = app_->LoginAs("admin");
    jhy_ = ProjectId(*app_, app_->company_id(), "JHY");
  }
  void TearDown() override {
    EXPECT_TRUE(app_->AuditChainOk());
    EXPECT_TRUE(app::CheckBooks(app_->app().db()).ok);
  }
  // Uploads, waits for the batch to finish, returns it.
  json::object Import(const std::string& kind, const std::string& bytes, const std::string& name,
                      bool dry_run, bool all_or_nothing = false) {
    std::string target = "/api/v1/imports?kind=" + kind + "&project_id=" + std::to_string(jhy_) +
                         "&dry_run=" + (dry_run ? "1" : "0") +
                         "&all_or_nothing=" + (all_or_nothing ? "1" : "0") + "&file_name=" + name;
    Reply r = admin_->Send("POST", target, bytes, {{"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(r.status, 202) << r.body;
    return Finished(r.json().at("id").as_int64());
  }
  json::object Finished(int64_t id) {
    app_->app().imports().WaitIdle();
    Reply r = admin_->Get("/api/v1/imports/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().as_object();
  }
  int64_t Houses() { return app_->Count("SELECT COUNT(*) FROM houses WHERE project_id = " + std::to_string(jhy_)); }
  std::unique_ptr<TestApp> app_;
  std::unique_ptr<TestClient> admin_;
  int64_t jhy_ = 0;
};

// The bad rows of a report as "line:column:code".
std::vector<std::string> BadRows(const json::object& batch) {
  std::vector<std::string> out;
  for (auto& b : batch.at("report").at("bad_rows").as_array())
    for (auto& e : b.at("errors").as_array())
      out.push_back(std::to_string(b.at("line").as_int64()) + ":" + std::string(e.at("column").as_string()) +
                    ":" + std::string(e.at("code").as_string()));
  return out;
}

TEST_F(ImportApiTest, ADryRunReportsEveryBadRowAndWritesNothing) {
  std::string csv = std::string(kHeader) +
                    "Z1,Z1号楼,1,1,0101,住宅,自住,89.50,72.30,2019-07-01\n"  // 2 good
                    "Z1,Z1号楼,1,1,0102,住宅,自住,abc,72.30,\n"              // 3 area not a number
                    "Z1,Z1号楼,1,1,,住宅,自住,80,70,\n"                      // 4 number missing
                    "Z1,Z1号楼,1,1,0101,住宅,自住,89.50,72.30,\n"            // 5 duplicate of 2
                    "Z1,Z1号楼,1,1,0103,别墅,自住,80,70,\n"                  // 6 kind unknown
                    "Z1,Z1号楼,1,2,0201,住宅,出租,99,100,\n"                 // 7 net > gross (the API's rule)
                    "Z1,Z1号楼,1,2,0202,住宅,空置,95.5,80,2019/7/1\n";       // 8 good
  int64_t before = Houses();
  json::object b = Import("houses", csv, "houses.csv", true);
  EXPECT_EQ(b.at("status"), "done") << json::serialize(b);
  EXPECT_EQ(b.at("rows"), 7);
  EXPECT_EQ(b.at("created"), 2);
  EXPECT_EQ(b.at("bad"), 5);
  std::vector<std::string> bad = BadRows(b);
  ASSERT_EQ(bad.size(), 5u) << json::serialize(b.at("report"));
  EXPECT_EQ(bad[0], "3:gross_area:invalid");
  EXPECT_EQ(bad[1], "4:number:required");
  EXPECT_EQ(bad[2], "5::duplicate_in_file");
  EXPECT_EQ(bad[3], "6:kind:invalid");
  EXPECT_EQ(bad[4], "7:net_area:greater_than_gross");
  EXPECT_EQ(Houses(), before) << "a dry run writes nothing";
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM buildings WHERE code = 'Z1'"), 0);
  // The bad rows as a file to fix: the header, the 5 rows and the reason column.
  Reply f = admin_->Get("/api/v1/imports/" + std::to_string(b.at("id").as_int64()) + "/bad-rows?format=csv");
  ASSERT_EQ(f.status, 200);
  EXPECT_EQ(std::count(f.body.begin(), f.body.end(), '\n'), 6);
  EXPECT_NE(f.body.find("错误原因"), std::string::npos);
}

TEST_F(ImportApiTest, CommitThenTheSameFileAgainChangesNothingAndRollbackUndoesIt) {
  std::string csv = std::string(kHeader) + "Z2,,1,1,0101,住宅,自住,89.50,72.30,\nZ2,,1,1,0102,商铺,,60,50,\n";
  int64_t before = Houses();
  json::object dry = Import("houses", csv, "h.csv", true);
  Reply c = admin_->PostJson("/api/v1/imports/" + std::to_string(dry.at("id").as_int64()) + "/commit", json::object{});
  ASSERT_EQ(c.status, 202) << c.body;
  json::object done = Finished(c.json().at("id").as_int64());
  EXPECT_EQ(done.at("created"), 2) << json::serialize(done);
  EXPECT_EQ(Houses(), before + 2);
  EXPECT_EQ(app_->Count("SELECT gross_area FROM houses WHERE code = 'Z2-1-0101'"), 8950);
  json::object again = Import("houses", csv, "h.csv", false);
  EXPECT_EQ(again.at("skipped"), 2);
  EXPECT_EQ(again.at("created"), 0);
  EXPECT_EQ(Houses(), before + 2);
  // A changed area updates the house; rolling that batch back restores it.
  json::object changed = Import("houses", std::string(kHeader) + "Z2,,1,1,0101,住宅,自住,90,72.30,\n", "h2.csv", false);
  EXPECT_EQ(changed.at("updated"), 1);
  EXPECT_EQ(app_->Count("SELECT gross_area FROM houses WHERE code = 'Z2-1-0101'"), 9000);
  Reply rb = admin_->PostJson("/api/v1/imports/" + std::to_string(changed.at("id").as_int64()) + "/rollback", json::object{});
  ASSERT_EQ(rb.status, 200) << rb.body;
  EXPECT_EQ(app_->Count("SELECT gross_area FROM houses WHERE code = 'Z2-1-0101'"), 8950);
  // The first batch: refused while a resident lives in one of its houses, then undone.
  int64_t house = HouseId(*app_, jhy_, "Z2-1-0101");
  Reply link = admin_->PostJson("/api/v1/residents", json::object{{"name", "新业主"}, {"phone", "13900002222"},
                                                                 {"house_id", house}, {"relation", "owner"}});
  ASSERT_EQ(link.status, 201) << link.body;
  std::string first = "/api/v1/imports/" + std::to_string(done.at("id").as_int64()) + "/rollback";
  Reply blocked = admin_->PostJson(first, json::object{});
  EXPECT_EQ(blocked.status, 409) << blocked.body;
  EXPECT_EQ(Houses(), before + 2) << "all or nothing";
  app_->app().db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    tx.Exec("DELETE FROM house_residents WHERE house_id = ?", {house});
    return 0;
  });
  Reply undone = admin_->PostJson(first, json::object{});
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(Houses(), before);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM buildings WHERE code = 'Z2'"), 0);
  EXPECT_EQ(undone.json().at("rollback").at("by_entity").at("house").at("removed"), 2);
  EXPECT_EQ(admin_->PostJson(first, json::object{}).status, 409) << "once";
}

TEST_F(ImportApiTest, Gb18030CsvAndXlsxReadTheSameAndAllOrNothingWritesNothing) {
  std::string rows = "Z3,Z3号楼,1,1,0101,住宅,自住,89.50,72.30,\nZ3,Z3号楼,1,1,0102,住宅,出租,70,60,\n";
  json::object gb = Import("houses", Gb18030(std::string(kHeader) + rows), "gb.csv", true);
  EXPECT_EQ(gb.at("created"), 2) << json::serialize(gb);
  EXPECT_EQ(gb.at("bad"), 0);
  auto xlsx = tabular::WriteXlsx({"楼栋编码*", "单元*", "楼层*", "房号*", "房屋类型*", "建筑面积(㎡)*", "套内面积(㎡)*"},
                                 {{"Z3", "1", "1", "0101", "住宅", "89.5", "72.3"},
                                  {"Z3", "1", "1", "0102", "住宅", "x", "60"}});
  ASSERT_TRUE(xlsx.ok());
  int64_t before = Houses();
  json::object x = Import("houses", *xlsx, "h.xlsx", false, /*all_or_nothing=*/true);
  EXPECT_EQ(x.at("bad"), 1) << json::serialize(x);
  EXPECT_EQ(BadRows(x).at(0), "3:gross_area:invalid");
  EXPECT_EQ(Houses(), before) << "one bad row: nothing written";
}

TEST_F(ImportApiTest, ResidentsAreCheckedLikeTheApiChecksThem) {
  std::string csv =
      "姓名*,手机号*,身份证号,房号*,关系*,入住日期\n"
      "赵一,13811112222,110101199003071234,1-1-0201,业主,2020-01-01\n"  // 2: bad ID checksum
      "钱二,1381111,,1-1-0201,业主,\n"                                 // 3: bad phone
      "孙三,13811113333,,9-9-9999,业主,\n"                             // 4: house not found
      "李四,13811114444,,1-1-0201,房东,\n"                             // 5: relation unknown
      "周五,13811115555,,1-1-0201,业主,\n"                             // 6: good
      "周五,13811115555,,1-1-0201,家属,\n";                            // 7: linked twice
  json::object b = Import("residents", csv, "r.csv", true);
  std::vector<std::string> bad = BadRows(b);
  ASSERT_EQ(bad.size(), 5u) << json::serialize(b.at("report"));
  EXPECT_EQ(bad[0], "2:id_number:invalid_checksum");
  EXPECT_EQ(bad[1], "3:phone:invalid");
  EXPECT_EQ(bad[2], "4:house:not_found");
  EXPECT_EQ(bad[3], "5:relation:invalid");
  EXPECT_EQ(bad[4], "7::duplicate_in_file");
  EXPECT_EQ(b.at("created"), 1);
  // Not a company's member: another company's admin cannot read the batch.
  auto other = app_->LoginAs("other.admin");
  EXPECT_EQ(other->Get("/api/v1/imports/" + std::to_string(b.at("id").as_int64())).status, 404);
  EXPECT_EQ(app_->LoginAs("engineer")->Get("/api/v1/imports").status, 403);
}

TEST_F(ImportApiTest, TemplatesAndBadRequests) {
  Reply t = admin_->Get("/api/v1/import-templates/houses?format=csv");
  ASSERT_EQ(t.status, 200);
  EXPECT_EQ(t.body.substr(0, 3), "\xEF\xBB\xBF") << "UTF-8 with a BOM for Excel";
  EXPECT_NE(t.body.find("建筑面积"), std::string::npos);
  Reply x = admin_->Get("/api/v1/import-templates/residents?format=xlsx");
  EXPECT_EQ(x.body.substr(0, 2), "PK");
  EXPECT_EQ(admin_->Get("/api/v1/import-templates/cars").status, 400);
  Reply no_kind = admin_->Send("POST", "/api/v1/imports?kind=cars&project_id=" + std::to_string(jhy_) + "&file_name=a.csv",
                               "x", {{"Content-Type", "text/csv"}});
  EXPECT_EQ(no_kind.status, 400) << no_kind.body;
  Reply pdf = admin_->Send("POST", "/api/v1/imports?kind=houses&project_id=" + std::to_string(jhy_) + "&file_name=a.pdf",
                           "x", {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(pdf.status, 415) << pdf.body;
  json::object missing = Import("houses", "名称,地址\nA,B\n", "x.csv", true);
  EXPECT_EQ(missing.at("status"), "failed");
  EXPECT_NE(std::string(missing.at("error").as_string()).find("缺少必填列"), std::string::npos);
}

TEST_F(ImportApiTest, OpeningBalancesPostToTheLedgerAndEachHouseOwesWhatTheFileSays) {
  std::string csv =
      "房号*,类型*,收费项目编码,账期,金额(元)*,备注\n"
      "1-1-0201,欠费,WYF-ZZ,2026-05,210.33,旧系统迁移\n"
      "1-1-0201,欠费,WYF-ZZ,2026-06,210.33,\n"
      "1-1-0202,预存,,,500,\n"
      "1-1-0202,欠费,NOPE,2026-06,10,\n"     // 5: unknown fee item
      "1-1-0202,欠费,WYF-ZZ,2026-06,1.234,\n"; // 6: three decimals
  json::object b = Import("balances", csv, "b.csv", false);
  EXPECT_EQ(b.at("created"), 3) << json::serialize(b);
  std::vector<std::string> bad = BadRows(b);
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0], "5:fee_item_code:not_found");
  EXPECT_EQ(bad[1], "6:amount:invalid");
  EXPECT_TRUE(app::CheckBooks(app_->app().db()).ok);
  int64_t h1 = HouseId(*app_, jhy_, "1-1-0201"), h2 = HouseId(*app_, jhy_, "1-1-0202");
  json::value a1 = admin_->Get("/api/v1/houses/" + std::to_string(h1) + "/account").json();
  json::value a2 = admin_->Get("/api/v1/houses/" + std::to_string(h2) + "/account").json();
  EXPECT_EQ(a1.at("owed").as_int64(), 42066);
  EXPECT_EQ(a2.at("prepaid").as_int64(), 50000);
  // Again: nothing changes. Rolled back: the balances are gone, the books still prove.
  json::object again = Import("balances", csv, "b.csv", false);
  EXPECT_EQ(again.at("skipped"), 3);
  Reply rb = admin_->PostJson("/api/v1/imports/" + std::to_string(b.at("id").as_int64()) + "/rollback", json::object{});
  ASSERT_EQ(rb.status, 200) << rb.body;
  EXPECT_EQ(admin_->Get("/api/v1/houses/" + std::to_string(h1) + "/account").json().at("owed").as_int64(), 0);
  EXPECT_TRUE(app::CheckBooks(app_->app().db()).ok);
}

TEST_F(ImportApiTest, FeeItemsAndReadingsGoThroughTheirRules) {
  std::string items =
      "编码*,名称*,类型*,计费方式*,单价(元)*,面积基准,适用房屋类型*,计费周期,缴费期限(天),生效日期*,失效日期\n"
      "WYF-2027,物业服务费2027,物业费,按面积,2.5,建筑面积,住宅、商铺,月,15,2027-01-01,\n"
      "LHF,绿化费,物业费,固定,30,,住宅,季,,2027-01-01,\n"
      "WYF-ZZ,住宅物业费,物业费,按面积,9.99,,住宅,,,2026-01-01,\n";  // 4: the price of an existing code
  json::object f = Import("fee-items", items, "f.csv", false);
  EXPECT_EQ(f.at("created"), 2) << json::serialize(f);
  ASSERT_EQ(BadRows(f).size(), 1u);
  EXPECT_EQ(BadRows(f)[0], "4:unit_price:conflict");
  EXPECT_EQ(app_->Count("SELECT unit_price FROM fee_items WHERE code = 'WYF-2027'"), 25000);
  EXPECT_EQ(app_->Count("SELECT cycle_months FROM fee_items WHERE code = 'LHF'"), 3);
  std::string meter = "W-2-1-0101";
  std::string readings = "表号*,账期*,读数*,抄表日期\n" + meter + ",2026-12,99999.99,\n" + meter + ",2026-12,1,\nW-NOPE,2026-12,5,\n";
  json::object r = Import("readings", readings, "r.csv", true);
  std::vector<std::string> bad = BadRows(r);
  ASSERT_EQ(bad.size(), 2u) << json::serialize(r);
  EXPECT_EQ(bad[0], "3::duplicate_in_file");
  EXPECT_EQ(bad[1].substr(0, 13), "4:meter_code:");
}

// The same bad rows read the same from UTF-8 CSV, GB18030 CSV and .xlsx.
TEST_F(ImportApiTest, EveryFormatAndEncodingReportsTheSameBadRows) {
  const std::vector<std::string> header = {"姓名*", "手机号*", "身份证号", "房号*", "关系*", "入住日期"};
  const tabular::Table rows = {
      {"赵一", "13811112222", "110101199003071234", "1-1-0201", "业主", ""},  // bad checksum
      {"钱二", "1381111", "", "1-1-0201", "业主", ""},                      // bad phone
      {"", "13811113333", "", "1-1-0201", "业主", ""},                      // name missing
      {"孙三", "13811114444", "", "9-9-9999", "业主", ""},                  // no such house
      {"周五", "13811115555", "", "1-1-0201", "业主", "2020-13-01"},        // bad date
      {"周五", "13811115555", "", "1-1-0201", "家属", ""}};                 // linked twice
  std::string csv = tabular::CsvText(header, rows);
  auto xlsx = tabular::WriteXlsx(header, rows);
  ASSERT_TRUE(xlsx.ok());
  const std::vector<std::string> expected = {"2:id_number:invalid_checksum", "3:phone:invalid",
                                             "4:name:required", "5:house:not_found",
                                             "6:start_date:invalid", "7::duplicate_in_file"};
  int64_t before = app_->Count("SELECT COUNT(*) FROM residents");
  for (auto [name, bytes] : {std::pair{"r.csv", csv}, std::pair{"gb.csv", Gb18030(csv.substr(3))},
                             std::pair{"r.xlsx", *xlsx}}) {
    SCOPED_TRACE(name);
    json::object b = Import("residents", bytes, name, true);
    EXPECT_EQ(BadRows(b), expected) << json::serialize(b.at("report"));
    EXPECT_EQ(b.at("rows"), 6);
  }
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM residents"), before);
}

TEST_F(ImportApiTest, VehiclesThenTheirParkingSpaces) {
  json::object v = Import("vehicles", "车牌号*,车辆类型,品牌,颜色,房号,车主手机号\n沪A9Z123,新能源,比亚迪,白色,1-1-0201,\n沪X,小汽车,,,,\n", "v.csv", false);
  EXPECT_EQ(v.at("created"), 1) << json::serialize(v);
  EXPECT_EQ(BadRows(v), std::vector<std::string>{"3:plate:invalid"});
  json::object p = Import("parking", "车位编号*,区域,类型*,状态,面积(㎡),产权房号,车牌号\n"
                                     "Z-001,地下二层,产权,,12.5,1-1-0201,沪A9Z123\nZ-002,,租赁,空置,,,\nZ-003,,别的,,,,\n",
                          "p.csv", false);
  EXPECT_EQ(p.at("created"), 2) << json::serialize(p);
  EXPECT_EQ(BadRows(p), std::vector<std::string>{"4:kind:invalid"});
  EXPECT_EQ(app_->Count("SELECT area FROM parking_spaces WHERE code = 'Z-001'"), 1250);
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM parking_spaces WHERE code = 'Z-001' AND status = 'occupied' AND "
                        "vehicle_id IS NOT NULL"), 1);
  Reply rb = admin_->PostJson("/api/v1/imports/" + std::to_string(p.at("id").as_int64()) + "/rollback", json::object{});
  ASSERT_EQ(rb.status, 200) << rb.body;
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM parking_spaces WHERE code LIKE 'Z-%'"), 0);
}


// Every kind's template, as the admin's import page downloads it (with the project), passes
// its own dry run in the demo: the example row names a house, fee item and meter of JHY.
// Without the project the same holds for every kind but readings (whose example must name
// a meter of the project and its next period).
TEST_F(ImportApiTest, EveryTemplatesExampleRowPassesADryRunInTheDemo) {
  const std::string p = "&project_id=" + std::to_string(jhy_);
  for (const char* kind : {"houses", "residents", "vehicles", "parking", "fee-items", "readings", "balances"})
    for (const char* format : {"xlsx", "csv"})
      for (bool with_project : {true, false}) {
        if (!with_project && std::string(kind) == "readings") continue;
        SCOPED_TRACE(std::string(kind) + "." + format + (with_project ? " for JHY" : ""));
        Reply t = admin_->Get(std::string("/api/v1/import-templates/") + kind + "?format=" + format +
                              (with_project ? p : ""));
        ASSERT_EQ(t.status, 200) << t.body;
        json::object dry = Import(kind, t.body, std::string("template.") + format, true);
        EXPECT_EQ(dry.at("status"), "done") << json::serialize(dry);
        EXPECT_EQ(dry.at("rows"), 1);
        EXPECT_EQ(dry.at("bad"), 0) << json::serialize(dry.at("report"));
        EXPECT_EQ(dry.at("created").as_int64() + dry.at("updated").as_int64(), 1)
            << "the example imports something";
      }
  // The readings example is the next period of a meter of the project.
  Reply r = admin_->Get("/api/v1/import-templates/readings?format=csv" + p);
  EXPECT_NE(r.body.find("W-"), std::string::npos) << r.body;
  // Another company's project: not found, as for an import into it.
  int64_t other = ProjectId(*app_, app_->other_company_id(), "JHY");
  Reply foreign = admin_->Get("/api/v1/import-templates/readings?project_id=" + std::to_string(other));
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(foreign.json().at("error").at("code"), "IMPORT_PROJECT_NOT_FOUND");
}

// The .xlsx template: named in the UI's language (RFC 5987 filename*), the data sheet named
// after the kind, a drop-down list on each column of a fixed list, a 填写说明 sheet.
TEST_F(ImportApiTest, TheXlsxTemplateIsNamedInTheUsersLanguageWithListsAndInstructions) {
  Reply zh = admin_->Get("/api/v1/import-templates/houses?format=xlsx&lang=zh-CN");
  ASSERT_EQ(zh.status, 200) << zh.body;
  // 房屋导入模板.xlsx
  EXPECT_NE(zh.header("content-disposition")
                .find("filename*=UTF-8''%E6%88%BF%E5%B1%8B%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"),
            std::string::npos)
      << zh.header("content-disposition");
  EXPECT_NE(zh.header("content-disposition").find("filename=\"houses-template.xlsx\""), std::string::npos);
  std::string workbook = ZipEntry(zh.body, "xl/workbook.xml");
  EXPECT_NE(workbook.find("<sheet name=\"房屋\" sheetId=\"1\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("<sheet name=\"填写说明\" sheetId=\"2\""), std::string::npos) << workbook;
  EXPECT_EQ(workbook.find("Sheet1"), std::string::npos);
  std::string sheet = ZipEntry(zh.body, "xl/worksheets/sheet1.xml");
  // 房屋类型 (column F) and 状态 (G): lists; the other columns are free.
  EXPECT_NE(sheet.find("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
                       "showErrorMessage=\"1\" sqref=\"F2:F1048576\"><formula1>\"住宅,商铺,车位,办公,储藏室\""
                       "</formula1>"),
            std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("sqref=\"G2:G1048576\"><formula1>\"空置,自住,出租,装修\"</formula1>"),
            std::string::npos);
  EXPECT_EQ(Occurrences(sheet, "<dataValidation "), 2);
  // The instructions: a row per column (and the header), with the accepted values.
  std::string help = ZipEntry(zh.body, "xl/worksheets/sheet2.xml");
  EXPECT_EQ(Occurrences(help, "<row "), 11);
  std::string strings = ZipEntry(zh.body, "xl/sharedStrings.xml");
  for (const char* s : {"列名", "必填", "填写要求", "可选值", "住宅、商铺、车位、办公、储藏室", "平方米，最多两位小数"})
    EXPECT_NE(strings.find(s), std::string::npos) << s;

  // Every kind: its enumerated columns have their lists.
  struct Lists {
    const char* kind;
    std::vector<std::string> lists;
  };
  for (const Lists& k : std::vector<Lists>{
           {"residents", {"E2:E1048576\"><formula1>\"业主,家属,租户\""}},
           {"vehicles", {"B2:B1048576\"><formula1>\"小汽车,新能源,摩托车\""}},
           {"parking", {"C2:C1048576\"><formula1>\"产权,租赁,公共,访客\"", "D2:D1048576\"><formula1>\"空置,已占用,预留\""}},
           {"fee-items",
            {"C2:C1048576\"><formula1>\"物业费,水费,电费,燃气费,停车费,公摊,押金,一次性\"",
             "D2:D1048576\"><formula1>\"按面积,固定,按用量\"", "F2:F1048576\"><formula1>\"建筑面积,套内面积\"",
             "H2:H1048576\"><formula1>\"月,季,半年,年\""}},
           {"readings", {}},
           {"balances", {"B2:B1048576\"><formula1>\"欠费,预存\""}}}) {
    Reply x = admin_->Get(std::string("/api/v1/import-templates/") + k.kind + "?format=xlsx");
    std::string ws = ZipEntry(x.body, "xl/worksheets/sheet1.xml");
    EXPECT_EQ(Occurrences(ws, "<dataValidation "), static_cast<int>(k.lists.size())) << k.kind;
    for (const std::string& l : k.lists) EXPECT_NE(ws.find(l), std::string::npos) << k.kind << " " << l;
  }

  // The English UI: English names (the headers stay the importer's Chinese ones).
  Reply en = admin_->Get("/api/v1/import-templates/balances?format=xlsx&lang=en-US");
  ASSERT_EQ(en.status, 200);
  EXPECT_NE(en.header("content-disposition").find("filename*=UTF-8''Opening%20balances%20import%20template.xlsx"),
            std::string::npos)
      << en.header("content-disposition");
  workbook = ZipEntry(en.body, "xl/workbook.xml");
  EXPECT_NE(workbook.find("<sheet name=\"Opening balances\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("<sheet name=\"Instructions\""), std::string::npos);
  EXPECT_NE(ZipEntry(en.body, "xl/sharedStrings.xml").find("Accepted values"), std::string::npos);
  // Without lang, the browser's Accept-Language; CSV is named alike.
  Reply accept = admin_->Send("GET", "/api/v1/import-templates/residents?format=csv", "",
                              {{"Accept-Language", "en-US,en;q=0.9"}});
  EXPECT_NE(accept.header("content-disposition").find("filename*=UTF-8''Residents%20import%20template.csv"),
            std::string::npos)
      << accept.header("content-disposition");
  Reply bad = admin_->Get("/api/v1/import-templates/houses?lang=fr");
  EXPECT_EQ(bad.status, 400) << bad.body;
}

// 确认导入 of a dry run with nothing to import is refused (409, a stable code), and the dry
// run stays as it was: nothing is queued or written.
TEST_F(ImportApiTest, ADryRunWithNoImportableRowCannotBeCommitted) {
  int64_t before = Houses();
  int64_t batches = app_->Count("SELECT COUNT(*) FROM import_batches");
  json::object dry = Import("houses", std::string(kHeader) + "Z9,,1,1,0101,别墅,,abc,72.30,\n", "bad.csv", true);
  ASSERT_EQ(dry.at("bad"), 1) << json::serialize(dry);
  std::string commit = "/api/v1/imports/" + std::to_string(dry.at("id").as_int64()) + "/commit";
  Reply c = admin_->PostJson(commit, json::object{});
  EXPECT_EQ(c.status, 409) << c.body;
  EXPECT_EQ(c.json().at("error").at("code"), "IMPORT_NOTHING_TO_IMPORT");
  EXPECT_EQ(Finished(dry.at("id").as_int64()).at("status"), "done") << "still a dry run";
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM import_batches"), batches + 1);
  EXPECT_EQ(Houses(), before);
  // All or nothing with a bad row: nothing would be written either.
  json::object mixed = Import("houses", std::string(kHeader) + "Z9,,1,1,0101,住宅,,89,72.30,\nZ9,,1,1,0102,别墅,,89,72,\n",
                              "mixed.csv", true, /*all_or_nothing=*/true);
  ASSERT_EQ(mixed.at("bad"), 1) << json::serialize(mixed);
  Reply m = admin_->PostJson("/api/v1/imports/" + std::to_string(mixed.at("id").as_int64()) + "/commit", json::object{});
  EXPECT_EQ(m.status, 409) << m.body;
  // The same rows without the bad one commit.
  json::object good = Import("houses", std::string(kHeader) + "Z9,,1,1,0101,住宅,,89,72.30,\n", "good.csv", true);
  Reply g = admin_->PostJson("/api/v1/imports/" + std::to_string(good.at("id").as_int64()) + "/commit", json::object{});
  ASSERT_EQ(g.status, 202) << g.body;
  EXPECT_EQ(Finished(g.json().at("id").as_int64()).at("created"), 1);
  EXPECT_EQ(Houses(), before + 1);
}

}  // namespace
}  // namespace anju::testing
