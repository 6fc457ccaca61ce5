// The SLA timers of an order, kept in its row so that a restart loses nothing: the due and
// warn instants of the two clocks, whether each was met, and next_escalation_at — when the
// escalation job must look at the order again. Both clocks start when the order was
// submitted (or last reopened: a new round); the finish clock stands still while the order
// is paused. The calendar is the project's business hours with the company's holidays, or
// around the clock, as the SLA rule copied onto the order says.
#include "modules/workorder/lifecycle.h"
#include "modules/workorder/sla/escalation.h"
#include "modules/workorder/sla_timers.h"
#include "modules/workorder/wo_internal.h"

namespace anju::workorder {

namespace {

unsigned WeekdayMask(const std::string& days) {
  unsigned mask = 0;
  for (char c : days)
    if (c >= '1' && c <= '7') mask |= 1u << (c - '1');
  return mask;
}

db::Value Opt(std::optional<Millis> v) { return v ? db::Value(*v) : db::kNull; }

}  // namespace

sla::Calendar CalendarOf(db::Tx& tx, const Order& o) {
  if (o.sla_calendar != "business") return sla::Calendar::Always();
  sla::BusinessHours h;
  if (auto r = tx.QueryOne("SELECT workdays, day_start, day_end FROM wo_calendars WHERE "
                           "project_id = ?",
                           {o.project_id})) {
    h.weekdays = WeekdayMask(r->Str(0));
    h.open_minute = static_cast<int>(r->Int(1));
    h.close_minute = static_cast<int>(r->Int(2));
  }
  for (auto& r : tx.Query("SELECT day, kind FROM wo_holidays WHERE company_id = ?", {o.company_id}))
    (r.Str(1) == "off" ? h.holidays : h.workdays).push_back(r.Str(0));
  auto c = sla::Calendar::Business(h);
  return c.ok() ? *c : sla::Calendar::Always();  // settings are validated; a safe fallback
}

Clocks ClocksOf(db::Tx& tx, const Order& o) {
  sla::Calendar cal = CalendarOf(tx, o);
  std::vector<sla::Pause> pauses;
  for (auto& r : tx.Query("SELECT started_at, ended_at FROM wo_pauses WHERE work_order_id = ? "
                          "AND started_at >= ? ORDER BY started_at",
                          {o.id, o.sla_started_at}))
    pauses.push_back({r.Int(0), r.OptInt(1)});
  return {*sla::SlaClock::Make(cal, o.sla_started_at, o.accept_minutes),
          *sla::SlaClock::Make(cal, o.sla_started_at, o.finish_minutes, std::move(pauses))};
}

sla::Ladder LadderOf(const Order& o) {
  return {static_cast<int>(o.warn_percent), static_cast<int>(o.manager_percent),
          static_cast<int>(o.hq_percent)};
}

bool Accepting(const Order& o) { return o.status == "submitted" || o.status == "assigned"; }

int StepsSent(db::Tx& tx, const Order& o, const char* timer) {
  return static_cast<int>(tx.QueryOne("SELECT COUNT(*) FROM wo_escalations WHERE "
                                      "work_order_id = ? AND timer = ? AND round = ?",
                                      {o.id, std::string(timer), o.reopen_count})
                              ->Int(0));
}

void UpdateTimers(db::Tx& tx, int64_t order_id, Millis now) {
  auto row = tx.QueryOne(std::string("SELECT ") + kOrderColumns +
                             ", o.accept_met, o.finish_met FROM work_orders o WHERE o.id = ?",
                         {order_id});
  Order o = ReadOrder(*row);
  Clocks c = ClocksOf(tx, o);
  auto warn_at = [&](const sla::SlaClock& k) {
    return k.InstantUsing(k.allowed() * o.warn_percent / 100);
  };
  db::Value accept_met = row->IsNull(29) ? db::kNull : db::Value(row->Int(29));
  db::Value finish_met = row->IsNull(30) ? db::kNull : db::Value(row->Int(30));
  if (o.accepted_at && row->IsNull(29)) accept_met = int64_t(c.accept.MetBy(*o.accepted_at));
  if (o.completed_at && row->IsNull(30)) finish_met = int64_t(c.finish.MetBy(*o.completed_at));
  std::optional<Millis> next;
  if (IsOpen(o.status)) {
    bool accepting = Accepting(o) && !o.accepted_at;
    const sla::SlaClock& k = accepting ? c.accept : c.finish;
    auto e = sla::Escalate(k, LadderOf(o), StepsSent(tx, o, accepting ? "accept" : "finish"), now);
    next = e.due.empty() ? e.next_at : std::optional<Millis>(now);
  }
  tx.Exec("UPDATE work_orders SET accept_due_at = ?, accept_warn_at = ?, finish_due_at = ?, "
          "finish_warn_at = ?, accept_met = ?, finish_met = ?, next_escalation_at = ? WHERE id = ?",
          {Opt(c.accept.Due()), Opt(warn_at(c.accept)), Opt(c.finish.Due()),
           Opt(c.finish.paused() ? std::nullopt : warn_at(c.finish)), accept_met, finish_met,
           Opt(next), o.id});
}

}  // namespace anju::workorder
