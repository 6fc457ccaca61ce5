// The values and commands of the work-order service (workorder_service.h): an order as it
// is shown, its timeline, the lists, and the commands the routes read from request bodies
// (workorder_json.h). The JSON shapes are in docs/API.md "Work orders" and api/openapi.yaml.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/page.h"

namespace anju::workorder {

// A step of an order's timeline (a wo_events row).
struct TimelineEvent {
  int64_t seq = 0;
  std::string action, from_status, to_status, actor_name, note;
  // The step's details: the JSON document the row stores ({"photos": 2}, {"assignee_id": …,
  // "assignee_name": …}…), kept as its text; "{}" when none.
  std::string data = "{}";
  Millis at = 0;
  // The order's status after the step, for the live stream; empty in an order's timeline.
  std::string status;
};

// The order's time limits and where it stands against them.
struct OrderSla {
  std::string calendar;  // business | always
  int64_t accept_minutes = 0, finish_minutes = 0;
  std::optional<Millis> accept_due_at, finish_due_at;
  std::optional<bool> accept_met, finish_met;
  std::string state;  // ok | warn | overdue | paused while running; met | missed once stopped
};

// An order as a list shows it. Names owned by other modules (house code, building, assignee,
// responsible person) are "" when there is none.
struct OrderRow {
  int64_t id = 0;
  std::string number;
  int64_t project_id = 0;
  std::string kind;
  int64_t category_id = 0;
  std::string category_name;
  std::optional<int64_t> house_id;
  std::string house_code;
  std::optional<int64_t> building_id;
  std::string building_name, place, description, urgency, preferred_time, channel;
  std::string reporter_name, reporter_phone;  // the phone masked
  std::optional<int64_t> responsible_id;
  std::string responsible_name;
  std::optional<int64_t> suggested_category_id;
  std::string suggested_urgency, status;
  std::optional<int64_t> assignee_id;
  std::string assignee_name, dispatch_mode, dispatch_reason;
  Millis created_at = 0;
  std::optional<Millis> assigned_at, accepted_at, arrived_at, completed_at, confirmed_at,
      closed_at, cancelled_at;
  std::string cancel_reason;
  int64_t reopen_count = 0;
  std::optional<int64_t> rating;
  std::string rating_comment;
  int64_t labour_fee = 0, material_fee = 0;  // fen
  std::optional<int64_t> bill_id;
  OrderSla sla;
  int64_t version = 0;
  // Shown to a resident: staff-only details (the dispatch reason; in the full view also the
  // responsible person's id) are left out of the reply.
  bool for_resident = false;
};

// A photo of the report or of the finished work.
struct OrderPhoto {
  int64_t id = 0;
  std::string url;
  std::string stage;  // report | complete
};

// A stored file: the owner's drawn signature.
struct FileLink {
  int64_t id = 0;
  std::string url;
};

// One order as its page shows it: the row, its timeline, photos, signature and the actions
// the caller may take now (the state machine's and "follow_up").
struct OrderView {
  OrderRow order;
  std::vector<TimelineEvent> timeline;
  std::vector<OrderPhoto> photos;
  std::optional<FileLink> signature;
  std::vector<std::string> actions;
};

// A page of the board's list.
struct OrderPage {
  std::vector<OrderRow> items;
  int64_t total = 0;
  Page page;
};

// The home screens' counts over the orders the caller may list.
struct OrderSummary {
  int64_t open = 0, today = 0, overdue = 0;
  std::vector<std::pair<std::string, int64_t>> by_status;  // status → count, as grouped
};

// A follow-up call made.
struct FollowUpCall {
  std::string result;  // satisfied | unsatisfied | unreachable
  std::optional<int64_t> rating;
  std::string note, by;
  Millis at = 0;
};

// An order on the follow-up list with its calls.
struct FollowUpRow {
  OrderRow order;
  std::vector<FollowUpCall> calls;
};

// A page of the follow-up list.
struct FollowUpPage {
  std::vector<FollowUpRow> items;
  int64_t total = 0;
  Page page;
};

// A QR report point (报修码) of a project.
struct ReportPoint {
  int64_t id = 0, project_id = 0;
  std::string token, place;
  std::optional<int64_t> building_id, category_id;
  bool active = true;
};

// What the public form shows of a point: the project's and the place's names.
struct PublicPointInfo {
  std::string project_name, place;
};

// A new order from a resident or staff. Read from the body with the caller's kind:
// reporter_name, reporter_phone (normalised) and channel only from staff.
struct NewOrderCommand {
  std::string kind, description;
  std::optional<int64_t> category_id;  // absent: the suggested one
  std::optional<std::string> urgency;  // absent: the suggested one
  std::optional<int64_t> house_id, building_id, project_id;
  std::optional<std::string> place, preferred_time;
  std::vector<int64_t> photos;  // uploaded files to attach
  std::optional<std::string> reporter_name, reporter_phone, channel;
};

// A material used in a repair; amount = quantity × unit_price (fen).
struct Material {
  std::string name;
  int64_t quantity = 0, unit_price = 0, amount = 0;
};

// One action of the state machine on an order, with the fields that action reads.
struct ActionCommand {
  std::string action;  // assign … reopen (lifecycle.h kActions)
  std::optional<std::string> note;
  std::optional<int64_t> assignee_id;  // assign: absent = the dispatcher chooses now
  std::optional<std::string> method;   // arrive: scan | checkin
  std::optional<std::string> code;     // arrive by scan: the QR token read on the spot
  std::optional<std::string> reason;   // pause: owner | parts | other; cancel, reopen: text
  std::optional<int64_t> signature;    // confirm: the uploaded signature file
  std::optional<int64_t> rating;       // rate: 1–5
  std::optional<std::string> comment;  // rate
  std::vector<int64_t> photos;         // complete
  std::optional<int64_t> labour_fee;   // complete (fen)
  bool charge = false;                 // complete: bill labour + materials to the house
  std::vector<Material> materials;     // complete
  int64_t material_fee = 0;            // Σ materials' amounts
};

// A follow-up call's result; a satisfied owner's rating closes the order.
struct FollowUpCommand {
  std::string result;
  std::optional<int64_t> rating;
  std::optional<std::string> note;
};

// A new QR report point at a place (optionally a building and a preset category).
struct NewReportPointCommand {
  int64_t project_id = 0;
  std::string place;
  std::optional<int64_t> building_id, category_id;
};

// A report through the public QR form: the phone (normalised) is required.
struct PublicReportCommand {
  std::string phone;
  std::optional<std::string> name;
  std::string description;
  std::optional<std::string> urgency;
};

}  // namespace anju::workorder
