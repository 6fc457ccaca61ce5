// Work orders (工单): repairs, complaints, suggestions, inquiries and praise, from report to
// follow-up call. See README.md for the whole loop; the hard parts have their own essays:
// lifecycle.h (the state machine), sla/sla_clock.h (time limits), dispatch/dispatcher.h
// (who gets the order), classify/model.h (the suggested category).
//
// Contracts
// - Every action runs in one write transaction: the order row (guarded by its version),
//   its timeline event, SLA timers, notifications (outbox) and the audit row commit
//   together. Live subscribers hear of the event only after the commit.
// - Who may act: owners on their own orders (confirm, rate, cancel before acceptance,
//   reopen); the assignee (accept, arrive, pause, resume, complete); staff holding
//   workorder:handle for the project grab orders in grab mode whose skill they have;
//   workorder:dispatch assigns; workorder:write registers calls, cancels and reopens.
//   Anything else: 403 without the code, 404 outside the caller's scope, 409 for a
//   transition the state machine refuses.
// - The service takes commands (workorder_types.h) already read from the request by the
//   routes (workorder_json.h: the body's checks, 400) and returns values; the checks that
//   need the database (existence, scope, permissions, the state machine) are its own.
#pragma once

#include <functional>
#include <map>
#include <vector>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/page.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/workorder/suggest.h"
#include "modules/workorder/workorder_types.h"

namespace anju::notify { class Notifier; }

namespace anju::workorder {

// Called after a commit for each new timeline event of an order (with its `status`). The
// app wires it to the live event hub.
using Publisher = std::function<void(int64_t order_id, const TimelineEvent& event)>;

// The board's filters (GET /work-orders): statuses any of, overdue (a running clock past
// due), mine (assigned to the caller), q (number, description or place contains).
struct ListFilter {
  std::optional<int64_t> project_id, category_id, assignee_id, building_id, house_id;
  std::vector<std::string> statuses;
  std::string kind, q;
  bool overdue = false, mine = false, today = false;  // today: submitted since China midnight
  Page page;
};

struct Order;
struct Actor;

// A new order's fields (orders.cc InsertOrder): the SLA rule and the dispatch mode are
// looked up from them; the number is the next of the day.
struct NewOrder {
  int64_t company_id = 0, project_id = 0;
  std::string kind;
  int64_t category_id = 0;
  std::optional<int64_t> house_id, building_id;
  std::string place, description, urgency, preferred_time, channel;
  std::optional<int64_t> reporter_user_id;
  std::string reporter_name, reporter_phone;  // the phone in clear (stored encrypted + masked)
  std::optional<int64_t> responsible_id, suggested_category_id;
  std::string suggested_urgency;
};

class WorkOrderService {
 public:
  WorkOrderService(db::Database& db, const Clock& clock, const crypto::SecretKey& key,
                   notify::Notifier& notifier);
  ~WorkOrderService();
  void SetPublisher(Publisher p) { publish_ = std::move(p); }

  // Orders (orders.cc). A new order, submitted: the place checked against the caller
  // (404/400 WO_PLACE_*), the category active (404), then the SLA rule, the number and the
  // first dispatch. The caller's full view of it.
  Result<OrderView> Create(const TenantContext& ctx, const NewOrderCommand& c);
  // The order the caller may see (404 WO_ORDER_NOT_FOUND otherwise).
  Result<OrderView> Get(const TenantContext& ctx, int64_t id);
  // The board's page, newest first (residents: their own orders).
  Result<OrderPage> List(const TenantContext& ctx, const ListFilter& f);
  // Submitted grab-mode orders whose skill the caller has (workorder:handle), urgent first.
  Result<std::vector<OrderRow>> GrabList(const TenantContext& ctx);
  Result<OrderSummary> Summary(const TenantContext& ctx, std::optional<int64_t> project_id);
  // One action of the state machine (actions.cc): assign … reopen; 404 for an unknown
  // action or an order the caller may not see, 403, 409.
  Result<OrderView> Act(const TenantContext& ctx, int64_t id, const ActionCommand& c);
  // The timeline events after `after_seq` of an order the caller may see (live stream),
  // each with the order's current status.
  Result<std::vector<TimelineEvent>> EventsAfter(const TenantContext& ctx, int64_t id,
                                                 int64_t after_seq);

  // Whether the caller may see the order (its photos and signature are readable then).
  bool CanRead(db::Tx& tx, const TenantContext& ctx, int64_t order_id);

  // Suggestion (suggest.cc)
  // The suggestion for a description being typed (residents, or workorder:write).
  Result<Suggestion> Suggest(const TenantContext& ctx, const std::string& text);
  // The classifier's evaluation (workorder:report).
  Result<ClassifierReport> ClassifierInfo(const TenantContext& ctx);
  // Retrains now and returns the evaluation (workorder:settings).
  Result<ClassifierReport> TrainClassifier(const TenantContext& ctx);

  // Follow-up calls (follow_ups.cc)
  // The orders due for a call (state "due") or called since completion ("done"), oldest
  // completion first (workorder:write).
  Result<FollowUpPage> FollowUps(const TenantContext& ctx, std::optional<int64_t> project_id,
                                 const std::string& state, const Page& page);
  // Records a call on a completed or confirmed order (409 WO_NOT_FOLLOW_UP_DUE otherwise).
  Result<OrderView> RecordFollowUp(const TenantContext& ctx, int64_t id,
                                   const FollowUpCommand& c);

  // QR report points (report_points.cc); the public report is rate-limited per IP and phone.
  // The points of the projects where the caller holds workorder:settings.
  Result<std::vector<ReportPoint>> ListReportPoints(const TenantContext& ctx,
                                                    std::optional<int64_t> project_id);
  // A new point with a random token; project, building and category checked (404).
  Result<ReportPoint> CreateReportPoint(const TenantContext& ctx, const NewReportPointCommand& c);
  Result<std::string> ReportPointQr(const TenantContext& ctx, int64_t id,
                                    const std::string& public_url);  // PNG bytes
  // The active point of the token (404 WO_REPORT_POINT_NOT_FOUND otherwise).
  Result<PublicPointInfo> PublicPoint(const std::string& token);
  // Submits a public report at the point; the new order's number. 429 RATE_LIMITED past
  // the per-IP and per-phone limits.
  Result<std::string> PublicReport(const std::string& token, const std::string& ip,
                                   const PublicReportCommand& c);

  // Demo data (demo_seed.cc): settings, skills, shifts, QR points, a year of past orders.
  void SeedDemo(db::Tx& tx, int64_t company_id, const std::vector<int64_t>& project_ids,
                Millis now);

  // Jobs (sla_job.cc, follow_ups.cc). Both idempotent, safe to run on many instances.
  struct JobReport {
    int64_t escalations = 0, follow_ups = 0;
  };
  // Sends the escalation steps that are due and moves each order's next_escalation_at.
  JobReport RunEscalations();
  // Puts completed, unrated orders older than 48 h on the follow-up list.
  JobReport RunFollowUps();

 private:
  friend class ActionRunner;
  db::Database& db_;
  const Clock& clock_;
  const crypto::SecretKey& key_;
  notify::Notifier& notifier_;
  Publisher publish_;
  std::unique_ptr<Suggester> suggester_;
  std::mutex rate_mu_;
  std::map<std::string, std::vector<Millis>> public_hits_;  // rate limit of the QR form
  using Events = std::vector<std::pair<int64_t, TimelineEvent>>;
  int64_t InsertOrder(db::Tx& tx, const NewOrder& n, Millis now);
  void PublishAll(const Events& events);
  // After submission (dispatch_service.cc): auto → assign now; grab → tell the staff who
  // may grab it; manual → tell the dispatchers.
  Events FirstDispatch(db::Tx& tx, const Order& o, Millis now);
  // Tells the reporter (an owner account) and, for reopen/cancel, the assignee.
  void NotifyProgress(db::Tx& tx, const Order& o, const std::string& action, Millis now);
  // Sets the assignee (status assigned), records the reason, tells the assignee.
  TimelineEvent AssignTo(db::Tx& tx, const Order& o, int64_t staff_id,
                               const std::string& reason, const Actor& by, Millis now);
};

// Who may submit an order: residents, staff with workorder:write (403 otherwise). Routes
// check it before reading the body, as the service does again.
Status MayReport(const TenantContext& ctx);
// Who may record follow-up calls: workorder:write (403 otherwise).
Status MayFollowUp(const TenantContext& ctx);

}  // namespace anju::workorder
