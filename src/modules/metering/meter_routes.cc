#include "modules/metering/meter_routes.h"

#include "http/handlers.h"

namespace anju::metering {

using http::QueryReader;
using http::Request;
using http::WithBody;

void RegisterMeterRoutes(http::Router& router, MeterService& s) {
  router.Add("GET", "/api/v1/meters", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    MeterFilter f;
    f.project_id = q.Id("project_id");
    f.building_id = q.Id("building_id");
    f.house_id = q.Id("house_id");
    f.kind = q.Text("kind");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListMeters(ctx, f, page));
  });
  router.Add("POST", "/api/v1/meters",
             WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.CreateMeter(ctx, b); }));
  router.Add("PATCH", "/api/v1/meters/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.UpdateMeter(ctx, id, b);
             }));
  router.Add("GET", "/api/v1/meter-readings", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ReadingFilter f;
    f.project_id = q.Id("project_id");
    f.building_id = q.Id("building_id");
    f.meter_id = q.Id("meter_id");
    f.period = q.Text("period");
    f.status = q.Text("status");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListReadings(ctx, f, page));
  });
  router.Add("POST", "/api/v1/meter-readings",
             WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.RecordReading(ctx, b); }));
  router.Add("POST", "/api/v1/meter-readings/import",
             WithBody(200, 0, [&s](auto& ctx, auto& b) { return s.ImportReadings(ctx, b); }));
  router.Add("PATCH", "/api/v1/meter-readings/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.CorrectReading(ctx, id, b);
             }));
  router.Add("POST", "/api/v1/meter-readings/{id}/review",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.ApproveReading(ctx, id, b);
             }));
}

}  // namespace anju::metering
