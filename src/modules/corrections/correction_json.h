// The JSON form of a refund (corrections.h: Refund): the reply body of the refund routes
// (adjustment_routes.cc) and the record the audit log keeps of the same events. The API
// contract (api/openapi.yaml) describes the shape; key order is part of the bytes a
// replayed answer repeats.
#pragma once

#include <boost/json.hpp>

#include "modules/corrections/corrections.h"

namespace anju::corrections {

// {id, project_id, house_id, house_code, payment_id, payment_number, number, channel, amount,
//  reason, status, provider_refund_id, failure, requested_by, requested_by_name,
//  requested_at, decided_by, decided_by_name, decided_at, decision_note, refunded_at}
boost::json::object RefundJson(const Refund& r);

}  // namespace anju::corrections
