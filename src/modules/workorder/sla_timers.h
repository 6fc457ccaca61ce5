// The SLA clocks of one order, built from its row, its pauses and its project's calendar
// (sla_timers.cc). Shared by the timer bookkeeping and the escalation job.
#pragma once

#include "db/database.h"
#include "modules/workorder/sla/escalation.h"
#include "modules/workorder/sla/sla_clock.h"
#include "modules/workorder/wo_internal.h"

namespace anju::workorder {

struct Clocks {
  sla::SlaClock accept, finish;
};
sla::Calendar CalendarOf(db::Tx& tx, const Order& o);
Clocks ClocksOf(db::Tx& tx, const Order& o);
sla::Ladder LadderOf(const Order& o);
// Still waiting to be accepted (the accept clock runs).
bool Accepting(const Order& o);
// Steps of `timer` ("accept" | "finish") already sent in the order's current round.
int StepsSent(db::Tx& tx, const Order& o, const char* timer);

}  // namespace anju::workorder
