// GET /api/v1/houses/lookup (house_lookup.h): the counter's one search box.
#pragma once

#include "core/clock.h"
#include "core/crypto.h"
#include "db/database.h"
#include "http/router.h"

namespace anju::property {

void RegisterHouseLookupRoutes(http::Router& router, db::Database& db,
                               const crypto::SecretKey& key, const Clock& clock);

}  // namespace anju::property
