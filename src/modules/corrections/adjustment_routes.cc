#include "modules/corrections/adjustment_routes.h"

#include "core/json_body.h"
#include "http/handlers.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/idempotent_route.h"
#include "modules/corrections/correction_json.h"

namespace anju::corrections {

using http::QueryReader;
using http::Request;

namespace {

// {house_id, amount, reason, payment_id?}
Result<RefundCommand> ReadRefund(const Request& req) {
  auto obj = ParseJsonObject(req.body);
  if (!obj.ok()) return obj.take_error();
  BodyReader r(*obj);
  r.ReadOnly({"id", "number", "status", "channel", "company_id", "project_id"});
  auto house_id = r.Int("house_id", true, 1, INT64_MAX);
  auto amount = r.Int("amount", true, 1, billing::kMaxPaymentFen);
  auto reason = r.Str("reason", true, 200, 2);
  auto payment_id = r.Int("payment_id", false, 1, INT64_MAX);
  ANJU_TRY(r.Finish());
  return RefundCommand{*house_id, *amount, *reason, payment_id};
}

}  // namespace

void RegisterCorrectionRoutes(http::Router& router, CorrectionService& s,
                              billing::Idempotency& idem) {
  // A list filtered by ?status=&house_id=&project_id=, paged, shaped by `shape`.
  auto list = [](auto fn, auto shape) {
    return [fn, shape](Request& req, TenantContext& ctx) {
      QueryReader q(req);
      CorrectionFilter f;
      f.project_id = q.Id("project_id");
      f.house_id = q.Id("house_id");
      f.status = q.Text("status");
      Page page = q.PageOf();
      if (auto bad = q.Failed()) return *bad;
      return http::ReplyAs(req, fn(ctx, f, page),
                           [&](const auto& items) { return shape(items, page); });
    };
  };
  router.Add("GET", "/api/v1/adjustments",
             list([&s](auto& ctx, auto& f, auto& p) { return s.ListAdjustments(ctx, f, p); },
                  AdjustmentListJson));
  router.Add("POST", "/api/v1/adjustments", [&s](Request& req, TenantContext& ctx) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    if (auto may = CorrectionService::MayRequestAdjustments(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto cmd = ReadAdjustment(*body);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return http::ReplyAs(req, s.RequestAdjustment(ctx, *cmd), AdjustmentJson, 201);
  });
  router.Add("GET", "/api/v1/refunds",
             list([&s](auto& ctx, auto& f, auto& p) { return s.ListRefunds(ctx, f, p); },
                  RefundListJson));
  router.Add("POST", "/api/v1/refunds", [&s, &idem](Request& req, TenantContext& ctx) {
    if (auto may = s.MayRequestRefunds(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto cmd = ReadRefund(req);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return billing::RunIdempotent<Refund>(
        idem, ctx, req, 201,
        [&](const billing::IdempotentAnswer<Refund>& answer) {
          return s.RequestRefund(ctx, *cmd, answer);
        },
        RefundJson);
  });
  for (bool approve : {true, false}) {
    std::string verb = approve ? "/approve" : "/reject";
    // The decision's body is read before the service checks the caller (TakePending).
    auto decide = [approve](auto fn, auto shape) {
      return [approve, fn, shape](Request& req, TenantContext& ctx) {
        auto id = req.IdParam(0);
        if (!id) return http::NotFound(req);
        auto body = http::JsonBody(req);
        if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
        auto note = ReadDecision(*body, approve);
        if (!note.ok()) return http::ErrorReply(note.error(), req.request_id);
        return http::ReplyAs(req, fn(ctx, *id, *note), shape);
      };
    };
    router.Add("POST", "/api/v1/adjustments/{id}" + verb,
               decide([&s, approve](auto& ctx, int64_t id, const std::string& note) {
                 return s.DecideAdjustment(ctx, id, approve, note);
               }, AdjustmentJson));
    router.Add("POST", "/api/v1/refunds/{id}" + verb,
               decide([&s, approve](auto& ctx, int64_t id, const std::string& note) {
                 return s.DecideRefund(ctx, id, approve, note);
               }, RefundJson));
  }
}

}  // namespace anju::corrections
