// The JSON side of receipts (收据): the void body's reader and the replies of the receipt
// routes (receipt_routes.cc); ReceiptJson is also what the audit log keeps of a void.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "core/error.h"
#include "core/page.h"
#include "modules/receipts/receipts.h"

namespace anju::receipts {

// {reason: 2..200 characters}; the receipt's own fields are read-only.
// Errors: VALIDATION_FAILED (fields).
Result<std::string> ReadVoidReason(const boost::json::object& body);

// The `ids` query parameter of a batch print: "12,7,31", at most kMaxPrintBatch positive
// ids, in the order to print. Errors: BAD_QUERY_PARAMETER (ids).
Result<std::vector<int64_t>> ReadReceiptIds(std::string_view text);
// The `paper` query parameter: "a4" (also when absent), "241" or "80" (the slip). Errors:
// BAD_QUERY_PARAMETER (paper).
Result<Paper> ReadPaper(std::string_view text);

// {id, number, project_id, house_id, payment_id, amount, payer, status, void_reason,
//  voided_at, created_at}
boost::json::object ReceiptJson(const Receipt& r);
// The receipt with house_code, payment_number, channel, amount_words, lines: [{item,
// period, amount}] and verify_url.
boost::json::object ReceiptDetailJson(const ReceiptDetail& d);
// {items, total, page, size}
boost::json::object ReceiptListJson(const ReceiptPage& list, const Page& page);
// {number, company_name, project_name, amount, date, status}
boost::json::object ReceiptCheckJson(const ReceiptCheck& c);

}  // namespace anju::receipts
