// Hostile and careless input: every case is a 4xx with a stable code, nothing is written,
// and the server keeps serving.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace json = boost::json;

std::string Code(const Reply& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

class BadInputApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { app_ = new TestApp(); }
  static void TearDownTestSuite() { delete app_; }
  void SetUp() override {
    admin_ = app_->LoginAs("admin");
    audit_rows_ = app_->Count("SELECT COUNT(*) FROM audit_log");
    projects_ = app_->Count("SELECT COUNT(*) FROM projects");
  }
  void TearDown() override {
    // Nothing was written by any bad request (the login in SetUp is one audit row).
    EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log"), audit_rows_);
    EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM projects"), projects_);
    EXPECT_EQ(app_->Anonymous()->Get("/healthz").status, 200);
  }
  Reply PostRaw(const std::string& path, const std::string& body,
                const std::string& type = "application/json") {
    return admin_->Send("POST", path, body, {{"Content-Type", type}});
  }
  static TestApp* app_;
  std::unique_ptr<TestClient> admin_;
  int64_t audit_rows_ = 0, projects_ = 0;
};
TestApp* BadInputApiTest::app_ = nullptr;

TEST_F(BadInputApiTest, MalformedJson) {
  for (std::string body : {"{", "{\"code\":}", "[1,2]", "\"text\"", "{\"a\":1,}", "nul", ""}) {
    Reply r = PostRaw("/api/v1/projects", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(Code(r), "MALFORMED_JSON") << body;
    EXPECT_FALSE(r.json().at("error").at("request_id").as_string().empty());
    EXPECT_FALSE(r.json().at("error").at("i18n").as_string().empty());
  }
}

TEST_F(BadInputApiTest, DeepNesting) {
  std::string deep = "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
  Reply r = PostRaw("/api/v1/projects", deep);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Code(r), "MALFORMED_JSON");
}

TEST_F(BadInputApiTest, HugeAndFractionalNumbers) {
  for (std::string n : {"99999999999999999999999", "1e400", "-1e400", "12.5", "1e3",
                        "9223372036854775808"}) {
    Reply r = PostRaw("/api/v1/departments", "{\"name\":\"x\",\"project_id\":" + n + "}");
    ASSERT_EQ(r.status, 400) << n << " " << r.body;
    std::string code = Code(r);
    EXPECT_TRUE(code == "VALIDATION_FAILED" || code == "MALFORMED_JSON") << n << " " << code;
    if (code == "VALIDATION_FAILED") {
      EXPECT_EQ(r.json().at("error").at("fields").at(0).at("field").as_string(), "project_id");
    }
  }
}

TEST_F(BadInputApiTest, InvalidUtf8) {
  std::string bad = "{\"code\":\"X1\",\"name\":\"\xC3\x28\",\"kind\":\"residential\"}";
  Reply r = PostRaw("/api/v1/projects", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Code(r), "MALFORMED_JSON");
  Reply q = admin_->Get("/api/v1/staff?q=%C3%28");
  EXPECT_EQ(q.status, 400);
  EXPECT_EQ(Code(q), "BAD_QUERY_PARAMETER");
}

TEST_F(BadInputApiTest, WrongContentType) {
  Reply r = PostRaw("/api/v1/projects", "{\"code\":\"X2\"}", "text/plain");
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(Code(r), "UNSUPPORTED_MEDIA_TYPE");
  Reply form = PostRaw("/api/v1/auth/login", "login=admin&password=x",
                       "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 415);
}

TEST_F(BadInputApiTest, OversizedBody) {
  std::string big = "{\"name\":\"" + std::string(2 * 1024 * 1024, 'a') + "\"}";
  Reply r = PostRaw("/api/v1/projects", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(Code(r), "BODY_TOO_LARGE");
}

TEST_F(BadInputApiTest, UnknownAndServerOwnedFields) {
  Reply unknown = PostRaw("/api/v1/projects",
                          R"({"code":"X3","name":"新项目","kind":"residential","colour":"red"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json().at("error").at("fields").at(0).at("code").as_string(), "unknown_field");
  Reply owned = PostRaw("/api/v1/projects",
                        R"({"code":"X3","name":"新项目","kind":"residential","company_id":2})");
  EXPECT_EQ(owned.status, 400);
  EXPECT_EQ(owned.json().at("error").at("fields").at(0).at("field").as_string(), "company_id");
  EXPECT_EQ(owned.json().at("error").at("fields").at(0).at("code").as_string(), "read_only");
  Reply status = PostRaw("/api/v1/projects",
                         R"({"code":"X3","name":"新项目","kind":"residential","status":"archived"})");
  EXPECT_EQ(status.status, 400);
}

TEST_F(BadInputApiTest, FieldErrorsNameTheField) {
  Reply r = PostRaw("/api/v1/projects", R"({"code":"","name":"x","kind":"castle"})");
  ASSERT_EQ(r.status, 400);
  std::set<std::string> fields;
  json::value body = r.json();
  for (auto& f : body.at("error").at("fields").as_array())
    fields.insert(std::string(f.at("field").as_string()));
  EXPECT_TRUE(fields.count("code"));
  EXPECT_TRUE(fields.count("kind"));
}

TEST_F(BadInputApiTest, SqlMetacharactersInSearchTerms) {
  for (std::string q : {"%27%20OR%201%3D1%20--", "%25", "_", "%5C", "%22%3B%20DROP%20TABLE%20users%3B--"}) {
    Reply r = admin_->Get("/api/v1/staff?q=" + q);
    ASSERT_EQ(r.status, 200) << q << r.body;
    EXPECT_EQ(r.json().at("total").as_int64(), 0) << q;
  }
  EXPECT_GT(app_->Count("SELECT COUNT(*) FROM users"), 0);
}

TEST_F(BadInputApiTest, PagingLimits) {
  EXPECT_EQ(admin_->Get("/api/v1/staff?size=1000").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/staff?page=0").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/staff?page=-1").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/staff?page=abc").status, 400);
  Reply ok = admin_->Get("/api/v1/staff?page=2&size=5");
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(ok.json().at("items").as_array().size(), 5u);
  EXPECT_EQ(ok.json().at("page").as_int64(), 2);
}

TEST_F(BadInputApiTest, UnknownRoutesAndMethods) {
  Reply nf = admin_->Get("/api/v1/no-such-thing");
  EXPECT_EQ(nf.status, 404);
  EXPECT_EQ(Code(nf), "NOT_FOUND");
  Reply m = admin_->Send("PUT", "/api/v1/projects", "{}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(admin_->Get("/api/v1/projects/abc").status, 404);
  EXPECT_EQ(admin_->Get("/api/v1/projects/99999999999999999999").status, 404);
  EXPECT_EQ(admin_->Get("/api/v1/projects/-1").status, 404);
}

}  // namespace
}  // namespace anju::testing
