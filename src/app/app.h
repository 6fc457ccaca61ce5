// The one place where everything is wired together: the database, the secret key, the
// services of every module and their routes. `anju serve` and the API tests both build an
// App; only main.cc (the command line) is not shared with the tests.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/crypto.h"
#include "db/database.h"
#include "http/event_hub.h"
#include "http/router.h"
#include "modules/billing/billing_service.h"
#include "modules/billing/discounts.h"
#include "modules/billing/ledger.h"
#include "modules/billing/settings.h"
#include "modules/collection/reminders.h"
#include "modules/corrections/corrections.h"
#include "platform/files/files_service.h"
#include "platform/identity/identity_service.h"
#include "modules/importer/import_service.h"
#include "modules/metering/meters.h"
#include "platform/notify/notifier.h"
#include "platform/org/org_service.h"
#include "modules/property/property_service.h"
#include "modules/receipts/receipts.h"
#include "modules/reports/report_service.h"
#include "modules/workorder/reports.h"
#include "modules/workorder/settings.h"
#include "modules/workorder/workorder_service.h"

namespace anju::app {

// `anju ledger check` and the tests' check after every billing test: billing's ledger::Check
// with the corrections' part (corrections_check.h) in the same transaction.
billing::ledger::CheckReport CheckBooks(db::Database& db);

struct AppConfig {
  std::string db_url = "sqlite:./data/anju.db";
  std::string data_dir = "./data";  // secret.key and uploaded files
  std::string web_dir;              // the built web UI (web/dist); "" serves no UI
  std::string public_url = "http://127.0.0.1:8080";  // how users reach us (receipt QR codes)
  int db_pool = 8;
  // SMS provider (notify/sms_http.h): without a URL, SMS stays in the local outbox.
  std::string sms_url;
  std::string sms_key_file;  // the signing key; required with sms_url
  identity::IdentityConfig identity;
};

class App {
 public:
  // Opens the database, applies migrations, loads (or creates) the secret key and registers
  // every route. Throws on a database or key problem, or a bad SMS setting.
  App(AppConfig cfg, const Clock& clock);
  ~App();

  http::Response Handle(http::Request& req) const { return router_->Handle(req); }
  const http::Router& router() const { return *router_; }
  db::Database& db() { return *db_; }
  const Clock& clock() const { return clock_; }
  const crypto::SecretKey& key() const { return key_; }
  identity::IdentityService& identity() { return *identity_; }
  org::OrgService& org() { return *org_; }
  property::PropertyService& property() { return *property_; }
  billing::BillingService& billing() { return *billing_; }
  receipts::ReceiptService& receipts() { return *receipts_; }
  metering::MeterService& meters() { return *meters_; }
  notify::Notifier& notifier() { return *notifier_; }
  collection::ReminderService& reminders() { return *reminders_; }
  corrections::CorrectionService& corrections() { return *corrections_; }
  reports::ReportService& reports() { return *reports_; }
  // Uploads; other modules attach files and register who may read them (files_service.h).
  files::FilesService& files() { return *files_; }
  // Live updates: modules publish after their transaction commits; stream handlers
  // subscribe (http/event_hub.h).
  http::EventHub& events() { return *events_; }
  workorder::WorkOrderService& workorders() { return *workorders_; }
  importer::ImportService& imports() { return *imports_; }

 private:
  AppConfig cfg_;
  const Clock& clock_;
  std::unique_ptr<db::Database> db_;
  crypto::SecretKey key_;
  std::shared_ptr<identity::IdentityService> identity_;
  std::unique_ptr<org::OrgService> org_;
  std::unique_ptr<property::PropertyService> property_;
  std::unique_ptr<billing::BillingService> billing_;
  std::unique_ptr<billing::Idempotency> idempotency_;  // Idempotency-Keys of money-moving POSTs
  std::unique_ptr<receipts::ReceiptService> receipts_;
  std::unique_ptr<metering::MeterService> meters_;
  std::unique_ptr<notify::Notifier> notifier_;
  std::unique_ptr<collection::ReminderService> reminders_;
  std::unique_ptr<billing::SettingsService> settings_;
  std::unique_ptr<billing::DiscountService> discounts_;
  std::unique_ptr<reports::ReportService> reports_;
  std::unique_ptr<corrections::CorrectionService> corrections_;
  std::unique_ptr<files::FilesService> files_;
  std::unique_ptr<http::EventHub> events_;
  std::unique_ptr<workorder::WorkOrderService> workorders_;
  std::unique_ptr<importer::ImportService> imports_;
  std::unique_ptr<workorder::WorkOrderSettings> wo_settings_;
  std::unique_ptr<workorder::WorkOrderReports> wo_reports_;
  std::unique_ptr<http::Router> router_;
};

}  // namespace anju::app
