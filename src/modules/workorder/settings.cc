// Categories, SLA rules, dispatch modes, business hours and holidays.
#include <fmt/format.h>

#include "core/json_body.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/workorder/classify/rules.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/workorder_errors.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

// English names of the default tree (classify::DefaultCategories(): codes, Chinese names and
// keywords; the skill of a default category is its code).
const std::map<std::string_view, std::string_view> kEnglish = {
    {"plumbing", "Water & power"}, {"carpentry", "Doors & windows"}, {"elevator", "Elevator"},
    {"lighting", "Public lighting"}, {"greening", "Greening"}, {"cleaning", "Cleaning"},
    {"security", "Security"}, {"service", "Customer service"}};

json::object CategoryJson(const db::Row& r) {
  return json::object{{"id", r.Int(0)},
                      {"parent_id", r.IsNull(1) ? json::value() : json::value(r.Int(1))},
                      {"code", r.Str(2)}, {"name", r.Str(3)}, {"name_en", r.Str(4)},
                      {"skill", r.Str(5)}, {"keywords", r.Str(6)}, {"sort", r.Int(7)},
                      {"active", r.Int(8) != 0}};
}
constexpr const char* kCategorySelect =
    "SELECT id, parent_id, code, name, name_en, skill, keywords, sort, active FROM wo_categories ";

bool ValidSkill(const std::string& s) {
  if (s.empty() || s.size() > 30) return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

}  // namespace

Status RequireCompanyWide(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  const Scope* scope = ctx.access.ScopeOf(std::string(perm::kWorkOrderSettings));
  if (!scope || !scope->all_projects) return Error(errors::kForbidden);
  return {};
}

std::optional<int64_t> ParseClock(const std::string& s) {
  if (s.size() != 5 || s[2] != ':' || !std::isdigit(s[0]) || !std::isdigit(s[1]) ||
      !std::isdigit(s[3]) || !std::isdigit(s[4]))
    return std::nullopt;
  int64_t h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}
std::string FormatClock(int64_t minutes) {
  return fmt::format("{:02d}:{:02d}", minutes / 60, minutes % 60);
}

void WorkOrderSettings::SeedDefaults(db::Tx& tx, int64_t company_id, Millis now) {
  int sort = 0;
  for (const auto& d : classify::DefaultCategories()) {
    auto en = kEnglish.find(d.code);
    tx.Exec("INSERT INTO wo_categories (company_id, code, name, name_en, skill, keywords, sort, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            {company_id, std::string(d.code), std::string(d.name),
             std::string(en == kEnglish.end() ? d.code : en->second), std::string(d.code),
             std::string(d.keywords), int64_t(sort += 10), now, now});
  }
  // Company defaults: ordinary 2 h to accept / 24 h to finish, urgent 30 min / 4 h, around
  // the clock (repairs do not wait for Monday); the elevator's urgent rule is tighter.
  for (auto [urg, acc, fin] : {std::tuple{"normal", 120, 1440}, std::tuple{"urgent", 30, 240}})
    tx.Exec("INSERT INTO wo_sla_rules (company_id, category_id, urgency, accept_minutes, "
            "finish_minutes, calendar, updated_at) VALUES (?, NULL, ?, ?, ?, 'always', ?) "
            "ON CONFLICT DO NOTHING",
            {company_id, std::string(urg), int64_t(acc), int64_t(fin), now});
  if (auto c = tx.QueryOne("SELECT id FROM wo_categories WHERE company_id = ? AND code = ?",
                           {company_id, std::string("elevator")}))
    tx.Exec("INSERT INTO wo_sla_rules (company_id, category_id, urgency, accept_minutes, "
            "finish_minutes, calendar, updated_at) VALUES (?, ?, 'urgent', 15, 120, 'always', ?) "
            "ON CONFLICT DO NOTHING",
            {company_id, c->Int(0), now});
}

JsonResult WorkOrderSettings::ListCategories(const TenantContext& ctx) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> JsonResult {
    json::array items;
    for (auto& r : tx.Query(std::string(kCategorySelect) + "WHERE company_id = ? ORDER BY sort, id",
                            {ctx.company_id}))
      if (!ctx.IsResident() || r.Int(8)) items.push_back(CategoryJson(r));
    int64_t total = static_cast<int64_t>(items.size());
    return json::value(json::object{{"items", std::move(items)}, {"total", total}});
  });
}

JsonResult WorkOrderSettings::CreateCategory(const TenantContext& ctx, const json::object& b) {
  ANJU_TRY(RequireCompanyWide(ctx));
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "active"});
  auto code = r.Str("code", true, 30, 1);
  auto name = r.Str("name", true, 30, 1);
  auto name_en = r.Str("name_en", false, 50);
  auto parent = r.Int("parent_id", false, 1, INT64_MAX);
  auto skill = r.Str("skill", true, 30, 1);
  auto keywords = r.Text("keywords", false, 1000);
  auto sort = r.Int("sort", false, 0, 100000);
  if (skill && !ValidSkill(*skill)) r.Fail("skill", "invalid", "Lower-case letters and _");
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    if (parent && !tx.QueryOne("SELECT 1 FROM wo_categories WHERE id = ? AND company_id = ?",
                               {*parent, ctx.company_id}))
      return Error(kCategoryNotFound).WithField("parent_id", "not_found");
    if (tx.QueryOne("SELECT 1 FROM wo_categories WHERE company_id = ? AND code = ?",
                    {ctx.company_id, *code}))
      return Error(kCategoryCodeTaken).WithField("code", "taken");
    int64_t id = tx.InsertId(
        "INSERT INTO wo_categories (company_id, parent_id, code, name, name_en, skill, keywords, "
        "sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, parent ? db::Value(*parent) : db::kNull, *code, *name,
         name_en.value_or(""), *skill, keywords.value_or(""), sort.value_or(100), now, now});
    json::object out = CategoryJson(*tx.QueryOne(std::string(kCategorySelect) + "WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.category.create", "wo_category", id, std::nullopt, nullptr, out}, now);
    return json::value(std::move(out));
  });
}

JsonResult WorkOrderSettings::UpdateCategory(const TenantContext& ctx, int64_t id,
                                             const json::object& b) {
  ANJU_TRY(RequireCompanyWide(ctx));
  BodyReader r(b);
  r.ReadOnly({"id", "company_id", "code", "parent_id"});
  auto name = r.Str("name", false, 30, 1);
  auto name_en = r.Str("name_en", false, 50);
  auto skill = r.Str("skill", false, 30, 1);
  auto keywords = r.Text("keywords", false, 1000);
  auto sort = r.Int("sort", false, 0, 100000);
  auto active = r.Bool("active", false);
  if (skill && !ValidSkill(*skill)) r.Fail("skill", "invalid", "Lower-case letters and _");
  ANJU_TRY(r.Finish());
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> JsonResult {
    auto row = tx.QueryOne(std::string(kCategorySelect) + "WHERE id = ? AND company_id = ?",
                           {id, ctx.company_id});
    if (!row) return Error(kCategoryNotFound);
    json::object before = CategoryJson(*row);
    tx.Exec("UPDATE wo_categories SET name = COALESCE(?, name), name_en = COALESCE(?, name_en), "
            "skill = COALESCE(?, skill), keywords = COALESCE(?, keywords), sort = COALESCE(?, "
            "sort), active = COALESCE(?, active), updated_at = ? WHERE id = ?",
            {name ? db::Value(*name) : db::kNull, name_en ? db::Value(*name_en) : db::kNull,
             skill ? db::Value(*skill) : db::kNull, keywords ? db::Value(*keywords) : db::kNull,
             sort ? db::Value(*sort) : db::kNull,
             active ? db::Value(int64_t(*active ? 1 : 0)) : db::kNull, now, id});
    json::object out = CategoryJson(*tx.QueryOne(std::string(kCategorySelect) + "WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.category.update", "wo_category", id, std::nullopt, before, out}, now);
    return json::value(std::move(out));
  });
}

}  // namespace anju::workorder
