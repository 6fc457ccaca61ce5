#include "modules/workorder/workorder_routes.h"

#include <charconv>
#include <sstream>

#include "core/json_body.h"
#include "core/xlsx.h"
#include "http/handlers.h"
#include "modules/workorder/lifecycle.h"

namespace anju::workorder {

using http::ById;
using http::QueryReader;
using http::Request;
using http::Response;
using http::WithBody;

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

void RegisterOrderRoutes(http::Router& router, WorkOrderService& s) {
  // ?text= the description being typed (up to a description's 1000 characters).
  router.Add("GET", "/api/v1/work-orders/suggest", [&s](Request& req, TenantContext& ctx) {
    std::string text = req.Query("text").value_or("");
    if (Utf8Length(text) > 1000) return BadQuery(req, "text", "At most 1000 characters");
    return http::Reply(req, s.Suggest(ctx, text));
  });
  router.Add("GET", "/api/v1/work-orders/grab", [&s](Request& req, TenantContext& ctx) {
    return http::Reply(req, s.GrabList(ctx));
  });
  router.Add("GET", "/api/v1/work-orders/summary", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.Summary(ctx, project_id));
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
    for (auto [name, v, out] : {std::tuple{"overdue", &overdue, &f.overdue},
                                std::tuple{"mine", &mine, &f.mine},
                                std::tuple{"today", &today, &f.today}}) {
      if (!v->empty() && *v != "1" && *v != "0" && *v != "true" && *v != "false")
        return BadQuery(req, name, "1 or 0");
      *out = *v == "1" || *v == "true";
    }
    return http::Reply(req, s.List(ctx, f));
  });
  router.Add("POST", "/api/v1/work-orders",
             WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.Create(ctx, b); }));
  router.Add("GET", "/api/v1/work-orders/{id}",
             ById([&s](auto& ctx, int64_t id) { return s.Get(ctx, id); }));
  for (std::string_view action : kActions) {
    std::string a(action);
    router.Add("POST", "/api/v1/work-orders/{id}/" + a,
               WithBody(200, 1, [&s, a](auto& ctx, int64_t id, auto& b) {
                 return s.Act(ctx, id, a, b);
               }));
  }
  router.Add("POST", "/api/v1/work-orders/{id}/follow-up",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.RecordFollowUp(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/work-order-follow-ups", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string state = q.Text("state");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    if (!state.empty() && state != "due" && state != "done") return BadQuery(req, "state", "due or done");
    return http::Reply(req, s.FollowUps(ctx, project_id, state.empty() ? "due" : state, page));
  });
  router.Add("GET", "/api/v1/work-order-classifier", [&s](Request& req, TenantContext& ctx) {
    return http::Reply(req, s.ClassifierInfo(ctx));
  });
  router.Add("POST", "/api/v1/work-order-classifier/train", [&s](Request& req, TenantContext& ctx) {
    return http::Reply(req, s.TrainClassifier(ctx));
  });
}

void RegisterPointRoutes(http::Router& router, WorkOrderService& s, const std::string& public_url) {
  router.Add("GET", "/api/v1/work-order-report-points", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListReportPoints(ctx, project_id));
  });
  router.Add("POST", "/api/v1/work-order-report-points",
             WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.CreateReportPoint(ctx, b); }));
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
    return http::Reply(req, s.PublicPoint(req.path_params.at(0)));
  });
  router.AddPublic("POST", "/api/v1/public/report-points/{token}/work-orders", [&s](Request& req) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    return http::Reply(req, s.PublicReport(req.path_params.at(0), req.remote_ip, *body), 201);
  });
}

void RegisterSettingRoutes(http::Router& router, WorkOrderSettings& st) {
  router.Add("GET", "/api/v1/work-order-categories", [&st](Request& req, TenantContext& ctx) {
    return http::Reply(req, st.ListCategories(ctx));
  });
  router.Add("POST", "/api/v1/work-order-categories",
             WithBody(201, 0, [&st](auto& ctx, auto& b) { return st.CreateCategory(ctx, b); }));
  router.Add("PATCH", "/api/v1/work-order-categories/{id}",
             WithBody(200, 1, [&st](auto& ctx, int64_t id, auto& b) {
               return st.UpdateCategory(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/work-order-sla-rules", [&st](Request& req, TenantContext& ctx) {
    return http::Reply(req, st.ListSlaRules(ctx));
  });
  router.Add("PUT", "/api/v1/work-order-sla-rules",
             WithBody(200, 0, [&st](auto& ctx, auto& b) { return st.PutSlaRule(ctx, b); }));
  router.Add("GET", "/api/v1/work-order-dispatch-rules", [&st](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, st.ListDispatchRules(ctx, project_id));
  });
  router.Add("PUT", "/api/v1/work-order-dispatch-rules",
             WithBody(200, 0, [&st](auto& ctx, auto& b) { return st.PutDispatchRule(ctx, b); }));
  router.Add("GET", "/api/v1/work-order-calendars/{id}",
             ById([&st](auto& ctx, int64_t id) { return st.GetCalendar(ctx, id); }));
  router.Add("PUT", "/api/v1/work-order-calendars/{id}",
             WithBody(200, 1, [&st](auto& ctx, int64_t id, auto& b) {
               return st.PutCalendar(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/work-order-holidays", [&st](Request& req, TenantContext& ctx) {
    return http::Reply(req, st.ListHolidays(ctx));
  });
  router.Add("PUT", "/api/v1/work-order-holidays",
             WithBody(200, 0, [&st](auto& ctx, auto& b) { return st.PutHolidays(ctx, b); }));
  router.Add("GET", "/api/v1/work-order-staff", [&st](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    if (!project_id) return BadQuery(req, "project_id", "Required");
    return http::Reply(req, st.ListStaff(ctx, *project_id));
  });
  router.Add("PUT", "/api/v1/work-order-staff/{id}",
             WithBody(200, 1, [&st](auto& ctx, int64_t id, auto& b) {
               return st.PutStaff(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/work-order-shifts", [&st](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string from = q.Text("from"), to = q.Text("to");
    if (auto bad = q.Failed()) return *bad;
    if (!project_id) return BadQuery(req, "project_id", "Required");
    return http::Reply(req, st.ListShifts(ctx, *project_id, from, to));
  });
  router.Add("POST", "/api/v1/work-order-shifts",
             WithBody(201, 0, [&st](auto& ctx, auto& b) { return st.CreateShifts(ctx, b); }));
  router.Add("DELETE", "/api/v1/work-order-shifts/{id}",
             ById([&st](auto& ctx, int64_t id) { return st.DeleteShift(ctx, id); }));
}

}  // namespace

// GET /api/v1/work-orders/{id}/events: the timeline as server-sent events. The events after
// Last-Event-ID (a reconnecting browser) or all of them come first, then live ones. The
// subscription is made before the read, so nothing committed in between is lost (an event
// may come twice; clients keep the highest seq).
void RegisterStreamRoute(http::Router& router, WorkOrderService& s, http::EventHub& hub) {
  s.SetPublisher([&hub](int64_t id, const boost::json::object& ev) {
    hub.Publish("wo:" + std::to_string(id), "timeline", boost::json::serialize(ev),
                std::to_string(ev.at("seq").as_int64()));
  });
  router.Add("GET", "/api/v1/work-orders/{id}/events", [&s, &hub](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    int64_t after = 0;
    if (auto last = req.Header("last-event-id"); !last.empty()) {
      auto [p, ec] = std::from_chars(last.data(), last.data() + last.size(), after);
      if (ec != std::errc() || p != last.data() + last.size() || after < 0) after = 0;
    }
    auto sub = hub.Subscribe("wo:" + std::to_string(*id));
    auto events = s.EventsAfter(ctx, *id, after);
    if (!events.ok()) return http::ErrorReply(events.error(), req.request_id);
    std::vector<http::Event> initial;
    for (auto& ev : *events)
      initial.push_back({std::to_string(ev.at("seq").as_int64()), "timeline",
                         boost::json::serialize(ev)});
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
    return http::Reply(req, rep.Report(ctx, q));
  });
  router.Add("GET", "/api/v1/reports/work-orders/hotspots",
             [&rep, query](Request& req, TenantContext& ctx) {
               ReportQuery q;
               if (auto bad = query(req, q)) return *bad;
               return http::Reply(req, rep.Hotspots(ctx, q));
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
