#pragma once

#include "core/error.h"

namespace anju::collection {

inline constexpr ErrorDef kReminderRuleNotFound{"REMINDER_RULE_NOT_FOUND", ErrorKind::kNotFound,
                                                "billing.reminder_rule_not_found",
                                                "Reminder rule not found"};
inline constexpr ErrorDef kReminderRuleNameTaken{"REMINDER_RULE_NAME_TAKEN", ErrorKind::kConflict,
                                                 "billing.reminder_rule_name_taken",
                                                 "A reminder rule with this name exists in the project"};
inline constexpr ErrorDef kReminderRuleInUse{"REMINDER_RULE_IN_USE", ErrorKind::kConflict,
                                             "billing.reminder_rule_in_use",
                                             "The rule has sent reminders; deactivate it instead"};
inline constexpr ErrorDef kAssignmentNotFound{"COLLECTION_ASSIGNMENT_NOT_FOUND",
                                              ErrorKind::kNotFound,
                                              "billing.collection_assignment_not_found",
                                              "Collection assignment not found"};
inline constexpr ErrorDef kAssignmentClosed{"COLLECTION_ASSIGNMENT_CLOSED", ErrorKind::kConflict,
                                            "billing.collection_assignment_closed",
                                            "The assignment is closed: the house has paid"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kReminderErrors[] = {&kReminderRuleNotFound,
                                                      &kReminderRuleNameTaken, &kReminderRuleInUse,
                                                      &kAssignmentNotFound, &kAssignmentClosed};

}  // namespace anju::collection
