#include "modules/property/house_lookup_routes.h"

#include <boost/json.hpp>

#include "http/handlers.h"
#include "modules/property/house_lookup.h"

namespace anju::property {

namespace json = boost::json;

namespace {

json::object MatchJson(const HouseMatch& m) {
  json::array people;
  for (const HouseOwner& o : m.people)
    people.push_back(json::object{{"resident_id", o.resident_id}, {"name", o.name},
                                  {"phone", o.phone}, {"relation", o.relation}});
  return {{"id", m.id},
          {"project_id", m.project_id},
          {"building_id", m.building_id},
          {"code", m.code},
          {"building_name", m.building_name},
          {"kind", m.kind},
          {"status", m.status},
          {"matched_by", m.matched_by},
          {"people", std::move(people)}};
}

}  // namespace

void RegisterHouseLookupRoutes(http::Router& router, db::Database& db,
                               const crypto::SecretKey& key, const Clock& clock) {
  router.Add("GET", "/api/v1/houses/lookup",
             [&db, &key, &clock](http::Request& req, TenantContext& ctx) {
               http::QueryReader q(req);
               HouseLookup l;
               auto project = q.Id("project_id");
               l.q = q.Text("q");
               if (auto bad = q.Failed()) return *bad;
               if (!project)
                 return http::ErrorReply(
                     Error(errors::kBadQuery).WithField("project_id", "required"), req.request_id);
               l.project_id = *project;
               return http::ReplyAs(req, LookupHouses(db, key, clock, ctx, l),
                                    [](const std::vector<HouseMatch>& v) {
                                      json::array items;
                                      for (const HouseMatch& m : v) items.push_back(MatchJson(m));
                                      return json::object{{"items", std::move(items)}};
                                    });
             });
}

}  // namespace anju::property
