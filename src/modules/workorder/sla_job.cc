// The escalation job (every minute in `anju serve`, `anju jobs work-orders`): for each order
// whose next_escalation_at has come, send the ladder's steps that are due — warn the
// assignee, tell the project's managers, tell HQ — once each per timer and round (the
// wo_escalations key), record them on the timeline, and move next_escalation_at on.
// Because the state lives in the rows, a restart (or a day of downtime) resumes exactly:
// the steps missed meanwhile are sent at once, in order.
#include <boost/json.hpp>

#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/notifier.h"
#include "modules/workorder/sla_timers.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr int64_t kBatch = 500;

// Who hears of a step: the assignee (or, before assignment, the dispatchers); the project's
// managers (holders of workorder:settings in the project); HQ (company-wide workorder:report).
std::vector<int64_t> Recipients(db::Tx& tx, const Order& o, sla::Step step) {
  std::vector<int64_t> out;
  auto add = [&](const std::vector<identity::StaffRef>& staff) {
    for (auto& s : staff) out.push_back(s.id);
  };
  if (step == sla::Step::kWarn) {
    if (o.assignee_id) out.push_back(*o.assignee_id);
    else add(identity::StaffHolding(tx, o.company_id, o.project_id, perm::kWorkOrderDispatch));
  } else if (step == sla::Step::kManager) {
    add(identity::StaffHolding(tx, o.company_id, o.project_id, perm::kWorkOrderSettings));
  } else {
    add(identity::StaffHoldingCompanyWide(tx, o.company_id, perm::kWorkOrderReport));
  }
  return out;
}

std::string StepText(sla::Step step, bool accept) {
  std::string what = accept ? "接单" : "完成";
  switch (step) {
    case sla::Step::kWarn: return what + "时限即将到期";
    case sla::Step::kManager: return what + "已超时，已通知项目经理";
    default: return what + "严重超时，已上报总部";
  }
}

}  // namespace

WorkOrderService::JobReport WorkOrderService::RunEscalations() {
  JobReport rep;
  Millis now = clock_.Now();
  Events events;
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    for (const db::Row& r : tx.Query(std::string("SELECT ") + kOrderColumns +
                                         " FROM work_orders o WHERE o.next_escalation_at <= ? "
                                         "ORDER BY o.next_escalation_at LIMIT ?",
                                     {now, kBatch})) {
      Order o = ReadOrder(r);
      bool accept = Accepting(o) && !o.accepted_at;
      const char* timer = accept ? "accept" : "finish";
      Clocks c = ClocksOf(tx, o);
      auto e = sla::Escalate(accept ? c.accept : c.finish, LadderOf(o), StepsSent(tx, o, timer), now);
      for (sla::Step step : e.due) {
        tx.Exec("INSERT INTO wo_escalations (work_order_id, timer, step, round, sent_at) VALUES "
                "(?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                {o.id, std::string(timer), std::string(sla::StepCode(step)), o.reopen_count, now});
        std::string text = StepText(step, accept);
        for (int64_t u : Recipients(tx, o, step))
          NotifyUser(notifier_, tx, o, u, "工单超时提醒 " + o.number, o.number + "：" + text, now);
        events.emplace_back(o.id, AppendEvent(tx, o, "escalate", "", "", SystemActor(), text,
                                              json::serialize(json::object{
                                                  {"timer", timer},
                                                  {"step", sla::StepCode(step)}}),
                                              now));
        ++rep.escalations;
      }
      UpdateTimers(tx, o.id, now);
    }
    return 0;
  });
  PublishAll(events);
  return rep;
}

}  // namespace anju::workorder
