// Staff for dispatch: skills and responsible buildings (技能、负责楼栋), and shifts (排班).
#include <fmt/format.h>

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr size_t kMaxShiftDays = 62;

// The project's handlers (workorder:handle granted for the project) by id, or empty.
std::map<int64_t, std::string> Handlers(db::Tx& tx, int64_t company_id, int64_t project_id) {
  std::map<int64_t, std::string> out;
  for (auto& s : identity::StaffHolding(tx, company_id, project_id, perm::kWorkOrderHandle))
    out[s.id] = s.name;
  return out;
}

Status CheckProject(db::Tx& tx, const TenantContext& ctx, int64_t project_id) {
  if (!org::ProjectCode(tx, ctx.company_id, project_id) ||
      !ctx.access.HasIn(std::string(perm::kWorkOrderSettings), project_id))
    return Error(kStaffNotFound).WithField("project_id", "not_found");
  return {};
}

}  // namespace

JsonResult WorkOrderSettings::ListStaff(const TenantContext& ctx, int64_t project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderRead));
  if (!ctx.access.HasIn(std::string(perm::kWorkOrderRead), project_id)) return Error(kStaffNotFound);
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    json::array items;
    for (dispatch::Candidate& c : Candidates(tx, ctx.company_id, project_id, now)) {
      std::sort(c.skills.begin(), c.skills.end());
      std::sort(c.buildings.begin(), c.buildings.end());
      json::array skills(c.skills.begin(), c.skills.end());
      json::array buildings(c.buildings.begin(), c.buildings.end());
      items.push_back(json::object{{"id", c.staff_id}, {"name", c.name},
                                   {"trade", identity::UserTrade(tx, ctx.company_id, c.staff_id)},
                                   {"skills", std::move(skills)}, {"building_ids", std::move(buildings)},
                                   {"on_duty", c.on_duty}, {"open_orders", c.open_orders}});
    }
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

JsonResult WorkOrderSettings::PutStaff(const TenantContext& ctx, int64_t user_id,
                                       const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  BodyReader r(b);
  std::vector<std::string> skills;
  if (const json::array* a = r.Array("skills", true, 20))
    for (size_t i = 0; i < a->size(); ++i) {
      const json::value& v = (*a)[i];
      if (!v.is_string() || v.as_string().empty() || v.as_string().size() > 30)
        r.Fail("skills[" + std::to_string(i) + "]", "invalid");
      else if (std::find(skills.begin(), skills.end(), v.as_string()) == skills.end())
        skills.emplace_back(v.as_string());
    }
  std::vector<int64_t> buildings = r.Ids("building_ids", 200);
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    // The staff member must handle orders in a project where the caller manages settings.
    bool visible = false;
    for (int64_t p : org::ProjectIds(tx, ctx.company_id))
      if (ctx.access.HasIn(std::string(perm::kWorkOrderSettings), p) &&
          Handlers(tx, ctx.company_id, p).count(user_id))
        visible = true;
    if (!visible) return Error(kStaffNotFound);
    for (size_t i = 0; i < buildings.size(); ++i) {
      auto p = property::BuildingProjectId(tx, ctx.company_id, buildings[i]);
      if (!p || !ctx.access.HasIn(std::string(perm::kWorkOrderSettings), *p))
        return Error(kStaffNotFound).WithField("building_ids[" + std::to_string(i) + "]", "not_found");
    }
    tx.Exec("DELETE FROM wo_staff_skills WHERE user_id = ?", {user_id});
    tx.Exec("DELETE FROM wo_staff_buildings WHERE user_id = ?", {user_id});
    json::array js, jb;
    for (auto& s : skills) {
      tx.Exec("INSERT INTO wo_staff_skills (company_id, user_id, skill) VALUES (?, ?, ?)",
              {ctx.company_id, user_id, s});
      js.emplace_back(s);
    }
    for (int64_t bid : buildings) {
      tx.Exec("INSERT INTO wo_staff_buildings (company_id, user_id, building_id) VALUES (?, ?, ?) "
              "ON CONFLICT DO NOTHING",
              {ctx.company_id, user_id, bid});
      jb.emplace_back(bid);
    }
    json::object out{{"id", user_id}, {"skills", std::move(js)}, {"building_ids", std::move(jb)}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.staff.put", "user", user_id, std::nullopt, nullptr, out}, now);
    return json::value(std::move(out));
  });
}

JsonResult WorkOrderSettings::ListShifts(const TenantContext& ctx, int64_t project_id,
                                         const std::string& from, const std::string& to) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  if (!IsValidCivilDate(from) || !IsValidCivilDate(to))
    return Error(errors::kBadQuery).WithField(IsValidCivilDate(from) ? "to" : "from", "invalid",
                                              "YYYY-MM-DD");
  Millis lo = ChinaDayStart(from), hi = ChinaDayStart(to) + kDay;
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, project_id));
    json::array items;
    db::Rows shifts = tx.Query("SELECT s.id, s.user_id, s.starts_at, s.ends_at FROM wo_shifts s "
                               "WHERE s.project_id = ? AND s.starts_at < ? AND s.ends_at > ? "
                               "ORDER BY s.starts_at, s.user_id",
                               {project_id, hi, lo});
    std::vector<int64_t> people;
    for (const db::Row& r : shifts) people.push_back(r.Int(1));
    auto names = identity::UserNames(tx, ctx.company_id, people);
    for (const db::Row& r : shifts) {
      auto name = names.find(r.Int(1));
      if (name == names.end()) continue;  // another company's account: never shown
      items.push_back(json::object{{"id", r.Int(0)},
                                   {"user_id", r.Int(1)},
                                   {"user_name", name->second},
                                   {"starts_at", FormatUtc(r.Int(2))},
                                   {"ends_at", FormatUtc(r.Int(3))}});
    }
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

// {project_id, user_ids, dates, start "08:00", end "20:00"}: one shift per person and date,
// in China time; an end at or before the start ends the next day (night shifts).
JsonResult WorkOrderSettings::CreateShifts(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  BodyReader r(b);
  auto project = r.Int("project_id", true, 1, INT64_MAX);
  std::vector<int64_t> users = r.Ids("user_ids", 200);
  auto start = r.Str("start", true, 5, 5), end = r.Str("end", true, 5, 5);
  std::vector<Millis> days;  // the dates' China midnights
  if (const json::array* a = r.Array("dates", true, kMaxShiftDays))
    for (size_t i = 0; i < a->size(); ++i) {
      std::string d = (*a)[i].is_string() ? std::string((*a)[i].as_string()) : "";
      if (!IsValidCivilDate(d)) r.Fail("dates[" + std::to_string(i) + "]", "invalid", "YYYY-MM-DD");
      else days.push_back(ChinaDayStart(d));
    }
  if (users.empty()) r.Fail("user_ids", "required");
  std::optional<int64_t> s, e;
  if (start && !(s = ParseClock(*start))) r.Fail("start", "invalid", "HH:MM");
  if (end && !(e = ParseClock(*end))) r.Fail("end", "invalid", "HH:MM");
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    ANJU_TRY(CheckProject(tx, ctx, *project));
    auto handlers = Handlers(tx, ctx.company_id, *project);
    for (size_t i = 0; i < users.size(); ++i)
      if (!handlers.count(users[i]))
        return Error(kStaffNotFound).WithField("user_ids[" + std::to_string(i) + "]", "not_found");
    int64_t created = 0;
    for (Millis day : days) {
      Millis from = day + *s * kMinute;  // shifts are entered in China time
      Millis to = day + *e * kMinute + (*e <= *s ? kDay : 0);
      for (int64_t u : users) {
        if (tx.QueryOne("SELECT 1 FROM wo_shifts WHERE user_id = ? AND project_id = ? AND "
                        "starts_at < ? AND ends_at > ?", {u, *project, to, from}))
          continue;  // overlaps a shift already planned: keep the first
        tx.Exec("INSERT INTO wo_shifts (company_id, project_id, user_id, starts_at, ends_at, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                {ctx.company_id, *project, u, from, to, now});
        ++created;
      }
    }
    json::object out{{"created", created}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.shift.create", "project", *project, *project, nullptr,
                   json::object{{"created", created}, {"start", *start}, {"end", *end}}},
                  now);
    return json::value(std::move(out));
  });
}

Status WorkOrderSettings::DeleteShift(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Status {
    auto r = tx.QueryOne("SELECT project_id, user_id FROM wo_shifts WHERE id = ? AND company_id = ?",
                         {id, ctx.company_id});
    if (!r || !ctx.access.HasIn(std::string(perm::kWorkOrderSettings), r->Int(0)))
      return Error(kShiftNotFound);
    tx.Exec("DELETE FROM wo_shifts WHERE id = ?", {id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.shift.delete", "wo_shift", id, r->Int(0),
                   json::object{{"user_id", r->Int(1)}}, nullptr},
                  now);
    return {};
  });
}

}  // namespace anju::workorder
