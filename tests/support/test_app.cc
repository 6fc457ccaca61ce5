#include "support/test_app.h"

#include <gtest/gtest.h>

namespace anju::testing {

TestApp::TestApp(identity::IdentityConfig identity) : clock_(kTestStart) {
  cfg_.db_url = db_.url();
  cfg_.data_dir = db_.data_dir();
  cfg_.db_pool = 6;
  cfg_.identity = identity;
  app_ = std::make_unique<app::App>(cfg_, clock_);
  app::DemoOptions d;
  d.password = kDemoPassword;
  d.history_months = 0;  // the tests make the bills and orders they follow
  auto demo = app::SeedDemo(*app_, clock_, d);
  if (!demo.ok()) throw std::runtime_error("demo: " + demo.error().message);
  demo_ = *demo;
  app::DemoOptions o;
  o.password = kDemoPassword;
  o.company_code = "other-co";
  o.company_name = "别家物业";
  o.login_prefix = "other.";
  o.history_months = 0;
  auto other = app::SeedDemo(*app_, clock_, o);
  if (!other.ok()) throw std::runtime_error("other demo: " + other.error().message);
  other_ = *other;
  http::ServerOptions so;
  so.port = 0;
  so.worker_threads = 3;
  server_ = std::make_unique<http::Server>(so, [this](http::Request& r) { return app_->Handle(r); });
  port_ = server_->StartInBackground();
}

void TestApp::Restart() {
  server_->Stop();
  server_.reset();
  app_.reset();
  app_ = std::make_unique<app::App>(cfg_, clock_);
  http::ServerOptions so;
  so.port = 0;
  so.worker_threads = 3;
  server_ = std::make_unique<http::Server>(so, [this](http::Request& r) { return app_->Handle(r); });
  port_ = server_->StartInBackground();
}

TestApp::~TestApp() {
  server_->Stop();
  server_.reset();
  app_.reset();
}

std::unique_ptr<TestClient> TestApp::LoginAs(const std::string& login,
                                             const std::string& password) {
  auto c = std::make_unique<TestClient>(port_);
  Reply r = c->PostJson("/api/v1/auth/login", boost::json::object{{"login", login},
                                                                   {"password", password}});
  if (r.status != 200) throw std::runtime_error("login " + login + ": " + r.body);
  c->ClearCookies();  // bearer only
  c->SetBearer(std::string(r.json().at("token").as_string()));
  return c;
}

std::unique_ptr<TestClient> TestApp::LoginWithCookie(const std::string& login, std::string* csrf) {
  auto c = std::make_unique<TestClient>(port_);
  Reply r = c->PostJson("/api/v1/auth/login", boost::json::object{{"login", login},
                                                                   {"password", kDemoPassword}});
  if (r.status != 200) throw std::runtime_error("login " + login + ": " + r.body);
  *csrf = std::string(r.json().at("csrf_token").as_string());
  return c;
}

int64_t TestApp::Count(const std::string& sql) {
  return app_->db().Run(db::TxMode::kRead, [&](db::Tx& tx) { return tx.QueryOne(sql)->Int(0); });
}

bool TestApp::AuditChainOk() { return audit::Verify(app_->db()).ok; }

int64_t ProjectId(TestApp& t, int64_t company_id, const std::string& code) {
  return t.app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return tx.QueryOne("SELECT id FROM projects WHERE company_id = ? AND code = ?",
                       {company_id, code})->Int(0);
  });
}

int64_t HouseId(TestApp& t, int64_t project_id, const std::string& code) {
  return t.app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return tx.QueryOne("SELECT id FROM houses WHERE project_id = ? AND code = ?",
                       {project_id, code})->Int(0);
  });
}

}  // namespace anju::testing
