#pragma once

#include "http/router.h"
#include "modules/billing/receipts.h"

namespace anju::billing {

// GET /api/v1/receipts, GET /api/v1/receipts/{id}, GET /api/v1/receipts/{id}/pdf,
// POST /api/v1/receipts/{id}/void, and the public GET /api/v1/receipts/verify/{token}.
void RegisterReceiptRoutes(http::Router& router, ReceiptService& receipts);

}  // namespace anju::billing
