#pragma once

#include "http/router.h"
#include "modules/receipts/receipts.h"

namespace anju::receipts {

// GET /api/v1/receipts, GET /api/v1/receipts/{id}, GET /api/v1/receipts/{id}/pdf,
// POST /api/v1/receipts/{id}/void, and the public GET /api/v1/receipts/verify/{token}.
void RegisterReceiptRoutes(http::Router& router, ReceiptService& receipts);

}  // namespace anju::receipts
