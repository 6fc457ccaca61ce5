// Receipts (收据): proof of a payment, numbered per project and year without gaps.
//
// Contract
// - One receipt per payment, issued by Issue() inside the payment's own transaction, so a
//   payment never commits without its receipt. Issue is idempotent per payment.
// - Numbers are 'R-<project code>-<year>-<6-digit seq>' from the gap-free counter
//   'receipt:<project id>:<year>' (counters.h; the year is the civil year in China time).
//   The counter is taken in the same transaction as the row, so a rolled-back payment
//   gives its number back and a committed receipt is never deleted: no gaps.
// - Voiding (作废) needs a reason (2..200 characters) and billing:payment:create in the
//   receipt's project; it is audited with the reason in the same transaction. A voided
//   receipt keeps its row and number. Voiding moves NO money: the payment, its allocation
//   and the ledger stay as they are (a refund is a separate, later feature).
// - Reads: staff need billing:payment:read in the receipt's project; residents read their
//   own houses' receipts. Rows outside the caller's scope answer 404.
// - Verify(token) is public (the QR code): it answers only the number, company, project,
//   amount, date and status — nothing that names a person or a house.
// - The payer (交款人) is fixed at issue: the names of the house's owners on the day of
//   payment (China time), joined with "、" (three at most, then "等"), "" when the house
//   has no owner; payments carry no payer name of their own. A receipt issued before the
//   column existed (0017) shows the owners of its issue day as they are linked now.
// - The PDF names the cashier (收款人) by the staff member's name (users.name; the login
//   when the name is empty), an online payment as 线上支付.
// - Batch printing (Pdfs): 1..kMaxPrintBatch receipt ids, each readable by the caller, one
//   page per receipt in the order given; one unknown, foreign or out-of-scope id refuses
//   the whole batch (404 RECEIPT_NOT_FOUND naming it in field `ids`), a repeated id or a
//   batch too large is BAD_QUERY_PARAMETER; nothing partial is rendered.
// Thread-safe: no mutable state of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/ports.h"
#include "modules/receipts/receipt_errors.h"
#include "modules/receipts/receipt_pdf.h"

namespace anju::receipts {

struct ReceiptOptions {
  // Public base of the verify link in the QR code, e.g. "https://wuye.example.com": the
  // code encodes "<base>/r/<verify_token>". A trailing '/' is ignored.
  std::string verify_base_url;
  std::vector<FontFile> fonts = DefaultReceiptFonts();
};

// The most receipts one batch print takes.
inline constexpr size_t kMaxPrintBatch = 200;

struct ReceiptFilter {
  std::optional<int64_t> project_id, house_id;
  std::string status;  // "issued" | "void" | ""
};

// A receipt as stored (receipt_json.h ReceiptJson shows it).
struct Receipt {
  int64_t id = 0, company_id = 0, project_id = 0, house_id = 0, payment_id = 0;
  int64_t amount = 0;  // 分
  std::string number;
  std::string status;  // "issued" | "void"
  std::string verify_token;
  std::string payer;  // 交款人 (see the contract above)
  std::optional<std::string> void_reason;
  std::optional<Millis> voided_at;
  Millis created_at = 0;
};

// A receipt with what it proves: the house, the payment, the amount in words, what was
// paid line by line, and the verify link of its QR code.
struct ReceiptDetail {
  Receipt receipt;
  std::string house_code, payment_number, channel, amount_words;
  std::vector<ReceiptDoc::Line> lines;
  std::string verify_url;
};

// A page of receipts, newest first, and how many the filter matches.
struct ReceiptPage {
  std::vector<Receipt> items;
  int64_t total = 0;
};

// What the public verify link shows: nothing that names a person or a house.
struct ReceiptCheck {
  std::string number, company_name, project_name;
  int64_t amount = 0;
  std::string date;    // "YYYY-MM-DD", China time
  std::string status;  // "issued" | "void"
};

// A rendered receipt, or a batch: the file name (the receipt's number, or
// "receipts-<first number>-<count>") and the PDF bytes.
struct ReceiptPdf {
  std::string number;
  std::string bytes;
};

// Also billing's ReceiptIssuer (billing/ports.h): billing::Settle asks it for the receipt of
// every payment of money, in the payment's transaction (wired in src/app/app.cc).
class ReceiptService : public billing::ReceiptIssuer {
 public:
  ReceiptService(db::Database& db, const Clock& clock, ReceiptOptions options);

  // Inside `tx` (the payment's write transaction): the receipt of `payment_id`, issued now
  // or, when it exists, as it is. Errors: RECEIPT_PAYMENT_NOT_FOUND (not the company's).
  // The payment is read through billing (bill_queries.h: FindPayment).
  Result<Receipt> Issue(db::Tx& tx, int64_t company_id, int64_t payment_id, Millis now);
  // The same as billing's port.
  Result<billing::ReceiptRef> IssueFor(db::Tx& tx, int64_t company_id, int64_t payment_id,
                                       Millis now) override;

  // The receipt with its lines (fee item, period, amount) and verify URL.
  Result<ReceiptDetail> Get(const TenantContext& ctx, int64_t id);
  // Newest first. Errors: BAD_QUERY_PARAMETER for an unknown status.
  Result<ReceiptPage> List(const TenantContext& ctx, const ReceiptFilter& f, const Page& page);
  // Whether the caller may void receipts (billing:payment:create somewhere): checked before
  // the body is read. Void checks it again.
  static Status MayVoid(const TenantContext& ctx);
  // Voids the receipt for `reason` (2..200 characters: receipt_json.h ReadVoidReason); the
  // voided receipt. Errors: 403 without billing:payment:create, 404, 409
  // RECEIPT_ALREADY_VOID.
  Result<Receipt> Void(const TenantContext& ctx, int64_t id, const std::string& reason);
  // The one-page PDF (receipt_pdf.h) on `paper`; same access as Get. Errors:
  // RECEIPT_FONT_MISSING.
  Result<ReceiptPdf> Pdf(const TenantContext& ctx, int64_t id, Paper paper = Paper::kA4);
  // One PDF of the receipts `ids`, a page each in this order (the contract above). Errors:
  // BAD_QUERY_PARAMETER (ids), RECEIPT_NOT_FOUND (ids), RECEIPT_FONT_MISSING.
  Result<ReceiptPdf> Pdfs(const TenantContext& ctx, const std::vector<int64_t>& ids,
                          Paper paper = Paper::kA4);
  // Public: the receipt of a verify token; RECEIPT_NOT_FOUND otherwise.
  Result<ReceiptCheck> Verify(const std::string& token);

  std::string VerifyUrl(const std::string& token) const;

 private:
  Result<ReceiptDoc> DocOf(db::Tx& tx, const TenantContext& ctx, int64_t id) const;

  db::Database& db_;
  const Clock& clock_;
  ReceiptOptions options_;
};

}  // namespace anju::receipts
