// Three-level organisation through HTTP: project-scoped staff management, role grants
// without escalation, roles from the permission catalogue, disabling an account.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

std::string Code(const Reply& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

class OrgApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { app_ = new TestApp(); }
  static void TearDownTestSuite() { delete app_; }
  void TearDown() override { EXPECT_TRUE(app_->AuditChainOk()); }
  int64_t Department(const std::string& project_code, const std::string& name) {
    return app_->Count("SELECT id FROM departments WHERE name = '" + name +
                       "' AND project_id = " +
                       std::to_string(ProjectId(*app_, app_->company_id(), project_code)));
  }
  int64_t RoleId(const std::string& code) {
    return app_->Count("SELECT id FROM roles WHERE code = '" + code + "' AND company_id = " +
                       std::to_string(app_->company_id()));
  }
  static TestApp* app_;
};
TestApp* OrgApiTest::app_ = nullptr;

TEST_F(OrgApiTest, HqSeesAllProjectsAProjectManagerOnlyTheirs) {
  auto admin = app_->LoginAs("admin");
  EXPECT_EQ(admin->Get("/api/v1/projects").json().at("total").as_int64(), 3);
  auto manager = app_->LoginAs("manager");
  Reply mine = manager->Get("/api/v1/projects");
  ASSERT_EQ(mine.json().at("total").as_int64(), 1);
  EXPECT_EQ(mine.json().at("items").at(0).at("code").as_string(), "JHY");
  // Only HQ creates projects.
  Reply create = manager->PostJson("/api/v1/projects",
                                   json::object{{"code", "NEW"}, {"name", "新项目"}, {"kind", "park"}});
  EXPECT_EQ(create.status, 403);
  Reply ok = admin->PostJson("/api/v1/projects",
                             json::object{{"code", "NEW"}, {"name", "新项目"}, {"kind", "park"}});
  EXPECT_EQ(ok.status, 201) << ok.body;
  Reply dup = admin->PostJson("/api/v1/projects",
                              json::object{{"code", "NEW"}, {"name", "重复"}, {"kind", "park"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(Code(dup), "PROJECT_CODE_TAKEN");
}

TEST_F(OrgApiTest, ProjectManagerManagesStaffOfTheirOwnProjectOnly) {
  auto manager = app_->LoginAs("p2.management");
  json::object body{{"login", "lyy.guard7"}, {"name", "新保安"}, {"password", "Guard#2026pw"},
                    {"trade", "security"}};
  Reply no_dept = manager->PostJson("/api/v1/staff", body);
  EXPECT_EQ(no_dept.status, 400);
  EXPECT_EQ(no_dept.json().at("error").at("fields").at(0).at("field").as_string(), "department_id");
  body["department_id"] = Department("JHY", "秩序部");
  EXPECT_EQ(manager->PostJson("/api/v1/staff", body).status, 404);
  body["department_id"] = Department("LYY", "秩序部");
  Reply ok = manager->PostJson("/api/v1/staff", body);
  ASSERT_EQ(ok.status, 201) << ok.body;
  int64_t id = ok.json().at("id").as_int64();
  EXPECT_EQ(manager->Get("/api/v1/staff/" + std::to_string(id)).status, 200);
  // Their JHY colleague cannot see the new guard.
  EXPECT_EQ(app_->LoginAs("manager")->Get("/api/v1/staff/" + std::to_string(id)).status, 404);
  // Weak passwords and taken logins are refused with the field named.
  body["login"] = "lyy.guard8";
  body["password"] = "12345678";
  Reply weak = manager->PostJson("/api/v1/staff", body);
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(Code(weak), "WEAK_PASSWORD");
  body["login"] = "manager";
  body["password"] = "Guard#2026pw";
  Reply taken = manager->PostJson("/api/v1/staff", body);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(Code(taken), "LOGIN_TAKEN");
}

TEST_F(OrgApiTest, NobodyGrantsMoreThanTheyHold) {
  auto admin = app_->LoginAs("admin");
  // A project administrator role: may grant roles, in XHGC only.
  Reply role = admin->PostJson(
      "/api/v1/roles",
      json::object{{"code", "project_admin"},
                   {"name", "项目管理员"},
                   {"permissions", json::array{"org:role:write", "org:role:read", "org:staff:read"}}});
  ASSERT_EQ(role.status, 201) << role.body;
  int64_t p3 = ProjectId(*app_, app_->company_id(), "XHGC");
  int64_t p3_manager = app_->Count("SELECT id FROM users WHERE login = 'p3.management'");
  Reply grant = admin->PostJson("/api/v1/staff/" + std::to_string(p3_manager) + "/grants",
                                json::object{{"role_id", role.json().at("id").as_int64()},
                                             {"project_id", p3}});
  ASSERT_EQ(grant.status, 201) << grant.body;

  auto granter = app_->LoginAs("p3.management");
  int64_t guard = app_->Count("SELECT id FROM users WHERE login = 'p3.security'");
  std::string grants = "/api/v1/staff/" + std::to_string(guard) + "/grants";
  // HQ admin holds codes the granter does not: refused.
  Reply up = granter->PostJson(grants, json::object{{"role_id", RoleId("hq_admin")}, {"project_id", p3}});
  EXPECT_EQ(up.status, 403);
  EXPECT_EQ(Code(up), "GRANT_ESCALATION");
  // Company-wide is beyond a project-scoped granter.
  Reply wide = granter->PostJson(grants, json::object{{"role_id", RoleId("cleaner")}});
  EXPECT_EQ(wide.status, 403);
  // A role within their own codes, in their project: fine, and it takes effect.
  Reply fine = granter->PostJson(grants, json::object{{"role_id", RoleId("cleaner")}, {"project_id", p3}});
  EXPECT_EQ(fine.status, 201) << fine.body;
  Reply again = granter->PostJson(grants, json::object{{"role_id", RoleId("cleaner")}, {"project_id", p3}});
  EXPECT_EQ(again.status, 409);
  // A project manager without org:role:write cannot grant at all.
  Reply pm = app_->LoginAs("manager")->PostJson(
      "/api/v1/staff/" + std::to_string(app_->Count("SELECT id FROM users WHERE login = 'engineer'")) +
          "/grants",
      json::object{{"role_id", RoleId("cleaner")}});
  EXPECT_EQ(pm.status, 403);
}

TEST_F(OrgApiTest, RolesHoldOnlyKnownCodesAndBuiltinsAreFixed) {
  auto admin = app_->LoginAs("admin");
  Reply bad = admin->PostJson("/api/v1/roles",
                              json::object{{"code", "x1"}, {"name", "x"},
                                           {"permissions", json::array{"property:house:read", "root:all"}}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json().at("error").at("fields").at(0).at("field").as_string(), "permissions[1]");
  Reply builtin = admin->PatchJson("/api/v1/roles/" + std::to_string(RoleId("cashier")),
                                   json::object{{"name", "改名"}});
  EXPECT_EQ(builtin.status, 409);
  Reply catalogue = admin->Get("/api/v1/permissions");
  EXPECT_GE(catalogue.json().at("items").as_array().size(), 19u);
}

TEST_F(OrgApiTest, DisablingAnAccountEndsItsSessions) {
  auto admin = app_->LoginAs("admin");
  auto victim = app_->LoginAs("p3.cleaning");
  ASSERT_EQ(victim->Get("/api/v1/me").status, 200);
  int64_t id = app_->Count("SELECT id FROM users WHERE login = 'p3.cleaning'");
  Reply off = admin->PatchJson("/api/v1/staff/" + std::to_string(id), json::object{{"status", "disabled"}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(victim->Get("/api/v1/me").status, 401);
  EXPECT_EQ(app_->Anonymous()
                ->PostJson("/api/v1/auth/login",
                           json::object{{"login", "p3.cleaning"}, {"password", kDemoPassword}})
                .status,
            403);
  Reply self = admin->PatchJson("/api/v1/staff/" +
                                    std::to_string(app_->Count("SELECT id FROM users WHERE login = 'admin'")),
                                json::object{{"status", "disabled"}});
  EXPECT_EQ(self.status, 403);
}

}  // namespace
}  // namespace anju::testing
