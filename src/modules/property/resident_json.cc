// Residents as JSON — personal data masked, except the unmask reply — and the bodies of
// their writes (property_json.h).
#include "core/json_body.h"
#include "core/pii.h"
#include "platform/identity/permissions.h"
#include "modules/property/house_rows.h"
#include "modules/property/property_internal.h"
#include "modules/property/property_json.h"

namespace anju::property {

namespace json = boost::json;
using internal::DeclareServerOwned;
using internal::kMaxId;
using internal::kRelations;

namespace {

json::value OrNull(const std::optional<std::string>& v) {
  return v ? json::value(json::string(*v)) : json::value(nullptr);
}
json::value OrNull(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// The personal-data fields of a create (required=true) or an update body, normalised.
struct PiiFields {
  std::optional<std::string> phone, id_number;
  bool clear_id_number = false;
};
PiiFields ReadPii(BodyReader& r, bool required) {
  PiiFields out;
  if (auto raw = r.Str("phone", required, 20)) {
    out.phone = pii::NormalizePhone(*raw);
    if (!out.phone) r.Fail("phone", "invalid", "Must be an 11-digit mainland mobile number");
  }
  out.clear_id_number = r.IsNull("id_number");
  if (auto raw = r.Str("id_number", false, 18)) {
    out.id_number = pii::NormalizeIdNumber(*raw);
    bool shaped = raw->size() == 18 &&
                  raw->find_first_not_of("0123456789") >= 17;  // 17 digits, then anything
    if (!out.id_number)
      r.Fail("id_number", shaped ? "invalid_checksum" : "invalid",
             shaped ? "The check character or birth date is wrong"
                    : "Must be an 18-character citizen ID number");
  }
  return out;
}

}  // namespace

json::object ResidentJson(const Resident& x) {
  json::object out{{"id", x.id},
                   {"name", x.name},
                   {"phone", x.phone},
                   {"id_number", OrNull(x.id_number)},
                   {"user_id", OrNull(x.user_id)},
                   {"created_at", FormatUtc(x.created_at)},
                   {"updated_at", FormatUtc(x.updated_at)}};
  if (x.houses) {
    json::array houses;
    for (const ResidentHouse& h : *x.houses)
      houses.push_back(json::object{{"id", h.id},
                                    {"house_id", h.house_id},
                                    {"house_code", h.house_code},
                                    {"project_id", h.project_id},
                                    {"relation", h.relation},
                                    {"start_date", h.start_date},
                                    {"end_date", OrNull(h.end_date)}});
    out["houses"] = std::move(houses);
  }
  return out;
}

json::object UnmaskedResidentJson(const UnmaskedResident& x) {
  return json::object{{"id", x.id}, {"phone", x.phone}, {"id_number", OrNull(x.id_number)}};
}

Result<CreateResidentCommand> ReadCreateResidentCommand(const json::object& body,
                                                        const TenantContext& ctx) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"user_id", "houses"});
  auto name = r.Str("name", true, 50);
  PiiFields pii = ReadPii(r, true);
  auto house_id = r.Int("house_id", false, 1, kMaxId);
  auto relation = r.Enum("relation", false, kRelations);
  if (house_id && !relation) r.Fail("relation", "required", "Required with house_id");
  if (relation && !house_id) r.Fail("house_id", "required", "Required with relation");
  const Scope* scope = ctx.access.ScopeOf(std::string(identity::perm::kResidentWrite));
  bool company_wide = scope && scope->all_projects;
  if (!house_id && !company_wide)
    r.Fail("house_id", "required", "Link the resident to a house of your projects");
  ANJU_TRY(r.Finish());
  return CreateResidentCommand{*name, *pii.phone, pii.id_number, house_id, relation};
}

Result<UpdateResidentCommand> ReadUpdateResidentCommand(const json::object& body) {
  BodyReader r(body);
  DeclareServerOwned(r);
  r.ReadOnly({"user_id", "houses"});
  auto name = r.Str("name", false, 50, 1);
  PiiFields pii = ReadPii(r, false);
  ANJU_TRY(r.Finish());
  return UpdateResidentCommand{name, pii.phone, pii.id_number, pii.clear_id_number};
}

Result<UnmaskCommand> ReadUnmaskCommand(const json::object& body) {
  BodyReader r(body);
  auto reason = r.Str("reason", true, 200, 2);
  ANJU_TRY(r.Finish());
  return UnmaskCommand{*reason};
}

}  // namespace anju::property
