// The errors of work orders (工单): code, kind (→ HTTP status), i18n key, English message.
// PROJECT_NOT_FOUND is org's (org_errors.h), RATE_LIMITED core's (core/common_errors.h).
#pragma once

#include "core/error.h"

namespace anju::workorder {

inline constexpr ErrorDef kOrderNotFound{"WORK_ORDER_NOT_FOUND", ErrorKind::kNotFound,
                                         "workorder.not_found", "Work order not found"};
inline constexpr ErrorDef kBadTransition{"WO_BAD_TRANSITION", ErrorKind::kConflict,
                                         "workorder.bad_transition",
                                         "The work order's status does not allow this action"};
inline constexpr ErrorDef kNotYours{"WO_NOT_ASSIGNEE", ErrorKind::kForbidden,
                                    "workorder.not_assignee",
                                    "Only the assigned staff member may do this"};
inline constexpr ErrorDef kCannotGrab{"WO_CANNOT_GRAB", ErrorKind::kConflict,
                                      "workorder.cannot_grab",
                                      "This order is not open for grabbing by you"};
inline constexpr ErrorDef kNoCandidate{"WO_NO_CANDIDATE", ErrorKind::kConflict,
                                       "workorder.no_candidate",
                                       "Nobody with the skill is on duty; assign by hand"};
inline constexpr ErrorDef kAssigneeInvalid{"WO_ASSIGNEE_INVALID", ErrorKind::kValidation,
                                           "workorder.assignee_invalid",
                                           "The assignee cannot handle orders in this project"};
// 404 for a category id in the path and, with a field error, for one named in a body
// (category_id, parent_id), like HOUSE_NOT_FOUND and PROJECT_NOT_FOUND.
inline constexpr ErrorDef kCategoryNotFound{"WO_CATEGORY_NOT_FOUND", ErrorKind::kNotFound,
                                            "workorder.category_not_found", "Category not found"};
inline constexpr ErrorDef kPlaceNotFound{"WO_PLACE_NOT_FOUND", ErrorKind::kNotFound,
                                         "workorder.place_not_found",
                                         "The house, building or project was not found"};
inline constexpr ErrorDef kCategoryCodeTaken{"WO_CATEGORY_CODE_TAKEN", ErrorKind::kConflict,
                                             "workorder.category_code_taken",
                                             "A category with this code exists"};
inline constexpr ErrorDef kPlaceRequired{"WO_PLACE_REQUIRED", ErrorKind::kValidation,
                                         "workorder.place_required",
                                         "Give the house or the place"};
inline constexpr ErrorDef kReportPointNotFound{"WO_REPORT_POINT_NOT_FOUND", ErrorKind::kNotFound,
                                               "workorder.report_point_not_found",
                                               "This QR code is not (or no longer) valid"};
inline constexpr ErrorDef kChargeNoHouse{"WO_CHARGE_NO_HOUSE", ErrorKind::kValidation,
                                         "workorder.charge_no_house",
                                         "Only a repair in a house can be charged to it"};
inline constexpr ErrorDef kScanMismatch{"WO_SCAN_MISMATCH", ErrorKind::kValidation,
                                        "workorder.scan_mismatch",
                                        "The scanned code is not a QR point of this order's place"};
inline constexpr ErrorDef kShiftNotFound{"WO_SHIFT_NOT_FOUND", ErrorKind::kNotFound,
                                         "workorder.shift_not_found", "Shift not found"};
inline constexpr ErrorDef kStaffNotFound{"WO_STAFF_NOT_FOUND", ErrorKind::kNotFound,
                                         "workorder.staff_not_found", "Staff member not found"};
inline constexpr ErrorDef kNotFollowUpDue{"WO_FOLLOW_UP_NOT_DUE", ErrorKind::kConflict,
                                          "workorder.follow_up_not_due",
                                          "Only completed orders can be followed up"};
inline constexpr ErrorDef kReportBadRange{
    "WO_REPORT_BAD_RANGE", ErrorKind::kValidation, "workorder.report_bad_range",
    "from and to must be months YYYY-MM, from ≤ to, ≤ 36 months"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kWorkOrderErrors[] = {
    &kOrderNotFound,    &kBadTransition,       &kNotYours,
    &kCannotGrab,       &kNoCandidate,         &kAssigneeInvalid,
    &kCategoryNotFound, &kPlaceNotFound,       &kCategoryCodeTaken,
    &kPlaceRequired,    &kReportPointNotFound, &kChargeNoHouse,
    &kScanMismatch,     &kShiftNotFound,       &kStaffNotFound,
    &kNotFollowUpDue,   &kReportBadRange};

}  // namespace anju::workorder
