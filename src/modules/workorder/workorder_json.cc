#include "modules/workorder/workorder_json.h"

#include "core/json_body.h"
#include "core/pii.h"

namespace anju::workorder {

namespace json = boost::json;

namespace {

const std::vector<std::string_view> kKinds = {"repair_house", "repair_public", "complaint",
                                              "suggestion", "inquiry", "praise"};
constexpr size_t kMaxPhotos = 6;
constexpr size_t kMaxDescription = 1000;
constexpr int64_t kMaxFee = 10'000'000;  // 10 万元 per line: a typo guard

template <class T>
json::value Opt(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value OptTime(const std::optional<Millis>& t) {
  return t ? json::value(FormatUtc(*t)) : json::value(nullptr);
}

// The row's keys in the order of the reply (staff-only ones included).
json::object RowObject(const OrderRow& o) {
  const OrderSla& s = o.sla;
  json::object sla{{"calendar", s.calendar},
                   {"accept_minutes", s.accept_minutes},
                   {"finish_minutes", s.finish_minutes},
                   {"accept_due_at", OptTime(s.accept_due_at)},
                   {"finish_due_at", OptTime(s.finish_due_at)},
                   {"accept_met", Opt(s.accept_met)},
                   {"finish_met", Opt(s.finish_met)},
                   {"state", s.state}};
  return json::object{
      {"id", o.id},
      {"number", o.number},
      {"project_id", o.project_id},
      {"kind", o.kind},
      {"category_id", o.category_id},
      {"category_name", o.category_name},
      {"house_id", Opt(o.house_id)},
      {"house_code", o.house_code},
      {"building_id", Opt(o.building_id)},
      {"building_name", o.building_name},
      {"place", o.place},
      {"description", o.description},
      {"urgency", o.urgency},
      {"preferred_time", o.preferred_time},
      {"channel", o.channel},
      {"reporter_name", o.reporter_name},
      {"reporter_phone", o.reporter_phone},
      {"responsible_id", Opt(o.responsible_id)},
      {"responsible_name", o.responsible_name},
      {"suggested_category_id", Opt(o.suggested_category_id)},
      {"suggested_urgency", o.suggested_urgency},
      {"status", o.status},
      {"assignee_id", Opt(o.assignee_id)},
      {"assignee_name", o.assignee_name},
      {"dispatch_mode", o.dispatch_mode},
      {"dispatch_reason", o.dispatch_reason},
      {"created_at", FormatUtc(o.created_at)},
      {"assigned_at", OptTime(o.assigned_at)},
      {"accepted_at", OptTime(o.accepted_at)},
      {"arrived_at", OptTime(o.arrived_at)},
      {"completed_at", OptTime(o.completed_at)},
      {"confirmed_at", OptTime(o.confirmed_at)},
      {"closed_at", OptTime(o.closed_at)},
      {"cancelled_at", OptTime(o.cancelled_at)},
      {"cancel_reason", o.cancel_reason},
      {"reopen_count", o.reopen_count},
      {"rating", Opt(o.rating)},
      {"rating_comment", o.rating_comment},
      {"labour_fee", o.labour_fee},
      {"material_fee", o.material_fee},
      {"bill_id", Opt(o.bill_id)},
      {"sla", std::move(sla)},
      {"version", o.version},
  };
}

}  // namespace

Result<NewOrderCommand> ReadNewOrder(const json::object& body, bool resident) {
  BodyReader r(body);
  r.ReadOnly({"id", "number", "status", "company_id", "assignee_id", "responsible_id",
              "created_at", "rating", "labour_fee", "material_fee", "bill_id"});
  NewOrderCommand c;
  auto kind = r.Enum("kind", true, kKinds);
  auto description = r.Text("description", true, kMaxDescription);
  c.category_id = r.Int("category_id", false, 1, INT64_MAX);
  c.urgency = r.Enum("urgency", false, {"normal", "urgent"});
  c.house_id = r.Int("house_id", false, 1, INT64_MAX);
  c.building_id = r.Int("building_id", false, 1, INT64_MAX);
  c.project_id = r.Int("project_id", false, 1, INT64_MAX);
  c.place = r.Str("place", false, 100);
  c.preferred_time = r.Str("preferred_time", false, 50);
  c.photos = r.Ids("photos", kMaxPhotos);
  if (!resident) {
    c.reporter_name = r.Str("reporter_name", false, 50);
    if (auto p = r.Str("reporter_phone", false, 20)) {
      c.reporter_phone = pii::NormalizePhone(*p);
      if (!c.reporter_phone) r.Fail("reporter_phone", "invalid", "An 11-digit mobile number");
    }
    c.channel = r.Enum("channel", false, {"phone", "api"});
  }
  if (description && Utf8Length(*description) < 2) r.Fail("description", "too_short");
  if (kind == "repair_house" && !c.house_id) r.Fail("house_id", "required");
  if (kind == "repair_public" && !c.place && !c.building_id) r.Fail("place", "required");
  ANJU_TRY(r.Finish());
  c.kind = *kind, c.description = *description;
  return c;
}

Result<ActionCommand> ReadAction(const std::string& action, const json::object& body) {
  BodyReader r(body);
  ActionCommand c;
  c.action = action;
  c.note = r.Text("note", false, 500);
  if (action == "assign") c.assignee_id = r.Int("assignee_id", false, 1, INT64_MAX);
  if (action == "arrive") {
    c.method = r.Enum("method", true, {"scan", "checkin"});
    c.code = r.Str("code", c.method == "scan", 64, 1);  // scan: the QR token read on the spot
  }
  if (action == "pause") c.reason = r.Enum("reason", true, {"owner", "parts", "other"});
  if (action == "cancel" || action == "reopen") c.reason = r.Str("reason", true, 200, 1);
  if (action == "confirm") c.signature = r.Int("signature", true, 1, INT64_MAX);
  if (action == "rate") {
    c.rating = r.Int("rating", true, 1, 5);
    c.comment = r.Text("comment", false, 500);
  }
  if (action == "complete") {
    if (!c.note) r.Fail("note", "required");
    c.photos = r.Ids("photos", 6);
    c.labour_fee = r.Int("labour_fee", false, 0, kMaxFee);
    c.charge = r.Bool("charge", false).value_or(false);
    if (const json::array* m = r.Array("materials", false, 50)) {
      for (size_t i = 0; i < m->size(); ++i) {
        std::string f = "materials[" + std::to_string(i) + "]";
        if (!(*m)[i].is_object()) { r.Fail(f, "invalid"); continue; }
        BodyReader mr((*m)[i].as_object());
        auto name = mr.Str("name", true, 50, 1);
        auto qty = mr.Int("quantity", true, 1, 10000);
        auto price = mr.Int("unit_price", true, 0, kMaxFee);
        if (auto s = mr.Finish(); !s.ok()) {
          for (auto& fe : s.error().fields) r.Fail(f + "." + fe.field, fe.code, fe.message);
          continue;
        }
        c.material_fee += *qty * *price;
        c.materials.push_back({*name, *qty, *price, *qty * *price});
      }
    }
  }
  ANJU_TRY(r.Finish());
  return c;
}

Result<FollowUpCommand> ReadFollowUp(const json::object& body) {
  BodyReader r(body);
  auto result = r.Enum("result", true, {"satisfied", "unsatisfied", "unreachable"});
  auto rating = r.Int("rating", false, 1, 5);
  auto note = r.Text("note", false, 500);
  ANJU_TRY(r.Finish());
  return FollowUpCommand{*result, rating, note};
}

Result<NewReportPointCommand> ReadNewReportPoint(const json::object& b) {
  BodyReader r(b);
  r.ReadOnly({"id", "token", "active", "url"});
  auto project = r.Int("project_id", true, 1, INT64_MAX);
  auto place = r.Str("place", true, 100, 1);
  auto building = r.Int("building_id", false, 1, INT64_MAX);
  auto category = r.Int("category_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return NewReportPointCommand{*project, *place, building, category};
}

Result<PublicReportCommand> ReadPublicReport(const json::object& body) {
  BodyReader r(body);
  auto phone_raw = r.Str("phone", true, 20, 1);
  auto name = r.Str("name", false, 50);
  auto description = r.Text("description", true, 1000);
  auto urgency = r.Enum("urgency", false, {"normal", "urgent"});
  std::optional<std::string> phone;
  if (phone_raw && !(phone = pii::NormalizePhone(*phone_raw)))
    r.Fail("phone", "invalid", "An 11-digit mobile number");
  if (description && Utf8Length(*description) < 2) r.Fail("description", "too_short");
  ANJU_TRY(r.Finish());
  return PublicReportCommand{*phone, name, *description, urgency};
}

json::object TimelineEventJson(const TimelineEvent& e) {
  json::object ev{{"seq", e.seq},
                  {"action", e.action},
                  {"from_status", e.from_status},
                  {"to_status", e.to_status},
                  {"actor_name", e.actor_name},
                  {"note", e.note},
                  {"data", json::parse(e.data)},
                  {"at", FormatUtc(e.at)}};
  if (!e.status.empty()) ev["status"] = e.status;
  return ev;
}

json::object OrderRowJson(const OrderRow& o) {
  json::object row = RowObject(o);
  if (o.for_resident) row.erase("dispatch_reason");
  return row;
}

json::object OrderViewJson(const OrderView& v) {
  json::object out = RowObject(v.order);
  json::array timeline;
  for (const TimelineEvent& e : v.timeline) timeline.push_back(TimelineEventJson(e));
  json::array photos;
  for (const OrderPhoto& p : v.photos)
    photos.push_back(json::object{{"id", p.id}, {"url", p.url}, {"stage", p.stage}});
  json::value signature = nullptr;
  if (v.signature) signature = json::object{{"id", v.signature->id}, {"url", v.signature->url}};
  out["timeline"] = std::move(timeline);
  out["photos"] = std::move(photos);
  out["signature"] = std::move(signature);
  out["actions"] = json::array(v.actions.begin(), v.actions.end());
  if (v.order.for_resident) {  // staff-only details
    out.erase("dispatch_reason");
    out.erase("responsible_id");
  }
  return out;
}

json::object OrderPageJson(const OrderPage& p) {
  json::array items;
  for (const OrderRow& o : p.items) items.push_back(OrderRowJson(o));
  return json::object{{"items", std::move(items)}, {"total", p.total},
                      {"page", p.page.page}, {"size", p.page.size}};
}

json::object OrderRowsJson(const std::vector<OrderRow>& rows) {
  json::array items;
  for (const OrderRow& o : rows) items.push_back(OrderRowJson(o));
  int64_t total = static_cast<int64_t>(items.size());
  return json::object{{"items", std::move(items)}, {"total", total}};
}

json::object OrderSummaryJson(const OrderSummary& s) {
  json::object by_status;
  for (const auto& [status, count] : s.by_status) by_status[status] = count;
  return json::object{{"open", s.open}, {"today", s.today}, {"overdue", s.overdue},
                      {"by_status", std::move(by_status)}};
}

json::object FollowUpPageJson(const FollowUpPage& p) {
  json::array items;
  for (const FollowUpRow& f : p.items) {
    json::object row = OrderRowJson(f.order);
    json::array calls;
    for (const FollowUpCall& c : f.calls)
      calls.push_back(json::object{{"result", c.result},
                                   {"rating", Opt(c.rating)},
                                   {"note", c.note},
                                   {"by", c.by},
                                   {"at", FormatUtc(c.at)}});
    row["follow_ups"] = std::move(calls);
    items.push_back(std::move(row));
  }
  return json::object{{"items", std::move(items)}, {"total", p.total},
                      {"page", p.page.page}, {"size", p.page.size}};
}

json::object ReportPointJson(const ReportPoint& p) {
  return json::object{{"id", p.id},
                      {"project_id", p.project_id},
                      {"token", p.token},
                      {"place", p.place},
                      {"building_id", Opt(p.building_id)},
                      {"category_id", Opt(p.category_id)},
                      {"active", p.active},
                      {"url", "/owner/report/" + p.token},
                      {"qr_url", "/api/v1/work-order-report-points/" + std::to_string(p.id) +
                                     "/qr.svg"}};
}

json::object ReportPointsJson(const std::vector<ReportPoint>& points) {
  json::array items;
  for (const ReportPoint& p : points) items.push_back(ReportPointJson(p));
  int64_t total = static_cast<int64_t>(items.size());
  return json::object{{"items", std::move(items)}, {"total", total}};
}

json::object PublicPointJson(const PublicPointInfo& p) {
  return json::object{{"project_name", p.project_name}, {"place", p.place}};
}

}  // namespace anju::workorder
