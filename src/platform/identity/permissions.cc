#include "platform/identity/permissions.h"

namespace anju::identity {

const std::vector<PermissionDef>& PermissionCatalogue() {
  static const std::vector<PermissionDef> kAll = {
      {perm::kProjectRead, "查看项目", "View projects"},
      {perm::kProjectWrite, "管理项目", "Manage projects"},
      {perm::kDepartmentRead, "查看部门", "View departments"},
      {perm::kDepartmentWrite, "管理部门", "Manage departments"},
      {perm::kStaffRead, "查看员工", "View staff"},
      {perm::kStaffWrite, "管理员工", "Manage staff"},
      {perm::kRoleRead, "查看角色", "View roles"},
      {perm::kRoleWrite, "管理角色与授权", "Manage roles and grants"},
      {perm::kHouseRead, "查看房屋", "View houses"},
      {perm::kHouseWrite, "管理房屋", "Manage houses"},
      {perm::kStructureWrite, "管理楼栋单元楼层", "Manage buildings, entrances, floors"},
      {perm::kResidentRead, "查看住户", "View residents"},
      {perm::kResidentWrite, "管理住户", "Manage residents"},
      {perm::kVehicleRead, "查看车辆", "View vehicles"},
      {perm::kVehicleWrite, "管理车辆", "Manage vehicles"},
      {perm::kParkingRead, "查看车位", "View parking spaces"},
      {perm::kParkingWrite, "管理车位", "Manage parking spaces"},
      {perm::kPiiUnmask, "查看完整个人信息", "Unmask personal data"},
      {perm::kAuditRead, "查看审计日志", "View the audit log"},
      {perm::kFeeRead, "查看收费项目", "View fee items"},
      {perm::kFeeWrite, "管理收费项目", "Manage fee items"},
      {perm::kBillRead, "查看账单", "View bills"},
      {perm::kBillRun, "生成账单", "Run bill generation"},
      {perm::kPaymentRead, "查看收款", "View payments"},
      {perm::kPaymentCreate, "收款", "Take payments"},
      {perm::kLedgerRead, "查看总账", "View the ledger"},
      {perm::kMeterRead, "抄表", "Read meters"},
      {perm::kRemindRead, "查看催缴", "View reminders and collection"},
      {perm::kRemindWrite, "管理催缴", "Manage reminders and collection"},
      {perm::kCollect, "催收跟进", "Follow up arrears (collection)"},
      {perm::kOutboxRead, "查看消息发件箱", "View the notification outbox"},
      {perm::kAdjustCreate, "申请调账", "Request adjustments"},
      {perm::kAdjustApprove, "审批调账", "Approve adjustments"},
      {perm::kRefundCreate, "申请退款", "Request refunds"},
      {perm::kRefundApprove, "审批退款", "Approve refunds"},
      {perm::kBillingSettingsWrite, "管理收费设置", "Manage billing settings"},
      {perm::kWorkOrderRead, "查看工单", "View work orders"},
      {perm::kWorkOrderWrite, "登记与回访工单", "Register, cancel and follow up work orders"},
      {perm::kWorkOrderDispatch, "派单", "Dispatch work orders"},
      {perm::kWorkOrderHandle, "处理工单", "Handle work orders (accept, complete, grab)"},
      {perm::kWorkOrderSettings, "管理工单设置", "Manage work-order settings"},
      {perm::kWorkOrderReport, "查看工单报表", "View work-order reports"},
      {perm::kDataImport, "导入数据", "Import data (migration)"},
  };
  return kAll;
}

bool IsKnownPermission(std::string_view code) {
  for (auto& p : PermissionCatalogue())
    if (p.code == code) return true;
  return false;
}

const std::vector<BuiltinRole>& BuiltinRoles() {
  using namespace perm;
  static const std::vector<BuiltinRole> kRoles = [] {
    std::vector<std::string_view> all;
    for (auto& p : PermissionCatalogue()) all.push_back(p.code);
    return std::vector<BuiltinRole>{
        {"hq_admin", "总部管理员", all},
        {"project_manager", "项目经理",
         {kProjectRead, kDepartmentRead, kDepartmentWrite, kStaffRead, kStaffWrite, kRoleRead,
          kHouseRead, kHouseWrite, kStructureWrite, kResidentRead, kResidentWrite,
          kVehicleRead, kVehicleWrite, kParkingRead, kParkingWrite, kPiiUnmask, kAuditRead,
          kFeeRead, kFeeWrite, kBillRead, kBillRun, kPaymentRead, kPaymentCreate, kLedgerRead,
          kMeterRead, kRemindRead, kRemindWrite, kOutboxRead, kAdjustCreate, kAdjustApprove,
          kRefundCreate, kRefundApprove, kWorkOrderRead, kWorkOrderWrite, kWorkOrderDispatch,
          kWorkOrderHandle, kWorkOrderSettings, kWorkOrderReport, kDataImport}},
        {"customer_service", "客服",
         {kProjectRead, kHouseRead, kResidentRead, kResidentWrite, kVehicleRead, kVehicleWrite,
          kParkingRead, kPiiUnmask, kWorkOrderRead, kWorkOrderWrite, kWorkOrderDispatch,
          kWorkOrderReport}},
        {"cashier", "收费员",
         {kProjectRead, kHouseRead, kResidentRead, kParkingRead, kFeeRead, kBillRead,
          kPaymentRead, kPaymentCreate, kRemindRead, kAdjustCreate, kRefundCreate}},
        {"finance", "财务",
         {kProjectRead, kHouseRead, kResidentRead, kAuditRead, kFeeRead, kFeeWrite, kBillRead,
          kBillRun, kPaymentRead, kLedgerRead, kMeterRead, kRemindRead, kAdjustCreate,
          kAdjustApprove, kRefundCreate, kRefundApprove}},
        {"engineer", "工程人员", {kProjectRead, kHouseRead, kMeterRead, kWorkOrderHandle}},
        {"security", "安保人员",
         {kProjectRead, kHouseRead, kVehicleRead, kParkingRead, kWorkOrderHandle}},
        {"cleaner", "保洁人员", {kProjectRead, kWorkOrderHandle}},
        {"collector", "催缴专员", {kProjectRead, kHouseRead, kResidentRead, kBillRead, kPaymentRead, kCollect}},
    };
  }();
  return kRoles;
}

}  // namespace anju::identity
