// 住户导入: one row per resident and house. The resident is matched on the ID number, else
// the phone (through the blind indexes); a new one is created with its first link, a known
// one is linked to the row's house unless already linked (then skipped, or the relation
// updated). The house is found by its code in the project.
#include "modules/importer/kind.h"
#include "modules/importer/values.h"
#include "modules/property/property_json.h"
#include "modules/property/property_tx.h"

namespace anju::importer {

namespace json = boost::json;
namespace ptx = property::tx;

namespace {

const std::vector<std::pair<std::string_view, std::string_view>> kRelations = {
    {"owner", "业主"}, {"family", "家属"}, {"tenant", "租户"}};
const std::vector<std::pair<std::string, std::string>> kFieldToColumn = {
    {"name", "name"},         {"phone", "phone"},          {"id_number", "id_number"},
    {"house_id", "house"},    {"relation", "relation"},    {"start_date", "start_date"},
    {"resident_id", "name"}};

class Residents : public Kind {
 public:
  std::string_view name() const override { return "residents"; }
  std::string_view title() const override { return "住户"; }
  const std::vector<Column>& columns() const override {
    static const std::vector<Column> kColumns = {
        {"name", "姓名*", true, "张伟", {}, "姓名", "Full name"},
        {"phone", "手机号*", true, "13812345678", {}, "11 位手机号", "An 11-digit mobile number"},
        {"id_number", "身份证号", false, "110101199003071233", {},
         "18 位身份证号；住户按身份证号（没有时按手机号）匹配",
         "The 18-character ID number; a resident is matched on it (else on the phone)"},
        {"house", "房号*", true, "1-1-0301", {}, "楼栋-单元-房号，如 1-1-0301，须是本项目已有的房屋",
         "building-entrance-number (1-1-0301), a house of the project"},
        {"relation", "关系*", true, "业主", Labels(kRelations), "从下拉列表选择", "Pick from the list"},
        {"start_date", "入住日期", false, "2019-07-01", {}, "日期 YYYY-MM-DD", "A date, YYYY-MM-DD"}};
    return kColumns;
  }
  std::string NaturalKey(const Cells& c) const override {
    std::string who = !c.Get("id_number").empty() ? c.Get("id_number") : c.Get("phone");
    return who + "@" + c.Get("house");
  }

  Result<Applied> Apply(RowContext& rc, const Cells& c, std::vector<RowError>& errors) const override {
    auto relation = ParseChoice(c.Get("relation"), kRelations);
    if (!c.Get("relation").empty() && !relation) errors.push_back({"relation", "invalid", "应为 业主/家属/租户"});
    std::optional<std::string> start;
    if (!c.Get("start_date").empty() && !(start = ParseDate(c.Get("start_date"))))
      errors.push_back({"start_date", "invalid", "日期应为 YYYY-MM-DD"});
    auto house = c.Get("house").empty() ? std::nullopt
                 : ptx::FindHouseByCode(rc.tx, rc.ctx.company_id, rc.project_id, c.Get("house"));
    if (!c.Get("house").empty() && !house) errors.push_back({"house", "not_found", "本项目没有这个房号"});
    if (!errors.empty()) return Error(errors::kValidation);
    int64_t house_id = house->id;

    Applied out;
    std::optional<property::Resident> resident;
    if (!c.Get("id_number").empty())
      resident = ptx::FindResidentByIdNumber(rc.tx, rc.key, rc.ctx.company_id, c.Get("id_number"));
    if (!resident && c.Get("id_number").empty())
      resident = ptx::FindResidentByPhone(rc.tx, rc.key, rc.ctx.company_id, c.Get("phone"));
    json::object link{{"relation", *relation}};
    if (start) link["start_date"] = *start;
    if (!resident) {
      json::object body{{"name", c.Get("name")}, {"phone", c.Get("phone")},
                        {"house_id", house_id}, {"relation", *relation}};
      if (!c.Get("id_number").empty()) body["id_number"] = c.Get("id_number");
      auto r = ReadThen(property::ReadCreateResidentCommand(body, rc.ctx), [&](const auto& cmd) {
        return ptx::CreateResident(rc.tx, rc.ctx, cmd, rc.key, rc.now);
      });
      if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
      int64_t created = r->id;
      if (start) {  // the link made with the resident starts today; the file knows better
        auto l = ptx::FindLink(rc.tx, rc.key, rc.ctx.company_id, house_id, created);
        auto u = UpdateLink(rc, house_id, l->id, {{"start_date", *start}});
        if (!u.ok()) return AddApiError(u.error(), kFieldToColumn, errors), Error(errors::kValidation);
      }
      out.action = "created";
      out.changes.push_back({"resident", created, "created", nullptr});
      return out;
    }
    int64_t rid = resident->id;
    if (auto l = ptx::FindLink(rc.tx, rc.key, rc.ctx.company_id, house_id, rid)) {
      if (l->relation == *relation) {
        out.action = "skipped";
        return out;
      }
      auto r = UpdateLink(rc, house_id, l->id, {{"relation", *relation}});
      if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
      json::object before = property::HouseLinkJson(*l);
      before["house_id"] = house_id;
      out.action = "updated";
      out.changes.push_back({"house_resident", l->id, "updated", before});
      return out;
    }
    link["resident_id"] = rid;
    auto r = ReadThen(property::ReadLinkResidentCommand(link), [&](const auto& cmd) {
      return ptx::LinkResident(rc.tx, rc.ctx, house_id, cmd, rc.key, rc.now);
    });
    if (!r.ok()) return AddApiError(r.error(), kFieldToColumn, errors), Error(errors::kValidation);
    out.action = "created";
    out.changes.push_back({"house_resident", r->id, "created", json::object{{"house_id", house_id}}});
    return out;
  }

  Status Undo(RowContext& rc, const Change& ch) const override {
    if (ch.entity == "resident") return ptx::DeleteResident(rc.tx, rc.ctx, ch.id, rc.key, rc.now);
    int64_t house_id = ch.before.as_object().at("house_id").as_int64();
    if (ch.action == "created") return ptx::UnlinkResident(rc.tx, rc.ctx, house_id, ch.id, rc.key, rc.now);
    auto r = UpdateLink(rc, house_id, ch.id, {{"relation", ch.before.as_object().at("relation")}});
    return r.ok() ? Status{} : Status(r.error());
  }

 private:
  // PATCH houses/{house_id}/residents/{link_id} with `body`.
  static Result<property::HouseLink> UpdateLink(RowContext& rc, int64_t house_id, int64_t link_id,
                                                const json::object& body) {
    return ReadThen(property::ReadUpdateLinkCommand(body), [&](const auto& cmd) {
      return ptx::UpdateLink(rc.tx, rc.ctx, house_id, link_id, cmd, rc.key, rc.now);
    });
  }
};

}  // namespace

const Kind& ResidentsKind() {
  static const Residents k;
  return k;
}

}  // namespace anju::importer
