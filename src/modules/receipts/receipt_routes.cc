#include "modules/receipts/receipt_routes.h"

#include <cctype>

#include "http/handlers.h"
#include "modules/receipts/receipt_json.h"

namespace anju::receipts {

using http::QueryReader;
using http::Request;
using http::Response;

namespace {

// The PDF shown in the browser (inline, so a phone opens it rather than downloading it),
// named after the receipt number for "save as" (letters, digits and '-' only).
Response PdfReply(const Request& req, Result<ReceiptPdf> pdf) {
  if (!pdf.ok()) return http::ErrorReply(pdf.error(), req.request_id);
  std::string name;
  for (char c : pdf->number)
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
  Response r;
  r.content_type = "application/pdf";
  r.body = std::move(pdf->bytes);
  r.Header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
  r.Header("Cache-Control", "private, no-store");
  return r;
}

// ?paper=a4|241, or the error reply.
Result<Paper> PaperQuery(const Request& req) {
  auto text = http::TextQuery(req, "paper");
  if (!text.ok()) return text.take_error();
  return ReadPaper(*text);
}

// The longest ?ids= a batch of kMaxPrintBatch ids needs, with room to spare.
constexpr size_t kMaxIdsChars = 4000;

}  // namespace

void RegisterReceiptRoutes(http::Router& router, ReceiptService& s) {
  // First, so that ".../verify/pdf" never reaches the authenticated {id}/pdf route.
  router.AddPublic("GET", "/api/v1/receipts/verify/{token}", [&s](Request& req) {
    if (req.path_params.empty()) return http::NotFound(req);
    return http::ReplyAs(req, s.Verify(req.path_params[0]), ReceiptCheckJson);
  });
  router.Add("GET", "/api/v1/receipts", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    ReceiptFilter f;
    f.project_id = q.Id("project_id");
    f.house_id = q.Id("house_id");
    f.status = q.Text("status");
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.List(ctx, f, page),
                         [&](const ReceiptPage& list) { return ReceiptListJson(list, page); });
  });
  // Before {id}: batch printing, one PDF of the receipts ?ids=3,1,2 in that order.
  router.Add("GET", "/api/v1/receipts/print", [&s](Request& req, TenantContext& ctx) {
    auto text = http::TextQuery(req, "ids", kMaxIdsChars);
    if (!text.ok()) return http::ErrorReply(text.error(), req.request_id);
    auto ids = ReadReceiptIds(*text);
    if (!ids.ok()) return http::ErrorReply(ids.error(), req.request_id);
    auto paper = PaperQuery(req);
    if (!paper.ok()) return http::ErrorReply(paper.error(), req.request_id);
    return PdfReply(req, s.Pdfs(ctx, *ids, *paper));
  });
  router.Add("GET", "/api/v1/receipts/{id}", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, s.Get(ctx, *id), ReceiptDetailJson);
  });
  router.Add("GET", "/api/v1/receipts/{id}/pdf", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    auto paper = PaperQuery(req);
    if (!paper.ok()) return http::ErrorReply(paper.error(), req.request_id);
    return PdfReply(req, s.Pdf(ctx, *id, *paper));
  });
  router.Add("POST", "/api/v1/receipts/{id}/void", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    auto body = http::JsonBody(req);
    if (!body.ok()) return http::ErrorReply(body.error(), req.request_id);
    if (auto may = ReceiptService::MayVoid(ctx); !may.ok())
      return http::ErrorReply(may.error(), req.request_id);
    auto reason = ReadVoidReason(*body);
    if (!reason.ok()) return http::ErrorReply(reason.error(), req.request_id);
    return http::ReplyAs(req, s.Void(ctx, *id, *reason), ReceiptJson);
  });
}

}  // namespace anju::receipts
