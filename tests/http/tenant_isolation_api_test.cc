// Tenant isolation: every route, called by someone who must not reach the first project's
// owner's data — another company's HQ admin, the manager of another project of the same
// company, and two other owners — answers 403/404 for the victim's rows, writes nothing,
// and lists return only rows the caller may see. Every registered route must be classified
// here, so a new route cannot skip this test.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "support/test_app.h"
#include "support/xlsx_file.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

// A houses file of one new house, for the victim's import batch (and the others' attempts).
const std::string kVictimHousesCsv =
    "楼栋编码*,单元*,楼层*,房号*,房屋类型*,建筑面积(㎡)*,套内面积(㎡)*\nQ1,1,1,0101,住宅,80,70\n";

// The victim: the first project (JHY) of the demo company and the rows of `owner`.
struct Victim {
  int64_t company, project, unseen_project, department, staff, grant, role, building, entrance, floor, house,
      link, resident, vehicle, parking, fee_item, bill, receipt, meter, reading, rule, message,
      assignment, adjustment, refund, discount, file;
  // Work orders: the owner's repair (the victim's order), a category, a QR report point and
  // a shift made through the API in the first project, and its engineer.
  int64_t work_order, wo_category, report_point, shift, engineer;
  int64_t import_batch;  // the admin's dry run of a houses file into the first project
  std::string wo_from, wo_to;  // a range of months (YYYY-MM) holding every demo order
  std::string order_no;  // the owner's online order
  std::string today;     // the day the victim's bills and payment were posted (China time)
};

Victim FindVictim(TestApp& t) {
  return t.app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
    Victim v{};
    v.company = t.company_id();
    v.project = ProjectId(t, v.company, "JHY");
    v.unseen_project = ProjectId(t, v.company, "XHGC");  // no house of owner2/owner3 there
    auto q = [&](const std::string& sql, db::Params p) { return tx.QueryOne(sql, p)->Int(0); };
    v.department = q("SELECT id FROM departments WHERE project_id = ? ORDER BY id LIMIT 1",
                     {v.project});
    v.staff = q("SELECT id FROM users WHERE login = 'manager'", {});
    v.grant = q("SELECT id FROM role_grants WHERE user_id = ?", {v.staff});
    v.role = q("SELECT id FROM roles WHERE company_id = ? AND code = 'cashier'", {v.company});
    v.resident = q("SELECT r.id FROM residents r JOIN users u ON u.id = r.user_id "
                   "WHERE u.login = 'owner'", {});
    v.link = q("SELECT id FROM house_residents WHERE resident_id = ?", {v.resident});
    v.house = q("SELECT house_id FROM house_residents WHERE id = ?", {v.link});
    v.building = q("SELECT building_id FROM houses WHERE id = ?", {v.house});
    v.entrance = q("SELECT entrance_id FROM houses WHERE id = ?", {v.house});
    v.floor = q("SELECT floor_id FROM houses WHERE id = ?", {v.house});
    v.vehicle = q("SELECT id FROM vehicles WHERE resident_id = ?", {v.resident});
    v.parking = q("SELECT id FROM parking_spaces WHERE project_id = ? ORDER BY id LIMIT 1",
                  {v.project});
    v.fee_item = q("SELECT id FROM fee_items WHERE project_id = ? AND code = 'WYF-ZZ'", {v.project});
    v.bill = q("SELECT id FROM bills WHERE house_id = ? ORDER BY id LIMIT 1", {v.house});
    v.meter = q("SELECT id FROM meters WHERE house_id = ?", {v.house});
    v.reading = q("SELECT id FROM meter_readings WHERE meter_id = ?", {v.meter});
    v.receipt = q("SELECT id FROM receipts WHERE house_id = ? ORDER BY id LIMIT 1", {v.house});
    v.today = CivilDate(t.clock().Now());
    v.rule = q("SELECT id FROM reminder_rules WHERE project_id = ? ORDER BY id LIMIT 1",
               {v.project});
    v.message = q("SELECT m.id FROM messages m JOIN users u ON u.id = m.user_id WHERE "
                  "u.login = 'owner' ORDER BY m.id LIMIT 1", {});
    v.assignment = q("SELECT id FROM collection_assignments WHERE house_id = ?", {v.house});
    v.adjustment = q("SELECT id FROM adjustments WHERE house_id = ?", {v.house});
    v.refund = q("SELECT id FROM refunds WHERE house_id = ?", {v.house});
    v.discount = q("SELECT id FROM discount_rules WHERE project_id = ? ORDER BY id LIMIT 1",
                   {v.project});
    v.file = q("SELECT f.id FROM files f JOIN users u ON u.id = f.uploader_id WHERE "
               "u.login = 'owner' ORDER BY f.id LIMIT 1", {});
    v.engineer = q("SELECT id FROM users WHERE login = 'engineer'", {});
    v.work_order = q("SELECT o.id FROM work_orders o JOIN users u ON u.id = o.reporter_user_id "
                     "WHERE u.login = 'owner' ORDER BY o.id DESC LIMIT 1", {});
    v.wo_category = q("SELECT id FROM wo_categories WHERE company_id = ? AND code = 'victim_cat'",
                      {v.company});
    v.report_point = q("SELECT id FROM wo_report_points WHERE project_id = ? AND place = "
                       "'victim-point'", {v.project});
    v.shift = q("SELECT id FROM wo_shifts WHERE project_id = ? AND user_id = ? ORDER BY "
                "starts_at DESC LIMIT 1", {v.project, v.engineer});
    Millis now = t.clock().Now();
    v.wo_from = CivilDate(now - 400 * kDay).substr(0, 7);
    v.wo_to = CivilDate(now + 31 * kDay).substr(0, 7);
    v.import_batch = q("SELECT id FROM import_batches WHERE project_id = ? ORDER BY id LIMIT 1",
                       {v.project});
    v.order_no = tx.QueryOne("SELECT order_no FROM online_orders WHERE house_id = ?",
                             {v.house})->Str(0);
    return v;
  });
}

// What each route with path parameters gets: the victim's ids and a valid body, so that
// authorisation — not validation — is what stops the call.
struct ParamRoute {
  std::function<std::vector<int64_t>(const Victim&)> ids;
  std::function<json::value(const Victim&)> body;  // null for GET/DELETE
};

std::map<std::string, ParamRoute> ParamRoutes() {
  auto none = [](const Victim&) { return json::value(nullptr); };
  auto name = [](const Victim&) { return json::value(json::object{{"name", "越权"}}); };
  auto empty = [](const Victim&) { return json::value(json::object{}); };
  return {
      {"GET /api/v1/projects/{id}", {[](auto& v) { return std::vector{v.unseen_project}; }, none}},
      {"PATCH /api/v1/projects/{id}", {[](auto& v) { return std::vector{v.project}; }, name}},
      {"PATCH /api/v1/departments/{id}", {[](auto& v) { return std::vector{v.department}; }, name}},
      {"GET /api/v1/staff/{id}", {[](auto& v) { return std::vector{v.staff}; }, none}},
      {"PATCH /api/v1/staff/{id}", {[](auto& v) { return std::vector{v.staff}; }, name}},
      {"POST /api/v1/staff/{id}/password",
       {[](auto& v) { return std::vector{v.staff}; },
        [](auto&) { return json::value(json::object{{"password", "Hijack#2026pw"}}); }}},
      {"GET /api/v1/staff/{id}/grants", {[](auto& v) { return std::vector{v.staff}; }, none}},
      {"POST /api/v1/staff/{id}/grants",
       {[](auto& v) { return std::vector{v.staff}; },
        [](auto& v) { return json::value(json::object{{"role_id", v.role}}); }}},
      {"DELETE /api/v1/staff/{id}/grants/{grantId}",
       {[](auto& v) { return std::vector{v.staff, v.grant}; }, none}},
      {"PATCH /api/v1/roles/{id}", {[](auto& v) { return std::vector{v.role}; }, name}},
      {"GET /api/v1/buildings/{id}", {[](auto& v) { return std::vector{v.building}; }, none}},
      {"PATCH /api/v1/buildings/{id}", {[](auto& v) { return std::vector{v.building}; }, name}},
      {"DELETE /api/v1/buildings/{id}", {[](auto& v) { return std::vector{v.building}; }, none}},
      {"GET /api/v1/entrances/{id}", {[](auto& v) { return std::vector{v.entrance}; }, none}},
      {"PATCH /api/v1/entrances/{id}", {[](auto& v) { return std::vector{v.entrance}; }, name}},
      {"DELETE /api/v1/entrances/{id}", {[](auto& v) { return std::vector{v.entrance}; }, none}},
      {"PATCH /api/v1/floors/{id}", {[](auto& v) { return std::vector{v.floor}; }, name}},
      {"DELETE /api/v1/floors/{id}", {[](auto& v) { return std::vector{v.floor}; }, none}},
      {"GET /api/v1/houses/{id}", {[](auto& v) { return std::vector{v.house}; }, none}},
      {"PATCH /api/v1/houses/{id}",
       {[](auto& v) { return std::vector{v.house}; },
        [](auto&) { return json::value(json::object{{"status", "rented"}}); }}},
      {"DELETE /api/v1/houses/{id}", {[](auto& v) { return std::vector{v.house}; }, none}},
      {"GET /api/v1/houses/{id}/residents", {[](auto& v) { return std::vector{v.house}; }, none}},
      {"POST /api/v1/houses/{id}/residents",
       {[](auto& v) { return std::vector{v.house}; },
        [](auto& v) {
          return json::value(json::object{
              {"resident_id", v.resident}, {"relation", "family"}, {"start_date", "2026-01-01"}});
        }}},
      {"PATCH /api/v1/houses/{id}/residents/{linkId}",
       {[](auto& v) { return std::vector{v.house, v.link}; },
        [](auto&) { return json::value(json::object{{"end_date", "2026-12-31"}}); }}},
      {"DELETE /api/v1/houses/{id}/residents/{linkId}",
       {[](auto& v) { return std::vector{v.house, v.link}; }, none}},
      {"GET /api/v1/residents/{id}", {[](auto& v) { return std::vector{v.resident}; }, none}},
      {"PATCH /api/v1/residents/{id}", {[](auto& v) { return std::vector{v.resident}; }, name}},
      {"POST /api/v1/residents/{id}/unmask",
       {[](auto& v) { return std::vector{v.resident}; },
        [](auto&) { return json::value(json::object{{"reason", "越权测试"}}); }}},
      {"GET /api/v1/vehicles/{id}", {[](auto& v) { return std::vector{v.vehicle}; }, none}},
      {"PATCH /api/v1/vehicles/{id}",
       {[](auto& v) { return std::vector{v.vehicle}; },
        [](auto&) { return json::value(json::object{{"color", "黑色"}}); }}},
      {"DELETE /api/v1/vehicles/{id}", {[](auto& v) { return std::vector{v.vehicle}; }, none}},
      {"GET /api/v1/parking-spaces/{id}", {[](auto& v) { return std::vector{v.parking}; }, none}},
      {"PATCH /api/v1/fee-items/{id}", {[](auto& v) { return std::vector{v.fee_item}; }, name}},
      {"GET /api/v1/houses/{id}/account", {[](auto& v) { return std::vector{v.house}; }, none}},
      {"PATCH /api/v1/meters/{id}", {[](auto& v) { return std::vector{v.meter}; },
                                      [](auto&) { return json::value(json::object{{"walk_order", 9}}); }}},
      {"PATCH /api/v1/meter-readings/{id}",
       {[](auto& v) { return std::vector{v.reading}; },
        [](auto&) { return json::value(json::object{{"reading", 1300}}); }}},
      {"POST /api/v1/meter-readings/{id}/review",
       {[](auto& v) { return std::vector{v.reading}; },
        [](auto&) { return json::value(json::object{{"approve", true}}); }}},
      {"GET /api/v1/receipts/{id}", {[](auto& v) { return std::vector{v.receipt}; }, none}},
      {"GET /api/v1/receipts/{id}/pdf", {[](auto& v) { return std::vector{v.receipt}; }, none}},
      {"POST /api/v1/receipts/{id}/void",
       {[](auto& v) { return std::vector{v.receipt}; },
        [](auto&) { return json::value(json::object{{"reason", "越权作废"}}); }}},
      {"PATCH /api/v1/reminder-rules/{id}", {[](auto& v) { return std::vector{v.rule}; }, name}},
      {"DELETE /api/v1/reminder-rules/{id}", {[](auto& v) { return std::vector{v.rule}; }, none}},
      {"POST /api/v1/messages/{id}/read", {[](auto& v) { return std::vector{v.message}; }, none}},
      // The owner's unattached upload: only the owner may read it.
      {"GET /api/v1/files/{id}", {[](auto& v) { return std::vector{v.file}; }, none}},
      {"PUT /api/v1/collection/assignments/{id}",
       {[](auto& v) { return std::vector{v.assignment}; },
        [](auto& v) { return json::value(json::object{{"assignee_id", v.staff}}); }}},
      {"GET /api/v1/collection/assignments/{id}/follow-ups",
       {[](auto& v) { return std::vector{v.assignment}; }, none}},
      {"POST /api/v1/collection/assignments/{id}/follow-ups",
       {[](auto& v) { return std::vector{v.assignment}; },
        [](auto&) { return json::value(json::object{{"method", "call"}, {"outcome", "越权"}}); }}},
      {"PATCH /api/v1/discount-rules/{id}",
       {[](auto& v) { return std::vector{v.discount}; },
        [](auto&) { return json::value(json::object{{"rate_bp", 10000}}); }}},
      {"POST /api/v1/adjustments/{id}/approve",
       {[](auto& v) { return std::vector{v.adjustment}; }, [](auto&) { return json::value(json::object{}); }}},
      {"POST /api/v1/adjustments/{id}/reject",
       {[](auto& v) { return std::vector{v.adjustment}; },
        [](auto&) { return json::value(json::object{{"reason", "越权驳回"}}); }}},
      {"POST /api/v1/refunds/{id}/approve",
       {[](auto& v) { return std::vector{v.refund}; }, [](auto&) { return json::value(json::object{}); }}},
      {"POST /api/v1/refunds/{id}/reject",
       {[](auto& v) { return std::vector{v.refund}; },
        [](auto&) { return json::value(json::object{{"reason", "越权驳回"}}); }}},
      {"PATCH /api/v1/parking-spaces/{id}",
       {[](auto& v) { return std::vector{v.parking}; },
        [](auto&) { return json::value(json::object{{"status", "reserved"}}); }}},
      // Work orders: the owner's order, read, streamed, acted on and followed up.
      {"GET /api/v1/work-orders/{id}", {[](auto& v) { return std::vector{v.work_order}; }, none}},
      {"GET /api/v1/work-orders/{id}/events",
       {[](auto& v) { return std::vector{v.work_order}; }, none}},
      {"POST /api/v1/work-orders/{id}/assign",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto& v) { return json::value(json::object{{"assignee_id", v.engineer}}); }}},
      {"POST /api/v1/work-orders/{id}/accept",
       {[](auto& v) { return std::vector{v.work_order}; }, empty}},
      {"POST /api/v1/work-orders/{id}/arrive",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto&) { return json::value(json::object{{"method", "checkin"}}); }}},
      {"POST /api/v1/work-orders/{id}/pause",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto&) { return json::value(json::object{{"reason", "parts"}}); }}},
      {"POST /api/v1/work-orders/{id}/resume",
       {[](auto& v) { return std::vector{v.work_order}; }, empty}},
      {"POST /api/v1/work-orders/{id}/complete",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto&) { return json::value(json::object{{"note", "越权完工"}, {"labour_fee", 100}}); }}},
      {"POST /api/v1/work-orders/{id}/confirm",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto& v) { return json::value(json::object{{"signature", v.file}}); }}},
      {"POST /api/v1/work-orders/{id}/rate",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto&) { return json::value(json::object{{"rating", 1}}); }}},
      {"POST /api/v1/work-orders/{id}/cancel",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto&) { return json::value(json::object{{"reason", "越权取消"}}); }}},
      {"POST /api/v1/work-orders/{id}/reopen",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto&) { return json::value(json::object{{"reason", "越权重开"}}); }}},
      {"POST /api/v1/work-orders/{id}/follow-up",
       {[](auto& v) { return std::vector{v.work_order}; },
        [](auto&) { return json::value(json::object{{"result", "unreachable"}}); }}},
      // Work-order settings of the first project and its rows.
      {"PATCH /api/v1/work-order-categories/{id}",
       {[](auto& v) { return std::vector{v.wo_category}; }, name}},
      {"GET /api/v1/work-order-calendars/{id}",
       {[](auto& v) { return std::vector{v.project}; }, none}},
      {"PUT /api/v1/work-order-calendars/{id}",
       {[](auto& v) { return std::vector{v.project}; },
        [](auto&) {
          return json::value(json::object{{"workdays", "1234567"}, {"day_start", "00:00"},
                                          {"day_end", "24:00"}});
        }}},
      {"PUT /api/v1/work-order-staff/{id}",
       {[](auto& v) { return std::vector{v.engineer}; },
        [](auto&) { return json::value(json::object{{"skills", json::array{"elevator"}}}); }}},
      {"DELETE /api/v1/work-order-shifts/{id}", {[](auto& v) { return std::vector{v.shift}; }, none}},
      {"GET /api/v1/work-order-report-points/{id}/qr.svg",
       {[](auto& v) { return std::vector{v.report_point}; }, none}},
      // The victim's import batch: read, committed, rolled back, its bad rows downloaded.
      {"GET /api/v1/imports/{id}", {[](auto& v) { return std::vector{v.import_batch}; }, none}},
      {"POST /api/v1/imports/{id}/commit",
       {[](auto& v) { return std::vector{v.import_batch}; }, none}},
      {"POST /api/v1/imports/{id}/rollback",
       {[](auto& v) { return std::vector{v.import_batch}; }, none}},
      {"GET /api/v1/imports/{id}/bad-rows",
       {[](auto& v) { return std::vector{v.import_batch}; }, none}},
  };
}

// Creates (and upserts) whose body points into the victim's project.
std::map<std::string, std::function<json::value(const Victim&)>> VictimCreates() {
  return {
      {"POST /api/v1/departments",
       [](auto& v) { return json::object{{"name", "越权部"}, {"project_id", v.project}}; }},
      {"POST /api/v1/staff",
       [](auto& v) {
         return json::object{{"login", "hijacker1"}, {"name", "越权"},
                             {"password", "Hijack#2026pw"}, {"department_id", v.department}};
       }},
      {"POST /api/v1/buildings",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"code", "H9"}, {"name", "越权楼"},
                             {"kind", "residential"}};
       }},
      {"POST /api/v1/entrances",
       [](auto& v) { return json::object{{"building_id", v.building}, {"code", "9"}, {"name", "9单元"}}; }},
      {"POST /api/v1/floors",
       [](auto& v) { return json::object{{"entrance_id", v.entrance}, {"number", 99}}; }},
      {"POST /api/v1/houses",
       [](auto& v) {
         return json::object{{"floor_id", v.floor}, {"number", "9999"}, {"kind", "residential"},
                             {"status", "vacant"}, {"gross_area", 10000}, {"net_area", 8000}};
       }},
      {"POST /api/v1/residents",
       [](auto& v) {
         return json::object{{"name", "越权"}, {"phone", "13900001111"}, {"house_id", v.house},
                             {"relation", "tenant"}};
       }},
      {"POST /api/v1/vehicles",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"plate", "沪Z99999"}, {"kind", "car"}};
       }},
      {"POST /api/v1/fee-items",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"code", "HACK"}, {"name", "越权费"},
                             {"kind", "one_off"}, {"method", "fixed"}, {"unit_price", 100},
                             {"house_kinds", json::array{"residential"}},
                             {"valid_from", "2026-01-01"}};
       }},
      {"POST /api/v1/bill-runs",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"period", "2026-12"}, {"dry_run", false}};
       }},
      {"POST /api/v1/meters",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"house_id", v.house}, {"code", "HACK-M"},
                             {"kind", "water"}, {"fee_item_id", v.fee_item}};
       }},
      {"POST /api/v1/meter-readings",
       [](auto& v) {
         return json::object{{"meter_id", v.meter}, {"period", "2026-12"}, {"reading", 2000}};
       }},
      {"POST /api/v1/meter-readings/import",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"period", "2026-12"},
                             {"csv", "meter_code,reading\nW-1-1-0101,2000\n"}, {"dry_run", false}};
       }},
      {"POST /api/v1/payments/online",
       [](auto& v) { return json::object{{"house_id", v.house}, {"channel", "wechat"}}; }},
      {"POST /api/v1/payments",
       [](auto& v) {
         return json::object{{"house_id", v.house}, {"amount", 100}, {"channel", "cash"}};
       }},
      {"POST /api/v1/reminder-rules",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"name", "越权"}, {"offset_days", 1},
                             {"channels", json::array{"sms"}}, {"template", "{house}"}};
       }},
      {"PUT /api/v1/collection/settings",
       [](auto& v) { return json::object{{"project_id", v.project}, {"assign_after_days", 1}}; }},
      {"POST /api/v1/prepayments",
       [](auto& v) {
         return json::object{{"house_id", v.house}, {"fee_item_id", v.fee_item}, {"months", 12},
                             {"channel", "cash"}};
       }},
      {"POST /api/v1/discount-rules",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"fee_item_id", v.fee_item},
                             {"name", "越权优惠"}, {"rate_bp", 10000}, {"period_from", "2026-12"}};
       }},
      {"POST /api/v1/adjustments",
       [](auto& v) {
         return json::object{{"bill_id", v.bill}, {"kind", "credit_note"}, {"amount", 100},
                             {"reason", "越权冲减"}};
       }},
      {"POST /api/v1/refunds",
       [](auto& v) {
         return json::object{{"house_id", v.house}, {"amount", 100}, {"reason", "越权退款"}};
       }},
      {"POST /api/v1/parking-spaces",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"code", "HACK-1"}, {"kind", "public"},
                             {"status", "vacant"}};
       }},
      {"PUT /api/v1/work-order-dispatch-rules",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"mode", "manual"}};
       }},
      {"POST /api/v1/work-order-shifts",
       [](auto& v) {
         return json::object{{"project_id", v.project}, {"user_ids", json::array{v.engineer}},
                             {"dates", json::array{"2030-01-01"}}, {"start", "08:00"},
                             {"end", "20:00"}};
       }},
  };
}

// Creates whose body names a row of the victim's (a house, a project) and that answer, like
// for a row that does not exist, 404 with that field's code `not_found` (or 403 without
// the code). Nothing may be written.
std::map<std::string, std::function<json::value(const Victim&)>> VictimRefCreates() {
  return {
      {"POST /api/v1/work-orders",
       [](auto& v) {
         return json::object{{"kind", "repair_house"}, {"house_id", v.house},
                             {"description", "越权报修：厨房漏水"}};
       }},
      {"POST /api/v1/work-order-report-points",
       [](auto& v) { return json::object{{"project_id", v.project}, {"place", "越权点位"}}; }},
  };
}

// Uploads (raw bodies, not JSON) into the victim's project: the path with its query
// string, the body and its Content-Type. Nothing may be stored or queued.
struct Upload {
  std::string path, body, content_type;
};
std::map<std::string, std::function<Upload(const Victim&)>> VictimUploads() {
  return {
      {"POST /api/v1/imports",
       [](auto& v) {
         return Upload{"/api/v1/imports?kind=houses&project_id=" + std::to_string(v.project) +
                           "&dry_run=0&file_name=h.csv",
                       kVictimHousesCsv, "text/csv"};
       }},
  };
}

// Company-level creates and the caller's own session: they never touch the victim.
const std::set<std::string> kOwnScope = {
    "POST /api/v1/projects", "POST /api/v1/roles", "POST /api/v1/auth/logout",
    "GET /api/v1/me",        "POST /api/v1/me/password", "GET /api/v1/permissions",
    "GET /api/v1/audit-log/verify", "GET /api/v1/billing-settings",
    "PUT /api/v1/billing-settings",
    // The reminder job for the caller's own projects (billing:remind:write scope).
    "POST /api/v1/reminders/run",
    // An upload is the caller's own file until something of theirs attaches it.
    "POST /api/v1/files",
    // Company-wide work-order settings and the company's classifier: the caller's company
    // only (the other company's admin changes their own; residents and staff without the
    // code get 403). They name no project and no row of the victim's; changing them needs
    // workorder:settings company-wide (a project-scoped holder gets 403).
    "POST /api/v1/work-order-categories", "GET /api/v1/work-order-sla-rules",
    "PUT /api/v1/work-order-sla-rules", "GET /api/v1/work-order-holidays",
    "PUT /api/v1/work-order-holidays", "GET /api/v1/work-order-classifier",
    "POST /api/v1/work-order-classifier/train",
    // A category suggested for the caller's text, from the caller's company's tree.
    "GET /api/v1/work-orders/suggest",
    // An import template ({kind} is a string): the same columns for everyone; with
    // project_id the example row names that project's things, which needs data:import
    // there (another company's project: 404, import_api_test.cc).
    "GET /api/v1/import-templates/{kind}"};

// Routes that take the victim's ids in the query (batch printing, ?ids=): refused whole,
// 403 or 404, never a partial answer.
std::map<std::string, std::function<std::string(const Victim&)>> QueryIdRoutes() {
  return {{"GET /api/v1/receipts/print",
           [](const Victim& v) { return "ids=" + std::to_string(v.receipt); }}};
}

// List routes → (table, filters to try). Returned ids must be visible to the caller.
struct ListRoute {
  std::string table;
  std::vector<std::string> queries;
};
std::map<std::string, ListRoute> ListRoutes(const Victim& v) {
  std::string p = "project_id=" + std::to_string(v.project);
  std::string h = "house_id=" + std::to_string(v.house);
  return {
      {"GET /api/v1/projects", {"projects", {""}}},
      {"GET /api/v1/departments", {"departments", {""}}},
      {"GET /api/v1/staff", {"users", {"", p, "q=manager"}}},
      {"GET /api/v1/roles", {"roles", {""}}},
      {"GET /api/v1/buildings", {"buildings", {"", p}}},
      {"GET /api/v1/entrances", {"entrances", {p, "building_id=" + std::to_string(v.building)}}},
      {"GET /api/v1/floors", {"floors", {"entrance_id=" + std::to_string(v.entrance),
                                         "building_id=" + std::to_string(v.building)}}},
      {"GET /api/v1/tree", {"buildings", {p}}},
      {"GET /api/v1/houses", {"houses", {"", p, "building_id=" + std::to_string(v.building),
                                         "floor_id=" + std::to_string(v.floor), "q=1-1-0101",
                                         "q=%E5%BC%A0"}}},
      {"GET /api/v1/houses/lookup", {"houses", {p + "&q=0101", p + "&q=1-1-0101",
                                                p + "&q=%E5%BC%A0", p + "&q=13800138000"}}},
      {"GET /api/v1/residents", {"residents", {"", p, h, "q=%E5%BC%A0%E4%BC%9F"}}},
      {"GET /api/v1/vehicles", {"vehicles", {"", p, h}}},
      {"GET /api/v1/parking-spaces", {"parking_spaces", {"", p}}},
      {"GET /api/v1/fee-items", {"fee_items", {"", p}}},
      {"GET /api/v1/discount-rules", {"discount_rules", {"", p}}},
      // A quote for the victim's house: never 200 for these callers (no "items" to check).
      {"GET /api/v1/prepayments/quote",
       {"houses", {h + "&fee_item_id=" + std::to_string(v.fee_item) + "&months=12"}}},
      {"GET /api/v1/bills", {"bills", {"", p, h, "status=open"}}},
      {"GET /api/v1/payments", {"payments", {"", h}}},
      {"GET /api/v1/adjustments", {"adjustments", {"", p, h, "status=pending"}}},
      {"GET /api/v1/refunds", {"refunds", {"", p, h, "status=pending"}}},
      {"GET /api/v1/receipts", {"receipts", {"", p, h}}},
      {"GET /api/v1/reports/collection", {"projects", {"from=2026-01&to=2026-12",
                                                       p + "&from=2026-01&to=2026-12"}}},
      {"GET /api/v1/reports/daily", {"projects", {"date=" + v.today, p + "&date=" + v.today}}},
      {"GET /api/v1/meters", {"meters", {"", p}}},
      {"GET /api/v1/meter-readings", {"meter_readings", {"", p}}},
      {"GET /api/v1/arrears", {"houses", {"as_of=2027-06-30", p + "&as_of=2027-06-30"}}},
      {"GET /api/v1/reminder-rules", {"reminder_rules", {"", p}}},
      {"GET /api/v1/collection/settings", {"collection_settings", {""}}},
      {"GET /api/v1/collection/assignments", {"collection_assignments", {"", p, "status=open"}}},
      {"GET /api/v1/notify/outbox", {"notify_outbox", {"", p, "channel=sms"}}},
      {"GET /api/v1/messages", {"messages", {""}}},
      {"GET /api/v1/audit-log", {"audit_log", {"", p, "entity=house&entity_id=" +
                                                            std::to_string(v.house)}}},
      {"GET /api/v1/work-orders",
       {"work_orders", {"", p, h, "status=submitted,assigned,accepted", "q=WO-",
                        "category_id=" + std::to_string(v.wo_category), "mine=1", "overdue=1",
                        "building_id=" + std::to_string(v.building)}}},
      {"GET /api/v1/work-orders/grab", {"work_orders", {""}}},
      {"GET /api/v1/work-order-follow-ups", {"work_orders", {"", p, "state=done"}}},
      {"GET /api/v1/work-order-categories", {"wo_categories", {""}}},
      {"GET /api/v1/work-order-dispatch-rules", {"wo_dispatch_rules", {"", p}}},
      {"GET /api/v1/work-order-staff", {"users", {p}}},
      {"GET /api/v1/work-order-shifts",
       {"wo_shifts", {p + "&from=2026-01-01&to=2030-12-31"}}},
      {"GET /api/v1/work-order-report-points", {"wo_report_points", {"", p}}},
      {"GET /api/v1/imports", {"import_batches", {"", "page=1&size=100"}}},
  };
}

// Routes answering counts: the count the reply gives must be that of the rows of `table`
// the caller may see and `where` (SQL on alias t) selects; non-200 must be 400/403/404.
struct CountRoute {
  std::string table;
  std::vector<std::pair<std::string, std::string>> cases;  // query → where
  std::function<int64_t(const json::value&)> count;
};
std::map<std::string, CountRoute> CountRoutes(const Victim& v) {
  std::string p = "project_id=" + std::to_string(v.project);
  std::string in_p = "t.project_id = " + std::to_string(v.project);
  std::string range = "from=" + v.wo_from + "&to=" + v.wo_to;
  auto ms = [](const std::string& month) {
    return std::to_string(DaysFromCivil(month + "-01") * kDay - 8 * kHour);
  };
  int y = std::stoi(v.wo_to.substr(0, 4)), m = std::stoi(v.wo_to.substr(5, 2)) % 12 + 1;
  std::string after = fmt::format("{:04d}-{:02d}", m == 1 ? y + 1 : y, m);
  std::string in_range = "t.created_at >= " + ms(v.wo_from) + " AND t.created_at < " + ms(after);
  std::string repairs = "t.kind IN ('repair_house', 'repair_public') AND " + in_range;
  std::string reported = "t.status <> 'cancelled' AND " + in_range;
  auto sum = [](const json::array& a, const char* field) {
    int64_t n = 0;
    for (auto& e : a) n += e.at(field).as_int64();
    return n;
  };
  return {
      {"GET /api/v1/work-orders/summary",
       {"work_orders", {{"", "1 = 1"}, {p, in_p}}, [](const json::value& b) {
          int64_t n = 0;
          for (auto& [k, c] : b.at("by_status").as_object()) n += c.as_int64();
          return n;
        }}},
      {"GET /api/v1/reports/work-orders",
       {"work_orders",
        {{range, reported}, {p + "&" + range, in_p + " AND " + reported},
         {range + "&group=staff", reported}, {range + "&group=building", reported}},
        [sum](const json::value& b) {
          EXPECT_EQ(sum(b.at("rows").as_array(), "volume"), b.at("totals").at("volume").as_int64());
          return b.at("totals").at("volume").as_int64();
        }}},
      // Hotspots: every category of repairs (fewer than the top 10) is counted.
      {"GET /api/v1/reports/work-orders/hotspots",
       {"work_orders", {{range, repairs}, {p + "&" + range, in_p + " AND " + repairs}},
        [sum](const json::value& b) { return sum(b.at("categories").as_array(), "count"); }}},
  };
}

// Downloads (.xlsx) → their JSON twin and the queries to try: the same status as the twin,
// and exactly the twin's rows in the sheet (plus the header and the 合计 row).
struct ExportRoute {
  std::string twin;
  std::vector<std::string> queries;
};
std::map<std::string, ExportRoute> ExportRoutes(const Victim& v) {
  std::string p = "project_id=" + std::to_string(v.project);
  return {
      {"GET /api/v1/reports/collection.xlsx",
       {"/api/v1/reports/collection", {"from=2026-01&to=2026-12", p + "&from=2026-01&to=2026-12"}}},
      {"GET /api/v1/reports/daily.xlsx",
       {"/api/v1/reports/daily", {"date=" + v.today, p + "&date=" + v.today}}},
      {"GET /api/v1/arrears.xlsx",
       {"/api/v1/arrears", {"group=house&as_of=2027-06-30", p + "&group=project&as_of=2027-06-30"}}},
      // The first sheet is the by-month grouping (the twin's default).
      {"GET /api/v1/reports/work-orders.xlsx",
       {"/api/v1/reports/work-orders",
        {"from=" + v.wo_from + "&to=" + v.wo_to, p + "&from=" + v.wo_from + "&to=" + v.wo_to}}},
  };
}

struct Caller {
  std::string login;
  // SQL that is true for rows of `table` (as alias t) the caller may see; `?` is the row id.
  std::function<std::string(const std::string& table)> visible;
};

class TenantIsolationApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    app_ = new TestApp();
    auto admin = app_->LoginAs("admin");
    int64_t jhy = ProjectId(*app_, app_->company_id(), "JHY");
    Reply run = admin->PostJson("/api/v1/bill-runs", json::object{{"project_id", jhy},
                                                                   {"period", "2026-11"},
                                                                   {"dry_run", false}});
    if (run.status != 200) throw std::runtime_error("bill run: " + run.body);
    int64_t house = HouseId(*app_, jhy, "1-1-0101");
    Reply pay = admin->Send("POST", "/api/v1/payments",
                            json::serialize(json::object{{"house_id", house}, {"amount", 5000},
                                                         {"channel", "cash"}}),
                            {{"Content-Type", "application/json"}, {"Idempotency-Key", "victim-1"}});
    if (pay.status != 201) throw std::runtime_error("payment: " + pay.body);
    Reply order = app_->LoginAs("owner")->Send(
        "POST", "/api/v1/payments/online",
        json::serialize(json::object{{"house_id", house}, {"channel", "alipay"}}),
        {{"Content-Type", "application/json"}, {"Idempotency-Key", "victim-order"}});
    if (order.status != 201) throw std::runtime_error("online order: " + order.body);
    // A water meter on the owner's house (the demo's water item "SF") with one reading.
    int64_t water = app_->Count("SELECT id FROM fee_items WHERE code = 'SF' AND project_id = " +
                                std::to_string(jhy));
    Reply meter = admin->PostJson("/api/v1/meters",
                                  json::object{{"project_id", jhy}, {"house_id", house},
                                               {"code", "W-1-1-0101"}, {"kind", "water"},
                                               {"fee_item_id", water}});
    if (meter.status != 201) throw std::runtime_error("meter: " + meter.body);
    Reply reading = admin->PostJson("/api/v1/meter-readings",
                                    json::object{{"meter_id", meter.json().at("id").as_int64()},
                                                 {"period", "2026-11"}, {"reading", 1234}});
    if (reading.status != 201) throw std::runtime_error("reading: " + reading.body);
    // Reminders (the demo's after-due rule: a message for the owner) and, 30 days overdue,
    // a collection assignment of the owner's house with a follow-up.
    app_->app().reminders().Run("2026-11-23");
    app_->app().reminders().Run("2026-12-16");
    auto collector = app_->LoginAs("p1.collection");
    int64_t assignment = app_->Count("SELECT id FROM collection_assignments WHERE house_id = " +
                                     std::to_string(house));
    Reply follow = collector->PostJson(
        "/api/v1/collection/assignments/" + std::to_string(assignment) + "/follow-ups",
        json::object{{"method", "call"}, {"outcome", "已电话提醒"}});
    if (follow.status != 201) throw std::runtime_error("follow-up: " + follow.body);
    // A pending credit note on the owner's bill and a pending refund of their prepaid balance.
    Reply settings = admin->Send(
        "PUT", "/api/v1/billing-settings",
        json::serialize(json::object{{"approval_threshold", 0},
                                     {"allocation_order", "late_fees_first"},
                                     {"auto_apply_prepayment", false}}),
        {{"Content-Type", "application/json"}});
    if (settings.status != 200) throw std::runtime_error("settings: " + settings.body);
    auto cashier = app_->LoginAs("cashier");
    int64_t bill = app_->Count("SELECT id FROM bills WHERE house_id = " + std::to_string(house) +
                               " ORDER BY id LIMIT 1");
    Reply adjust = cashier->PostJson("/api/v1/adjustments",
                                     json::object{{"bill_id", bill}, {"kind", "credit_note"},
                                                  {"amount", 100}, {"reason", "待审批冲减"}});
    if (adjust.status != 201) throw std::runtime_error("adjustment: " + adjust.body);
    Reply prepay = admin->Send("POST", "/api/v1/payments",
                               json::serialize(json::object{{"house_id", house},
                                                            {"amount", 100000000},
                                                            {"channel", "cash"}}),
                               {{"Content-Type", "application/json"}, {"Idempotency-Key", "victim-2"}});
    if (prepay.status != 201) throw std::runtime_error("prepayment: " + prepay.body);
    Reply refund = cashier->Send("POST", "/api/v1/refunds",
                                 json::serialize(json::object{{"house_id", house}, {"amount", 100},
                                                              {"reason", "待审批退款"}}),
                                 {{"Content-Type", "application/json"}, {"Idempotency-Key", "victim-3"}});
    if (refund.status != 201) throw std::runtime_error("refund: " + refund.body);
    // A photo the owner uploaded (not attached yet).
    Reply photo = app_->LoginAs("owner")->Send(
        "POST", "/api/v1/files", std::string("\xFF\xD8\xFF\xE0victim-photo", 16),
        {{"Content-Type", "image/jpeg"}});
    if (photo.status != 201) throw std::runtime_error("photo: " + photo.body);
    // Work orders in the first project: the owner's repair, a complaint customer service
    // took by phone, and, by the admin, a category, a QR report point and a shift.
    Reply repair = app_->LoginAs("owner")->PostJson(
        "/api/v1/work-orders", json::object{{"kind", "repair_house"}, {"house_id", house},
                                            {"description", "卫生间水管漏水"}});
    if (repair.status != 201) throw std::runtime_error("work order: " + repair.body);
    Reply complaint = app_->LoginAs("service")->PostJson(
        "/api/v1/work-orders", json::object{{"kind", "complaint"}, {"project_id", jhy},
                                            {"description", "楼上装修噪音太大"},
                                            {"reporter_phone", "13800001234"}});
    if (complaint.status != 201) throw std::runtime_error("complaint: " + complaint.body);
    Reply category = admin->PostJson(
        "/api/v1/work-order-categories",
        json::object{{"code", "victim_cat"}, {"name", "受害类别"}, {"skill", "plumbing"}});
    if (category.status != 201) throw std::runtime_error("category: " + category.body);
    Reply point = admin->PostJson("/api/v1/work-order-report-points",
                                  json::object{{"project_id", jhy}, {"place", "victim-point"}});
    if (point.status != 201) throw std::runtime_error("report point: " + point.body);
    int64_t engineer = app_->Count("SELECT id FROM users WHERE login = 'engineer'");
    Reply shift = admin->PostJson(
        "/api/v1/work-order-shifts",
        json::object{{"project_id", jhy}, {"user_ids", json::array{engineer}},
                     {"dates", json::array{"2029-06-01"}}, {"start", "20:00"}, {"end", "08:00"}});
    if (shift.status != 201 || shift.json().at("created").as_int64() != 1)
      throw std::runtime_error("shift: " + shift.body);
    // A dry run of a houses file into the first project, by its admin, finished.
    Reply batch = admin->Send("POST",
                              "/api/v1/imports?kind=houses&project_id=" + std::to_string(jhy) +
                                  "&dry_run=1&file_name=h.csv",
                              kVictimHousesCsv, {{"Content-Type", "text/csv"}});
    if (batch.status != 202) throw std::runtime_error("import: " + batch.body);
    app_->app().imports().WaitIdle();
    Reply done = admin->Get("/api/v1/imports/" + std::to_string(batch.json().at("id").as_int64()));
    if (done.status != 200 || done.json().at("status") != "done" ||
        done.json().at("created").as_int64() != 1)
      throw std::runtime_error("import batch: " + done.body);
    victim_ = FindVictim(*app_);
  }
  static void TearDownTestSuite() { delete app_; }

  // Ids found anywhere in a reply's items (and nested lists such as the tree's).
  static void CollectIds(const json::value& v, std::vector<int64_t>& out) {
    if (v.is_object()) {
      auto& o = v.as_object();
      if (auto* id = o.if_contains("id"); id && id->is_int64()) out.push_back(id->as_int64());
      if (auto* id = o.if_contains("house_id"); id && id->is_int64() && !o.contains("id"))
        out.push_back(id->as_int64());
      // Report rows name their project only.
      if (auto* id = o.if_contains("project_id");
          id && id->is_int64() && (o.contains("rate_bp") || o.contains("channels")) &&
          !o.contains("id"))
        out.push_back(id->as_int64());
      for (auto& [k, child] : o)
        if (child.is_array() && k != "permissions") CollectIds(child, out);
    } else if (v.is_array()) {
      for (auto& e : v.as_array()) CollectIds(e, out);
    }
  }

  bool Visible(const Caller& c, const std::string& table, int64_t id) {
    std::string sql = "SELECT COUNT(*) FROM " + table + " t WHERE t.id = ? AND (" +
                      c.visible(table) + ")";
    return app_->app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return tx.QueryOne(sql, {id})->Int(0) == 1;
    });
  }

  void CheckCaller(const Caller& c) {
    auto client = app_->LoginAs(c.login);
    const Victim& v = victim_;
    int64_t victim_audit_before =
        app_->Count("SELECT COUNT(*) FROM audit_log WHERE company_id = " +
                    std::to_string(v.company) + " AND action <> 'identity.login'");
    auto params = ParamRoutes();
    auto creates = VictimCreates();
    auto lists = ListRoutes(v);
    auto exports = ExportRoutes(v);
    auto ref_creates = VictimRefCreates();
    auto counts = CountRoutes(v);
    auto uploads = VictimUploads();
    auto query_ids = QueryIdRoutes();
    int64_t batches_before = app_->Count("SELECT COUNT(*) FROM import_batches");
    for (const auto& r : app_->app().router().Routes()) {
      if (!r.needs_auth) continue;
      std::string key = r.method + " " + r.pattern;
      SCOPED_TRACE(c.login + ": " + key);
      if (r.pattern.find("{orderNo}") != std::string::npos) {  // a string parameter
        std::string path = r.pattern;
        path.replace(path.find("{orderNo}"), 9, v.order_no);
        Reply reply = client->Send(r.method, path);
        EXPECT_TRUE(reply.status == 403 || reply.status == 404) << reply.status << " " << reply.body;
      } else if (auto it = params.find(key); it != params.end()) {
        std::string path = r.pattern;
        for (int64_t id : it->second.ids(v)) {
          auto open = path.find('{');
          path.replace(open, path.find('}', open) - open + 1, std::to_string(id));
        }
        json::value body = it->second.body(v);
        Reply reply = body.is_null() ? client->Send(r.method, path)
                                     : client->Send(r.method, path, json::serialize(body),
                                                    {{"Content-Type", "application/json"}});
        EXPECT_TRUE(reply.status == 403 || reply.status == 404) << reply.status << " " << reply.body;
      } else if (auto ct = creates.find(key); ct != creates.end()) {
        // Money-moving POSTs carry an Idempotency-Key, so authorisation is what stops them.
        Reply reply = client->Send(r.method, r.pattern, json::serialize(ct->second(v)),
                                   {{"Content-Type", "application/json"},
                                    {"Idempotency-Key", "isolation-" + c.login + r.pattern}});
        EXPECT_TRUE(reply.status == 403 || reply.status == 404) << reply.status << " " << reply.body;
      } else if (auto qi = query_ids.find(key); qi != query_ids.end()) {
        Reply reply = client->Get(r.pattern + "?" + qi->second(v));
        EXPECT_TRUE(reply.status == 403 || reply.status == 404) << reply.status << " " << reply.body;
      } else if (auto up = uploads.find(key); up != uploads.end()) {
        Upload u = up->second(v);
        Reply reply = client->Send(r.method, u.path, u.body, {{"Content-Type", u.content_type}});
        EXPECT_TRUE(reply.status == 403 || reply.status == 404) << reply.status << " " << reply.body;
      } else if (auto rc = ref_creates.find(key); rc != ref_creates.end()) {
        Reply reply = client->Send(r.method, r.pattern, json::serialize(rc->second(v)),
                                   {{"Content-Type", "application/json"}});
        EXPECT_TRUE(reply.status == 403 || reply.status == 404) << reply.status << " " << reply.body;
        if (reply.status == 404) {
          auto fields = reply.json().at("error").at("fields").as_array();
          ASSERT_EQ(fields.size(), 1u) << reply.body;
          EXPECT_EQ(fields[0].at("code").as_string(), "not_found") << reply.body;
        }
      } else if (auto cr = counts.find(key); cr != counts.end()) {
        for (const auto& [q, where] : cr->second.cases) {
          SCOPED_TRACE(q);
          Reply reply = client->Get(r.pattern + (q.empty() ? "" : "?" + q));
          if (reply.status != 200) {
            EXPECT_TRUE(reply.status == 400 || reply.status == 403 || reply.status == 404)
                << reply.status << " " << reply.body;
            continue;
          }
          int64_t expected = app_->Count("SELECT COUNT(*) FROM " + cr->second.table +
                                         " t WHERE (" + c.visible(cr->second.table) + ") AND " +
                                         where);
          EXPECT_EQ(cr->second.count(reply.json()), expected) << reply.body;
        }
      } else if (auto lt = lists.find(key); lt != lists.end()) {
        for (const std::string& q : lt->second.queries) {
          Reply reply = client->Get(r.pattern + (q.empty() ? "" : "?" + q));
          SCOPED_TRACE(q);
          if (reply.status != 200) {
            EXPECT_TRUE(reply.status == 400 || reply.status == 403 || reply.status == 404)
                << reply.status << " " << reply.body;
            continue;
          }
          std::vector<int64_t> ids;
          json::value body = reply.json();
          if (key == "GET /api/v1/tree") CollectIds(body.at("buildings"), ids);
          else CollectIds(body.at("items"), ids);
          for (int64_t id : ids) EXPECT_TRUE(Visible(c, lt->second.table, id)) << "row " << id;
        }
      } else if (auto ex = exports.find(key); ex != exports.end()) {
        for (const std::string& q : ex->second.queries) {
          SCOPED_TRACE(q);
          Reply file = client->Get(r.pattern + "?" + q);
          Reply twin = client->Get(ex->second.twin + "?" + q);
          EXPECT_EQ(file.status, twin.status) << file.body;
          if (file.status != 200 || twin.status != 200) continue;
          json::object t = twin.json().as_object();
          int64_t rows = t.contains("total")  ? t.at("total").as_int64()
                         : t.contains("rows") ? static_cast<int64_t>(t.at("rows").as_array().size())
                                              : static_cast<int64_t>(t.at("items").as_array().size());
          EXPECT_EQ(Occurrences(ZipEntry(file.body, "xl/worksheets/sheet1.xml"), "<row "), rows + 2);
        }
      } else if (!kOwnScope.count(key)) {
        ADD_FAILURE() << "route not classified in tenant_isolation_api_test.cc: " << key;
      }
    }
    EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE company_id = " +
                          std::to_string(v.company) + " AND action <> 'identity.login'"),
              victim_audit_before)
        << "something was written in the victim's company";
    app_->app().imports().WaitIdle();
    EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM import_batches"), batches_before)
        << "an import batch was stored or committed";
    EXPECT_TRUE(app_->AuditChainOk());
  }

  static TestApp* app_;
  static Victim victim_;
};
TestApp* TenantIsolationApiTest::app_ = nullptr;
Victim TenantIsolationApiTest::victim_{};

TEST_F(TenantIsolationApiTest, AnotherCompanysAdminSeesNothing) {
  std::string other = std::to_string(app_->other_company_id());
  CheckCaller({"other.admin", [other](const std::string&) { return "t.company_id = " + other; }});
}

TEST_F(TenantIsolationApiTest, AnotherProjectsManagerSeesOnlyTheirProject) {
  std::string lyy = std::to_string(ProjectId(*app_, app_->company_id(), "LYY"));
  std::string company = std::to_string(app_->company_id());
  CheckCaller({"p2.management", [lyy, company](const std::string& table) -> std::string {
                 std::string own = "t.company_id = " + company + " AND ";
                 if (table == "projects") return own + "t.id = " + lyy;
                 if (table == "departments")
                   return own + "(t.project_id IS NULL OR t.project_id = " + lyy + ")";
                 if (table == "users")
                   return own + "(t.id IN (SELECT user_id FROM role_grants WHERE project_id = " +
                          lyy + ") OR t.department_id IN (SELECT id FROM departments WHERE "
                                "project_id = " + lyy + "))";
                 if (table == "roles" || table == "wo_categories") return "t.company_id = " + company;
                 if (table == "messages")
                   return "t.user_id = (SELECT id FROM users WHERE login = 'p2.management')";
                 if (table == "residents")
                   return own + "t.id IN (SELECT resident_id FROM house_residents WHERE "
                                "project_id = " + lyy + ")";
                 return own + "t.project_id = " + lyy;
               }});
}

Caller OwnerCaller(const std::string& login) {
  return {login, [login](const std::string& table) -> std::string {
            std::string houses =
                "(SELECT hr.house_id FROM house_residents hr JOIN residents r ON "
                "r.id = hr.resident_id JOIN users u ON u.id = r.user_id WHERE u.login = '" +
                login + "')";
            if (table == "houses") return "t.id IN " + houses;
            if (table == "projects")
              return "t.id IN (SELECT project_id FROM houses WHERE id IN " + houses + ")";
            if (table == "residents")
              return "t.id IN (SELECT resident_id FROM house_residents WHERE house_id IN " +
                     houses + ")";
            if (table == "messages")
              return "t.user_id = (SELECT id FROM users WHERE login = '" + login + "')";
            if (table == "vehicles" || table == "bills" || table == "payments" ||
                table == "receipts")
              return "t.house_id IN " + houses;
            std::string me = "(SELECT id FROM users WHERE login = '" + login + "')";
            if (table == "work_orders")  // reported by them or about their houses
              return "(t.reporter_user_id = " + me + " OR t.house_id IN " + houses + ")";
            if (table == "wo_categories")  // the report form's active categories
              return "t.active = 1 AND t.company_id = (SELECT company_id FROM users WHERE id = " +
                     me + ")";
            return "1 = 0";  // nothing else is a resident's to see
          }};
}

TEST_F(TenantIsolationApiTest, AnotherOwnerInTheSameProjectSeesOnlyTheirHouse) {
  CheckCaller(OwnerCaller("owner2"));
}

TEST_F(TenantIsolationApiTest, AnOwnerInAnotherProjectSeesOnlyTheirHouse) {
  CheckCaller(OwnerCaller("owner3"));
}

TEST_F(TenantIsolationApiTest, TheOwnerSeesTheirOwnHouse) {
  auto owner = app_->LoginAs("owner");
  Reply houses = owner->Get("/api/v1/houses");
  ASSERT_EQ(houses.status, 200) << houses.body;
  ASSERT_EQ(houses.json().at("total").as_int64(), 1);
  EXPECT_EQ(houses.json().at("items").at(0).at("id").as_int64(), victim_.house);
  EXPECT_EQ(owner->Get("/api/v1/houses/" + std::to_string(victim_.house)).status, 200);
  EXPECT_EQ(owner->Get("/api/v1/residents/" + std::to_string(victim_.resident)).status, 200);
  EXPECT_EQ(owner->Get("/api/v1/vehicles/" + std::to_string(victim_.vehicle)).status, 200);
  EXPECT_EQ(owner->Get("/api/v1/projects/" + std::to_string(victim_.project)).status, 200);
  EXPECT_EQ(owner->Get("/api/v1/projects/" + std::to_string(victim_.unseen_project)).status, 404);
  EXPECT_EQ(owner->Get("/api/v1/files/" + std::to_string(victim_.file)).status, 200);
  EXPECT_EQ(owner->Get("/api/v1/work-orders/" + std::to_string(victim_.work_order)).status, 200);
  EXPECT_EQ(owner->Get("/api/v1/receipts/print?ids=" + std::to_string(victim_.receipt)).status, 200);
  auto me = owner->Get("/api/v1/me").json();
  EXPECT_EQ(me.at("resident_ids").at(0).as_int64(), victim_.resident);
}

}  // namespace
}  // namespace anju::testing
