// 收费标准导入: fee items matched on their code in the project. A price is never changed
// in place (bills already computed from it): a row with another price, method or kind than
// the item of that code is refused — give the new standard a new code. Name, due days and
// validity end are updated.
#include "modules/billing/fee_item_json.h"
#include "modules/billing/fee_items.h"
#include "modules/importer/kind.h"
#include "modules/importer/values.h"

namespace anju::importer {

namespace json = boost::json;

namespace {

const std::vector<std::pair<std::string_view, std::string_view>> kKinds = {
    {"property", "物业费"}, {"water", "水费"},       {"electricity", "电费"}, {"gas", "燃气费"},
    {"parking", "停车费"},  {"apportionment", "公摊"}, {"deposit", "押金"},  {"one_off", "一次性"}};
const std::vector<std::pair<std::string_view, std::string_view>> kMethods = {
    {"area", "按面积"}, {"fixed", "固定"}, {"metered", "按用量"}};
const std::vector<std::pair<std::string_view, std::string_view>> kHouseKinds = {
    {"residential", "住宅"}, {"shop", "商铺"}, {"parking", "车位"}, {"office", "办公"}, {"storage", "储藏室"}};
const std::vector<std::pair<std::string_view, std::string_view>> kAreaBases = {
    {"gross", "建筑面积"}, {"net", "套内面积"}};
const std::vector<std::pair<std::string_view, std::string_view>> kCycles = {
    {"1", "月"}, {"3", "季"}, {"6", "半年"}, {"12", "年"}};
const std::vector<std::pair<std::string, std::string>> kFieldToColumn = {
    {"code", "code"},           {"name", "name"},           {"kind", "kind"},
    {"method", "method"},       {"unit_price", "unit_price"}, {"area_basis", "area_basis"},
    {"house_kinds", "house_kinds"}, {"cycle_months", "cycle"}, {"due_days", "due_days"},
    {"valid_from", "valid_from"}, {"valid_to", "valid_to"}};

// A fee item created or changed through the API's reader (fee_item_json.h) and rules, the
// permission checked first as the route does.
Result<billing::FeeItem> CreateItem(RowContext& rc, const json::object& body) {
  ANJU_TRY(billing::MayWriteFeeItems(rc.ctx));
  auto cmd = billing::ReadCreateFeeItem(body);
  if (!cmd.ok()) return cmd.take_error();
  return billing::CreateFeeItemIn(rc.tx, rc.ctx, *cmd, rc.now);
}
Result<billing::FeeItem> UpdateItem(RowContext& rc, int64_t id, const json::object& body) {
  ANJU_TRY(billing::MayWriteFeeItems(rc.ctx));
  auto cmd = billing::ReadUpdateFeeItem(body);
  if (!cmd.ok()) return cmd.take_error();
  return billing::UpdateFeeItemIn(rc.tx, rc.ctx, id, *cmd, rc.now);
}

class FeeItems : public Kind {
 public:
  std::string_view name() const override { return "fee-items"; }
  std::string_view title() const override { return "收费标准"; }
  const std::vector<Column>& columns() const override {
    static const std::vector<Column> kColumns = {
        {"code", "编码*", true, "WYF-2027", {}, "本项目内唯一；调价请用新编码",
         "Unique in the project; a new price needs a new code"},
        {"name", "名称*", true, "物业服务费", {}, "文字", "Text"},
        {"kind", "类型*", true, "物业费", Labels(kKinds), "从下拉列表选择", "Pick from the list"},
        {"method", "计费方式*", true, "按面积", Labels(kMethods), "从下拉列表选择", "Pick from the list"},
        {"unit_price", "单价(元)*", true, "2.35", {},
         "元，最多四位小数：按面积为每平方米每月，按用量为每单位",
         "Yuan, at most 4 decimals: per m² a month by area, per unit by use"},
        {"area_basis", "面积基准", false, "建筑面积", Labels(kAreaBases), "按面积计费时从下拉列表选择",
         "Pick from the list when charged by area"},
        {"house_kinds", "适用房屋类型*", true, "住宅、商铺", {},
         "一个或多个，用“、”分隔：住宅、商铺、车位、办公、储藏室",
         "One or more, separated by 、: 住宅 (residential), 商铺 (shop), 车位 (parking), "
         "办公 (office), 储藏室 (storage)"},
        {"cycle", "计费周期", false, "月", Labels(kCycles), "从下拉列表选择；空则为月",
         "Pick from the list; empty: monthly"},
        {"due_days", "缴费期限(天)", false, "15", {}, "账单出账后几天内缴费，整数",
         "Days to pay after billing, a whole number"},
        {"valid_from", "生效日期*", true, "2027-01-01", {}, "日期 YYYY-MM-DD", "A date, YYYY-MM-DD"},
        {"valid_to", "失效日期", false, "", {}, "日期 YYYY-MM-DD；空则长期有效",
         "A date, YYYY-MM-DD; empty: no end"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override { return c.Get("code"); }

  Result<Applied> Apply(RowContext& rc, const Cells& c, std::vector<RowError>& errors) const override {
    auto kind = ParseChoice(c.Get("kind"), kKinds);
    if (!c.Get("kind").empty() && !kind) errors.push_back({"kind", "invalid", "应为 物业费/水费/电费/燃气费/停车费/公摊/押金/一次性"});
    auto method = ParseChoice(c.Get("method"), kMethods);
    if (!c.Get("method").empty() && !method) errors.push_back({"method", "invalid", "应为 按面积/固定/按用量"});
    auto price = ParseDecimal(c.Get("unit_price"), 4);  // 元 → 1/100 分
    if (!c.Get("unit_price").empty() && !price) errors.push_back({"unit_price", "invalid", "单价应为数字，最多四位小数"});
    json::array house_kinds;
    std::string hk = c.Get("house_kinds");
    for (std::string sep : {"、", "，", ";", "；", " "})
      for (size_t p; (p = hk.find(sep)) != std::string::npos;) hk.replace(p, sep.size(), ",");
    for (size_t start = 0; start <= hk.size();) {
      size_t end = hk.find(',', start);
      std::string part = Trim(hk.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (!part.empty()) {
        if (auto k = ParseChoice(part, kHouseKinds)) house_kinds.emplace_back(*k);
        else errors.push_back({"house_kinds", "invalid", "未知的房屋类型：" + part});
      }
      if (end == std::string::npos) break;
      start = end + 1;
    }
    std::optional<std::string> basis, cycle, from, to;
    if (!c.Get("area_basis").empty() && !(basis = ParseChoice(c.Get("area_basis"), kAreaBases)))
      errors.push_back({"area_basis", "invalid", "应为 建筑面积/套内面积"});
    if (!c.Get("cycle").empty() && !(cycle = ParseChoice(c.Get("cycle"), kCycles)))
      errors.push_back({"cycle", "invalid", "应为 月/季/半年/年"});
    auto due = c.Get("due_days").empty() ? std::nullopt : ParseDecimal(c.Get("due_days"), 0);
    if (!c.Get("due_days").empty() && !due) errors.push_back({"due_days", "invalid", "应为天数"});
    if (!c.Get("valid_from").empty() && !(from = ParseDate(c.Get("valid_from"))))
      errors.push_back({"valid_from", "invalid", "日期应为 YYYY-MM-DD"});
    if (!c.Get("valid_to").empty() && !(to = ParseDate(c.Get("valid_to"))))
      errors.push_back({"valid_to", "invalid", "日期应为 YYYY-MM-DD"});
    if (!errors.empty()) return Error(errors::kValidation);

    Applied out;
    if (auto f = billing::FindFeeItemByCode(rc.tx, rc.ctx.company_id, rc.project_id, c.Get("code"))) {
      if (f->unit_price != *price || f->method != *method || f->kind != *kind) {
        errors.push_back({"unit_price", "conflict", "已有同编码的收费标准，单价或计费方式不同：新标准请用新编码"});
        return Error(errors::kValidation);
      }
      json::object change;
      if (f->name != c.Get("name")) change["name"] = c.Get("name");
      if (due && f->due_days != *due) change["due_days"] = *due;
      if (to && f->valid_to != *to) change["valid_to"] = *to;
      out.action = change.empty() ? "skipped" : "updated";
      if (change.empty()) return out;
      auto r = UpdateItem(rc, f->id, change);
      if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
      out.changes.push_back({"fee_item", f->id, "updated", billing::FeeItemJson(*f)});
      return out;
    }
    json::object body{{"project_id", rc.project_id}, {"code", c.Get("code")}, {"name", c.Get("name")},
                      {"kind", *kind}, {"method", *method}, {"unit_price", *price},
                      {"house_kinds", house_kinds}, {"valid_from", *from}};
    if (basis) body["area_basis"] = *basis;
    if (cycle) body["cycle_months"] = std::stoll(*cycle);
    if (due) body["due_days"] = *due;
    if (to) body["valid_to"] = *to;
    auto r = CreateItem(rc, body);
    if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
    out.action = "created";
    out.changes.push_back({"fee_item", r->id, "created", nullptr});
    return out;
  }

  // A created item is switched off (items are never deleted: bills may name them); an
  // updated one gets its name, due days and end back.
  Status Undo(RowContext& rc, const Change& ch) const override {
    json::object back;
    if (ch.action == "created") back["active"] = false;
    else
      for (const char* f : {"name", "due_days", "valid_to"}) back[f] = ch.before.as_object().at(f);
    auto r = UpdateItem(rc, ch.id, back);
    return r.ok() ? Status{} : Status(r.error());
  }
};

}  // namespace

const Kind& FeeItemsKind() {
  static const FeeItems k;
  return k;
}

}  // namespace anju::importer
