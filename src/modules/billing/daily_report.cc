// Daily figures: one grouped query per figure over the caller's projects (see the header).
#include "modules/billing/daily_report.h"

#include <map>

#include "core/clock.h"
#include "modules/identity/access.h"
#include "modules/identity/permissions.h"

namespace anju::billing {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

struct Figures {
  int64_t billed = 0, late_fees = 0, received = 0, to_prepayment = 0, arrears = 0;
  std::map<std::string, int64_t> channels;
};

json::object ChannelsJson(const std::map<std::string, int64_t>& by_channel) {
  json::object o;
  for (auto c : kPaymentChannels) {
    auto it = by_channel.find(std::string(c));
    o[c] = it == by_channel.end() ? 0 : it->second;
  }
  return o;
}

json::object FiguresJson(const Figures& f) {
  return json::object{{"billed", f.billed},     {"late_fees", f.late_fees},
                      {"received", f.received}, {"to_prepayment", f.to_prepayment},
                      {"arrears", f.arrears},   {"channels", ChannelsJson(f.channels)}};
}

}  // namespace

Result<json::value> DailyReport(db::Database& db, const TenantContext& ctx, const DailyQuery& q) {
  ANJU_TRY(identity::Require(ctx, perm::kBillRead));
  if (!IsValidCivilDate(q.date))
    return Error(errors::kBadQuery).WithField("date", "invalid", "Must be a date YYYY-MM-DD");
  const Millis start = DaysFromCivil(q.date) * kDay - 8 * kHour, end = start + kDay;
  // " AND <column> in the caller's projects [AND = project_id]" with its parameters.
  auto scoped = [&](std::string sql, std::string_view column, db::Params p) {
    identity::AppendProjectScope(ctx, perm::kBillRead, column, sql, p);
    if (q.project_id) sql += " AND " + std::string(column) + " = ?", p.emplace_back(*q.project_id);
    return std::pair{sql + " GROUP BY " + std::string(column), p};
  };
  return db.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<json::value> {
    std::map<int64_t, Figures> rows;
    auto each = [&](std::pair<std::string, db::Params> query, auto fn) {
      for (auto& r : tx.Query(query.first, query.second)) fn(rows[r.Int(0)], r);
    };
    each(scoped("SELECT b.project_id, SUM(b.amount) FROM bills b WHERE b.company_id = ? AND "
                "b.created_at >= ? AND b.created_at < ? AND b.source <> 'opening'",
                "b.project_id", {ctx.company_id, start, end}),
         [](Figures& f, const db::Row& r) { f.billed = r.Int(1); });
    each(scoped("SELECT b.project_id, SUM(a.amount) FROM late_fee_accruals a JOIN bills b ON "
                "b.id = a.bill_id WHERE a.company_id = ? AND a.created_at >= ? AND "
                "a.created_at < ?",
                "b.project_id", {ctx.company_id, start, end}),
         [](Figures& f, const db::Row& r) { f.late_fees = r.Int(1); });
    auto [paid_sql, paid_params] =
        scoped("SELECT p.project_id, p.channel, SUM(p.amount), SUM(p.to_prepayment) FROM "
               "payments p WHERE p.company_id = ? AND p.created_at >= ? AND p.created_at < ? "
               "AND p.channel <> 'prepayment'",
               "p.project_id", {ctx.company_id, start, end});
    each({paid_sql + ", p.channel", paid_params}, [](Figures& f, const db::Row& r) {
      f.channels[r.Str(1)] += r.Int(2);
      f.received += r.Int(2);
      f.to_prepayment += r.Int(3);
    });
    // Arrears at the end of the day: posted principal and late fees minus settled amounts.
    each(scoped("SELECT b.project_id, SUM(b.amount) FROM bills b WHERE b.company_id = ? AND "
                "b.created_at < ? AND b.source <> 'opening'",
                "b.project_id", {ctx.company_id, end}),
         [](Figures& f, const db::Row& r) { f.arrears += r.Int(1); });
    // Opening arrears (opening.h) by their postings, less those reversed by then.
    each(scoped("SELECT o.project_id, SUM(CASE WHEN o.reversed_at < ? THEN 0 ELSE o.amount "
                "END) FROM opening_balances o WHERE o.company_id = ? AND o.kind = 'arrears' "
                "AND o.created_at < ?",
                "o.project_id", {end, ctx.company_id, end}),
         [](Figures& f, const db::Row& r) { f.arrears += r.Int(1); });
    each(scoped("SELECT b.project_id, SUM(a.amount) FROM late_fee_accruals a JOIN bills b ON "
                "b.id = a.bill_id WHERE a.company_id = ? AND a.created_at < ?",
                "b.project_id", {ctx.company_id, end}),
         [](Figures& f, const db::Row& r) { f.arrears += r.Int(1); });
    each(scoped("SELECT b.project_id, SUM(pa.amount) FROM payment_allocations pa JOIN payments "
                "py ON py.id = pa.payment_id JOIN bills b ON b.id = pa.bill_id WHERE "
                "pa.company_id = ? AND py.created_at < ?",
                "b.project_id", {ctx.company_id, end}),
         [](Figures& f, const db::Row& r) { f.arrears -= r.Int(1); });
    // Credit notes (the part the house still owed) and late-fee waivers applied by then.
    each(scoped("SELECT a.project_id, SUM(CASE WHEN a.kind = 'credit_note' THEN a.amount - "
                "a.to_prepayment ELSE a.amount END) FROM adjustments a WHERE a.company_id = ? "
                "AND a.status = 'applied' AND a.decided_at < ?",
                "a.project_id", {ctx.company_id, end}),
         [](Figures& f, const db::Row& r) { f.arrears -= r.Int(1); });

    Figures total;
    json::array items;
    for (auto& [project_id, f] : rows) {
      if (!f.billed && !f.late_fees && !f.received && !f.arrears) continue;
      total.billed += f.billed, total.late_fees += f.late_fees, total.received += f.received;
      total.to_prepayment += f.to_prepayment, total.arrears += f.arrears;
      for (auto& [c, v] : f.channels) total.channels[c] += v;
      json::object row{{"project_id", project_id}};
      for (auto& [k, v] : FiguresJson(f)) row[k] = v;
      items.push_back(std::move(row));
    }
    json::object out{{"date", q.date}};
    for (auto& [k, v] : FiguresJson(total)) out[k] = v;
    out["items"] = std::move(items);
    return json::value(std::move(out));
  });
}

}  // namespace anju::billing
