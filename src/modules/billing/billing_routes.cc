#include "modules/billing/billing_routes.h"

#include "http/handlers.h"

namespace anju::billing {

using http::ById;
using http::QueryReader;
using http::Request;
using http::Response;
using http::WithBody;

void RegisterRoutes(http::Router& router, BillingService& s) {
  router.Add("GET", "/api/v1/fee-items", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListFeeItems(ctx, project_id));
  });
  router.Add("POST", "/api/v1/fee-items",
             WithBody(201, 0, [&s](auto& ctx, auto& b) { return s.CreateFeeItem(ctx, b); }));
  router.Add("PATCH", "/api/v1/fee-items/{id}",
             WithBody(200, 1, [&s](auto& ctx, int64_t id, auto& b) {
               return s.UpdateFeeItem(ctx, id, b);
             }));
  router.Add("POST", "/api/v1/bill-runs",
             WithBody(200, 0, [&s](auto& ctx, auto& b) { return s.RunBills(ctx, b); }));
  router.Add("GET", "/api/v1/bills", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    BillFilter f;
    f.project_id = q.Id("project_id");
    f.house_id = q.Id("house_id");
    f.period = q.Text("period");
    f.status = q.Text("status");
    http::Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListBills(ctx, f, page));
  });
  router.Add("GET", "/api/v1/arrears", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ArrearsQuery a;
    a.project_id = q.Id("project_id");
    std::string group = q.Text("group");
    if (!group.empty()) a.group = group;
    a.as_of = q.Text("as_of");
    http::Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    if (a.as_of.empty()) a.as_of = s.Today();
    return http::Reply(req, s.Arrears(ctx, a, page));
  });
  router.Add("GET", "/api/v1/reports/collection", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto project_id = q.Id("project_id");
    std::string from = q.Text("from"), to = q.Text("to");
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.CollectionReport(ctx, from, to, project_id));
  });
  router.Add("GET", "/api/v1/houses/{id}/account",
             ById([&s](auto& ctx, int64_t id) { return s.HouseAccount(ctx, id); }));
  router.Add("POST", "/api/v1/payments", [&s](Request& req, TenantContext& ctx) {
    return s.TakePayment(ctx, req);
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
    return http::Reply(req, s.QuotePrepayment(ctx, *house_id, *fee_item_id, *months));
  });
  router.Add("POST", "/api/v1/prepayments", [&s](Request& req, TenantContext& ctx) {
    return s.TakePrepayment(ctx, req);
  });
  router.Add("POST", "/api/v1/payments/online", [&s](Request& req, TenantContext& ctx) {
    return s.CreateOnlineOrder(ctx, req);
  });
  auto order_no = [](const Request& req) -> std::optional<std::string> {
    if (req.path_params.empty() || !pay::IsValidOrderNo(req.path_params[0])) return std::nullopt;
    return req.path_params[0];
  };
  router.Add("GET", "/api/v1/payments/online/{orderNo}",
             [&s, order_no](Request& req, TenantContext& ctx) {
               auto no = order_no(req);
               return no ? http::Reply(req, s.OnlineOrder(ctx, *no)) : http::NotFound(req);
             });
  router.Add("POST", "/api/v1/payments/online/{orderNo}/simulate",
             [&s, order_no](Request& req, TenantContext& ctx) {
               auto no = order_no(req);
               return no ? http::Reply(req, s.SimulatePayment(ctx, *no)) : http::NotFound(req);
             });
  for (const char* channel : {"wechat", "alipay"})
    router.AddPublic(
        "POST", std::string("/api/v1/payments/notify/") + channel,
        [&s, channel](Request& req) { return s.HandleNotify(channel, req); }, /*any_body=*/true);
  router.Add("GET", "/api/v1/payments", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    auto house_id = q.Id("house_id");
    http::Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::Reply(req, s.ListPayments(ctx, house_id, page));
  });
}

}  // namespace anju::billing
