#include "modules/workorder/workorder_routes.h"

#include <charconv>
#include <sstream>

#include "core/json_body.h"
#include "core/xlsx.h"
#include "http/handlers.h"
#include "modules/workorder/lifecycle.h"
#include "modules/workorder/owner_view.h"
#include "modules/workorder/reports_json.h"
#include "modules/workorder/settings_json.h"
#include "modules/workorder/suggest_json.h"
#include "modules/workorder/workorder_json.h"

namespace anju::workorder {

using http::ById;
using http::QueryReader;
using http::Request;
using http::Response;
using http::WithCommand;

namespace {

// "a,b,c" → {"a","b","c"}; every value must be a known status.
std::optional<std::vector<std::string>> Statuses(const std::string& csv) {
  std::vector<std::string> out;
  std::stringstream in(csv);
  for (std::string s; std::getline(in, s, ',');) {
    if (std::find(std::begin(kStatuses), std::end(kStatuses), s) == std::end(kStatuses))
      return std::nullopt;
    out.push_back(s);
  }
  return out;
}

Response BadQuery(const Request& req, const char* field, const char* hint) {
  return http::ErrorReply(Error(errors::kBadQuery).WithField(field, "invalid", hint),
                          req.request_id);
}

// A list's reply {items, total}, each item shaped by `shape`.
template <class Shape>
auto Items(Shape shape) {
  return [shape](const auto& items) { return ItemsJson(items, shape); };
}

void RegisterOrderRoutes(http::Router& router, WorkOrderService& s) {
  // ?text= the description being typed (up to a description's 1000 characters).
  router.Add("GET", "/api/v1/work-orders/suggest", [&s](Request& req, TenantContext& ctx) {
    std::string text = req.Query("text").value_or("");
    if (Utf8Length(text) > 1000) return BadQuery(req, "text", "At most 1000 characters");
    return http::ReplyAs(req, s.Suggest(ctx, text), SuggestionJson);
  });
  router.Add("GET", "/api/v1/work-orders/grab", [&s](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, s.GrabList(ctx), OrderRowsJson);
  });
  router.Add("GET", "/api/v1/work-orders/summary", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.Summary(ctx, project_id), OrderSummaryJson);
  });
  router.Add("GET", "/api/v1/work-orders", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ListFilter f;
    f.project_id = q.Id("project_id"), f.category_id = q.Id("category_id");
    f.assignee_id = q.Id("assignee_id"), f.building_id = q.Id("building_id");
    f.house_id = q.Id("house_id");
    f.kind = q.Text("kind"), f.q = q.Text("q");
    std::string status = q.Text("status"), overdue = q.Text("overdue"), mine = q.Text("mine");
    std::string today = q.Text("today");
    f.page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    if (!status.empty()) {
      auto st = Statuses(status);
      if (!st) return BadQuery(req, "status", "Known statuses separated by commas");
      f.statuses = *st;
    }
    for (auto [name, v, out] :
         {std::tuple{"overdue", &overdue, &f.overdue}, std::tuple{"mine", &mine, &f.mine},
          std::tuple{"today", &today, &f.today}}) {
      if (!v->empty() && *v != "1" && *v != "0" && *v != "true" && *v != "false")
        return BadQuery(req, name, "1 or 0");
      *out = *v == "1" || *v == "true";
    }
    return http::ReplyAs(req, s.List(ctx, f), OrderPageJson);
  });
  router.Add("POST", "/api/v1/work-orders", [&s](Request& req, TenantContext& ctx) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    if (Status may = MayReport(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto command = ReadNewOrder(*body, ctx.IsResident());
    if (!command.ok()) return http::ErrorReply(command.error(), req.request_id);
    return http::ReplyAs(req, s.Create(ctx, *command), OrderViewJson, 201);
  });
  router.Add("GET", "/api/v1/work-orders/{id}", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, s.Get(ctx, *id), OrderViewJson);
  });
  for (std::string_view action : kActions) {
    std::string a(action);
    router.Add(
        "POST", "/api/v1/work-orders/{id}/" + a,
        WithCommand(
            200, 1, [](const TenantContext&) { return Status(); },
            [a](const boost::json::object& b) { return ReadAction(a, b); },
            [&s](auto& ctx, int64_t id, const ActionCommand& c) { return s.Act(ctx, id, c); },
            OrderViewJson));
  }
  router.Add("POST", "/api/v1/work-orders/{id}/follow-up",
             WithCommand(
                 200, 1, MayFollowUp, ReadFollowUp,
                 [&s](auto& ctx, int64_t id, const FollowUpCommand& c) {
                   return s.RecordFollowUp(ctx, id, c);
                 },
                 OrderViewJson));
  router.Add("GET", "/api/v1/work-order-follow-ups", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string state = q.Text("state");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    if (!state.empty() && state != "due" && state != "done")
      return BadQuery(req, "state", "due or done");
    return http::ReplyAs(req, s.FollowUps(ctx, project_id, state.empty() ? "due" : state, page),
                         FollowUpPageJson);
  });
  router.Add("GET", "/api/v1/work-order-classifier", [&s](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, s.ClassifierInfo(ctx), ClassifierReportJson);
  });
  router.Add("POST", "/api/v1/work-order-classifier/train", [&s](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, s.TrainClassifier(ctx), ClassifierReportJson);
  });
}

void RegisterPointRoutes(http::Router& router, WorkOrderService& s, const std::string& public_url) {
  router.Add("GET", "/api/v1/work-order-report-points", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.ListReportPoints(ctx, project_id), ReportPointsJson);
  });
  router.Add(
      "POST", "/api/v1/work-order-report-points",
      WithCommand(
          201, 0, RequireSettings, ReadNewReportPoint,
          [&s](auto& ctx, const NewReportPointCommand& c) { return s.CreateReportPoint(ctx, c); },
          ReportPointJson));
  router.Add("GET", "/api/v1/work-order-report-points/{id}/qr.svg",
             [&s, public_url](Request& req, TenantContext& ctx) {
               auto id = req.IdParam(0);
               if (!id) return http::NotFound(req);
               auto svg = s.ReportPointQr(ctx, *id, public_url);
               if (!svg.ok()) return http::ErrorReply(svg.error(), req.request_id);
               Response res;
               res.content_type = "image/svg+xml";
               res.body = std::move(*svg);
               res.Header("X-Content-Type-Options", "nosniff");
               return res;
             });
  router.AddPublic("GET", "/api/v1/public/report-points/{token}", [&s](Request& req) {
    return http::ReplyAs(req, s.PublicPoint(req.path_params.at(0)), PublicPointJson);
  });
  router.AddPublic("POST", "/api/v1/public/report-points/{token}/work-orders", [&s](Request& req) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    auto command = ReadPublicReport(*body);
    if (!command.ok()) return http::ErrorReply(command.error(), req.request_id);
    return http::ReplyAs(
        req, s.PublicReport(req.path_params.at(0), req.remote_ip, *command),
        [](const std::string& number) {
          return boost::json::object{{"number", number}};
        },
        201);
  });
}

void RegisterSettingRoutes(http::Router& router, WorkOrderSettings& st) {
  router.Add("GET", "/api/v1/work-order-categories", [&st](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, st.ListCategories(ctx), Items(CategoryJson));
  });
  router.Add(
      "POST", "/api/v1/work-order-categories",
      WithCommand(
          201, 0, RequireCompanyWide, ReadNewCategory,
          [&st](auto& ctx, const NewCategoryCommand& c) { return st.CreateCategory(ctx, c); },
          CategoryJson));
  router.Add("PATCH", "/api/v1/work-order-categories/{id}",
             WithCommand(
                 200, 1, RequireCompanyWide, ReadCategoryChange,
                 [&st](auto& ctx, int64_t id, const CategoryChange& c) {
                   return st.UpdateCategory(ctx, id, c);
                 },
                 CategoryJson));
  router.Add("GET", "/api/v1/work-order-sla-rules", [&st](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, st.ListSlaRules(ctx), Items(SlaRuleJson));
  });
  router.Add("PUT", "/api/v1/work-order-sla-rules",
             WithCommand(
                 200, 0, RequireCompanyWide, ReadSlaRule,
                 [&st](auto& ctx, const PutSlaRuleCommand& c) { return st.PutSlaRule(ctx, c); },
                 SlaRuleJson));
  router.Add("GET", "/api/v1/work-order-dispatch-rules", [&st](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, st.ListDispatchRules(ctx, project_id), Items(DispatchRuleJson));
  });
  router.Add(
      "PUT", "/api/v1/work-order-dispatch-rules",
      WithCommand(
          200, 0, RequireSettings, ReadDispatchRule,
          [&st](auto& ctx, const PutDispatchRuleCommand& c) { return st.PutDispatchRule(ctx, c); },
          DispatchRuleJson));
  router.Add("GET", "/api/v1/work-order-calendars/{id}", [&st](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, st.GetCalendar(ctx, *id), BusinessHoursJson);
  });
  router.Add("PUT", "/api/v1/work-order-calendars/{id}",
             WithCommand(
                 200, 1, RequireSettings, ReadCalendar,
                 [&st](auto& ctx, int64_t id, const PutCalendarCommand& c) {
                   return st.PutCalendar(ctx, id, c);
                 },
                 BusinessHoursJson));
  router.Add("GET", "/api/v1/work-order-holidays", [&st](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, st.ListHolidays(ctx), Items(HolidayJson));
  });
  router.Add("PUT", "/api/v1/work-order-holidays",
             WithCommand(
                 200, 0, RequireCompanyWide, ReadHolidays,
                 [&st](auto& ctx, const HolidayYear& c) { return st.PutHolidays(ctx, c); },
                 HolidayYearJson));
  router.Add("GET", "/api/v1/work-order-staff", [&st](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    if (!project_id) return BadQuery(req, "project_id", "Required");
    return http::ReplyAs(req, st.ListStaff(ctx, *project_id), Items(StaffMemberJson));
  });
  router.Add("PUT", "/api/v1/work-order-staff/{id}",
             WithCommand(
                 200, 1, RequireSettings, ReadStaff,
                 [&st](auto& ctx, int64_t id, const PutStaffCommand& c) {
                   return st.PutStaff(ctx, id, c);
                 },
                 StaffSkillsJson));
  router.Add("GET", "/api/v1/work-order-shifts", [&st](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string from = q.Text("from"), to = q.Text("to");
    if (auto bad = q.Failed()) return *bad;
    if (!project_id) return BadQuery(req, "project_id", "Required");
    return http::ReplyAs(req, st.ListShifts(ctx, *project_id, from, to), Items(ShiftJson));
  });
  router.Add("POST", "/api/v1/work-order-shifts",
             WithCommand(
                 201, 0, RequireSettings, ReadShifts,
                 [&st](auto& ctx, const NewShiftsCommand& c) { return st.CreateShifts(ctx, c); },
                 [](int64_t created) {
                   return boost::json::object{{"created", created}};
                 }));
  router.Add("DELETE", "/api/v1/work-order-shifts/{id}",
             ById([&st](auto& ctx, int64_t id) { return st.DeleteShift(ctx, id); }));
}

}  // namespace

// GET /api/v1/work-orders/{id}/events: the timeline as server-sent events. The events after
// Last-Event-ID (a reconnecting browser) or all of them come first, then live ones. The
// subscription is made before the read, so nothing committed in between is lost (an event
// may come twice; clients keep the highest seq).
void RegisterStreamRoute(http::Router& router, WorkOrderService& s, http::EventHub& hub) {
  // Two topics per order: staff hear every event as it is, owners without staff notes
  // (owner_view.h).
  s.SetPublisher([&hub](int64_t id, const TimelineEvent& ev) {
    hub.Publish("wo:" + std::to_string(id), "timeline",
                boost::json::serialize(TimelineEventJson(ev)), std::to_string(ev.seq));
    hub.Publish("wo:" + std::to_string(id) + ":resident", "timeline",
                boost::json::serialize(TimelineEventJson(ForResident(ev))), std::to_string(ev.seq));
  });
  router.Add(
      "GET", "/api/v1/work-orders/{id}/events", [&s, &hub](Request& req, TenantContext& ctx) {
        auto id = req.IdParam(0);
        if (!id) return http::NotFound(req);
        int64_t after = 0;
        if (auto last = req.Header("last-event-id"); !last.empty()) {
          auto [p, ec] = std::from_chars(last.data(), last.data() + last.size(), after);
          if (ec != std::errc() || p != last.data() + last.size() || after < 0) after = 0;
        }
        auto sub = hub.Subscribe("wo:" + std::to_string(*id) + (ctx.IsResident() ? ":resident" : ""));
        auto events = s.EventsAfter(ctx, *id, after);
        if (!events.ok()) return http::ErrorReply(events.error(), req.request_id);
        std::vector<http::Event> initial;
        for (const TimelineEvent& ev : *events)
          initial.push_back(
              {std::to_string(ev.seq), "timeline", boost::json::serialize(TimelineEventJson(ev))});
        return http::StreamReply(std::move(sub), std::move(initial));
      });
}

void RegisterReportRoutes(http::Router& router, WorkOrderReports& rep) {
  auto query = [](Request& req, ReportQuery& q) -> std::optional<Response> {
    QueryReader r(req);
    q.project_id = r.Id("project_id");
    q.from = r.Text("from"), q.to = r.Text("to"), q.group = r.Text("group");
    if (q.group.empty()) q.group = "month";
    return r.Failed();
  };
  router.Add("GET", "/api/v1/reports/work-orders", [&rep, query](Request& req, TenantContext& ctx) {
    ReportQuery q;
    if (auto bad = query(req, q)) return *bad;
    return http::ReplyAs(req, rep.Report(ctx, q), ReportJson);
  });
  router.Add("GET", "/api/v1/reports/work-orders/hotspots",
             [&rep, query](Request& req, TenantContext& ctx) {
               ReportQuery q;
               if (auto bad = query(req, q)) return *bad;
               return http::ReplyAs(req, rep.Hotspots(ctx, q), HotspotsJson);
             });
  router.Add("GET", "/api/v1/reports/work-orders.xlsx",
             [&rep, query](Request& req, TenantContext& ctx) {
               ReportQuery q;
               if (auto bad = query(req, q)) return *bad;
               auto bytes = rep.Export(ctx, q);
               if (!bytes.ok()) return http::ErrorReply(bytes.error(), req.request_id);
               Response r;
               r.content_type = xlsx::kContentType;
               r.body = std::move(*bytes);
               r.Header("Content-Disposition",
                        xlsx::AttachmentHeader("work-orders-" + q.from + "-" + q.to + ".xlsx",
                                               "工单报表-" + q.from + "-" + q.to + ".xlsx"));
               return r;
             });
}

void RegisterRoutes(http::Router& router, WorkOrderService& s, WorkOrderSettings& settings,
                    WorkOrderReports& reports, http::EventHub& hub, const std::string& public_url) {
  RegisterReportRoutes(router, reports);
  RegisterStreamRoute(router, s, hub);
  RegisterOrderRoutes(router, s);
  RegisterPointRoutes(router, s, public_url);
  RegisterSettingRoutes(router, settings);
}

}  // namespace anju::workorder
