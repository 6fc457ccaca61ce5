// 期初余额导入: a house's arrears per fee item and period (an opening bill) and its prepaid
// balance, posted to the ledger as opening entries against equity (billing/opening.h), not
// as revenue or money received. The same amount again is skipped; another amount for the
// same house, item and period is refused.
#include "modules/billing/opening.h"
#include "modules/billing/opening_json.h"
#include "modules/importer/kind.h"
#include "modules/importer/values.h"
#include "modules/property/property_tx.h"

namespace anju::importer {

namespace json = boost::json;

namespace {

const std::vector<std::pair<std::string_view, std::string_view>> kTypes = {
    {"arrears", "欠费"}, {"prepayment", "预存"}};
const std::vector<std::pair<std::string, std::string>> kFieldToColumn = {
    {"house_id", "house"}, {"fee_item_code", "fee_item_code"}, {"period", "period"},
    {"amount", "amount"},  {"note", "note"}};

class Balances : public Kind {
 public:
  std::string_view name() const override { return "balances"; }
  std::string_view title() const override { return "期初余额"; }
  const std::vector<Column>& columns() const override {
    static const std::vector<Column> kColumns = {
        {"house", "房号*", true, "1-1-0301", {}, "楼栋-单元-房号，须是本项目已有的房屋",
         "building-entrance-number, a house of the project"},
        {"type", "类型*", true, "欠费", Labels(kTypes),
         "从下拉列表选择：欠费为某收费项目某账期未缴的金额，预存为房屋的预存余额",
         "Pick from the list: 欠费 (arrears) of a fee item and period, or 预存 (prepaid balance)"},
        // The demo's residential property fee; a period before the demo's year of bills (a
        // house's bill of that item and period would make the row a conflict).
        {"fee_item_code", "收费项目编码", false, "WYF-ZZ", {},
         "欠费必填：本项目收费标准的编码，如 WYF-ZZ",
         "Required for arrears: the code of a fee standard of the project, e.g. WYF-ZZ"},
        {"period", "账期", false, "2024-06", {},
         "欠费必填：YYYY-MM，不晚于本月；该房屋这个收费项目这个账期还没有账单",
         "Required for arrears: YYYY-MM, not after this month, with no bill of the house, item "
         "and period yet"},
        {"amount", "金额(元)*", true, "210.33", {}, "元，最多两位小数", "Yuan, at most 2 decimals"},
        {"note", "备注", false, "旧系统迁移", {}, "文字", "Text"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override {
    return c.Get("house") + "@" + c.Get("type") + "@" + c.Get("fee_item_code") + "@" + c.Get("period");
  }

  Result<Applied> Apply(RowContext& rc, const Cells& c, std::vector<RowError>& errors) const override {
    auto type = ParseChoice(c.Get("type"), kTypes);
    if (!c.Get("type").empty() && !type) errors.push_back({"type", "invalid", "应为 欠费/预存"});
    auto amount = ParseDecimal(c.Get("amount"), 2);
    if (!c.Get("amount").empty() && !amount) errors.push_back({"amount", "invalid", "金额应为数字，最多两位小数"});
    if (type == "arrears" && c.Get("fee_item_code").empty()) errors.push_back({"fee_item_code", "required", "欠费必填"});
    if (type == "arrears" && c.Get("period").empty()) errors.push_back({"period", "required", "欠费必填"});
    auto house = c.Get("house").empty() ? std::nullopt
                 : property::tx::FindHouseByCode(rc.tx, rc.ctx.company_id, rc.project_id, c.Get("house"));
    if (!c.Get("house").empty() && !house) errors.push_back({"house", "not_found", "本项目没有这个房号"});
    if (!errors.empty()) return Error(errors::kValidation);
    json::object body{{"house_id", house->id}, {"amount", *amount}};
    if (!c.Get("note").empty()) body["note"] = c.Get("note");
    if (*type == "arrears") {
      body["fee_item_code"] = c.Get("fee_item_code");
      body["period"] = c.Get("period");
    }
    // The permission first, then the body, then the rules that need the books.
    Result<billing::Opening> r = [&]() -> Result<billing::Opening> {
      ANJU_TRY(billing::MayPostOpenings(rc.ctx));
      if (*type == "arrears") {
        auto cmd = billing::ReadOpeningArrears(body, rc.now);
        if (!cmd.ok()) return cmd.take_error();
        return billing::PostOpeningArrears(rc.tx, rc.ctx, *cmd, rc.now);
      }
      auto cmd = billing::ReadOpeningPrepayment(body);
      if (!cmd.ok()) return cmd.take_error();
      return billing::PostOpeningPrepayment(rc.tx, rc.ctx, *cmd, rc.now);
    }();
    Applied out;
    if (!r.ok() && r.error().code == "OPENING_EXISTS") {
      out.action = "skipped";
      return out;
    }
    if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
    out.action = "created";
    out.changes.push_back({"opening", r->id, "created", nullptr});
    return out;
  }

  Status Undo(RowContext& rc, const Change& ch) const override {
    auto r = billing::ReverseOpening(rc.tx, rc.ctx, *rc.holds, ch.id, rc.now);
    return r.ok() ? Status{} : Status(r.error());
  }
};

}  // namespace

const Kind& BalancesKind() {
  static const Balances k;
  return k;
}

}  // namespace anju::importer
