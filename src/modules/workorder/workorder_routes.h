#pragma once

#include <string>

#include "http/event_hub.h"
#include "http/router.h"
#include "modules/workorder/reports.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

// public_url: how users reach this server (printed in the QR codes of report points).
// hub: where the service publishes timeline events after commit ("wo:<id>", event
// "timeline", id = the event's seq) and where the live stream subscribes.
void RegisterRoutes(http::Router& router, WorkOrderService& s, WorkOrderSettings& settings,
                    WorkOrderReports& reports, http::EventHub& hub, const std::string& public_url);

}  // namespace anju::workorder
