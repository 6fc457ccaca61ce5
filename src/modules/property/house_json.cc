// Houses and house↔resident links as JSON, and the bodies of their writes (property_json.h).
#include "core/json_body.h"
#include "modules/property/house_rows.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"

namespace anju::property {

namespace json = boost::json;
using internal::DeclareServerOwned;
using internal::kHouseKinds;
using internal::kHouseStatuses;
using internal::kMaxArea;
using internal::kMaxId;
using internal::kRelations;

namespace {

json::value OrNull(const std::optional<std::string>& v) {
  return v ? json::value(json::string(*v)) : json::value(nullptr);
}

}  // namespace

json::object HouseJson(const House& h) {
  return json::object{{"id", h.id},
                      {"project_id", h.project_id},
                      {"building_id", h.building_id},
                      {"building_name", h.building_name},
                      {"entrance_id", h.entrance_id},
                      {"entrance_name", h.entrance_name},
                      {"floor_id", h.floor_id},
                      {"floor_name", h.floor_name},
                      {"floor_number", h.floor_number},
                      {"number", h.number},
                      {"code", h.code},
                      {"kind", h.kind},
                      {"status", h.status},
                      {"gross_area", h.gross_area},
                      {"net_area", h.net_area},
                      {"delivered_on", OrNull(h.delivered_on)},
                      {"resident_count", h.resident_count},
                      {"created_at", FormatUtc(h.created_at)},
                      {"updated_at", FormatUtc(h.updated_at)}};
}

json::object HouseLinkJson(const HouseLink& l) {
  return json::object{{"id", l.id},
                      {"house_id", l.house_id},
                      {"resident_id", l.resident_id},
                      {"resident_name", l.resident_name},
                      {"phone", l.phone},
                      {"relation", l.relation},
                      {"start_date", l.start_date},
                      {"end_date", OrNull(l.end_date)},
                      {"created_at", FormatUtc(l.created_at)},
                      {"updated_at", FormatUtc(l.updated_at)}};
}

Result<CreateHouseCommand> ReadCreateHouseCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"code", "project_id", "building_id", "entrance_id", "resident_count"});
  auto floor_id = r.Int("floor_id", true, 1, kMaxId);
  auto number = r.Str("number", true, 20);
  auto kind = r.Enum("kind", true, kHouseKinds);
  auto status = r.Enum("status", true, kHouseStatuses);
  auto gross = r.Int("gross_area", true, 1, kMaxArea);
  auto net = r.Int("net_area", true, 1, kMaxArea);
  auto delivered_on = r.Date("delivered_on", false);
  if (gross && net && *net > *gross)
    r.Fail("net_area", "greater_than_gross", "The net area cannot exceed the gross area");
  ANJU_TRY(r.Finish());
  return CreateHouseCommand{*floor_id, *number, *kind, *status, *gross, *net, delivered_on};
}

Result<UpdateHouseCommand> ReadUpdateHouseCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"code", "project_id", "building_id", "entrance_id", "resident_count"});
  UpdateHouseCommand cmd;
  cmd.floor_id = r.Int("floor_id", false, 1, kMaxId);
  cmd.number = r.Str("number", false, 20, 1);
  cmd.kind = r.Enum("kind", false, kHouseKinds);
  cmd.status = r.Enum("status", false, kHouseStatuses);
  cmd.gross_area = r.Int("gross_area", false, 1, kMaxArea);
  cmd.net_area = r.Int("net_area", false, 1, kMaxArea);
  cmd.delivered_on = r.Date("delivered_on", false);
  cmd.clear_delivered_on = r.IsNull("delivered_on");
  ANJU_TRY(r.Finish());
  return cmd;
}

Result<LinkResidentCommand> ReadLinkResidentCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"house_id", "project_id"});
  auto resident_id = r.Int("resident_id", true, 1, kMaxId);
  auto relation = r.Enum("relation", true, kRelations);
  auto start = r.Date("start_date", false);
  auto end = r.Date("end_date", false);
  ANJU_TRY(r.Finish());
  return LinkResidentCommand{*resident_id, *relation, start, end};
}

Result<UpdateLinkCommand> ReadUpdateLinkCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"house_id", "project_id", "resident_id"});
  UpdateLinkCommand cmd;
  cmd.relation = r.Enum("relation", false, kRelations);
  cmd.start_date = r.Date("start_date", false);
  cmd.end_date = r.Date("end_date", false);
  cmd.clear_end_date = r.IsNull("end_date");
  ANJU_TRY(r.Finish());
  return cmd;
}

}  // namespace anju::property
