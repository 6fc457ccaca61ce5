// Identity's JSON forms (identity_json.h).
#include "platform/identity/identity_json.h"

namespace anju::identity {

namespace json = boost::json;

json::object MeJson(const TenantContext& ctx, const std::string& csrf_token) {
  json::object me;
  me["id"] = ctx.user_id;
  me["login"] = ctx.login;
  me["name"] = ctx.name;
  me["kind"] = ctx.IsResident() ? "resident" : "staff";
  me["company_id"] = ctx.company_id;
  json::array perms;
  for (const std::string& code : ctx.access.Codes()) {
    const Scope* s = ctx.access.ScopeOf(code);
    json::array projects;
    for (int64_t p : s->projects) projects.emplace_back(p);
    perms.push_back(json::object{
        {"code", code}, {"all_projects", s->all_projects}, {"projects", std::move(projects)}});
  }
  me["permissions"] = std::move(perms);
  json::array houses;
  for (int64_t h : ctx.house_ids) houses.emplace_back(h);
  me["house_ids"] = std::move(houses);
  json::array residents;
  for (int64_t r : ctx.resident_ids) residents.emplace_back(r);
  me["resident_ids"] = std::move(residents);
  me["csrf_token"] = csrf_token;
  return me;
}

json::object LoginJson(const LoginResult& login) {
  json::object out;
  out["token"] = login.token;
  out["csrf_token"] = login.csrf_token;
  out["expires_at"] = FormatUtc(login.expires_at);
  out["user"] = MeJson(login.ctx, login.csrf_token);
  return out;
}

}  // namespace anju::identity
