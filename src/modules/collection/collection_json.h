// The JSON side of reminders and collection: the API's bodies read into commands (strictly,
// BodyReader) and the typed results shaped into the replies — also the documents the audit
// log keeps of rules, settings and follow-ups. Used by reminder_routes.cc and, for their
// audit rows, by the services. Key order is the API's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/error.h"
#include "modules/collection/reminders.h"

namespace anju::collection {

// {as_of?: "YYYY-MM-DD"} → the day, or nullopt for today.
Result<std::optional<std::string>> ReadRunNow(const boost::json::object& body);
// {project_id, name, offset_days, channels: ["sms"|"in_app"], template, active?}
Result<CreateRuleCommand> ReadCreateRule(const boost::json::object& body);
// {name?, offset_days?, channels?, template?, active?}
Result<UpdateRuleCommand> ReadUpdateRule(const boost::json::object& body);
// {project_id, assign_after_days, active?}
Result<PutSettingCommand> ReadPutSetting(const boost::json::object& body);
// {assignee_id} → the id.
Result<int64_t> ReadReassign(const boost::json::object& body);
// {method: call|visit|sms|other, outcome, promised_date?, promised_amount?}
Result<AddFollowUpCommand> ReadFollowUp(const boost::json::object& body);

// {as_of, reminders, messages, assigned, unassigned, closed, delivered, delivery_failed}
boost::json::object ReminderRunJson(const ReminderRun& r);
// {id, project_id, name, offset_days, channels, template, active, created_at, updated_at}
boost::json::object RuleJson(const ReminderRule& r);
// {items, total}
boost::json::object RulesJson(const std::vector<ReminderRule>& rules);
// {id, project_id, assign_after_days, active, updated_at}
boost::json::object SettingJson(const CollectionSetting& s);
// {items, total}
boost::json::object SettingsJson(const std::vector<CollectionSetting>& settings);
// {id, project_id, house_id, house_code, assignee_id, assignee_name, status,
//  oldest_due_date, owed_at_open, overdue, follow_ups, last_follow_up_at, opened_at,
//  closed_at}
boost::json::object AssignmentJson(const Assignment& a);
// {items, total, page, size}
boost::json::object AssignmentsJson(const AssignmentPage& p);
// {id, assignment_id, user_id, user_name, method, outcome, promised_date,
//  promised_amount, created_at}
boost::json::object FollowUpJson(const FollowUp& f);
// {items, total}
boost::json::object FollowUpsJson(const std::vector<FollowUp>& items);

}  // namespace anju::collection
