// Buildings, entrances, floors and the tree as JSON, and the bodies of their writes
// (property_json.h).
#include "core/json_body.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"
#include "modules/property/structure_rows.h"

namespace anju::property {

namespace json = boost::json;
using internal::DeclareServerOwned;
using internal::kBuildingKinds;
using internal::kMaxId;

json::object BuildingJson(const Building& b) {
  return json::object{{"id", b.id},
                      {"project_id", b.project_id},
                      {"code", b.code},
                      {"name", b.name},
                      {"kind", b.kind},
                      {"floors_above", b.floors_above},
                      {"floors_below", b.floors_below},
                      {"created_at", FormatUtc(b.created_at)},
                      {"updated_at", FormatUtc(b.updated_at)}};
}

json::object EntranceJson(const Entrance& e) {
  return json::object{{"id", e.id},
                      {"project_id", e.project_id},
                      {"building_id", e.building_id},
                      {"code", e.code},
                      {"name", e.name},
                      {"created_at", FormatUtc(e.created_at)},
                      {"updated_at", FormatUtc(e.updated_at)}};
}

json::object FloorJson(const Floor& f) {
  return json::object{{"id", f.id},
                      {"project_id", f.project_id},
                      {"building_id", f.building_id},
                      {"entrance_id", f.entrance_id},
                      {"number", f.number},
                      {"name", f.name},
                      {"created_at", FormatUtc(f.created_at)},
                      {"updated_at", FormatUtc(f.updated_at)}};
}

json::object ProjectTreeJson(const ProjectTree& t) {
  json::array buildings;
  for (const TreeBuilding& b : t.buildings) {
    json::array entrances;
    for (const TreeEntrance& e : b.entrances) {
      json::array floors;
      for (const TreeFloor& f : e.floors)
        floors.push_back(json::object{
            {"id", f.id}, {"number", f.number}, {"name", f.name}, {"house_count", f.house_count}});
      entrances.push_back(json::object{{"id", e.id},
                                       {"code", e.code},
                                       {"name", e.name},
                                       {"house_count", e.house_count},
                                       {"floors", std::move(floors)}});
    }
    buildings.push_back(json::object{{"id", b.id},
                                     {"code", b.code},
                                     {"name", b.name},
                                     {"kind", b.kind},
                                     {"house_count", b.house_count},
                                     {"entrances", std::move(entrances)}});
  }
  return json::object{{"project_id", t.project_id}, {"buildings", std::move(buildings)}};
}

Result<CreateBuildingCommand> ReadCreateBuildingCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  auto project_id = r.Int("project_id", true, 1, kMaxId);
  auto code = r.Str("code", true, 20);
  auto name = r.Str("name", true, 50);
  auto kind = r.Enum("kind", true, kBuildingKinds);
  auto above = r.Int("floors_above", false, 0, 200);
  auto below = r.Int("floors_below", false, 0, 10);
  ANJU_TRY(r.Finish());
  return CreateBuildingCommand{*project_id, *code, *name, *kind, above, below};
}

Result<UpdateBuildingCommand> ReadUpdateBuildingCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  auto code = r.Str("code", false, 20, 1);
  auto name = r.Str("name", false, 50, 1);
  auto kind = r.Enum("kind", false, kBuildingKinds);
  auto above = r.Int("floors_above", false, 0, 200);
  auto below = r.Int("floors_below", false, 0, 10);
  ANJU_TRY(r.Finish());
  return UpdateBuildingCommand{code, name, kind, above, below};
}

Result<CreateEntranceCommand> ReadCreateEntranceCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id"});
  auto building_id = r.Int("building_id", true, 1, kMaxId);
  auto code = r.Str("code", true, 20);
  auto name = r.Str("name", true, 50);
  ANJU_TRY(r.Finish());
  return CreateEntranceCommand{*building_id, *code, *name};
}

Result<UpdateEntranceCommand> ReadUpdateEntranceCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id", "building_id"});
  auto code = r.Str("code", false, 20, 1);
  auto name = r.Str("name", false, 50, 1);
  ANJU_TRY(r.Finish());
  return UpdateEntranceCommand{code, name};
}

Result<CreateFloorCommand> ReadCreateFloorCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id", "building_id"});
  auto entrance_id = r.Int("entrance_id", true, 1, kMaxId);
  auto number = r.Int("number", true, -10, 200);
  auto name = r.Str("name", false, 20, 1);
  if (number && *number == 0) r.Fail("number", "invalid", "There is no floor 0");
  ANJU_TRY(r.Finish());
  return CreateFloorCommand{*entrance_id, *number, name};
}

Result<UpdateFloorCommand> ReadUpdateFloorCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"project_id", "building_id", "entrance_id"});
  auto number = r.Int("number", false, -10, 200);
  auto name = r.Str("name", false, 20, 1);
  if (number && *number == 0) r.Fail("number", "invalid", "There is no floor 0");
  ANJU_TRY(r.Finish());
  return UpdateFloorCommand{number, name};
}

}  // namespace anju::property
