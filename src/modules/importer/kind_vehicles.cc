// 车辆导入: matched on the plate (unique per company): created, updated (kind, brand,
// colour, house, owner) or skipped. The house is found by its code in the project, the
// owner by the phone of a resident.
#include "modules/importer/kind.h"
#include "modules/importer/values.h"
#include "modules/property/property_json.h"
#include "modules/property/property_service.h"
#include "modules/property/property_tx.h"

namespace anju::importer {

namespace json = boost::json;
namespace ptx = property::tx;

namespace {

const std::vector<std::pair<std::string_view, std::string_view>> kKinds = {
    {"car", "小汽车"}, {"ev", "新能源"}, {"motorcycle", "摩托车"}};
const std::vector<std::pair<std::string, std::string>> kFieldToColumn = {
    {"plate", "plate"}, {"kind", "kind"},       {"brand", "brand"},
    {"color", "color"}, {"house_id", "house"}, {"resident_id", "owner_phone"}};

class Vehicles : public Kind {
 public:
  std::string_view name() const override { return "vehicles"; }
  std::string_view title() const override { return "车辆"; }
  const std::vector<Column>& columns() const override {
    static const std::vector<Column> kColumns = {
        {"plate", "车牌号*", true, "沪A12345", {}, "如 沪A12345；车辆按车牌匹配",
         "E.g. 沪A12345; a vehicle is matched on its plate"},
        {"kind", "车辆类型", false, "小汽车", Labels(kKinds), "从下拉列表选择；空则为小汽车",
         "Pick from the list; empty: a car"},
        {"brand", "品牌", false, "大众", {}, "文字", "Text"},
        {"color", "颜色", false, "白色", {}, "文字", "Text"},
        {"house", "房号", false, "1-1-0301", {}, "楼栋-单元-房号，须是本项目已有的房屋",
         "building-entrance-number, a house of the project"},
        {"owner_phone", "车主手机号", false, "", {}, "已导入的住户的手机号（先导入住户），如 13812345678",
         "The phone of a resident imported before (import residents first), e.g. 13812345678"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override {
    return property::NormalizePlate(c.Get("plate")).value_or(c.Get("plate"));
  }

  Result<Applied> Apply(RowContext& rc, const Cells& c, std::vector<RowError>& errors) const override {
    std::optional<std::string> kind = std::string("car");
    if (!c.Get("kind").empty() && !(kind = ParseChoice(c.Get("kind"), kKinds)))
      errors.push_back({"kind", "invalid", "应为 小汽车/新能源/摩托车"});
    if (!errors.empty()) return Error(errors::kValidation);
    json::object body{{"plate", c.Get("plate")}, {"kind", *kind}};
    if (!c.Get("brand").empty()) body["brand"] = c.Get("brand");
    if (!c.Get("color").empty()) body["color"] = c.Get("color");
    if (!c.Get("house").empty()) {
      if (auto h = ptx::FindHouseByCode(rc.tx, rc.ctx.company_id, rc.project_id, c.Get("house")))
        body["house_id"] = h->id;
      else errors.push_back({"house", "not_found", "本项目没有这个房号"});
    }
    if (!c.Get("owner_phone").empty()) {
      if (auto r = ptx::FindResidentByPhone(rc.tx, rc.key, rc.ctx.company_id, c.Get("owner_phone")))
        body["resident_id"] = r->id;
      else errors.push_back({"owner_phone", "not_found", "没有这个手机号的住户（请先导入住户）"});
    }
    if (!errors.empty()) return Error(errors::kValidation);
    Applied out;
    if (auto found = ptx::FindVehicleByPlate(rc.tx, rc.ctx.company_id, c.Get("plate"))) {
      const json::object old = property::VehicleJson(*found);  // the vehicle as the API shows it
      json::object change;
      for (auto& [k, val] : body)  // an empty 车辆类型 leaves the vehicle's kind as it is
        if (k != "plate" && !(k == "kind" && c.Get("kind").empty()) &&
            (!old.contains(k) || old.at(k) != val))
          change[k] = val;
      out.action = change.empty() ? "skipped" : "updated";
      if (change.empty()) return out;
      auto r = ReadThen(property::ReadUpdateVehicleCommand(change), [&](const auto& cmd) {
        return ptx::UpdateVehicle(rc.tx, rc.ctx, found->id, cmd, rc.now);
      });
      if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
      out.changes.push_back({"vehicle", found->id, "updated", old});
      return out;
    }
    body["project_id"] = rc.project_id;
    auto r = ReadThen(property::ReadCreateVehicleCommand(body),
                      [&](const auto& cmd) { return ptx::CreateVehicle(rc.tx, rc.ctx, cmd, rc.now); });
    if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
    out.action = "created";
    out.changes.push_back({"vehicle", r->id, "created", nullptr});
    return out;
  }

  Status Undo(RowContext& rc, const Change& ch) const override {
    if (ch.action == "created") return ptx::DeleteVehicle(rc.tx, rc.ctx, ch.id, rc.now);
    json::object back;
    for (const char* f : {"kind", "brand", "color", "house_id", "resident_id"})
      if (ch.before.as_object().contains(f)) back[f] = ch.before.as_object().at(f);
    auto r = ReadThen(property::ReadUpdateVehicleCommand(back),
                      [&](const auto& cmd) { return ptx::UpdateVehicle(rc.tx, rc.ctx, ch.id, cmd, rc.now); });
    return r.ok() ? Status{} : Status(r.error());
  }
};

}  // namespace

const Kind& VehiclesKind() {
  static const Vehicles k;
  return k;
}

}  // namespace anju::importer
