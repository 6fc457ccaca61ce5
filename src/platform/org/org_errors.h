#pragma once

#include "core/error.h"

namespace anju::org {

inline constexpr ErrorDef kProjectNotFound{"PROJECT_NOT_FOUND", ErrorKind::kNotFound,
                                           "org.project_not_found", "Project not found"};
inline constexpr ErrorDef kProjectCodeTaken{"PROJECT_CODE_TAKEN", ErrorKind::kConflict,
                                            "org.project_code_taken",
                                            "A project with this code exists"};
inline constexpr ErrorDef kDepartmentNotFound{"DEPARTMENT_NOT_FOUND", ErrorKind::kNotFound,
                                              "org.department_not_found",
                                              "Department not found"};
inline constexpr ErrorDef kStaffNotFound{"STAFF_NOT_FOUND", ErrorKind::kNotFound,
                                         "org.staff_not_found", "Staff member not found"};
inline constexpr ErrorDef kRoleNotFound{"ROLE_NOT_FOUND", ErrorKind::kNotFound,
                                        "org.role_not_found", "Role not found"};
inline constexpr ErrorDef kRoleCodeTaken{"ROLE_CODE_TAKEN", ErrorKind::kConflict,
                                         "org.role_code_taken", "A role with this code exists"};
inline constexpr ErrorDef kBuiltinRole{"ROLE_BUILTIN", ErrorKind::kConflict, "org.role_builtin",
                                       "Built-in roles cannot be changed"};
inline constexpr ErrorDef kGrantNotFound{"GRANT_NOT_FOUND", ErrorKind::kNotFound,
                                         "org.grant_not_found", "Grant not found"};
inline constexpr ErrorDef kGrantExists{"GRANT_EXISTS", ErrorKind::kConflict, "org.grant_exists",
                                       "This role is already granted there"};
inline constexpr ErrorDef kGrantEscalation{"GRANT_ESCALATION", ErrorKind::kForbidden,
                                           "org.grant_escalation",
                                           "You may not grant more than you hold yourself"};
inline constexpr ErrorDef kCompanyCodeTaken{"COMPANY_CODE_TAKEN", ErrorKind::kConflict,
                                            "org.company_code_taken",
                                            "A company with this code exists"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kOrgErrors[] = {
    &kProjectNotFound, &kProjectCodeTaken, &kDepartmentNotFound, &kStaffNotFound,
    &kRoleNotFound,    &kRoleCodeTaken,    &kBuiltinRole,        &kGrantNotFound,
    &kGrantExists,     &kGrantEscalation,  &kCompanyCodeTaken};

}  // namespace anju::org
