// HTTP routes of the property registry under /api/v1/ (see README.md for the list).
// Handlers only parse the query and body, call PropertyService and shape the reply.
#pragma once

#include "http/router.h"
#include "modules/property/property_service.h"

namespace anju::property {

// `service` must outlive the router.
void RegisterRoutes(http::Router& router, PropertyService& service);

}  // namespace anju::property
