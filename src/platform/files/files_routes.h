#pragma once

#include "http/router.h"
#include "platform/files/files_service.h"

namespace anju::files {

// POST /api/v1/files (raw body) and GET /api/v1/files/{id}.
void RegisterRoutes(http::Router& router, FilesService& files);

}  // namespace anju::files
