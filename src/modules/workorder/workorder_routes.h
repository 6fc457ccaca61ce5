#pragma once

#include <string>

#include "http/router.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

// public_url: how users reach this server (printed in the QR codes of report points).
void RegisterRoutes(http::Router& router, WorkOrderService& s, WorkOrderSettings& settings,
                    const std::string& public_url);

}  // namespace anju::workorder
