#pragma once

#include "http/router.h"
#include "modules/importer/import_service.h"

namespace anju::importer {

void RegisterRoutes(http::Router& router, ImportService& s);

}  // namespace anju::importer
