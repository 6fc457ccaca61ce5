#include "modules/reports/report_json.h"

namespace anju::reports {

namespace json = boost::json;

namespace {

json::value Opt(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object ChannelsJson(const std::map<std::string, int64_t>& by_channel) {
  json::object o;
  for (auto c : kPaymentChannels) {
    auto it = by_channel.find(std::string(c));
    o[c] = it == by_channel.end() ? 0 : it->second;
  }
  return o;
}

// The figures' keys, after `o`'s.
void AddFigures(json::object& o, const billing::DayBooks& f) {
  o["billed"] = f.billed;
  o["late_fees"] = f.late_fees;
  o["received"] = f.received;
  o["to_prepayment"] = f.to_prepayment;
  o["arrears"] = f.arrears;
  o["channels"] = ChannelsJson(f.channels);
}

}  // namespace

json::object CollectionJson(const CollectionSummary& r) {
  json::array items;
  for (const CollectionMonth& m : r.items)
    items.push_back(json::object{{"project_id", m.project_id},
                                 {"month", m.month},
                                 {"receivable", m.receivable},
                                 {"received", m.received},
                                 {"arrears", m.arrears},
                                 {"rate_bp", Opt(m.rate_bp)},
                                 {"recovered", m.recovered},
                                 {"recovery_bp", Opt(m.recovery_bp)}});
  return json::object{{"from", r.from},
                      {"to", r.to},
                      {"receivable", r.receivable},
                      {"received", r.received},
                      {"rate_bp", Opt(r.rate_bp)},
                      {"items", std::move(items)}};
}

json::object ArrearsJson(const ArrearsSummary& r, const Page& page) {
  json::array items;
  for (const ArrearsRow& a : r.items) {
    json::object row{{r.group + "_id", a.id},
                     {"owed", a.owed},
                     {"houses", a.houses},
                     {"buckets", json::object{{"d0_30", a.d0_30},
                                              {"d31_90", a.d31_90},
                                              {"d91_180", a.d91_180},
                                              {"d181_365", a.d181_365},
                                              {"d365_plus", a.d365_plus}}}};
    if (a.house_code) row["house_code"] = *a.house_code;
    items.push_back(std::move(row));
  }
  return json::object{{"as_of", r.as_of},     {"group", r.group},   {"owed", r.owed},
                      {"items", std::move(items)}, {"total", r.total}, {"page", page.page},
                      {"size", page.size}};
}

json::object DailyJson(const DailyFigures& r) {
  json::array items;
  for (const ProjectDay& d : r.items) {
    json::object row{{"project_id", d.project_id}};
    AddFigures(row, d.figures);
    items.push_back(std::move(row));
  }
  json::object out{{"date", r.date}};
  AddFigures(out, r.total);
  out["items"] = std::move(items);
  return out;
}

}  // namespace anju::reports
