// The billing routes: each parses its request into a query or a command, calls the service
// and shapes the typed result into the reply (billing_json.h). The money-moving POSTs check
// the caller, parse the body and then run under the Idempotency-Key (idempotent_route.h).
#include "modules/billing/billing_routes.h"

#include "core/json_body.h"
#include "http/handlers.h"
#include "modules/billing/billing_json.h"
#include "modules/billing/fee_item_json.h"
#include "modules/billing/idempotent_route.h"

namespace anju::billing {

using http::QueryReader;
using http::Request;
using http::Response;

namespace {

// {house_id, amount, channel, bill_ids?, note?}
Result<TakePaymentCommand> ReadPayment(const Request& req) {
  auto obj = ParseJsonObject(req.body);
  if (!obj.ok()) return obj.take_error();
  BodyReader r(*obj);
  r.ReadOnly({"id", "company_id", "number", "to_prepayment", "created_at", "allocations"});
  auto house_id = r.Int("house_id", true, 1, INT64_MAX);
  auto amount = r.Int("amount", true, 1, kMaxPaymentFen);
  auto channel = r.Enum("channel", true, kCashierChannels);
  auto note = r.Str("note", false, 200);
  std::vector<int64_t> bill_ids = r.Ids("bill_ids");
  ANJU_TRY(r.Finish());
  return TakePaymentCommand{*house_id, *amount, *channel, std::move(bill_ids),
                            note.value_or("")};
}

// {house_id, fee_item_id, months, channel, note?}
Result<TakePrepaymentCommand> ReadPrepayment(const Request& req) {
  auto obj = ParseJsonObject(req.body);
  if (!obj.ok()) return obj.take_error();
  BodyReader r(*obj);
  auto house_id = r.Int("house_id", true, 1, INT64_MAX);
  auto fee_item_id = r.Int("fee_item_id", true, 1, INT64_MAX);
  auto months = r.Int("months", true, 1, 36);
  auto channel = r.Enum("channel", true, kCashierChannels);
  auto note = r.Str("note", false, 200);
  ANJU_TRY(r.Finish());
  return TakePrepaymentCommand{*house_id, *fee_item_id, *months, *channel, note};
}

// {house_id, channel, amount?, bill_ids?}
Result<OpenOnlineOrderCommand> ReadOnlineOrder(const Request& req) {
  auto obj = ParseJsonObject(req.body);
  if (!obj.ok()) return obj.take_error();
  BodyReader r(*obj);
  r.ReadOnly({"id", "order_no", "status", "company_id"});
  auto house_id = r.Int("house_id", true, 1, INT64_MAX);
  auto channel = r.Enum("channel", true, {"wechat", "alipay"});
  auto amount = r.Int("amount", false, 1, kMaxPaymentFen);
  std::vector<int64_t> bill_ids = r.Ids("bill_ids");
  ANJU_TRY(r.Finish());
  return OpenOnlineOrderCommand{*house_id, *channel, amount, std::move(bill_ids)};
}

Response NotifyResponse(const pay::NotifyReply& n) {
  Response r;
  r.status = n.status;
  r.content_type = n.content_type;
  r.body = n.body;
  return r;
}

// An online order's reply (OnlineOrderJson is overloaded).
boost::json::object OrderReply(const OnlineOrder& o) { return OnlineOrderJson(o); }

}  // namespace

void RegisterRoutes(http::Router& router, BillingService& s, Idempotency& idem) {
  router.Add("GET", "/api/v1/fee-items", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.ListFeeItems(ctx, project_id), FeeItemListJson);
  });
  router.Add("POST", "/api/v1/fee-items", [&s](Request& req, TenantContext& ctx) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    if (auto may = MayWriteFeeItems(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto cmd = ReadCreateFeeItem(*body);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return http::ReplyAs(req, s.CreateFeeItem(ctx, *cmd), FeeItemJson, 201);
  });
  router.Add("PATCH", "/api/v1/fee-items/{id}", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    if (auto may = MayWriteFeeItems(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto cmd = ReadUpdateFeeItem(*body);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return http::ReplyAs(req, s.UpdateFeeItem(ctx, *id, *cmd), FeeItemJson);
  });
  router.Add("POST", "/api/v1/bill-runs", [&s](Request& req, TenantContext& ctx) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    auto cmd = ReadBillRun(*body);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return http::ReplyAs(req, s.RunBills(ctx, *cmd), BillRunJson);
  });
  router.Add("GET", "/api/v1/bills", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    BillFilter f;
    f.project_id = q.Id("project_id");
    f.house_id = q.Id("house_id");
    f.period = q.Text("period");
    f.status = q.Text("status");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.ListBills(ctx, f, page),
                         [&](const BillPage& list) { return BillPageJson(list, page); });
  });
  router.Add("GET", "/api/v1/houses/{id}/account", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, s.HouseAccount(ctx, *id), HouseBalanceJson);
  });
  router.Add("POST", "/api/v1/payments", [&s, &idem](Request& req, TenantContext& ctx) {
    if (auto may = s.MayTakePayments(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto cmd = ReadPayment(req);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return RunIdempotent<PaymentTaken>(
        idem, ctx, req, 201,
        [&](const IdempotentAnswer<PaymentTaken>& answer) {
          return s.TakePayment(ctx, *cmd, answer);
        },
        PaymentJson);
  });
  router.Add("GET", "/api/v1/prepayments/quote", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto house_id = q.Id("house_id");
    auto fee_item_id = q.Id("fee_item_id");
    auto months = q.Id("months");
    if (auto bad = q.Failed()) return *bad;
    if (!house_id || !fee_item_id || !months)
      return http::ErrorReply(Error(errors::kBadQuery).WithField("house_id", "required",
                                                                 "house_id, fee_item_id and months"),
                              req.request_id);
    return http::ReplyAs(req, s.QuotePrepayment(ctx, *house_id, *fee_item_id, *months),
                         PlanJson);
  });
  router.Add("POST", "/api/v1/prepayments", [&s, &idem](Request& req, TenantContext& ctx) {
    if (auto may = s.MayTakePayments(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto cmd = ReadPrepayment(req);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return RunIdempotent<PrepaymentTaken>(
        idem, ctx, req, 201,
        [&](const IdempotentAnswer<PrepaymentTaken>& answer) {
          return s.TakePrepayment(ctx, *cmd, answer);
        },
        PrepaymentJson);
  });
  router.Add("POST", "/api/v1/payments/online", [&s, &idem](Request& req, TenantContext& ctx) {
    auto cmd = ReadOnlineOrder(req);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    if (auto may = s.MayOpenOnlineOrders(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    return RunIdempotent<OnlineOrderOpened>(
        idem, ctx, req, 201,
        [&](const IdempotentAnswer<OnlineOrderOpened>& answer) {
          return s.CreateOnlineOrder(ctx, *cmd, answer);
        },
        [](const OnlineOrderOpened& o) { return OnlineOrderJson(o); });
  });
  auto order_no = [](const Request& req) -> std::optional<std::string> {
    if (req.path_params.empty() || !pay::IsValidOrderNo(req.path_params[0])) return std::nullopt;
    return req.path_params[0];
  };
  router.Add("GET", "/api/v1/payments/online/{orderNo}",
             [&s, order_no](Request& req, TenantContext& ctx) {
               auto no = order_no(req);
               return no ? http::ReplyAs(req, s.FindOnlineOrder(ctx, *no), OrderReply)
                         : http::NotFound(req);
             });
  router.Add("POST", "/api/v1/payments/online/{orderNo}/simulate",
             [&s, order_no](Request& req, TenantContext& ctx) {
               auto no = order_no(req);
               return no ? http::ReplyAs(req, s.SimulatePayment(ctx, *no), OrderReply)
                         : http::NotFound(req);
             });
  for (const char* channel : {"wechat", "alipay"})
    router.AddPublic(
        "POST", std::string("/api/v1/payments/notify/") + channel,
        [&s, channel](Request& req) {
          return NotifyResponse(s.HandleNotify(channel, req.body, req.headers));
        },
        /*any_body=*/true);
  router.Add("GET", "/api/v1/payments", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto house_id = q.Id("house_id");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.ListPayments(ctx, house_id, page),
                         [&](const PaymentPage& list) { return PaymentPageJson(list, page); });
  });
}

void RegisterSettingsRoutes(http::Router& router, SettingsService& settings) {
  router.Add("GET", "/api/v1/billing-settings", [&settings](Request& req, TenantContext& ctx) {
    return http::ReplyAs(req, settings.Get(ctx), SettingsJson);
  });
  router.Add("PUT", "/api/v1/billing-settings", [&settings](Request& req, TenantContext& ctx) {
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    if (auto may = SettingsService::MayPut(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto cmd = ReadBillingSettings(*body);
    if (!cmd.ok()) return http::ErrorReply(cmd.error(), req.request_id);
    return http::ReplyAs(req, settings.Put(ctx, *cmd), SettingsJson);
  });
}

}  // namespace anju::billing
