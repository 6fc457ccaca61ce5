// Categories, SLA rules, dispatch modes, business hours and holidays.
#include <fmt/format.h>
#include <boost/json.hpp>

#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/classify/rules.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/settings_json.h"
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

Category ReadCategory(const db::Row& r) {
  return Category{r.Int(0), r.IsNull(1) ? std::nullopt : std::optional<int64_t>(r.Int(1)),
                  r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Str(6), r.Int(7), r.Int(8) != 0};
}
constexpr const char* kCategorySelect =
    "SELECT id, parent_id, code, name, name_en, skill, keywords, sort, active FROM wo_categories ";

}  // namespace

Status RequireCompanyWide(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  const Scope* scope = ctx.access.ScopeOf(std::string(perm::kWorkOrderSettings));
  if (!scope || !scope->all_projects) return Error(errors::kForbidden);
  return {};
}

Status RequireSettings(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kWorkOrderSettings);
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

Result<std::vector<Category>> WorkOrderSettings::ListCategories(const TenantContext& ctx) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Category>> {
    std::vector<Category> items;
    for (auto& r : tx.Query(std::string(kCategorySelect) + "WHERE company_id = ? ORDER BY sort, id",
                            {ctx.company_id}))
      if (!ctx.IsResident() || r.Int(8)) items.push_back(ReadCategory(r));
    return items;
  });
}

Result<Category> WorkOrderSettings::CreateCategory(const TenantContext& ctx,
                                                   const NewCategoryCommand& c) {
  ANJU_TRY(RequireCompanyWide(ctx));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Category> {
    if (c.parent_id && !tx.QueryOne("SELECT 1 FROM wo_categories WHERE id = ? AND company_id = ?",
                                    {*c.parent_id, ctx.company_id}))
      return Error(kCategoryNotFound).WithField("parent_id", "not_found");
    if (tx.QueryOne("SELECT 1 FROM wo_categories WHERE company_id = ? AND code = ?",
                    {ctx.company_id, c.code}))
      return Error(kCategoryCodeTaken).WithField("code", "taken");
    int64_t id = tx.InsertId(
        "INSERT INTO wo_categories (company_id, parent_id, code, name, name_en, skill, keywords, "
        "sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, c.parent_id ? db::Value(*c.parent_id) : db::kNull, c.code, c.name,
         c.name_en.value_or(""), c.skill, c.keywords.value_or(""), c.sort.value_or(100), now,
         now});
    Category out = ReadCategory(*tx.QueryOne(std::string(kCategorySelect) + "WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.category.create", "wo_category", id, std::nullopt, nullptr,
                   CategoryJson(out)},
                  now);
    return out;
  });
}

Result<Category> WorkOrderSettings::UpdateCategory(const TenantContext& ctx, int64_t id,
                                                   const CategoryChange& c) {
  ANJU_TRY(RequireCompanyWide(ctx));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Category> {
    auto row = tx.QueryOne(std::string(kCategorySelect) + "WHERE id = ? AND company_id = ?",
                           {id, ctx.company_id});
    if (!row) return Error(kCategoryNotFound);
    json::object before = CategoryJson(ReadCategory(*row));
    tx.Exec("UPDATE wo_categories SET name = COALESCE(?, name), name_en = COALESCE(?, name_en), "
            "skill = COALESCE(?, skill), keywords = COALESCE(?, keywords), sort = COALESCE(?, "
            "sort), active = COALESCE(?, active), updated_at = ? WHERE id = ?",
            {c.name ? db::Value(*c.name) : db::kNull, c.name_en ? db::Value(*c.name_en) : db::kNull,
             c.skill ? db::Value(*c.skill) : db::kNull,
             c.keywords ? db::Value(*c.keywords) : db::kNull,
             c.sort ? db::Value(*c.sort) : db::kNull,
             c.active ? db::Value(int64_t(*c.active ? 1 : 0)) : db::kNull, now, id});
    Category out = ReadCategory(*tx.QueryOne(std::string(kCategorySelect) + "WHERE id = ?", {id}));
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"workorder.category.update", "wo_category", id, std::nullopt, before,
                   CategoryJson(out)},
                  now);
    return out;
  });
}

}  // namespace anju::workorder
