// Receipts on SQLite and, with ANJU_TEST_DB=pg, on PostgreSQL (suite name contains
// "Storage"): gap-free numbers per project and year, idempotent issue inside the payment's
// transaction, void with reason and audit row, public verification without personal data,
// the PDF (parsed back with pdftotext when poppler-utils is installed). Also the table of
// capital-numeral amounts (大写金额).
#include "modules/receipts/receipts.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <regex>
#include <tuple>

#include "core/crypto.h"
#include "db/migrations.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/collection_totals.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settle.h"
#include "modules/property/property_service.h"
#include "modules/property/property_tx.h"
#include "platform/identity/permissions.h"
#include "modules/receipts/capital_amount.h"
#include "modules/receipts/receipt_json.h"
#include "support/seed.h"
#include "support/test_db.h"

namespace anju::receipts {
namespace {

namespace json = boost::json;
namespace perm = identity::perm;
namespace ledger = billing::ledger;
namespace totals = billing::totals;

constexpr Millis kNov23 = 1'795'399'200'000;    // 2026-11-23T02:00Z (10:00 in China)
constexpr Millis kNewYear = 1'798'734'600'000;  // 2026-12-31T16:30Z = 2027-01-01 00:30 China

// ---------------------------------------------------------------- 大写金额, as a table.

TEST(ReceiptCapitalAmountTest, Table) {
  struct Case {
    int64_t fen;
    const char* words;
  } cases[] = {
      {0, "零元整"},
      {1, "壹分"},
      {10, "壹角"},
      {55, "伍角伍分"},
      {100, "壹元整"},
      {105, "壹元零伍分"},
      {150, "壹元伍角"},
      {1000, "壹拾元整"},
      {1100, "壹拾壹元整"},
      {10010, "壹佰元壹角"},
      {10100, "壹佰零壹元整"},
      {100100, "壹仟零壹元整"},
      {1000000, "壹万元整"},
      {1000001, "壹万元零壹分"},
      {1001000, "壹万零壹拾元整"},
      {2020202, "贰万零贰佰零贰元零贰分"},
      {3000005, "叁万元零伍分"},
      {8000080, "捌万元捌角"},
      {10000000, "壹拾万元整"},
      {100000000, "壹佰万元整"},
      {100000001, "壹佰万元零壹分"},
      {123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"},
      {9999999999, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
      {10000000000, "壹亿元整"},
      {10000100000, "壹亿零壹仟元整"},
      {10001000000, "壹亿零壹万元整"},
      {10010000000, "壹亿零壹拾万元整"},
      {11000000000, "壹亿壹仟万元整"},
      {1234500000000, "壹佰贰拾叁亿肆仟伍佰万元整"},
      {100000000000000, "壹万亿元整"},
      {-105, "负壹元零伍分"},
  };
  for (const Case& c : cases) EXPECT_EQ(CapitalAmount(c.fen), c.words) << c.fen;
}

TEST(ReceiptCapitalAmountTest, Int64Extremes) {
  // 92233720368547758.07 元 (亿 of 亿 beyond 万亿): exact, no overflow on either end.
  EXPECT_EQ(CapitalAmount(INT64_MAX),
            "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分");
  EXPECT_EQ(CapitalAmount(INT64_MIN).substr(0, 3), "负");
}

TEST(ReceiptCapitalAmountTest, FormatYuan) {
  EXPECT_EQ(FormatYuan(0), "0.00");
  EXPECT_EQ(FormatYuan(5), "0.05");
  EXPECT_EQ(FormatYuan(123456789), "1,234,567.89");
  EXPECT_EQ(FormatYuan(-100000), "-1,000.00");
}

// ---------------------------------------------------------------- storage

class ReceiptStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::Init();
    db_ = db::Open(tdb_.url(), 4);
    db::Migrate(*db_);
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      company_ = testing::SeedCompany(tx, "ay", "安居物业服务有限公司");
      other_company_ = testing::SeedCompany(tx, "zz", "别家物业");
      p1_ = Project(tx, company_, "YG", "阳光花园");
      p2_ = Project(tx, company_, "CH", "翠湖苑");
      h1_ = House(tx, p1_, "1-1-0101");
      h1b_ = House(tx, p1_, "1-1-0102");
      h2_ = House(tx, p2_, "2-1-0301");
      cashier_ = testing::SeedStaffAccount(tx, company_, "cashier01", "收费员");
    });
    svc_ =
        std::make_unique<ReceiptService>(*db_, clock_, ReceiptOptions{"https://wuye.example.com/"});
    admin_ = Staff(std::nullopt, {perm::kPaymentRead, perm::kPaymentCreate});
  }

  void TearDown() override {
    audit::VerifyReport a = audit::Verify(*db_);
    EXPECT_TRUE(a.ok) << a.problem << " " << a.detail;
    ledger::CheckReport l = ledger::Check(*db_);
    EXPECT_TRUE(l.ok) << (l.problems.empty() ? "" : l.problems.front());
  }

  int64_t Project(db::Tx& tx, int64_t company, const std::string& code, const std::string& name) {
    int64_t id = testing::SeedProject(tx, company, code, name);
    fee_items_[id] =
        testing::SeedFeeItem(tx, {company, id, "WYF", "物业服务费", "property", "area", 250});
    return id;
  }

  int64_t House(db::Tx& tx, int64_t project, const std::string& code) {
    int64_t b = testing::SeedBuilding(tx, company_, project, code, "楼");
    int64_t e = testing::SeedEntrance(tx, company_, project, b, "1", "1单元");
    int64_t f = testing::SeedFloor(tx, company_, project, b, e, 1, "1层");
    return testing::SeedHouse(
        tx, {company_, project, b, e, f, "0101", code, "residential", 8950, 7600});
  }

  // Links a new resident named `name` to `house` as owner from `start` ("YYYY-MM-DD"),
  // through property's transaction-level writes; the link's id.
  int64_t Owner(int64_t house, const std::string& name, const std::string& start) {
    auto link = db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<property::HouseLink> {
      property::CreateResidentCommand who;
      who.name = name;
      who.phone = fmt::format("1380000{:04d}", ++residents_);
      auto resident = property::tx::CreateResident(tx, Registrar(), who, key_, clock_.Now());
      if (!resident.ok()) return resident.take_error();
      property::LinkResidentCommand cmd{resident->id, "owner", start, std::nullopt};
      return property::tx::LinkResident(tx, Registrar(), house, cmd, key_, clock_.Now());
    });
    EXPECT_TRUE(link.ok()) << (link.ok() ? "" : link.error().code);
    return link.ok() ? link->id : 0;
  }
  void Unlink(int64_t house, int64_t link) {
    auto s = db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      return property::tx::UnlinkResident(tx, Registrar(), house, link, key_, clock_.Now());
    });
    EXPECT_TRUE(s.ok());
  }
  TenantContext Registrar() {
    return Staff(std::nullopt, {perm::kResidentRead, perm::kResidentWrite});
  }

  TenantContext Staff(std::optional<int64_t> project, std::vector<std::string_view> codes) {
    TenantContext ctx;
    ctx.company_id = company_;
    ctx.user_id = cashier_;
    ctx.login = "cashier01";
    for (auto code : codes) ctx.access.Grant(std::string(code), project);
    return ctx;
  }

  TenantContext Resident(int64_t house) {
    TenantContext ctx;
    ctx.company_id = company_;
    ctx.user_id = 99;
    ctx.kind = AccountKind::kResident;
    ctx.house_ids = {house};
    return ctx;
  }

  // Bills the house for the next two months, pays `amount` at the cashier desk and issues the
  // receipt in the payment's transaction, as billing::Settle's caller does. The receipt.
  json::object Pay(int64_t house, int64_t amount, bool fail_after_issue = false) {
    Millis now = clock_.Now();
    auto out = db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::object> {
      auto h = property::FindHouseFacts(tx, company_, house);
      for (int i = 0; i < 2; ++i, ++month_) {
        std::string period = fmt::format("{}-{:02d}", 2020 + month_ / 12, month_ % 12 + 1);
        int64_t bill = testing::SeedBill(
            tx, {company_, h->project_id, house, fee_items_[h->project_id], period,
                 "B-" + std::to_string(++bills_), 8950, 250, 22375, period + "-15", now});
        ledger::Post(tx, {company_, h->project_id, "bill", "bill", bill, "bill"},
                     {{ledger::ReceivableOf(house), ledger::AccountKind::kAsset, 22375, 0},
                      {ledger::RevenueOf(fee_items_[h->project_id]), ledger::AccountKind::kIncome,
                       0, 22375}},
                     now);
        totals::AddBilled(tx, company_, h->project_id, period, 22375, now);
      }
      auto payment = billing::Settle(
          tx, {company_, *h, amount, "cash", {}, "", std::nullopt, cashier_}, now, svc_.get());
      if (!payment.ok()) return payment.take_error();
      auto receipt = svc_->Issue(tx, company_, payment->id, now);
      if (fail_after_issue) return Error(errors::kConflict);  // rolls everything back
      if (!receipt.ok()) return receipt.take_error();
      return ReceiptJson(*receipt);
    });
    if (fail_after_issue) return {};
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().code);
    return out.ok() ? *out : json::object{};
  }

  static std::string Number(const json::object& r) {
    return std::string(r.at("number").as_string());
  }
  static int64_t Id(const json::object& r) { return r.at("id").as_int64(); }
  static std::string Number(const Receipt& r) { return r.number; }
  static int64_t Id(const Receipt& r) { return r.id; }

  // The service's typed results as the routes shape them (receipt_json.h).
  template <class T, class Shape>
  static Result<json::value> Shaped(Result<T> r, Shape shape) {
    if (!r.ok()) return r.take_error();
    return json::value(shape(*r));
  }
  Result<json::value> Get(const TenantContext& ctx, int64_t id) {
    return Shaped(svc_->Get(ctx, id), ReceiptDetailJson);
  }
  Result<json::value> List(const TenantContext& ctx, const ReceiptFilter& f, const Page& page) {
    return Shaped(svc_->List(ctx, f, page),
                  [&](const ReceiptPage& list) { return ReceiptListJson(list, page); });
  }
  Result<json::value> Verify(const std::string& token) {
    return Shaped(svc_->Verify(token), ReceiptCheckJson);
  }
  // As the route: the caller first, then the body, then the service.
  Result<json::value> Void(const TenantContext& ctx, int64_t id, const json::object& body) {
    ANJU_TRY(ReceiptService::MayVoid(ctx));
    auto reason = ReadVoidReason(body);
    if (!reason.ok()) return reason.take_error();
    return Shaped(svc_->Void(ctx, id, *reason), ReceiptJson);
  }

  std::string TokenOf(int64_t receipt) {
    return db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return tx.QueryOne("SELECT verify_token FROM receipts WHERE id = ?", {receipt})->Str(0);
    });
  }
  int64_t Count(const std::string& sql) {
    return db_->Run(db::TxMode::kRead, [&](db::Tx& tx) { return tx.QueryOne(sql)->Int(0); });
  }

  testing::TestDatabase tdb_;
  std::unique_ptr<db::Database> db_;
  ManualClock clock_{kNov23};
  std::unique_ptr<ReceiptService> svc_;
  int64_t company_ = 0, other_company_ = 0, p1_ = 0, p2_ = 0, h1_ = 0, h1b_ = 0, h2_ = 0;
  int64_t cashier_ = 0, bills_ = 0, residents_ = 0;
  crypto::SecretKey key_{std::string(32, 'k')};
  int64_t month_ = 6 * 12 + 9;  // the next bill's period, in months since 2020-01: 2026-10
  std::map<int64_t, int64_t> fee_items_;  // project → its property fee item
  TenantContext admin_;
};

TEST_F(ReceiptStorageTest, NumbersAreGapFreePerProjectAndYear) {
  std::vector<std::string> numbers;
  for (int64_t house : {h1_, h2_, h1b_, h1_, h2_}) numbers.push_back(Number(Pay(house, 10000)));
  EXPECT_EQ(numbers,
            (std::vector<std::string>{"R-YG-2026-000001", "R-CH-2026-000001", "R-YG-2026-000002",
                                      "R-YG-2026-000003", "R-CH-2026-000002"}));
  // Voiding keeps the number; the sequence goes on after it.
  auto list = List(admin_, {p1_, std::nullopt, ""}, Page{});
  ASSERT_TRUE(list.ok());
  int64_t second = 0;
  for (auto& r : list->at("items").as_array())
    if (r.at("number") == "R-YG-2026-000002") second = r.at("id").as_int64();
  ASSERT_TRUE(Void(admin_, second, {{"reason", "收款金额录入错误"}}).ok());
  EXPECT_EQ(Get(admin_, second)->at("number"), "R-YG-2026-000002");
  // A payment that rolls back gives its number back: still no gap.
  Pay(h1_, 5000, /*fail_after_issue=*/true);
  EXPECT_EQ(Number(Pay(h1_, 10000)), "R-YG-2026-000004");
  // A new civil year (China time) starts again at 1, per project.
  clock_.Set(kNewYear);
  EXPECT_EQ(Number(Pay(h1_, 10000)), "R-YG-2027-000001");
  EXPECT_EQ(Number(Pay(h1b_, 10000)), "R-YG-2027-000002");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM receipts"), 8);
}

TEST_F(ReceiptStorageTest, IssueIsIdempotentPerPayment) {
  json::object first = Pay(h1_, 30000);
  int64_t payment = first.at("payment_id").as_int64();
  auto again = db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return svc_->Issue(tx, company_, payment, clock_.Now());
  });
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Id(*again), Id(first));
  EXPECT_EQ(Number(*again), Number(first));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM receipts"), 1);
  EXPECT_EQ(Number(Pay(h1_, 100)), "R-YG-2026-000002");  // the counter did not move
  // Another company's payment id is not ours to receipt.
  auto foreign = db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return svc_->Issue(tx, other_company_, payment, clock_.Now());
  });
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, "RECEIPT_PAYMENT_NOT_FOUND");
}

TEST_F(ReceiptStorageTest, GetShowsLinesAndWords) {
  // 500.00 settles 223.75 + 223.75 and keeps 52.50 as prepaid balance.
  json::object r = Pay(h1_, 50000);
  auto got = Get(admin_, Id(r));
  ASSERT_TRUE(got.ok()) << got.error().code;
  const json::object& o = got->as_object();
  EXPECT_EQ(o.at("house_code"), "1-1-0101");
  EXPECT_EQ(o.at("amount"), 50000);
  EXPECT_EQ(o.at("amount_words"), "伍佰元整");
  EXPECT_EQ(o.at("status"), "issued");
  EXPECT_EQ(o.at("channel"), "cash");
  EXPECT_EQ(o.at("verify_url"), json::value("https://wuye.example.com/r/" + TokenOf(Id(r))));
  const json::array& lines = o.at("lines").as_array();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].at("item"), "物业服务费");
  EXPECT_EQ(lines[0].at("period"), "2026-10");
  EXPECT_EQ(lines[1].at("amount"), 22375);
  EXPECT_EQ(lines[2].at("item"), "预存款");
  EXPECT_EQ(lines[2].at("amount"), 5250);
}

TEST_F(ReceiptStorageTest, ReadsAreScoped) {
  int64_t r1 = Id(Pay(h1_, 10000)), r1b = Id(Pay(h1b_, 10000)), r2 = Id(Pay(h2_, 10000));
  // Residents: their own houses only.
  EXPECT_TRUE(Get(Resident(h1_), r1).ok());
  EXPECT_EQ(Get(Resident(h1_), r1b).error().code, "RECEIPT_NOT_FOUND");
  EXPECT_TRUE(svc_->Pdf(Resident(h1_), r1).ok());
  EXPECT_EQ(svc_->Pdf(Resident(h1_), r2).error().code, "RECEIPT_NOT_FOUND");
  auto mine = List(Resident(h1_), {}, Page{});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->at("total"), 1);
  // Staff: the projects of their code; without the code at all, 403.
  TenantContext p2 = Staff(p2_, {perm::kPaymentRead});
  EXPECT_EQ(Get(p2, r1).error().code, "RECEIPT_NOT_FOUND");
  EXPECT_TRUE(Get(p2, r2).ok());
  EXPECT_EQ(List(p2, {}, Page{})->at("total"), 1);
  EXPECT_EQ(List(Staff(p2_, {perm::kBillRead}), {}, Page{}).error().code, "FORBIDDEN");
  // Another company sees nothing.
  TenantContext other = admin_;
  other.company_id = other_company_;
  EXPECT_EQ(Get(other, r1).error().code, "RECEIPT_NOT_FOUND");
  // Filters.
  EXPECT_EQ(List(admin_, {std::nullopt, h1b_, ""}, Page{})->at("total"), 1);
  EXPECT_EQ(List(admin_, {std::nullopt, std::nullopt, "void"}, Page{})->at("total"), 0);
  EXPECT_EQ(List(admin_, {std::nullopt, std::nullopt, "gone"}, Page{}).error().code,
            "BAD_QUERY_PARAMETER");
}

TEST_F(ReceiptStorageTest, VoidNeedsReasonIsAuditedAndMovesNoMoney) {
  int64_t id = Id(Pay(h1_, 10000));
  auto field = [](const Error& e) { return e.fields.empty() ? "" : e.fields.front().field; };
  auto missing = Void(admin_, id, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(field(missing.error()), "reason");
  EXPECT_EQ(Void(admin_, id, {{"reason", "错"}}).error().code, "VALIDATION_FAILED");
  EXPECT_EQ(Void(admin_, id, {{"reason", std::string(201, 'x')}}).error().code,
            "VALIDATION_FAILED");
  EXPECT_EQ(Void(admin_, id, {{"reason", "重复"}, {"status", "void"}}).error().code,
            "VALIDATION_FAILED");
  // Who may void: billing:payment:create in the project.
  EXPECT_EQ(Void(Resident(h1_), id, {{"reason", "不要了"}}).error().code, "FORBIDDEN");
  EXPECT_EQ(Void(Staff(p1_, {perm::kPaymentRead}), id, {{"reason", "重复开具"}}).error().code,
            "FORBIDDEN");
  EXPECT_EQ(
      Void(Staff(p2_, {perm::kPaymentCreate}), id, {{"reason", "重复开具"}}).error().code,
      "RECEIPT_NOT_FOUND");

  auto books = [&] {  // journal entries, Σ paid of the bills, payments (billing's)
    return db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return std::tuple(testing::RowCount(tx, "journal_entries"),
                        testing::ColumnSum(tx, "bills", "paid"),
                        testing::RowCount(tx, "payments"));
    });
  };
  auto before = books();
  clock_.Advance(kHour);
  auto voided = Void(Staff(p1_, {perm::kPaymentCreate}), id, {{"reason", "客户要求重开"}});
  ASSERT_TRUE(voided.ok()) << voided.error().code;
  EXPECT_EQ(voided->at("status"), "void");
  EXPECT_EQ(voided->at("void_reason"), "客户要求重开");
  EXPECT_EQ(voided->at("voided_at"), json::value(FormatUtc(kNov23 + kHour)));
  EXPECT_EQ(Void(admin_, id, {{"reason", "再来一次"}}).error().code, "RECEIPT_ALREADY_VOID");
  // No money moved: no journal entry, bills still paid, the payment still there.
  EXPECT_EQ(books(), before);
  EXPECT_EQ(std::get<2>(before), 1);
  // One audit row, with the reason and the actor.
  db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto rows =
        testing::AuditRows(tx, "entity_id, project_id, actor_login, before_json, after_json",
                           "WHERE action = 'billing.receipt.void'");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].Int(0), id);
    EXPECT_EQ(rows[0].Int(1), p1_);
    EXPECT_EQ(rows[0].Str(2), "cashier01");
    EXPECT_EQ(json::parse(rows[0].Str(3)).at("status"), "issued");
    EXPECT_EQ(json::parse(rows[0].Str(4)).at("void_reason"), "客户要求重开");
  });
}

TEST_F(ReceiptStorageTest, VerifyIsPublicAndImpersonal) {
  int64_t id = Id(Pay(h1_, 12345));
  std::string token = TokenOf(id);
  EXPECT_EQ(token.size(), 22u);
  auto v = Verify(token);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, json::parse(R"({"number":"R-YG-2026-000001","company_name":"安居物业服务有限公司",
      "project_name":"阳光花园","amount":12345,"date":"2026-11-23","status":"issued"})"));
  std::string text = json::serialize(*v);
  EXPECT_EQ(text.find("0101"), std::string::npos);  // no house
  EXPECT_EQ(text.find("cashier"), std::string::npos);
  ASSERT_TRUE(Void(admin_, id, {{"reason", "作废测试"}}).ok());
  EXPECT_EQ(Verify(token)->at("status"), "void");
  EXPECT_EQ(Verify(token)->as_object().size(), 6u);  // the reason stays private
  EXPECT_EQ(Verify("AAAAAAAAAAAAAAAAAAAAAA").error().code, "RECEIPT_NOT_FOUND");
  EXPECT_EQ(Verify("x' OR 1=1 --").error().code, "RECEIPT_NOT_FOUND");
  EXPECT_EQ(Verify("").error().code, "RECEIPT_NOT_FOUND");
}

// Runs `command` on `pdf` (written to a temporary file named by {}); its stdout and stderr
// together, or nullopt when poppler-utils is not installed.
std::optional<std::string> Poppler(const std::string& pdf, const std::string& command) {
  if (std::system("command -v pdftotext > /dev/null 2>&1") != 0) return std::nullopt;
  std::string base = ::testing::TempDir() + "receipt_" + std::to_string(::getpid());
  std::ofstream(base + ".pdf", std::ios::binary) << pdf;
  std::string cmd = fmt::format(fmt::runtime(command), base + ".pdf");
  int rc = std::system((cmd + " > " + base + ".txt 2>&1").c_str());
  std::ifstream in(base + ".txt");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::remove((base + ".pdf").c_str());
  std::remove((base + ".txt").c_str());
  if (rc != 0) return "failed: " + cmd + "\n" + text;
  return text;
}
// pdftotext's output for the PDF (with any warning poppler prints), or nullopt.
std::optional<std::string> PdfText(const std::string& pdf) {
  return Poppler(pdf, "pdftotext -layout {} -");
}

// The pages of a PDF: its page objects (libharu writes no object streams).
size_t PageCount(const std::string& pdf) {
  size_t n = 0;
  for (size_t at = pdf.find("/Type /Page"); at != std::string::npos;
       at = pdf.find("/Type /Page", at + 1))
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++n;
  return n;
}

TEST_F(ReceiptStorageTest, PdfHasChineseTextNumberPayerCashierAndQr) {
  Owner(h1_, "张伟", "2020-01-01");
  Owner(h1_, "李娜", "2026-11-01");
  Owner(h1_, "王芳", "2026-12-01");  // owner from a later day: not the payer
  int64_t id = Id(Pay(h1_, 123456789));  // 1,234,567.89 元: bills, then prepaid
  auto pdf = svc_->Pdf(admin_, id);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code;
  EXPECT_EQ(pdf->number, "R-YG-2026-000001");
  ASSERT_EQ(pdf->bytes.rfind("%PDF-", 0), 0u);
  // The font is a subset of the glyphs used: tens of KB, not the ~520 KB of a whole face.
  EXPECT_LE(pdf->bytes.size(), 100u * 1024);
  EXPECT_EQ(PageCount(pdf->bytes), 1u);
  if (const char* dir = std::getenv("ANJU_RECEIPT_PDF_DIR"))  // for looking at it by eye
    std::ofstream(std::string(dir) + "/receipt.pdf", std::ios::binary) << pdf->bytes;
  if (auto text = PdfText(pdf->bytes)) {
    EXPECT_EQ(text->find("Warning"), std::string::npos) << *text;  // e.g. a bad ToUnicode
    EXPECT_EQ(text->find("Error"), std::string::npos) << *text;
    EXPECT_NE(text->find("收据"), std::string::npos) << *text;
    EXPECT_NE(text->find("R-YG-2026-000001"), std::string::npos) << *text;
    EXPECT_NE(text->find("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"), std::string::npos) << *text;
    EXPECT_NE(text->find("阳光花园"), std::string::npos) << *text;
    EXPECT_NE(text->find("1-1-0101"), std::string::npos) << *text;
    // The cashier by name, not login; the payer: the owners on the day of payment.
    EXPECT_NE(text->find("收款人：收费员"), std::string::npos) << *text;
    EXPECT_EQ(text->find("cashier01"), std::string::npos) << *text;
    EXPECT_NE(text->find("交款人：张伟、李娜"), std::string::npos) << *text;
    EXPECT_EQ(text->find("王芳"), std::string::npos) << *text;
    EXPECT_EQ(text->find("作废"), std::string::npos) << *text;
    auto fonts = Poppler(pdf->bytes, "pdffonts {}");
    ASSERT_TRUE(fonts);
    // "HPDFAA+WenQuanYiZenHei  CID TrueType  Identity-H  yes yes yes": embedded, subset.
    EXPECT_TRUE(std::regex_search(*fonts, std::regex(R"([A-Z]{6}\+\S+ +CID TrueType +\S+ +yes +yes +yes)")))
        << *fonts;
    EXPECT_EQ(fonts->find("Warning"), std::string::npos) << *fonts;
  } else {
    GTEST_LOG_(WARNING) << "pdftotext not installed: PDF text not checked";
  }
  ASSERT_TRUE(Void(admin_, id, {{"reason", "金额有误"}}).ok());
  auto voided = svc_->Pdf(admin_, id);
  ASSERT_TRUE(voided.ok());
  if (const char* dir = std::getenv("ANJU_RECEIPT_PDF_DIR"))
    std::ofstream(std::string(dir) + "/receipt-void.pdf", std::ios::binary) << voided->bytes;
  if (auto text = PdfText(voided->bytes)) {
    EXPECT_NE(text->find("已作废"), std::string::npos) << *text;
    EXPECT_NE(text->find("金额有误"), std::string::npos) << *text;
  }
}

TEST_F(ReceiptStorageTest, PayerIsFixedWhenIssued) {
  int64_t link = Owner(h1_, "张伟", "2020-01-01");
  json::object r = Pay(h1_, 10000);
  EXPECT_EQ(r.at("payer").as_string(), "张伟");
  // The house is sold: the old link is removed and a new owner linked. A reprint still
  // names who paid.
  Unlink(h1_, link);
  Owner(h1_, "赵敏", "2020-01-01");
  EXPECT_EQ(svc_->Get(admin_, Id(r))->receipt.payer, "张伟");
  EXPECT_EQ(svc_->Pdfs(admin_, {Id(r)})->number, Number(r));
  // More than three owners: three names, then 等.
  for (auto name : {"甲", "乙", "丙"}) Owner(h1b_, name, "2020-01-01");
  EXPECT_EQ(Pay(h1b_, 100).at("payer").as_string(), "甲、乙、丙");
  Owner(h1b_, "丁", "2020-01-01");
  EXPECT_EQ(Pay(h1b_, 100).at("payer").as_string(), "甲、乙、丙等");
  // No owner: no payer.
  EXPECT_EQ(Pay(h2_, 100).at("payer").as_string(), "");
}

TEST_F(ReceiptStorageTest, BatchPrintIsOnePdfOnePagePerReceiptInOrder) {
  std::vector<int64_t> ids;
  std::vector<std::string> numbers;
  for (int i = 0; i < 20; ++i) {
    json::object r = Pay(i % 2 ? h1_ : h1b_, 1000 + i);
    ids.push_back(Id(r));
    numbers.push_back(Number(r));
  }
  std::reverse(ids.begin(), ids.end());
  std::reverse(numbers.begin(), numbers.end());
  auto pdf = svc_->Pdfs(admin_, ids);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code;
  EXPECT_EQ(PageCount(pdf->bytes), 20u);
  EXPECT_EQ(pdf->number, "receipts-" + numbers.front() + "-20");
  EXPECT_LE(pdf->bytes.size(), 20u * 100 * 1024);
  if (auto info = Poppler(pdf->bytes, "pdfinfo {}")) {
    EXPECT_NE(info->find("Pages:           20"), std::string::npos) << *info;
    EXPECT_NE(info->find("595.276 x 841.89 pts (A4)"), std::string::npos) << *info;
  }
  if (auto text = PdfText(pdf->bytes)) {  // pages in the order asked
    size_t at = 0;
    for (const std::string& n : numbers) {
      at = text->find(n, at);
      ASSERT_NE(at, std::string::npos) << n << " out of order";
    }
  }
  // The 241 mm continuous paper, 二等分: 241 × 139.7 mm = 683.15 × 396 pt.
  auto paper = svc_->Pdfs(admin_, {ids[0], ids[1]}, Paper::kContinuous241);
  ASSERT_TRUE(paper.ok());
  EXPECT_EQ(PageCount(paper->bytes), 2u);
  size_t box = paper->bytes.find("/MediaBox");
  ASSERT_NE(box, std::string::npos);
  EXPECT_TRUE(std::regex_search(paper->bytes.substr(box, 60),
                                std::regex(R"(^/MediaBox\s*\[\s*0 0 683\.1[45]\d*\s+396\s*\])")))
      << paper->bytes.substr(box, 60);
}

TEST_F(ReceiptStorageTest, CashiersSlipIsEightyMillimetresWideAndAsLongAsItsLines) {
  Owner(h1_, "张伟", "2020-01-01");
  int64_t a = Id(Pay(h1_, 100)), b = Id(Pay(h1_, 123456789));  // 1 line; 2 bills + prepaid
  auto pdf = svc_->Pdfs(admin_, {a, b}, Paper::kSlip80);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code;
  EXPECT_EQ(PageCount(pdf->bytes), 2u);
  if (const char* dir = std::getenv("ANJU_RECEIPT_PDF_DIR"))
    std::ofstream(std::string(dir) + "/slips.pdf", std::ios::binary) << pdf->bytes;
  // 80 mm = 226.77 pt wide; the second slip has more lines, 11 pt longer for each.
  size_t extra = svc_->Get(admin_, b)->lines.size() - svc_->Get(admin_, a)->lines.size();
  ASSERT_GT(extra, 0u);
  std::regex box(R"(/MediaBox\s*\[\s*0 0 226\.77\d*\s+([0-9.]+)\s*\])");
  std::vector<double> lengths;
  for (auto it = std::sregex_iterator(pdf->bytes.begin(), pdf->bytes.end(), box);
       it != std::sregex_iterator(); ++it)
    lengths.push_back(std::stod((*it)[1]));
  ASSERT_EQ(lengths.size(), 2u);
  EXPECT_GT(lengths[0], 300);
  EXPECT_NEAR(lengths[1] - lengths[0], 11.0 * extra, 0.01);
  if (auto text = PdfText(pdf->bytes)) {
    EXPECT_EQ(text->find("Warning"), std::string::npos) << *text;
    EXPECT_NE(text->find("收银小票"), std::string::npos) << *text;
    EXPECT_NE(text->find("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"), std::string::npos) << *text;
    EXPECT_NE(text->find("交款人：张伟"), std::string::npos) << *text;
    EXPECT_NE(text->find("收款人：收费员"), std::string::npos) << *text;
  }
}

TEST_F(ReceiptStorageTest, BatchPrintRefusesAllForOneBadId) {
  int64_t a = Id(Pay(h1_, 100)), b = Id(Pay(h2_, 100));
  auto only_yg = Staff(p1_, {perm::kPaymentRead});
  // b is in a project the caller does not see: the whole batch is refused, naming it.
  auto r = svc_->Pdfs(only_yg, {a, b});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "RECEIPT_NOT_FOUND");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "ids");
  EXPECT_EQ(r.error().fields[0].message, std::to_string(b));
  EXPECT_TRUE(svc_->Pdfs(only_yg, {a}).ok());
  // Another company's admin reaches none of them.
  TenantContext other = admin_;
  other.company_id = other_company_;
  EXPECT_EQ(svc_->Pdfs(other, {a}).error().code, "RECEIPT_NOT_FOUND");
  // A resident prints their own house's receipts only.
  EXPECT_TRUE(svc_->Pdfs(Resident(h1_), {a}).ok());
  EXPECT_EQ(svc_->Pdfs(Resident(h1_), {a, b}).error().code, "RECEIPT_NOT_FOUND");
  EXPECT_EQ(svc_->Pdfs(admin_, {a, 999999}).error().code, "RECEIPT_NOT_FOUND");
  // Empty, repeated, too many.
  EXPECT_EQ(svc_->Pdfs(admin_, {}).error().code, "BAD_QUERY_PARAMETER");
  EXPECT_EQ(svc_->Pdfs(admin_, {a, b, a}).error().fields[0].code, "duplicate");
  std::vector<int64_t> many(kMaxPrintBatch + 1);
  std::iota(many.begin(), many.end(), 1);
  EXPECT_EQ(svc_->Pdfs(admin_, many).error().code, "BAD_QUERY_PARAMETER");
}

TEST(ReceiptPrintQueryTest, IdsAndPaper) {
  EXPECT_EQ(*ReadReceiptIds("12,7,31"), (std::vector<int64_t>{12, 7, 31}));
  for (std::string_view bad : {"", ",", "1,", "1,,2", "a", "0", "-3", "1 2", "99999999999999999999"})
    EXPECT_EQ(ReadReceiptIds(bad).error().code, "BAD_QUERY_PARAMETER") << bad;
  std::string ids = "1";
  for (size_t i = 2; i <= kMaxPrintBatch; ++i) ids += "," + std::to_string(i);
  EXPECT_TRUE(ReadReceiptIds(ids).ok());
  EXPECT_FALSE(ReadReceiptIds(ids + ",999").ok());
  EXPECT_EQ(*ReadPaper(""), Paper::kA4);
  EXPECT_EQ(*ReadPaper("a4"), Paper::kA4);
  EXPECT_EQ(*ReadPaper("241"), Paper::kContinuous241);
  EXPECT_EQ(*ReadPaper("80"), Paper::kSlip80);
  EXPECT_EQ(ReadPaper("A5").error().fields[0].field, "paper");
}

TEST_F(ReceiptStorageTest, PdfWithoutAFontIsAnErrorNotBoxes) {
  int64_t id = Id(Pay(h1_, 100));
  ReceiptService no_font(*db_, clock_, {"https://x.example", {{"/nonexistent/cjk.ttc", 0}}});
  auto pdf = no_font.Pdf(admin_, id);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, "RECEIPT_FONT_MISSING");
  EXPECT_EQ(pdf.error().kind, ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace anju::receipts
