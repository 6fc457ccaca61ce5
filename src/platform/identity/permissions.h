// The permission catalogue and the built-in roles every company starts with.
// The server checks these codes; the web UI shows menus and buttons by the same codes.
#pragma once

#include <string_view>
#include <vector>

namespace anju::identity {

struct PermissionDef {
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
};

// Every permission code Anju knows. A role may only hold codes from this list.
const std::vector<PermissionDef>& PermissionCatalogue();
bool IsKnownPermission(std::string_view code);

struct BuiltinRole {
  std::string_view code;
  std::string_view name;  // Chinese display name
  std::vector<std::string_view> permissions;
};
// hq_admin, project_manager, customer_service, cashier, finance, engineer, security,
// cleaner, collector.
const std::vector<BuiltinRole>& BuiltinRoles();

namespace perm {
inline constexpr std::string_view kProjectRead = "org:project:read";
inline constexpr std::string_view kProjectWrite = "org:project:write";
inline constexpr std::string_view kDepartmentRead = "org:department:read";
inline constexpr std::string_view kDepartmentWrite = "org:department:write";
inline constexpr std::string_view kStaffRead = "org:staff:read";
inline constexpr std::string_view kStaffWrite = "org:staff:write";
inline constexpr std::string_view kRoleRead = "org:role:read";
inline constexpr std::string_view kRoleWrite = "org:role:write";
inline constexpr std::string_view kHouseRead = "property:house:read";
inline constexpr std::string_view kHouseWrite = "property:house:write";
inline constexpr std::string_view kStructureWrite = "property:structure:write";
inline constexpr std::string_view kResidentRead = "property:resident:read";
inline constexpr std::string_view kResidentWrite = "property:resident:write";
inline constexpr std::string_view kVehicleRead = "property:vehicle:read";
inline constexpr std::string_view kVehicleWrite = "property:vehicle:write";
inline constexpr std::string_view kParkingRead = "property:parking:read";
inline constexpr std::string_view kParkingWrite = "property:parking:write";
inline constexpr std::string_view kPiiUnmask = "pii:unmask";
inline constexpr std::string_view kAuditRead = "audit:log:read";
inline constexpr std::string_view kFeeRead = "billing:fee:read";
inline constexpr std::string_view kFeeWrite = "billing:fee:write";
inline constexpr std::string_view kBillRead = "billing:bill:read";
inline constexpr std::string_view kBillRun = "billing:bill:run";
inline constexpr std::string_view kPaymentRead = "billing:payment:read";
inline constexpr std::string_view kPaymentCreate = "billing:payment:create";
inline constexpr std::string_view kLedgerRead = "billing:ledger:read";
inline constexpr std::string_view kMeterRead = "billing:meter:read";  // 抄表: record readings
inline constexpr std::string_view kRemindRead = "billing:remind:read";    // 催缴: rules, runs, assignments
inline constexpr std::string_view kRemindWrite = "billing:remind:write";  // 催缴: rules, settings, reassign
inline constexpr std::string_view kCollect = "billing:collect";  // 催收: be assigned houses, follow up
inline constexpr std::string_view kOutboxRead = "notify:outbox:read";     // the notification outbox
// Corrections: request and approve adjustments (调账) and refunds (退款); company settings.
inline constexpr std::string_view kAdjustCreate = "billing:adjust:create";
inline constexpr std::string_view kAdjustApprove = "billing:adjust:approve";
inline constexpr std::string_view kRefundCreate = "billing:refund:create";
inline constexpr std::string_view kRefundApprove = "billing:refund:approve";
inline constexpr std::string_view kBillingSettingsWrite = "billing:settings:write";
// Work orders (工单): see a project's orders; register calls, cancel, reopen, follow up;
// (re)assign; handle (accept … complete, grab); settings; reports.
inline constexpr std::string_view kWorkOrderRead = "workorder:read";
inline constexpr std::string_view kWorkOrderWrite = "workorder:write";
inline constexpr std::string_view kWorkOrderDispatch = "workorder:dispatch";
inline constexpr std::string_view kWorkOrderHandle = "workorder:handle";
inline constexpr std::string_view kWorkOrderSettings = "workorder:settings";
inline constexpr std::string_view kWorkOrderReport = "workorder:report";
// Data migration (数据迁移): import files of houses, residents, … and roll batches back.
inline constexpr std::string_view kDataImport = "data:import";
}  // namespace perm

}  // namespace anju::identity
