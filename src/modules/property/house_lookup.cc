#include "modules/property/house_lookup.h"

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "core/pii.h"
#include "modules/property/property_internal.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"

namespace anju::property {

using namespace internal;
namespace perm = identity::perm;

namespace {

bool FourDigits(std::string_view q) {
  return q.size() == 4 && std::all_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The people linked to the houses today, owners first, by house.
std::map<int64_t, std::vector<HouseOwner>> PeopleOf(db::Tx& tx, const crypto::SecretKey& key,
                                                    const std::vector<int64_t>& houses,
                                                    const std::string& today) {
  std::map<int64_t, std::vector<HouseOwner>> out;
  if (houses.empty()) return out;
  std::string in(houses.size() * 2 - 1, ',');
  for (size_t i = 0; i < houses.size(); ++i) in[i * 2] = '?';
  db::Params p(houses.begin(), houses.end());
  p.emplace_back(today);
  for (auto& r : tx.Query("SELECT hr.house_id, r.id, r.name, r.phone_enc, r.phone_last4, "
                          "hr.relation FROM house_residents hr JOIN residents r ON r.id = "
                          "hr.resident_id WHERE hr.house_id IN (" + in + ") AND (hr.end_date "
                          "IS NULL OR hr.end_date >= ?) ORDER BY hr.house_id, CASE hr.relation "
                          "WHEN 'owner' THEN 0 WHEN 'family' THEN 1 ELSE 2 END, hr.id",
                          p))
    out[r.Int(0)].push_back({r.Int(1), r.Str(2), MaskedPhone(key, r.Str(3), r.Str(4)), r.Str(5)});
  return out;
}

}  // namespace

Result<std::vector<HouseMatch>> LookupHouses(db::Database& db, const crypto::SecretKey& key,
                                             const Clock& clock, const TenantContext& ctx,
                                             const HouseLookup& in) {
  if (ctx.IsResident()) return Error(errors::kForbidden);
  ANJU_TRY(identity::Require(ctx, perm::kHouseRead));
  std::string q = Trim(in.q);
  if (q.empty() || q.size() > 64) return FieldErr(errors::kBadQuery, "q", "invalid");
  int64_t limit = std::clamp<int64_t>(in.limit, 1, 50);
  Millis now = clock.Now();
  std::optional<std::string> phone = pii::NormalizePhone(q);
  const char* by_phone = phone ? "phone" : FourDigits(q) ? "phone_last4" : nullptr;

  auto found = db.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<HouseMatch>> {
    ANJU_TRY(CheckProject(tx, ctx, perm::kHouseRead, in.project_id));
    const std::string today = CivilDate(now);
    // Each branch says what it matched on; a house found by several shows the first.
    const std::string person =
        "EXISTS (SELECT 1 FROM house_residents hq JOIN residents rq ON rq.id = hq.resident_id "
        "WHERE hq.house_id = h.id AND (hq.end_date IS NULL OR hq.end_date >= ?) AND ";
    std::string match;
    db::Params p;
    if (phone) {
      match = "CASE WHEN " + person + "rq.phone_bidx = ?) THEN 'phone' END";
      p = {today, key.BlindIndex(*phone, kPhoneIndex)};
    } else {
      std::string like = LikeContains(q);
      match = "CASE WHEN h.code LIKE ? ESCAPE '\\' OR h.number LIKE ? ESCAPE '\\' THEN 'code' "
              "WHEN " + person + "rq.name LIKE ? ESCAPE '\\') THEN 'name' "
              "WHEN EXISTS (SELECT 1 FROM vehicles v WHERE v.house_id = h.id AND UPPER(v.plate) "
              "LIKE UPPER(?) ESCAPE '\\') THEN 'plate' ";
      p = {like, like, today, like, like};
      if (by_phone) {
        match += "WHEN " + person + "rq.phone_last4 = ?) THEN 'phone_last4' ";
        p.insert(p.end(), {today, q});
      }
      match += "END";
    }
    std::string sql = "SELECT id, project_id, building_id, code, building_name, kind, status, "
                      "matched FROM (SELECT h.id, h.project_id, h.building_id, h.code, b.name "
                      "AS building_name, h.kind, h.status, " + match + " AS matched FROM houses h "
                      "JOIN buildings b ON b.id = h.building_id WHERE h.company_id = ? AND "
                      "h.project_id = ?) m WHERE matched IS NOT NULL ORDER BY " +
                      ByteOrder(tx, "code") + " LIMIT ?";
    p.insert(p.end(), {ctx.company_id, in.project_id, limit});
    std::vector<HouseMatch> out;
    std::vector<int64_t> ids;
    for (auto& r : tx.Query(sql, p)) {
      out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Str(3), r.Str(4), r.Str(5), r.Str(6),
                     r.Str(7), {}});
      ids.push_back(r.Int(0));
    }
    auto people = PeopleOf(tx, key, ids, today);
    for (HouseMatch& m : out) m.people = std::move(people[m.id]);
    return out;
  });
  if (!found.ok() || !by_phone) return found;
  int64_t n = std::count_if(found->begin(), found->end(),
                            [](const HouseMatch& m) { return m.matched_by.rfind("phone", 0) == 0; });
  db.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"property.house.lookup", "project", in.project_id, in.project_id, nullptr,
                   boost::json::object{{"by", by_phone}, {"houses", n}}},
                  now);
  });
  return found;
}

}  // namespace anju::property
