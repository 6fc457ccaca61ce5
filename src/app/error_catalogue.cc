#include "app/error_catalogue.h"

#include "core/common_errors.h"
#include "modules/billing/billing_errors.h"
#include "modules/billing/calc/calc_errors.h"
#include "modules/billing/opening_errors.h"
#include "modules/collection/reminder_errors.h"
#include "modules/corrections/correction_errors.h"
#include "platform/files/files_errors.h"
#include "platform/identity/identity_errors.h"
#include "modules/importer/importer_errors.h"
#include "modules/metering/meter_errors.h"
#include "platform/notify/notify_errors.h"
#include "platform/org/org_errors.h"
#include "modules/pay/pay_errors.h"
#include "modules/property/property_errors.h"
#include "modules/receipts/receipt_errors.h"
#include "modules/reports/report_errors.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::app {

namespace {

constexpr ErrorList kLists[] = {
    {"core/common_errors.h", errors::kCommonErrors},
    {"platform/identity/identity_errors.h", identity::kIdentityErrors},
    {"platform/org/org_errors.h", org::kOrgErrors},
    {"platform/notify/notify_errors.h", notify::kNotifyErrors},
    {"platform/files/files_errors.h", files::kFilesErrors},
    {"modules/property/property_errors.h", property::kPropertyErrors},
    {"modules/billing/billing_errors.h", billing::kBillingErrors},
    {"modules/billing/calc/calc_errors.h", billing::calc::kCalcErrors},
    {"modules/pay/pay_errors.h", pay::kPayErrors},
    {"modules/metering/meter_errors.h", metering::kMeterErrors},
    {"modules/collection/reminder_errors.h", collection::kReminderErrors},
    {"modules/receipts/receipt_errors.h", receipts::kReceiptErrors},
    {"modules/corrections/correction_errors.h", corrections::kCorrectionErrors},
    {"modules/billing/opening_errors.h", billing::kOpeningErrors},
    {"modules/reports/report_errors.h", reports::kReportErrors},
    {"modules/workorder/workorder_errors.h", workorder::kWorkOrderErrors},
    {"modules/importer/importer_errors.h", importer::kImporterErrors},
};

}  // namespace

std::span<const ErrorList> ErrorCatalogue() { return kLists; }

}  // namespace anju::app
