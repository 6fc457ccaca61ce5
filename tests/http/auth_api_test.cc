// Login, sessions, lockout, CSRF, logout, password change — through HTTP.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

std::string Code(const Reply& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

json::object Creds(const std::string& login, const std::string& pw) {
  return {{"login", login}, {"password", pw}};
}

class AuthApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { app_ = new TestApp(); }
  static void TearDownTestSuite() { delete app_; }
  static TestApp* app_;
};
TestApp* AuthApiTest::app_ = nullptr;

TEST_F(AuthApiTest, LoginSetsHttpOnlyStrictCookieAndReturnsBearerToken) {
  auto c = app_->Anonymous();
  Reply r = c->PostJson("/api/v1/auth/login", Creds("admin", kDemoPassword));
  ASSERT_EQ(r.status, 200) << r.body;
  std::string cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("anju_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto body = r.json().as_object();
  EXPECT_GE(body.at("token").as_string().size(), 40u);
  EXPECT_EQ(body.at("user").at("login").as_string(), "admin");
  // The token is stored only as a hash.
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM sessions WHERE token_hash = '" +
                        std::string(body.at("token").as_string()) + "'"),
            0);
  // The bearer token works on its own.
  auto b = app_->Anonymous();
  b->SetBearer(std::string(body.at("token").as_string()));
  Reply me = b->Get("/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("kind").as_string(), "staff");
}

TEST_F(AuthApiTest, WrongPasswordAndUnknownLoginLookTheSame) {
  auto c = app_->Anonymous();
  Reply a = c->PostJson("/api/v1/auth/login", Creds("cashier", "Wrong#pass1"));
  Reply b = c->PostJson("/api/v1/auth/login", Creds("nobody-here", "Wrong#pass1"));
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(b.status, 401);
  EXPECT_EQ(Code(a), "INVALID_CREDENTIALS");
  EXPECT_EQ(Code(b), "INVALID_CREDENTIALS");
}

TEST_F(AuthApiTest, FiveFailuresLockTheAccountForThirtyMinutes) {
  auto c = app_->Anonymous();
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(c->PostJson("/api/v1/auth/login", Creds("p3.security", "Wrong#pass1")).status, 401);
  Reply fifth = c->PostJson("/api/v1/auth/login", Creds("p3.security", "Wrong#pass1"));
  EXPECT_EQ(fifth.status, 423);
  EXPECT_EQ(Code(fifth), "ACCOUNT_LOCKED");
  // Even the right password is refused while locked.
  Reply right = c->PostJson("/api/v1/auth/login", Creds("p3.security", kDemoPassword));
  EXPECT_EQ(right.status, 423);
  app_->clock().Advance(29 * kMinute);
  EXPECT_EQ(c->PostJson("/api/v1/auth/login", Creds("p3.security", kDemoPassword)).status, 423);
  app_->clock().Advance(2 * kMinute);
  EXPECT_EQ(c->PostJson("/api/v1/auth/login", Creds("p3.security", kDemoPassword)).status, 200);
  EXPECT_TRUE(app_->AuditChainOk());
  EXPECT_GE(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'identity.account.locked'"),
            1);
}

TEST_F(AuthApiTest, IdleAndAbsoluteExpiry) {
  auto c = app_->LoginAs("p2.cleaning");
  EXPECT_EQ(c->Get("/api/v1/me").status, 200);
  app_->clock().Advance(2 * kHour + kMinute);  // idle limit is 2 h
  Reply r = c->Get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Code(r), "SESSION_EXPIRED");

  auto d = app_->LoginAs("p2.cleaning");
  // Used every hour, the session still ends 7 days after login.
  for (int h = 0; h < 7 * 24 - 1; ++h) {
    app_->clock().Advance(kHour);
    ASSERT_EQ(d->Get("/api/v1/me").status, 200) << "hour " << h;
  }
  app_->clock().Advance(kHour + kMinute);
  EXPECT_EQ(d->Get("/api/v1/me").status, 401);
}

TEST_F(AuthApiTest, LogoutEndsTheSession) {
  auto c = app_->LoginAs("p2.service");
  ASSERT_EQ(c->Get("/api/v1/me").status, 200);
  EXPECT_EQ(c->Send("POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(c->Get("/api/v1/me").status, 401);
}

TEST_F(AuthApiTest, CookieSessionsNeedTheCsrfHeaderOnUnsafeMethods) {
  std::string csrf;
  auto c = app_->LoginWithCookie("p2.management", &csrf);
  EXPECT_EQ(c->Get("/api/v1/me").status, 200);  // safe method: cookie alone
  json::object dept{{"name", "客服二部"}, {"project_id", ProjectId(*app_, app_->company_id(), "LYY")}};
  Reply no = c->PostJson("/api/v1/departments", dept);
  EXPECT_EQ(no.status, 403);
  EXPECT_EQ(Code(no), "CSRF_TOKEN_INVALID");
  Reply wrong = c->Send("POST", "/api/v1/departments", json::serialize(dept),
                        {{"Content-Type", "application/json"}, {"X-CSRF-Token", "nope"}});
  EXPECT_EQ(wrong.status, 403);
  Reply ok = c->Send("POST", "/api/v1/departments", json::serialize(dept),
                     {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(ok.status, 201) << ok.body;
}

TEST_F(AuthApiTest, PasswordChangeFollowsThePolicyAndEndsOtherSessions) {
  auto first = app_->LoginAs("p3.collection");
  auto second = app_->LoginAs("p3.collection");
  Reply weak = first->PostJson("/api/v1/me/password",
                               json::object{{"current_password", kDemoPassword},
                                            {"new_password", "password123"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(Code(weak), "WEAK_PASSWORD");
  EXPECT_EQ(weak.json().at("error").at("fields").at(0).at("field").as_string(), "new_password");
  Reply wrong = first->PostJson("/api/v1/me/password",
                                json::object{{"current_password", "Wrong#pass1"},
                                             {"new_password", "Better#Pass2026"}});
  EXPECT_EQ(wrong.status, 400);
  Reply ok = first->PostJson("/api/v1/me/password",
                             json::object{{"current_password", kDemoPassword},
                                          {"new_password", "Better#Pass2026"}});
  EXPECT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(first->Get("/api/v1/me").status, 200);
  EXPECT_EQ(second->Get("/api/v1/me").status, 401);
  auto c = app_->Anonymous();
  EXPECT_EQ(c->PostJson("/api/v1/auth/login", Creds("p3.collection", kDemoPassword)).status, 401);
  EXPECT_EQ(c->PostJson("/api/v1/auth/login", Creds("p3.collection", "Better#Pass2026")).status,
            200);
}

TEST_F(AuthApiTest, MeShowsPermissionsAndResidentsHouses) {
  auto admin = app_->LoginAs("admin");
  auto me = admin->Get("/api/v1/me").json().as_object();
  bool unmask = false;
  for (auto& p : me.at("permissions").as_array())
    if (p.at("code").as_string() == "pii:unmask") unmask = p.at("all_projects").as_bool();
  EXPECT_TRUE(unmask);
  auto owner = app_->LoginAs("owner");
  auto ome = owner->Get("/api/v1/me").json().as_object();
  EXPECT_EQ(ome.at("kind").as_string(), "resident");
  EXPECT_EQ(ome.at("permissions").as_array().size(), 0u);
  EXPECT_EQ(ome.at("house_ids").as_array().size(), 1u);
}

TEST_F(AuthApiTest, EveryApiRouteButLoginNeedsASession) {
  auto c = app_->Anonymous();
  for (const auto& r : app_->app().router().Routes()) {
    if (!r.needs_auth) continue;
    std::string path = r.pattern;
    for (size_t p; (p = path.find('{')) != std::string::npos;)
      path.replace(p, path.find('}', p) - p + 1, "1");
    Reply reply = c->Send(r.method, path, r.method == "GET" || r.method == "DELETE" ? "" : "{}",
                          {{"Content-Type", "application/json"}});
    EXPECT_EQ(reply.status, 401) << r.method << " " << r.pattern;
  }
}

TEST(AuthStorageApiTest, NoAccountsExistBeforeTheDemo) {
  TestDatabase db;
  app::AppConfig cfg;
  cfg.db_url = db.url();
  cfg.data_dir = db.data_dir();
  ManualClock clock(kTestStart);
  app::App a(cfg, clock);
  int64_t n = a.db().Run(db::TxMode::kRead, [](db::Tx& tx) {
    return tx.QueryOne("SELECT COUNT(*) FROM users")->Int(0);
  });
  EXPECT_EQ(n, 0);
}

}  // namespace
}  // namespace anju::testing
