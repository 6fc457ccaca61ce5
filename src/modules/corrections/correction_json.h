// The JSON side of corrections: the decision body's reader, and the JSON form of a refund
// (corrections.h: Refund): the reply body of the refund routes (adjustment_routes.cc) and
// the record the audit log keeps of the same events. The API
// contract (api/openapi.yaml) describes the shape; key order is part of the bytes a
// replayed answer repeats.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "core/error.h"
#include "core/page.h"
#include "modules/corrections/corrections.h"

namespace anju::corrections {

// {id, project_id, house_id, house_code, payment_id, payment_number, number, channel, amount,
//  reason, status, provider_refund_id, failure, requested_by, requested_by_name,
//  requested_at, decided_by, decided_by_name, decided_at, decision_note, refunded_at}
boost::json::object RefundJson(const Refund& r);

// {id, project_id, house_id, house_code, bill_id, bill_number, period, kind, amount, reason,
//  status, to_prepayment, requested_by, requested_by_name, requested_at, decided_by,
//  decided_by_name, decided_at, decision_note}
boost::json::object AdjustmentJson(const Adjustment& a);

// {items, total, page, size}
boost::json::object AdjustmentListJson(const CorrectionPage<Adjustment>& list, const Page& page);
boost::json::object RefundListJson(const CorrectionPage<Refund>& list, const Page& page);

// {bill_id, kind: credit_note | write_off | late_fee_waiver, amount, reason}, read strictly.
// Errors: VALIDATION_FAILED (fields).
Result<AdjustmentCommand> ReadAdjustment(const boost::json::object& body);

// The decision body: {"reason": "..."} — required (2..200 characters) to reject, optional
// to approve. Errors: VALIDATION_FAILED (reason).
Result<std::string> ReadDecision(const boost::json::object& body, bool approve);

}  // namespace anju::corrections
