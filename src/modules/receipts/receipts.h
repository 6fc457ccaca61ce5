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
// Thread-safe: no mutable state of its own.
#pragma once

#include <boost/json.hpp>
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

struct ReceiptFilter {
  std::optional<int64_t> project_id, house_id;
  std::string status;  // "issued" | "void" | ""
};

// A rendered receipt: the file name (its number) and the PDF bytes.
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
  Result<boost::json::object> Issue(db::Tx& tx, int64_t company_id, int64_t payment_id, Millis now);
  // The same as billing's port.
  Result<billing::ReceiptRef> IssueFor(db::Tx& tx, int64_t company_id, int64_t payment_id,
                                       Millis now) override;

  // The receipt with its lines (fee item, period, amount) and verify URL.
  Result<boost::json::value> Get(const TenantContext& ctx, int64_t id);
  // Newest first. Errors: BAD_QUERY_PARAMETER for an unknown status.
  Result<boost::json::value> List(const TenantContext& ctx, const ReceiptFilter& f,
                                  const Page& page);
  // {reason}. Errors: 403 without billing:payment:create, 404, 409 RECEIPT_ALREADY_VOID.
  Result<boost::json::value> Void(const TenantContext& ctx, int64_t id,
                                  const boost::json::object& body);
  // The one-page PDF (receipt_pdf.h); same access as Get. Errors: RECEIPT_FONT_MISSING.
  Result<ReceiptPdf> Pdf(const TenantContext& ctx, int64_t id);
  // Public: {number, company_name, project_name, amount, date, status}; 404 otherwise.
  Result<boost::json::value> Verify(const std::string& token);

  std::string VerifyUrl(const std::string& token) const;

 private:
  db::Database& db_;
  const Clock& clock_;
  ReceiptOptions options_;
};

}  // namespace anju::receipts
