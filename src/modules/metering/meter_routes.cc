// The meter and reading routes: each reads its query or body into a filter or a command
// (metering_json.h), calls MeterService and shapes the typed result into the reply. A write
// checks the caller's permission before it reads the body, as the API always has.
#include "modules/metering/meter_routes.h"

#include "http/handlers.h"
#include "modules/metering/metering_json.h"

namespace anju::metering {

using http::QueryReader;
using http::Request;
using http::Response;
using http::WithCommand;

void RegisterMeterRoutes(http::Router& router, MeterService& s) {
  auto configure = [&s](const TenantContext& ctx) { return s.MayConfigureMeters(ctx); };
  auto record = [&s](const TenantContext& ctx) { return s.MayRecordReadings(ctx); };
  auto review = [&s](const TenantContext& ctx) { return s.MayReviewReadings(ctx); };

  router.Add("GET", "/api/v1/meters", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    MeterFilter f;
    f.project_id = q.Id("project_id");
    f.building_id = q.Id("building_id");
    f.house_id = q.Id("house_id");
    f.kind = q.Text("kind");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.ListMeters(ctx, f, page), MetersJson);
  });
  router.Add("POST", "/api/v1/meters",
             WithCommand(
                 201, 0, configure, ReadCreateMeter,
                 [&s](auto& ctx, auto& c) { return s.CreateMeter(ctx, c); }, MeterJson));
  router.Add(
      "PATCH", "/api/v1/meters/{id}",
      WithCommand(
          200, 1, configure, ReadUpdateMeter,
          [&s](auto& ctx, int64_t id, auto& c) { return s.UpdateMeter(ctx, id, c); }, MeterJson));
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
    return http::ReplyAs(req, s.ListReadings(ctx, f, page), ReadingsJson);
  });
  router.Add("POST", "/api/v1/meter-readings",
             WithCommand(
                 201, 0, record, ReadRecordReading,
                 [&s](auto& ctx, auto& c) { return s.RecordReading(ctx, c); }, ReadingJson));
  router.Add("POST", "/api/v1/meter-readings/import",
             WithCommand(
                 200, 0, record, ReadImportReadings,
                 [&s](auto& ctx, auto& c) { return s.ImportReadings(ctx, c); }, ReadingImportJson));
  router.Add("PATCH", "/api/v1/meter-readings/{id}",
             WithCommand(
                 200, 1, record, ReadCorrectReading,
                 [&s](auto& ctx, int64_t id, auto& c) { return s.CorrectReading(ctx, id, c); },
                 ReadingJson));
  router.Add("POST", "/api/v1/meter-readings/{id}/review",
             WithCommand(
                 200, 1, review, ReadReviewReading,
                 [&s](auto& ctx, int64_t id, auto& c) { return s.ApproveReading(ctx, id, c); },
                 ReadingJson));
}

}  // namespace anju::metering
