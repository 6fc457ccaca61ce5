// Reminders' and collection's bodies and replies (collection_json.h).
#include "modules/collection/collection_json.h"

#include <set>

#include "core/clock.h"
#include "core/json_body.h"
#include "modules/billing/billing_service.h"
#include "platform/notify/template.h"

namespace anju::collection {

namespace json = boost::json;

namespace {

const std::set<std::string, std::less<>> kPlaceholders = {"house", "amount", "due_date",
                                                          "days_overdue"};

// The rule's fields from a body (all required on create); errors recorded in the reader.
struct RuleFields {
  std::optional<std::string> name, tmpl;
  std::optional<std::vector<std::string>> channels;
  std::optional<int64_t> offset_days;
  std::optional<bool> active;
};

RuleFields ReadRule(BodyReader& r, bool create) {
  r.ReadOnly({"id", "company_id", "created_at", "updated_at"});
  if (!create) r.ReadOnly({"project_id"});
  RuleFields f;
  f.name = r.Str("name", create, 50, 1);
  f.offset_days = r.Int("offset_days", create, kMinOffsetDays, kMaxOffsetDays);
  if (const json::array* a = r.Array("channels", create, 2)) {
    std::set<std::string> seen;
    for (size_t i = 0; i < a->size(); ++i) {
      const json::value& v = (*a)[i];
      std::string field = "channels[" + std::to_string(i) + "]";
      if (!v.is_string() || (v.as_string() != "sms" && v.as_string() != "in_app"))
        r.Fail(field, "invalid", "sms or in_app");
      else if (!seen.insert(std::string(v.as_string())).second)
        r.Fail(field, "duplicate", "Listed twice");
    }
    if (a->empty()) r.Fail("channels", "required", "At least one channel");
    if (r.ok()) {
      // In a fixed order: sms, then in_app.
      f.channels.emplace();
      for (const char* c : {"sms", "in_app"})
        if (seen.count(c)) f.channels->push_back(c);
    }
  }
  f.tmpl = r.Str("template", create, notify::kMaxTemplateChars, 1);
  if (f.tmpl) {
    if (auto bad = notify::CheckTemplate(*f.tmpl, kPlaceholders)) {
      std::string code = bad->substr(0, bad->find(':'));
      r.Fail("template", code, *bad);
    }
  }
  f.active = r.Bool("active", false);
  return f;
}

json::value TimeOrNull(const std::optional<Millis>& t) {
  return t ? json::value(FormatUtc(*t)) : json::value(nullptr);
}

template <class T, class Shape>
json::object Items(const std::vector<T>& v, Shape shape) {
  json::array items;
  for (const T& t : v) items.push_back(shape(t));
  return json::object{{"items", std::move(items)}, {"total", static_cast<int64_t>(v.size())}};
}

}  // namespace

Result<std::optional<std::string>> ReadRunNow(const json::object& body) {
  BodyReader r(body);
  auto as_of = r.Date("as_of", false);
  ANJU_TRY(r.Finish());
  return as_of;
}

Result<CreateRuleCommand> ReadCreateRule(const json::object& body) {
  BodyReader r(body);
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  RuleFields f = ReadRule(r, true);
  ANJU_TRY(r.Finish());
  return CreateRuleCommand{*project_id, *f.name, *f.offset_days, *f.channels, *f.tmpl,
                           f.active};
}

Result<UpdateRuleCommand> ReadUpdateRule(const json::object& body) {
  BodyReader r(body);
  RuleFields f = ReadRule(r, false);
  ANJU_TRY(r.Finish());
  return UpdateRuleCommand{f.name, f.offset_days, f.channels, f.tmpl, f.active};
}

Result<PutSettingCommand> ReadPutSetting(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"updated_at"});
  auto project_id = r.Int("project_id", true, 1, INT64_MAX);
  auto days = r.Int("assign_after_days", true, 1, 3650);
  auto active = r.Bool("active", false);
  ANJU_TRY(r.Finish());
  return PutSettingCommand{*project_id, *days, active};
}

Result<int64_t> ReadReassign(const json::object& body) {
  BodyReader r(body);
  auto assignee = r.Int("assignee_id", true, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return *assignee;
}

Result<AddFollowUpCommand> ReadFollowUp(const json::object& body) {
  BodyReader r(body);
  r.ReadOnly({"id", "assignment_id", "user_id", "created_at"});
  auto method = r.Enum("method", true, {"call", "visit", "sms", "other"});
  auto outcome = r.Str("outcome", true, 500, 1);
  auto promised_date = r.Date("promised_date", false);
  auto promised_amount = r.Int("promised_amount", false, 1, billing::kMaxPaymentFen);
  ANJU_TRY(r.Finish());
  return AddFollowUpCommand{*method, *outcome, promised_date, promised_amount};
}

json::object ReminderRunJson(const ReminderRun& r) {
  const ReminderReport& rep = r.report;
  return json::object{{"as_of", r.as_of},
                      {"reminders", rep.reminders},
                      {"messages", rep.messages},
                      {"assigned", rep.assigned},
                      {"unassigned", rep.unassigned},
                      {"closed", rep.closed},
                      {"delivered", rep.delivery.sent},
                      {"delivery_failed", rep.delivery.failed}};
}

json::object RuleJson(const ReminderRule& r) {
  json::array channels;
  for (const auto& c : r.channels) channels.emplace_back(c);
  return json::object{{"id", r.id},           {"project_id", r.project_id},
                      {"name", r.name},       {"offset_days", r.offset_days},
                      {"channels", std::move(channels)}, {"template", r.template_text},
                      {"active", r.active},   {"created_at", FormatUtc(r.created_at)},
                      {"updated_at", FormatUtc(r.updated_at)}};
}

json::object RulesJson(const std::vector<ReminderRule>& rules) { return Items(rules, RuleJson); }

json::object SettingJson(const CollectionSetting& s) {
  return json::object{{"id", s.id},
                      {"project_id", s.project_id},
                      {"assign_after_days", s.assign_after_days},
                      {"active", s.active},
                      {"updated_at", FormatUtc(s.updated_at)}};
}

json::object SettingsJson(const std::vector<CollectionSetting>& settings) {
  return Items(settings, SettingJson);
}

json::object AssignmentJson(const Assignment& a) {
  return json::object{{"id", a.id},
                      {"project_id", a.project_id},
                      {"house_id", a.house_id},
                      {"house_code", a.house_code},
                      {"assignee_id", a.assignee_id},
                      {"assignee_name", a.assignee_name},
                      {"status", a.status},
                      {"oldest_due_date", a.oldest_due_date},
                      {"owed_at_open", a.owed_at_open},
                      {"overdue", a.overdue},
                      {"follow_ups", a.follow_ups},
                      {"last_follow_up_at", TimeOrNull(a.last_follow_up_at)},
                      {"opened_at", FormatUtc(a.opened_at)},
                      {"closed_at", TimeOrNull(a.closed_at)}};
}

json::object AssignmentsJson(const AssignmentPage& p) {
  json::array items;
  for (const Assignment& a : p.items) items.push_back(AssignmentJson(a));
  return json::object{{"items", std::move(items)}, {"total", p.total},
                      {"page", p.page.page}, {"size", p.page.size}};
}

json::object FollowUpJson(const FollowUp& f) {
  return json::object{
      {"id", f.id},
      {"assignment_id", f.assignment_id},
      {"user_id", f.user_id},
      {"user_name", f.user_name},
      {"method", f.method},
      {"outcome", f.outcome},
      {"promised_date", f.promised_date ? json::value(*f.promised_date) : json::value(nullptr)},
      {"promised_amount",
       f.promised_amount ? json::value(*f.promised_amount) : json::value(nullptr)},
      {"created_at", FormatUtc(f.created_at)}};
}

json::object FollowUpsJson(const std::vector<FollowUp>& items) {
  return Items(items, FollowUpJson);
}

}  // namespace anju::collection
