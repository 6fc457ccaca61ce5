// 车位导入: parking spaces matched on their code in the project: created, updated (zone,
// kind, status, area, owning house, vehicle) or skipped. The owning house is found by its
// code, the vehicle by its plate (import vehicles first).
#include "modules/importer/kind.h"
#include "modules/importer/values.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"

namespace anju::importer {

namespace json = boost::json;
namespace ptx = property::tx;

namespace {

const std::vector<std::pair<std::string_view, std::string_view>> kKinds = {
    {"owned", "产权"}, {"rented", "租赁"}, {"public", "公共"}, {"visitor", "访客"}};
const std::vector<std::pair<std::string_view, std::string_view>> kStatuses = {
    {"vacant", "空置"}, {"occupied", "已占用"}, {"reserved", "预留"}};
const std::vector<std::pair<std::string, std::string>> kFieldToColumn = {
    {"code", "code"},   {"zone", "zone"},       {"kind", "kind"},         {"status", "status"},
    {"area", "area"},   {"house_id", "house"},  {"vehicle_id", "plate"}};

class Parking : public Kind {
 public:
  std::string_view name() const override { return "parking"; }
  std::string_view title() const override { return "车位"; }
  const std::vector<Column>& columns() const override {
    static const std::vector<Column> kColumns = {
        {"code", "车位编号*", true, "B1-101", {}, "如 B1-101；车位按编号匹配",
         "E.g. B1-101; a space is matched on its code"},
        {"zone", "区域", false, "地下一层", {}, "文字", "Text"},
        {"kind", "类型*", true, "产权", Labels(kKinds), "从下拉列表选择", "Pick from the list"},
        {"status", "状态", false, "空置", Labels(kStatuses),
         "从下拉列表选择；空则有车牌为已占用，否则为空置",
         "Pick from the list; empty: occupied with a plate, else vacant"},
        {"area", "面积(㎡)", false, "12.5", {}, "平方米，最多两位小数", "Square metres, at most 2 decimals"},
        {"house", "产权房号", false, "1-1-0301", {}, "产权车位所属的房屋：楼栋-单元-房号",
         "The house owning the space: building-entrance-number"},
        {"plate", "车牌号", false, "", {}, "停在这里的车辆的车牌（先导入车辆），如 沪A12345",
         "The plate of the vehicle parked here (import vehicles first), e.g. 沪A12345"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override { return c.Get("code"); }

  Result<Applied> Apply(RowContext& rc, const Cells& c, std::vector<RowError>& errors) const override {
    auto kind = ParseChoice(c.Get("kind"), kKinds);
    if (!kind) errors.push_back({"kind", "invalid", "应为 产权/租赁/公共/访客"});
    std::optional<std::string> status;
    if (!c.Get("status").empty() && !(status = ParseChoice(c.Get("status"), kStatuses)))
      errors.push_back({"status", "invalid", "应为 空置/已占用/预留"});
    std::optional<int64_t> area;
    if (!c.Get("area").empty() && !(area = ParseDecimal(c.Get("area"), 2)))
      errors.push_back({"area", "invalid", "面积应为数字，最多两位小数"});
    if (!errors.empty()) return Error(errors::kValidation);
    json::object body{{"code", c.Get("code")}, {"kind", *kind}};
    if (!c.Get("zone").empty()) body["zone"] = c.Get("zone");
    if (status) body["status"] = *status;
    if (area) body["area"] = *area;
    if (!c.Get("house").empty()) {
      if (auto h = ptx::FindHouseByCode(rc.tx, rc.ctx.company_id, rc.project_id, c.Get("house")))
        body["house_id"] = h->id;
      else errors.push_back({"house", "not_found", "本项目没有这个房号"});
    }
    if (!c.Get("plate").empty()) {
      if (auto v = ptx::FindVehicleByPlate(rc.tx, rc.ctx.company_id, c.Get("plate"))) {
        body["vehicle_id"] = v->id;
        if (!status) body["status"] = "occupied";
      } else {
        errors.push_back({"plate", "not_found", "没有这辆车（请先导入车辆）"});
      }
    }
    if (!errors.empty()) return Error(errors::kValidation);
    Applied out;
    if (auto found = ptx::FindParkingSpaceByCode(rc.tx, rc.ctx.company_id, rc.project_id, c.Get("code"))) {
      const json::object old = property::ParkingSpaceJson(*found);  // the space as the API shows it
      json::object change;
      for (auto& [k, val] : body)
        if (k != "code" && (!old.contains(k) || old.at(k) != val)) change[k] = val;
      out.action = change.empty() ? "skipped" : "updated";
      if (change.empty()) return out;
      auto r = ReadThen(property::ReadUpdateParkingSpaceCommand(change), [&](const auto& cmd) {
        return ptx::UpdateParkingSpace(rc.tx, rc.ctx, found->id, cmd, rc.now);
      });
      if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
      out.changes.push_back({"parking_space", found->id, "updated", old});
      return out;
    }
    body["project_id"] = rc.project_id;
    if (!body.contains("status")) body["status"] = "vacant";
    auto r = ReadThen(property::ReadCreateParkingSpaceCommand(body), [&](const auto& cmd) {
      return ptx::CreateParkingSpace(rc.tx, rc.ctx, cmd, rc.now);
    });
    if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
    out.action = "created";
    out.changes.push_back({"parking_space", r->id, "created", nullptr});
    return out;
  }

  Status Undo(RowContext& rc, const Change& ch) const override {
    if (ch.action == "created") return ptx::DeleteParkingSpace(rc.tx, rc.ctx, ch.id, rc.now);
    json::object back;
    for (const char* f : {"zone", "kind", "status", "area", "house_id", "vehicle_id"})
      if (ch.before.as_object().contains(f)) back[f] = ch.before.as_object().at(f);
    auto r = ReadThen(property::ReadUpdateParkingSpaceCommand(back), [&](const auto& cmd) {
      return ptx::UpdateParkingSpace(rc.tx, rc.ctx, ch.id, cmd, rc.now);
    });
    return r.ok() ? Status{} : Status(r.error());
  }
};

}  // namespace

const Kind& ParkingKind() {
  static const Parking k;
  return k;
}

}  // namespace anju::importer
