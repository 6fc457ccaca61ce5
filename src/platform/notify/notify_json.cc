// The notifier's JSON forms (notify_json.h).
#include "platform/notify/notify_json.h"

namespace anju::notify {

namespace json = boost::json;

namespace {

json::value OptJson(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value OptJson(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::object OutboxJson(const OutboxEntry& e) {
  return json::object{{"id", e.id},
                      {"project_id", OptJson(e.project_id)},
                      {"channel", e.channel},
                      {"recipient", e.recipient},
                      {"template", e.template_code},
                      {"text", e.text},
                      {"status", e.status},
                      {"transport", OptJson(e.transport)},
                      {"attempts", e.attempts},
                      {"last_error", OptJson(e.last_error)},
                      {"ref_type", e.ref_type},
                      {"ref_id", OptJson(e.ref_id)},
                      {"created_at", FormatUtc(e.created_at)},
                      {"sent_at", e.sent_at ? json::value(FormatUtc(*e.sent_at))
                                            : json::value(nullptr)}};
}

json::object OutboxPageJson(const OutboxPage& p) {
  json::array items;
  for (const OutboxEntry& e : p.items) items.push_back(OutboxJson(e));
  return json::object{{"items", std::move(items)}, {"total", p.total},
                      {"page", p.page.page},       {"size", p.page.size},
                      {"sms_configured", p.sms_configured}};
}

json::object MessageJson(const InAppMessage& m) {
  return json::object{{"id", m.id},
                      {"title", m.title},
                      {"text", m.text},
                      {"ref_type", m.ref_type},
                      {"ref_id", OptJson(m.ref_id)},
                      {"read", m.read},
                      {"created_at", FormatUtc(m.created_at)}};
}

json::object MessagePageJson(const MessagePage& p) {
  json::array items;
  for (const InAppMessage& m : p.items) items.push_back(MessageJson(m));
  return json::object{{"items", std::move(items)}, {"total", p.total}, {"unread", p.unread},
                      {"page", p.page.page},       {"size", p.page.size}};
}

}  // namespace anju::notify
