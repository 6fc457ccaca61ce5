#include "app/app.h"

#include <fstream>

#include "db/migrations.h"
#include "http/metrics.h"
#include "http/static_files.h"
#include "platform/audit/audit_routes.h"
#include "modules/billing/billing_routes.h"
#include "modules/billing/discount_routes.h"
#include "modules/billing/house_bills.h"
#include "modules/collection/reminder_routes.h"
#include "modules/corrections/adjustment_routes.h"
#include "modules/corrections/corrections_check.h"
#include "platform/files/files_routes.h"
#include "platform/identity/identity_routes.h"
#include "platform/identity/permissions.h"
#include "modules/importer/import_routes.h"
#include "modules/metering/meter_routes.h"
#include "platform/notify/notify_routes.h"
#include "platform/notify/sms_http.h"
#include "platform/org/org_routes.h"
#include "modules/property/directories.h"
#include "modules/property/property_routes.h"
#include "modules/receipts/receipt_routes.h"
#include "modules/reports/report_routes.h"
#include "modules/property/house_lookup_routes.h"
#include "modules/workorder/workorder_routes.h"

namespace anju::app {

namespace {
std::unique_ptr<db::Database> OpenAndMigrate(const AppConfig& cfg) {
  crypto::Init();
  auto db = db::Open(cfg.db_url, cfg.db_pool);
  db::Migrate(*db);
  return db;
}

// The SMS provider channel, or nullptr when no URL is configured. Throws on a bad setting.
std::unique_ptr<notify::Channel> SmsChannel(const AppConfig& cfg, const Clock& clock) {
  if (cfg.sms_url.empty()) return nullptr;
  if (cfg.sms_key_file.empty()) throw std::runtime_error("--sms-url needs --sms-key-file");
  std::ifstream in(cfg.sms_key_file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the SMS key file " + cfg.sms_key_file);
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
  auto ch = notify::SmsHttpChannel::Create({cfg.sms_url, key}, clock);
  if (!ch.ok())
    throw std::runtime_error("SMS: " + ch.error().fields.front().field + ": " +
                             ch.error().fields.front().message);
  return std::move(*ch);
}
}  // namespace

billing::ledger::CheckReport CheckBooks(db::Database& db) {
  return billing::ledger::Check(db, {corrections::Check});
}

App::App(AppConfig cfg, const Clock& clock)
    : cfg_(std::move(cfg)),
      clock_(clock),
      db_(OpenAndMigrate(cfg_)),
      key_(crypto::SecretKey::LoadOrCreate(cfg_.data_dir)) {
  identity_ = std::make_shared<identity::IdentityService>(*db_, clock_, cfg_.identity);
  org_ = std::make_unique<org::OrgService>(*db_, clock_, *identity_);
  property_ = std::make_unique<property::PropertyService>(*db_, clock_, key_);
  // Ports: modules below read what modules above them own through interfaces the upper
  // modules implement (src/modules/README.md; billing's are in billing/ports.h).
  identity_->SetResidentDirectory(&property::ResidentDirectoryOf());
  org_->SetHouseDirectory(&property::HouseDirectoryOf());
  property_->SetHouseBills(&billing::HouseBillsOf());
  // Billing's own: metering, receipts and corrections are built first and handed to
  // BillingService. (Corrections reach billing's payment providers through billing_, which
  // exists by the time it asks.)
  meters_ = std::make_unique<metering::MeterService>(*db_, clock_);
  receipts_ = std::make_unique<receipts::ReceiptService>(*db_, clock_,
                                                         receipts::ReceiptOptions{cfg_.public_url});
  corrections_ = std::make_unique<corrections::CorrectionService>(
      *db_, clock_, [this](std::string_view channel) { return billing_->Provider(channel); });
  billing_ = std::make_unique<billing::BillingService>(
      *db_, clock_, billing::Ports{*meters_, *receipts_, *corrections_});
  idempotency_ = std::make_unique<billing::Idempotency>(*db_, clock_);
  notifier_ = std::make_unique<notify::Notifier>(*db_, clock_, key_, SmsChannel(cfg_, clock_));
  reminders_ = std::make_unique<collection::ReminderService>(*db_, clock_, key_, *notifier_);
  settings_ = std::make_unique<billing::SettingsService>(*db_, clock_);
  discounts_ = std::make_unique<billing::DiscountService>(*db_, clock_);
  reports_ = std::make_unique<reports::ReportService>(*db_, clock_);
  files_ = std::make_unique<files::FilesService>(*db_, clock_, cfg_.data_dir);
  if (!cfg_.web_dir.empty() && files::PathIsInside(files_->store().root(), cfg_.web_dir))
    throw std::runtime_error("the data folder's files/ must not lie inside the web folder " +
                             cfg_.web_dir);
  events_ = std::make_unique<http::EventHub>();
  workorders_ = std::make_unique<workorder::WorkOrderService>(*db_, clock_, key_, *notifier_);
  imports_ = std::make_unique<importer::ImportService>(*db_, clock_, key_, cfg_.data_dir,
                                                       *corrections_);
  wo_settings_ = std::make_unique<workorder::WorkOrderSettings>(*db_, clock_);
  wo_reports_ = std::make_unique<workorder::WorkOrderReports>(*db_, clock_);
  router_ = std::make_unique<http::Router>(
      std::make_shared<identity::RequestAuthenticator>(*identity_));

  router_->AddPublic("GET", "/healthz", [this](http::Request& req) {
    bool ok = true;
    try {
      db_->Run(db::TxMode::kRead, [](db::Tx& tx) { tx.Query("SELECT 1"); });
    } catch (const std::exception&) {
      ok = false;
    }
    return http::JsonReply(ok ? 200 : 503, boost::json::object{{"status", ok ? "ok" : "down"},
                                                               {"version", ANJU_VERSION}});
  });
  http::GlobalMetrics().SetGaugeSource([this] {
    db::PoolStats s = db_->Stats();
    return std::vector<std::pair<std::string, double>>{
        {"anju_db_pool_connections{state=\"open\"}", double(s.size)},
        {"anju_db_pool_connections{state=\"in_use\"}", double(s.in_use)},
        {"anju_db_pool_waits_total", double(s.waits)}};
  });
  router_->AddPublic("GET", "/metrics", [](http::Request&) {
    http::Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = http::GlobalMetrics().Render();
    return r;
  });

  identity::RegisterRoutes(*router_, *identity_);
  org::RegisterRoutes(*router_, *org_);
  // Before the property routes: /houses/lookup is not /houses/{id} (the first match wins).
  property::RegisterHouseLookupRoutes(*router_, *db_, key_, clock_);
  property::RegisterRoutes(*router_, *property_);
  audit::RegisterRoutes(*router_, *db_, std::string(identity::perm::kAuditRead));
  billing::RegisterRoutes(*router_, *billing_, *idempotency_);
  receipts::RegisterReceiptRoutes(*router_, *receipts_);
  metering::RegisterMeterRoutes(*router_, *meters_);
  reports::RegisterReportRoutes(*router_, *reports_);
  collection::RegisterReminderRoutes(*router_, *reminders_);
  notify::RegisterRoutes(*router_, *notifier_);
  billing::RegisterSettingsRoutes(*router_, *settings_);
  corrections::RegisterCorrectionRoutes(*router_, *corrections_, *idempotency_);
  billing::RegisterDiscountRoutes(*router_, *discounts_);
  files::RegisterRoutes(*router_, *files_);
  importer::RegisterRoutes(*router_, *imports_);
  for (const char* kind : {"work_order", "work_order_done", "work_order_sign"})
    files_->RegisterOwnerAccess(kind, [this](db::Tx& tx, const TenantContext& ctx, int64_t id) {
      return workorders_->CanRead(tx, ctx, id);
    });
  workorder::RegisterRoutes(*router_, *workorders_, *wo_settings_, *wo_reports_, *events_,
                            cfg_.public_url);
  if (!cfg_.web_dir.empty()) router_->SetFallback(http::MakeStaticHandler(cfg_.web_dir));
}

App::~App() = default;

}  // namespace anju::app
