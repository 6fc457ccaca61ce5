#include "platform/files/files_routes.h"

#include "http/handlers.h"
#include "http/server.h"
#include "platform/files/files_errors.h"
#include "platform/files/files_json.h"

namespace anju::files {

using http::Request;
using http::Response;

static_assert(http::kDefaultBodyLimit > kMaxPhotoBytes,
              "the server must read a whole photo for the upload route to see it");

void RegisterRoutes(http::Router& router, FilesService& files) {
  router.AddUpload("POST", "/api/v1/files", [&files](Request& req, TenantContext& ctx) {
    auto r = files.Upload(ctx, req.Header("content-type"), req.body);
    if (!r.ok()) return http::ErrorReply(r.error(), req.request_id);
    return http::JsonReply(201, UploadJson(*r)).Header("Location", r->url);
  });
  router.Add("GET", "/api/v1/files/{id}", [&files](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::ErrorReply(kFileNotFound, req.request_id);
    auto f = files.Read(ctx, *id);
    if (!f.ok()) return http::ErrorReply(f.error(), req.request_id);
    Response res;
    res.content_type = f->content_type;
    res.body = std::move(f->bytes);
    res.Header("X-Content-Type-Options", "nosniff");
    res.Header("Content-Disposition", "inline; filename=\"" + std::to_string(f->id) + "." +
                                          std::string(f->extension) + "\"");
    res.Header("Cache-Control", "private, max-age=86400");
    return res;
  });
}

}  // namespace anju::files
