// 房屋导入: buildings, entrances and floors are found by code/number or created; the house
// is matched on "<building>-<entrance>-<number>" in the project: created, updated (areas,
// kind, status, delivery) or skipped when identical.
#include <fmt/format.h>

#include "modules/billing/house_bills.h"
#include "modules/importer/kind.h"
#include "modules/importer/values.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"

namespace anju::importer {

namespace json = boost::json;
namespace ptx = property::tx;

namespace {

const std::vector<std::pair<std::string_view, std::string_view>> kKinds = {
    {"residential", "住宅"}, {"shop", "商铺"}, {"parking", "车位"}, {"office", "办公"}, {"storage", "储藏室"}};
const std::vector<std::pair<std::string_view, std::string_view>> kStatuses = {
    {"vacant", "空置"}, {"self_occupied", "自住"}, {"rented", "出租"}, {"decorating", "装修"}};
const std::vector<std::pair<std::string, std::string>> kFieldToColumn = {
    {"number", "number"},       {"kind", "kind"},         {"status", "status"},
    {"gross_area", "gross_area"}, {"net_area", "net_area"}, {"delivered_on", "delivered_on"},
    {"floor_id", "floor"},      {"code", "number"}};

class Houses : public Kind {
 public:
  std::string_view name() const override { return "houses"; }
  std::string_view title() const override { return "房屋"; }
  const std::vector<Column>& columns() const override {
    static const std::vector<Column> kColumns = {
        {"building_code", "楼栋编码*", true, "1", {}, "楼栋的编码，如 1、S；新的编码会新建楼栋",
         "The building's code (1, S…); a new code creates the building"},
        {"building_name", "楼栋名称", false, "1号楼", {}, "新建楼栋时的名称，空则为“编码号楼”",
         "A new building's name; empty: \"<code>号楼\""},
        {"entrance", "单元*", true, "1", {}, "单元编码，如 1", "The entrance's code, e.g. 1"},
        {"floor", "楼层*", true, "3", {}, "整数，地下层为负数，如 -1",
         "A whole number, negative below ground (-1)"},
        {"number", "房号*", true, "0301", {}, "如 0301；房屋按“楼栋-单元-房号”匹配",
         "E.g. 0301; a house is matched on building-entrance-number"},
        {"kind", "房屋类型*", true, "住宅", Labels(kKinds), "从下拉列表选择", "Pick from the list"},
        {"status", "状态", false, "自住", Labels(kStatuses),
         "从下拉列表选择；空则新房屋为空置，已有房屋不变",
         "Pick from the list; empty: a new house is vacant, an existing one keeps its own"},
        {"gross_area", "建筑面积(㎡)*", true, "89.50", {}, "平方米，最多两位小数",
         "Square metres, at most 2 decimals"},
        {"net_area", "套内面积(㎡)*", true, "72.30", {}, "平方米，最多两位小数，不大于建筑面积",
         "Square metres, at most 2 decimals, not above the gross area"},
        {"delivered_on", "交付日期", false, "2019-07-01", {}, "日期 YYYY-MM-DD", "A date, YYYY-MM-DD"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override {
    return c.Get("building_code") + "-" + c.Get("entrance") + "-" + c.Get("number");
  }

  Result<Applied> Apply(RowContext& rc, const Cells& c, std::vector<RowError>& errors) const override {
    auto kind = ParseChoice(c.Get("kind"), kKinds);
    if (!c.Get("kind").empty() && !kind) errors.push_back({"kind", "invalid", "应为 住宅/商铺/车位/办公/储藏室"});
    std::optional<std::string> status = std::string("vacant");
    if (!c.Get("status").empty() && !(status = ParseChoice(c.Get("status"), kStatuses)))
      errors.push_back({"status", "invalid", "应为 空置/自住/出租/装修"});
    auto gross = ParseDecimal(c.Get("gross_area"), 2), net = ParseDecimal(c.Get("net_area"), 2);
    if (!c.Get("gross_area").empty() && !gross) errors.push_back({"gross_area", "invalid", "面积应为数字，最多两位小数"});
    if (!c.Get("net_area").empty() && !net) errors.push_back({"net_area", "invalid", "面积应为数字，最多两位小数"});
    std::optional<std::string> delivered;
    if (!c.Get("delivered_on").empty() && !(delivered = ParseDate(c.Get("delivered_on"))))
      errors.push_back({"delivered_on", "invalid", "日期应为 YYYY-MM-DD"});
    int64_t floor_no = 0;
    if (auto f = ParseDecimal(c.Get("floor"), 0)) floor_no = *f;
    else if (c.Get("floor").size() > 1 && c.Get("floor")[0] == '-' && ParseDecimal(c.Get("floor").substr(1), 0))
      floor_no = -*ParseDecimal(c.Get("floor").substr(1), 0);
    else if (!c.Get("floor").empty()) errors.push_back({"floor", "invalid", "楼层应为整数"});
    if (!errors.empty()) return Error(errors::kValidation);

    Applied out;
    int64_t company = rc.ctx.company_id;
    auto step = [&](const auto& r, const char* entity, const char* column) -> std::optional<int64_t> {
      if (!r.ok()) {
        AddApiError(r.error(), {{"code", column}, {"name", "building_name"}, {"number", column}}, errors);
        return std::nullopt;
      }
      int64_t id = r->id;
      out.changes.push_back({entity, id, "created", nullptr});
      return id;
    };
    std::string bcode = c.Get("building_code");
    std::optional<int64_t> building;
    if (auto b = ptx::FindBuildingByCode(rc.tx, company, rc.project_id, bcode)) building = b->id;
    else {
      std::string bname = c.Get("building_name").empty() ? bcode + "号楼" : c.Get("building_name");
      json::object body{{"project_id", rc.project_id}, {"code", bcode}, {"name", bname},
                        {"kind", *kind == "residential" ? "residential"
                                 : *kind == "shop" ? "commercial"
                                 : *kind == "parking" ? "parking"
                                 : *kind == "office" ? "office" : "mixed"}};
      building = step(ReadThen(property::ReadCreateBuildingCommand(body),
                               [&](const auto& cmd) { return ptx::CreateBuilding(rc.tx, rc.ctx, cmd, rc.now); }),
                      "building", "building_code");
    }
    if (!building) return Error(errors::kValidation);
    std::optional<int64_t> entrance;
    if (auto e = ptx::FindEntranceByCode(rc.tx, company, *building, c.Get("entrance"))) entrance = e->id;
    else
      entrance = step(ReadThen(property::ReadCreateEntranceCommand(
                                   {{"building_id", *building}, {"code", c.Get("entrance")},
                                    {"name", c.Get("entrance") + "单元"}}),
                               [&](const auto& cmd) { return ptx::CreateEntrance(rc.tx, rc.ctx, cmd, rc.now); }),
                      "entrance", "entrance");
    if (!entrance) return Error(errors::kValidation);
    std::optional<int64_t> floor;
    if (auto f = ptx::FindFloorByNumber(rc.tx, company, *entrance, floor_no)) floor = f->id;
    else
      floor = step(ReadThen(property::ReadCreateFloorCommand({{"entrance_id", *entrance}, {"number", floor_no}}),
                            [&](const auto& cmd) { return ptx::CreateFloor(rc.tx, rc.ctx, cmd, rc.now); }),
                   "floor", "floor");
    if (!floor) return Error(errors::kValidation);

    json::object body{{"floor_id", *floor}, {"number", c.Get("number")}, {"kind", *kind},
                      {"status", *status}, {"gross_area", *gross}, {"net_area", *net}};
    if (delivered) body["delivered_on"] = *delivered;
    std::string code = fmt::format("{}-{}-{}", bcode, c.Get("entrance"), c.Get("number"));
    if (auto found = ptx::FindHouseByCode(rc.tx, company, rc.project_id, code)) {
      const json::object old = property::HouseJson(*found);  // the house as the API shows it
      json::object change;
      // Only what the file says: an empty 状态 or 交付日期 leaves the house's as it is.
      for (const char* f : {"kind", "status", "gross_area", "net_area", "delivered_on"}) {
        if (std::string_view(f) == "status" && c.Get("status").empty()) continue;
        if (body.contains(f) && (!old.contains(f) || old.at(f) != body.at(f))) change[f] = body.at(f);
      }
      out.action = change.empty() ? "skipped" : "updated";
      if (change.empty()) return out;
      auto r = ReadThen(property::ReadUpdateHouseCommand(change), [&](const auto& cmd) {
        return ptx::UpdateHouse(rc.tx, rc.ctx, found->id, cmd, rc.now);
      });
      if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
      out.changes.push_back({"house", found->id, "updated", old});
      return out;
    }
    auto r = ReadThen(property::ReadCreateHouseCommand(body),
                      [&](const auto& cmd) { return ptx::CreateHouse(rc.tx, rc.ctx, cmd, rc.now); });
    if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
    out.action = "created";
    out.changes.push_back({"house", r->id, "created", nullptr});
    return out;
  }

  Status Undo(RowContext& rc, const Change& ch) const override {
    if (ch.entity == "house" && ch.action == "created")
      return ptx::DeleteHouse(rc.tx, rc.ctx, ch.id, rc.now, billing::HouseBillsOf());
    if (ch.entity == "house") {
      json::object back;
      const json::object& before = ch.before.as_object();
      for (const char* f : {"kind", "status", "gross_area", "net_area"}) back[f] = before.at(f);
      if (before.contains("delivered_on")) back["delivered_on"] = before.at("delivered_on");
      auto r = ReadThen(property::ReadUpdateHouseCommand(back),
                        [&](const auto& cmd) { return ptx::UpdateHouse(rc.tx, rc.ctx, ch.id, cmd, rc.now); });
      return r.ok() ? Status{} : Status(r.error());
    }
    if (ch.entity == "floor") return ptx::DeleteFloor(rc.tx, rc.ctx, ch.id, rc.now);
    if (ch.entity == "entrance") return ptx::DeleteEntrance(rc.tx, rc.ctx, ch.id, rc.now);
    return ptx::DeleteBuilding(rc.tx, rc.ctx, ch.id, rc.now);
  }
};

}  // namespace

const Kind& HousesKind() {
  static const Houses k;
  return k;
}

}  // namespace anju::importer
