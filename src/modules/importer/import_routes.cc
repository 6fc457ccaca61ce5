// The import routes: the query string and the raw file into a StartRequest, the batches
// shaped by importer_json.h.
#include "modules/importer/import_routes.h"

#include "core/xlsx.h"
#include "http/handlers.h"
#include "modules/importer/importer_errors.h"
#include "modules/importer/importer_json.h"

namespace anju::importer {

using http::QueryReader;
using http::Request;
using http::Response;

namespace {

Response FileReply(const DownloadFile& file) {
  Response r;
  bool xlsx = file.ascii_name.ends_with(".xlsx");
  r.content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "text/csv; charset=utf-8";
  r.body = file.bytes;
  r.Header("Content-Disposition", xlsx::AttachmentHeader(file.ascii_name, file.name));
  r.Header("X-Content-Type-Options", "nosniff");
  return r;
}

// A template's language: `lang` (zh-CN | en-US), else the Accept-Language header's first
// choice, else Chinese. nullopt for another `lang`.
std::optional<Lang> LangOf(const Request& req) {
  auto lang = req.Query("lang");
  if (lang && !lang->empty()) {
    if (*lang == "zh-CN" || *lang == "zh") return Lang::kZh;
    if (*lang == "en-US" || *lang == "en") return Lang::kEn;
    return std::nullopt;
  }
  return req.Header("Accept-Language").starts_with("en") ? Lang::kEn : Lang::kZh;
}

// "1"/"true" → true, "0"/"false"/absent → `def`; nullopt when it is something else.
std::optional<bool> Flag(const Request& req, const char* name, bool def) {
  auto v = req.Query(name);
  if (!v || v->empty()) return def;
  if (*v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  return std::nullopt;
}

Response Bad(const Request& req, const char* field, const char* hint) {
  return http::ErrorReply(Error(errors::kBadQuery).WithField(field, "invalid", hint), req.request_id);
}

}  // namespace

void RegisterRoutes(http::Router& router, ImportService& s) {
  // The file is the raw body; what to do with it is in the query string.
  router.AddUpload("POST", "/api/v1/imports", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    StartRequest sr;
    sr.kind = q.Text("kind");
    auto project = q.Id("project_id");
    if (auto bad = q.Failed()) return *bad;
    sr.file_name = req.Query("file_name").value_or("");  // a file's name may be long
    if (sr.file_name.size() > 255) return Bad(req, "file_name", "At most 255 bytes");
    auto dry = Flag(req, "dry_run", true), all = Flag(req, "all_or_nothing", false);
    if (!dry) return Bad(req, "dry_run", "1 or 0");
    if (!all) return Bad(req, "all_or_nothing", "1 or 0");
    if (!project) return Bad(req, "project_id", "Required");
    if (req.body.size() > kMaxUploadBytes)
      return http::ErrorReply(Error(errors::kBodyTooLarge), req.request_id);
    sr.project_id = *project, sr.dry_run = *dry, sr.all_or_nothing = *all;
    sr.bytes = std::move(req.body);
    return http::ReplyAs(req, s.Start(ctx, std::move(sr)), BatchJson, 202);
  });
  router.Add("GET", "/api/v1/imports", [&s](Request& req, TenantContext& ctx) {
    QueryReader q(req);
    Page page = q.PageOf();
    if (auto bad = q.Failed()) return *bad;
    return http::ReplyAs(req, s.List(ctx, page), BatchesJson);
  });
  router.Add("GET", "/api/v1/imports/{id}", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, s.Get(ctx, *id), BatchJson);
  });
  // Commits the file of a dry run with the same options (a new batch).
  router.Add("POST", "/api/v1/imports/{id}/commit", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, s.Commit(ctx, *id), BatchJson, 202);
  });
  router.Add("POST", "/api/v1/imports/{id}/rollback", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    return http::ReplyAs(req, s.Rollback(ctx, *id), BatchJson);
  });
  router.Add("GET", "/api/v1/imports/{id}/bad-rows", [&s](Request& req, TenantContext& ctx) {
    auto id = req.IdParam(0);
    if (!id) return http::NotFound(req);
    std::string format = req.Query("format").value_or("xlsx");
    auto file = s.BadRowsFile(ctx, *id, format);
    if (!file.ok()) return http::ErrorReply(file.error(), req.request_id);
    return FileReply(*file);
  });
  // The example row names the project's things when project_id is given (import_service.h).
  router.Add("GET", "/api/v1/import-templates/{kind}", [&s](Request& req, TenantContext& ctx) {
    auto lang = LangOf(req);
    if (!lang) return Bad(req, "lang", "zh-CN or en-US");
    std::optional<int64_t> project;
    if (req.Query("project_id")) {
      QueryReader q(req);
      project = q.Id("project_id");
      if (auto bad = q.Failed()) return *bad;
    }
    auto file = s.Template(ctx, req.path_params.at(0), req.Query("format").value_or("xlsx"), *lang,
                           project);
    if (!file.ok()) return http::ErrorReply(file.error(), req.request_id);
    return FileReply(*file);
  });
}

}  // namespace anju::importer
