// Staff for dispatch: skills and responsible buildings (技能、负责楼栋), and shifts (排班).
#include <fmt/format.h>
#include <boost/json.hpp>

#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/settings_json.h"
#include "modules/workorder/wo_internal.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

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

Result<std::vector<StaffMember>> WorkOrderSettings::ListStaff(const TenantContext& ctx,
                                                              int64_t project_id) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderRead));
  if (!ctx.access.HasIn(std::string(perm::kWorkOrderRead), project_id)) return Error(kStaffNotFound);
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<StaffMember>> {
    std::vector<StaffMember> items;
    for (dispatch::Candidate& c : Candidates(tx, ctx.company_id, project_id, now)) {
      std::sort(c.skills.begin(), c.skills.end());
      std::sort(c.buildings.begin(), c.buildings.end());
      StaffMember m;
      m.id = c.staff_id;
      m.name = c.name;
      m.trade = identity::UserTrade(tx, ctx.company_id, c.staff_id);
      m.skills.assign(c.skills.begin(), c.skills.end());
      m.building_ids.assign(c.buildings.begin(), c.buildings.end());
      m.on_duty = c.on_duty;
      m.open_orders = c.open_orders;
      items.push_back(std::move(m));
    }
    return items;
  });
}

Result<StaffSkills> WorkOrderSettings::PutStaff(const TenantContext& ctx, int64_t user_id,
                                                const PutStaffCommand& c) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  const std::vector<int64_t>& buildings = c.building_ids;
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<StaffSkills> {
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
    for (auto& s : c.skills)
      tx.Exec("INSERT INTO wo_staff_skills (company_id, user_id, skill) VALUES (?, ?, ?)",
              {ctx.company_id, user_id, s});
    for (int64_t bid : buildings)
      tx.Exec("INSERT INTO wo_staff_buildings (company_id, user_id, building_id) VALUES (?, ?, ?) "
              "ON CONFLICT DO NOTHING",
              {ctx.company_id, user_id, bid});
    StaffSkills out{user_id, c.skills, buildings};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.staff.put", "user", user_id, std::nullopt, nullptr,
                   StaffSkillsJson(out)},
                  now);
    return out;
  });
}

Result<std::vector<Shift>> WorkOrderSettings::ListShifts(const TenantContext& ctx,
                                                         int64_t project_id,
                                                         const std::string& from,
                                                         const std::string& to) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  if (!IsValidCivilDate(from) || !IsValidCivilDate(to))
    return Error(errors::kBadQuery).WithField(IsValidCivilDate(from) ? "to" : "from", "invalid",
                                              "YYYY-MM-DD");
  Millis lo = ChinaDayStart(from), hi = ChinaDayStart(to) + kDay;
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Shift>> {
    ANJU_TRY(CheckProject(tx, ctx, project_id));
    std::vector<Shift> items;
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
      items.push_back(Shift{r.Int(0), r.Int(1), name->second, r.Int(2), r.Int(3)});
    }
    return items;
  });
}

// One shift per person and date, in China time; an end at or before the start ends the
// next day (night shifts).
Result<int64_t> WorkOrderSettings::CreateShifts(const TenantContext& ctx,
                                                const NewShiftsCommand& c) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  const std::vector<int64_t>& users = c.user_ids;
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<int64_t> {
    ANJU_TRY(CheckProject(tx, ctx, c.project_id));
    auto handlers = Handlers(tx, ctx.company_id, c.project_id);
    for (size_t i = 0; i < users.size(); ++i)
      if (!handlers.count(users[i]))
        return Error(kStaffNotFound).WithField("user_ids[" + std::to_string(i) + "]", "not_found");
    int64_t created = 0;
    for (Millis day : c.days) {
      Millis from = day + c.start_minutes * kMinute;  // shifts are entered in China time
      Millis to = day + c.end_minutes * kMinute + (c.end_minutes <= c.start_minutes ? kDay : 0);
      for (int64_t u : users) {
        if (tx.QueryOne("SELECT 1 FROM wo_shifts WHERE user_id = ? AND project_id = ? AND "
                        "starts_at < ? AND ends_at > ?", {u, c.project_id, to, from}))
          continue;  // overlaps a shift already planned: keep the first
        tx.Exec("INSERT INTO wo_shifts (company_id, project_id, user_id, starts_at, ends_at, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                {ctx.company_id, c.project_id, u, from, to, now});
        ++created;
      }
    }
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.shift.create", "project", c.project_id, c.project_id, nullptr,
                   json::object{{"created", created}, {"start", c.start}, {"end", c.end}}},
                  now);
    return created;
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
