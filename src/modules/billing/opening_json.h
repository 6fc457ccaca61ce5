// The JSON side of opening balances (期初): reading the importer's row bodies into the
// commands of opening.h, strictly and with the same codes and fields as the API's readers,
// and the opening's JSON (the audit rows; the importer's reports).
#pragma once

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "modules/billing/opening.h"

namespace anju::billing {

// {house_id, fee_item_code, period: "YYYY-MM" not after the month of `now` (China time),
//  amount: 分 1 … kMaxPaymentFen, note?: ≤ 200}. Errors: VALIDATION_FAILED (fields).
Result<OpeningArrearsCommand> ReadOpeningArrears(const boost::json::object& body, Millis now);
// {house_id, amount, note?}. Errors: VALIDATION_FAILED (fields).
Result<OpeningPrepaymentCommand> ReadOpeningPrepayment(const boost::json::object& body);

// {id, kind, house_id, project_id, bill_id, bill_number, fee_item_code, period, amount,
//  note, status, created_at, reversed_at}
boost::json::object OpeningJson(const Opening& o);

}  // namespace anju::billing
