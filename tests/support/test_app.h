// A running Anju for black-box API tests: a fresh database (SQLite or PostgreSQL, see
// test_db.h), the demo company (logins admin, manager, service, cashier, engineer, finance,
// owner, owner2, owner3, p2.management…), a second company whose logins are prefixed
// "other.", and the HTTP server on a free port. Time is a ManualClock the test can move.
#pragma once

#include <memory>
#include <string>

#include <boost/json.hpp>

#include "app/app.h"
#include "app/demo.h"
#include "platform/audit/audit_log.h"
#include "http/server.h"
#include "support/http_client.h"
#include "support/test_db.h"

namespace anju::testing {

inline constexpr const char* kDemoPassword = "Test#2026pw";
// Every API test starts at this instant, whatever the wall clock says: 2026-11-23 12:00 in
// China (04:00 UTC), a Monday in the demo's second billed month. Tests move it by hand.
inline constexpr Millis kTestStart = 1795406400000;

class TestApp {
 public:
  // identity settings may be changed before the app starts (lockout, session expiry).
  explicit TestApp(identity::IdentityConfig identity = FastIdentity());
  ~TestApp();

  static identity::IdentityConfig FastIdentity() {
    identity::IdentityConfig c;
    c.password_cost = crypto::PwCost::kFast;
    return c;
  }

  uint16_t port() const { return port_; }
  app::App& app() { return *app_; }
  ManualClock& clock() { return clock_; }
  const TestDatabase& database() const { return db_; }
  int64_t company_id() const { return demo_.company_id; }
  int64_t other_company_id() const { return other_.company_id; }

  // A client logged in with a bearer token (no CSRF needed). Fails the test on error.
  std::unique_ptr<TestClient> LoginAs(const std::string& login,
                                      const std::string& password = kDemoPassword);
  // A client logged in with the session cookie; csrf receives the CSRF token.
  std::unique_ptr<TestClient> LoginWithCookie(const std::string& login, std::string* csrf);
  std::unique_ptr<TestClient> Anonymous() { return std::make_unique<TestClient>(port_); }

  // Stops the server and the app and starts them again on the same database and data
  // folder (a restart); the port changes, so log in again.
  void Restart();
  // Runs a query and returns the first column of the first row as an integer.
  int64_t Count(const std::string& sql);
  // Every audit chain verifies.
  bool AuditChainOk();

 private:
  TestDatabase db_;
  ManualClock clock_;
  app::AppConfig cfg_;
  std::unique_ptr<app::App> app_;
  app::DemoSummary demo_, other_;
  std::unique_ptr<http::Server> server_;
  uint16_t port_ = 0;
};

// Id of the first project (JHY), second (LYY) and third (XHGC) of a company, by code.
int64_t ProjectId(TestApp& t, int64_t company_id, const std::string& code);
// Id of a house by its code in a project.
int64_t HouseId(TestApp& t, int64_t project_id, const std::string& code);

}  // namespace anju::testing
