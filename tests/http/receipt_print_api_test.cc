// Receipts printed through HTTP on the demo: a cashier's payment's PDF (inline, at most
// 100 KB, the 大写 amount, the payer — the house's owner — and the cashier's name), batch
// printing of 20 receipts as one PDF of 20 pages in the order asked, the 241 mm paper's
// MediaBox, and refusals (another company's receipt, bad ids or paper) that print nothing.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "correction_fixture.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

// The pages of a PDF: its page objects (libharu writes no object streams).
size_t PageCount(const std::string& pdf) {
  size_t n = 0;
  for (size_t at = pdf.find("/Type /Page"); at != std::string::npos;
       at = pdf.find("/Type /Page", at + 1))
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++n;
  return n;
}

// pdftotext's text of the PDF with poppler's warnings, or nullopt without poppler-utils.
std::optional<std::string> PdfText(const std::string& pdf) {
  if (std::system("command -v pdftotext > /dev/null 2>&1") != 0) return std::nullopt;
  std::string base = ::testing::TempDir() + "receipt_api_" + std::to_string(::getpid());
  std::ofstream(base + ".pdf", std::ios::binary) << pdf;
  int rc = std::system(("pdftotext -layout " + base + ".pdf - > " + base + ".txt 2>&1").c_str());
  std::ifstream in(base + ".txt");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::remove((base + ".pdf").c_str());
  std::remove((base + ".txt").c_str());
  return rc == 0 ? text : "pdftotext failed: " + text;
}

class ReceiptPrintApiTest : public CorrectionApiTest {
 protected:
  // A cash payment of `amount` at the cashier desk for the owner's house; its receipt id.
  int64_t PayCash(const std::string& key, int64_t amount) {
    Reply paid =
        Pay(*cashier_, key, {{"house_id", house_}, {"amount", amount}, {"channel", "cash"}});
    EXPECT_EQ(paid.status, 201) << paid.body;
    return paid.status == 201 ? paid.json().at("receipt").at("id").as_int64() : 0;
  }
  std::string Str(const std::string& sql) {
    return app_->app().db().Run(db::TxMode::kRead,
                                [&](db::Tx& tx) { return tx.QueryOne(sql)->Str(0); });
  }
};

TEST_F(ReceiptPrintApiTest, ADemoPaymentsReceiptIsSmallInlineAndNamesPayerAndCashier) {
  int64_t id = PayCash("rp-1", 12345);  // 123.45 元
  Reply pdf = cashier_->Get("/api/v1/receipts/" + std::to_string(id) + "/pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  std::string number = Str("SELECT number FROM receipts WHERE id = " + std::to_string(id));
  EXPECT_EQ(pdf.header("content-disposition"), "inline; filename=\"" + number + ".pdf\"");
  EXPECT_LE(pdf.body.size(), 100u * 1024);
  EXPECT_EQ(PageCount(pdf.body), 1u);
  // Who the demo says: the cashier's display name, the house's owners on the day.
  std::string cashier = Str("SELECT name FROM users WHERE login = 'cashier'");
  std::string owner =
      Str("SELECT r.name FROM house_residents hr JOIN residents r ON r.id = hr.resident_id "
          "WHERE hr.house_id = " +
          std::to_string(house_) +
          " AND hr.relation = 'owner' ORDER BY r.id "
          "LIMIT 1");
  ASSERT_FALSE(cashier.empty());
  ASSERT_NE(cashier, "cashier");
  Reply got = cashier_->Get("/api/v1/receipts/" + std::to_string(id));
  EXPECT_NE(std::string(got.json().at("payer").as_string()).find(owner), std::string::npos)
      << got.body;
  if (auto text = PdfText(pdf.body)) {
    EXPECT_EQ(text->find("Warning"), std::string::npos) << *text;
    EXPECT_NE(text->find("壹佰贰拾叁元肆角伍分"), std::string::npos) << *text;
    EXPECT_NE(text->find("交款人：" + owner), std::string::npos) << *text;
    EXPECT_NE(text->find("收款人：" + cashier), std::string::npos) << *text;
  }
  // A paper nobody stocks.
  EXPECT_EQ(Code(cashier_->Get("/api/v1/receipts/" + std::to_string(id) + "/pdf?paper=a5")),
            "BAD_QUERY_PARAMETER");
}

TEST_F(ReceiptPrintApiTest, TwentyReceiptsPrintAsOnePdfOfTwentyPagesInOrder) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 20; ++i) ids.push_back(PayCash("rp-batch-" + std::to_string(i), 100 + i));
  std::string list;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it)  // newest first, as the list shows
    list += (list.empty() ? "" : ",") + std::to_string(*it);
  Reply pdf = admin_->Get("/api/v1/receipts/print?ids=" + list);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(PageCount(pdf.body), 20u);
  EXPECT_EQ(pdf.header("content-disposition").rfind("inline; filename=\"receipts-R-JHY-", 0), 0u)
      << pdf.header("content-disposition");
  if (auto text = PdfText(pdf.body)) {
    size_t at = 0;
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
      std::string number = Str("SELECT number FROM receipts WHERE id = " + std::to_string(*it));
      at = text->find(number, at);
      ASSERT_NE(at, std::string::npos) << number << " missing or out of order";
    }
  }
  // The 241 mm continuous paper (二等分): 241 × 139.7 mm = 683.15 × 396 pt per page.
  Reply paper = admin_->Get("/api/v1/receipts/print?paper=241&ids=" + list);
  ASSERT_EQ(paper.status, 200);
  EXPECT_EQ(PageCount(paper.body), 20u);
  std::regex box(R"(/MediaBox\s*\[\s*0 0 683\.1[45]\d*\s+396\s*\])");
  EXPECT_EQ(std::distance(std::sregex_iterator(paper.body.begin(), paper.body.end(), box),
                          std::sregex_iterator()),
            20);
}

TEST_F(ReceiptPrintApiTest, OneForeignOrBadIdPrintsNothing) {
  int64_t mine = PayCash("rp-own", 100);
  // Another company's admin: the demo company's receipt is not theirs.
  auto other = app_->LoginAs("other.admin");
  Reply foreign = other->Get("/api/v1/receipts/print?ids=" + std::to_string(mine));
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(Code(foreign), "RECEIPT_NOT_FOUND");
  EXPECT_EQ(foreign.header("content-type").rfind("application/json", 0), 0u);
  // Own and unknown together: the whole batch is refused, naming the id.
  Reply mixed = admin_->Get("/api/v1/receipts/print?ids=" + std::to_string(mine) + ",987654");
  EXPECT_EQ(mixed.status, 404);
  auto fields = mixed.json().at("error").at("fields").as_array();
  ASSERT_EQ(fields.size(), 1u) << mixed.body;
  EXPECT_EQ(fields[0].at("field").as_string(), "ids");
  EXPECT_EQ(fields[0].at("message").as_string(), "987654");
  for (const std::string& q : std::vector<std::string>{
           "", "ids=", "ids=1,,2", "ids=x", "ids=" + std::to_string(mine) + "&paper=a3",
           "ids=" + std::to_string(mine) + "," + std::to_string(mine)})
    EXPECT_EQ(Code(admin_->Get("/api/v1/receipts/print?" + q)), "BAD_QUERY_PARAMETER") << q;
  std::string many = "1";
  for (int i = 2; i <= 201; ++i) many += "," + std::to_string(i);
  EXPECT_EQ(Code(admin_->Get("/api/v1/receipts/print?ids=" + many)), "BAD_QUERY_PARAMETER");
}

}  // namespace
}  // namespace anju::testing
