#pragma once

#include "http/router.h"
#include "modules/billing/discounts.h"

namespace anju::billing {

// GET/POST /api/v1/discount-rules, PATCH /api/v1/discount-rules/{id}.
void RegisterDiscountRoutes(http::Router& router, DiscountService& s);

}  // namespace anju::billing
