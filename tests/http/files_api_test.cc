// Uploads through HTTP: the type comes from magic bytes (a script, an HTML page or an SVG
// named .jpg is refused and leaves nothing behind), size limits, who may read a file before
// and after another module attaches it, where the bytes are stored, the headers they are
// served with, CSRF on a cookie session, and the per-user rate limit.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "platform/files/files_json.h"
#include "platform/files/files_service.h"
#include "support/test_app.h"

namespace anju::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string Code(const Reply& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

std::string Jpeg(size_t size = 600) {
  std::string b("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11);
  b.resize(size, '\x5A');
  return b;
}
std::string Png() { return std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16) + "pixels"; }
std::string Webp() { return std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) + "pixels"; }

// Every regular file below dir (the store; temporary files included).
std::vector<fs::path> FilesUnder(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (it->is_regular_file()) out.push_back(it->path());
  return out;
}

class FilesApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { app_ = new TestApp(); }
  static void TearDownTestSuite() {
    delete app_;
    app_ = nullptr;
  }
  void TearDown() override { EXPECT_TRUE(app_->AuditChainOk()); }

  static Reply Upload(TestClient& c, const std::string& bytes, const std::string& type,
                      TestClient::Headers extra = {}) {
    extra.emplace_back("Content-Type", type);
    return c.Send("POST", "/api/v1/files", bytes, extra);
  }
  static int64_t Uploaded(TestClient& c, const std::string& bytes = Jpeg(),
                          const std::string& type = "image/jpeg") {
    Reply r = Upload(c, bytes, type);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }
  static fs::path Store() { return fs::path(app_->database().data_dir()) / "files"; }
  static int64_t Rows() { return app_->Count("SELECT COUNT(*) FROM files"); }
  static int64_t UserId(const std::string& login) {
    return app_->Count("SELECT id FROM users WHERE login = '" + login + "'");
  }

  static TestApp* app_;
};
TestApp* FilesApiTest::app_ = nullptr;

TEST_F(FilesApiTest, JpegPngAndWebpAreAcceptedAndServedBackWithSafeHeaders) {
  auto owner = app_->LoginAs("owner");
  struct Case {
    std::string bytes, type, ext;
  };
  for (const Case& c : {Case{Jpeg(), "image/jpeg", "jpg"}, Case{Png(), "image/png", "png"},
                        Case{Webp(), "image/webp; charset=binary", "webp"}}) {
    SCOPED_TRACE(c.ext);
    Reply up = Upload(*owner, c.bytes, c.type);
    ASSERT_EQ(up.status, 201) << up.body;
    json::object o = up.json().as_object();
    int64_t id = o.at("id").as_int64();
    std::string media = c.type.substr(0, c.type.find(';'));
    EXPECT_EQ(o.at("content_type").as_string(), media);
    EXPECT_EQ(o.at("size_bytes").as_int64(), static_cast<int64_t>(c.bytes.size()));
    EXPECT_EQ(o.at("sha256").as_string(), crypto::Sha256Hex(c.bytes));
    EXPECT_EQ(o.at("url").as_string(), "/api/v1/files/" + std::to_string(id));
    EXPECT_EQ(up.header("location"), o.at("url").as_string());

    Reply get = owner->Get("/api/v1/files/" + std::to_string(id));
    ASSERT_EQ(get.status, 200) << get.body;
    EXPECT_EQ(get.body, c.bytes);
    EXPECT_EQ(get.header("content-type"), media);
    EXPECT_EQ(get.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(get.header("content-disposition"),
              "inline; filename=\"" + std::to_string(id) + "." + c.ext + "\"");
    EXPECT_EQ(get.header("cache-control"), "private, max-age=86400");
  }
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'files.file.upload' AND "
                        "actor_id = " + std::to_string(UserId("owner"))),
            3);
}

TEST_F(FilesApiTest, ContentThatIsNotAnImageIsRefusedByItsBytesAndNothingIsStored) {
  auto staff = app_->LoginAs("engineer");
  int64_t rows = Rows();
  size_t files = FilesUnder(Store()).size();
  const std::string exe = std::string("MZ\x90\x00\x03\x00\x00\x00", 8) + "This program cannot";
  const std::string html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>";
  const std::string svg =
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
  for (const std::string& bytes : {exe, html, svg}) {
    Reply r = Upload(*staff, bytes, "image/jpeg",
                     {{"Content-Disposition", "attachment; filename=\"photo.jpg\""}});
    EXPECT_EQ(r.status, 415) << r.body;
    EXPECT_EQ(Code(r), "FILE_TYPE_NOT_ALLOWED");
  }
  // A real PNG sent as a JPEG: the declared type must agree with the bytes.
  Reply mismatch = Upload(*staff, Png(), "image/jpeg");
  EXPECT_EQ(mismatch.status, 415);
  EXPECT_EQ(Code(mismatch), "FILE_TYPE_MISMATCH");
  Reply octet = Upload(*staff, Jpeg(), "application/octet-stream");
  EXPECT_EQ(octet.status, 415);
  Reply empty = Upload(*staff, "", "image/jpeg");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(Code(empty), "FILE_EMPTY");
  EXPECT_EQ(Rows(), rows);
  EXPECT_EQ(FilesUnder(Store()).size(), files);
}

TEST_F(FilesApiTest, SizeLimits) {
  auto staff = app_->LoginAs("engineer");
  int64_t rows = Rows();
  // Exactly the limit reaches the handler (the server reads more than JSON's 1 MiB) …
  EXPECT_EQ(Upload(*staff, Jpeg(files::kMaxPhotoBytes), "image/jpeg").status, 201);
  // … one byte more is refused by the upload. (Beyond the server's body_limit the server
  // answers 413 BODY_TOO_LARGE before any handler: HttpServerTest.BodyOverLimit….)
  Reply over = Upload(*staff, Jpeg(files::kMaxPhotoBytes + 1), "image/jpeg");
  EXPECT_EQ(over.status, 413);
  EXPECT_EQ(Code(over), "FILE_TOO_LARGE");
  EXPECT_EQ(Rows(), rows + 1);
  // JSON routes still stop at 1 MiB.
  auto admin = app_->LoginAs("admin");
  Reply json_big = admin->Send("POST", "/api/v1/projects",
                               "{\"name\":\"" + std::string(1024 * 1024 + 10, 'a') + "\"}",
                               {{"Content-Type", "application/json"}});
  EXPECT_EQ(json_big.status, 413);
  EXPECT_EQ(Code(json_big), "BODY_TOO_LARGE");
}

TEST_F(FilesApiTest, StoredUnderTheDataFolderUnderARandomNameOutsideTheWebFolder) {
  auto owner = app_->LoginAs("owner");
  std::string bytes = Jpeg(1234);
  int64_t id = Uploaded(*owner, bytes);
  auto [company, name] = app_->app().db().Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto r = tx.QueryOne("SELECT company_id, storage_name FROM files WHERE id = ?", {id});
    return std::pair(r->Int(0), r->Str(1));
  });
  EXPECT_EQ(company, app_->company_id());
  ASSERT_EQ(name.size(), 32u);
  EXPECT_EQ(name.find_first_not_of("0123456789abcdef"), std::string::npos);
  fs::path path = Store() / std::to_string(company) / name.substr(0, 2) / name;
  ASSERT_TRUE(fs::is_regular_file(path)) << path;
  std::ifstream in(path, std::ios::binary);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(in)), {}), bytes);
  EXPECT_TRUE(files::PathIsInside(path, app_->database().data_dir()));
  EXPECT_FALSE(files::PathIsInside(path, fs::path(app_->database().data_dir()) / "web"));
  // No temporary file is left beside it.
  for (const fs::path& p : FilesUnder(Store()))
    EXPECT_EQ(p.filename().string().find(".tmp"), std::string::npos) << p;
  // The UI's static handler is not where files come from: no public path reaches them.
  auto anon = app_->Anonymous();
  EXPECT_EQ(anon->Get("/api/v1/files/" + std::to_string(id)).status, 401);
  EXPECT_EQ(anon->Get("/files/" + std::to_string(company) + "/" + name.substr(0, 2) + "/" + name)
                .status,
            404);
}

TEST_F(FilesApiTest, AnUnattachedFileIsOnlyItsUploaders) {
  auto owner = app_->LoginAs("owner");
  int64_t id = Uploaded(*owner);
  std::string url = "/api/v1/files/" + std::to_string(id);
  for (const char* other : {"owner2", "admin", "other.admin"}) {
    Reply r = app_->LoginAs(other)->Get(url);
    EXPECT_EQ(r.status, 404) << other;
    EXPECT_EQ(Code(r), "FILE_NOT_FOUND") << other;
  }
  EXPECT_EQ(owner->Get(url).status, 200);
  EXPECT_EQ(owner->Get("/api/v1/files/999999999").status, 404);
  EXPECT_EQ(owner->Get("/api/v1/files/abc").status, 404);
  // Another company's uploader cannot read ours, nor we theirs.
  auto other = app_->LoginAs("other.owner");
  int64_t theirs = Uploaded(*other);
  EXPECT_EQ(owner->Get("/api/v1/files/" + std::to_string(theirs)).status, 404);
  EXPECT_EQ(other->Get("/api/v1/files/" + std::to_string(theirs)).status, 200);
}

TEST_F(FilesApiTest, AttachHandsReadingToTheOwnersAccessRule) {
  auto owner = app_->LoginAs("owner");
  auto owner2 = app_->LoginAs("owner2");
  int64_t a = Uploaded(*owner), b = Uploaded(*owner, Png(), "image/png");
  int64_t not_mine = Uploaded(*owner2);
  int64_t owner_id = UserId("owner");
  auto& db = app_->app().db();
  audit::Actor actor{app_->company_id(), owner_id, "owner", "test", "127.0.0.1"};
  auto attach = [&](std::vector<int64_t> ids, int64_t thing) {
    return db.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      return files::Attach(tx, app_->company_id(), ids, owner_id, "test_thing", thing, actor,
                           app_->clock().Now());
    });
  };
  // Someone else's upload, an unknown id or a repeated id: nothing is attached.
  for (const auto& ids : {std::vector<int64_t>{a, not_mine}, std::vector<int64_t>{a, 99999999},
                          std::vector<int64_t>{a, a}}) {
    Status s = attach(ids, 7);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "FILE_NOT_ATTACHABLE");
    ASSERT_EQ(s.error().fields.size(), 1u);
    EXPECT_EQ(s.error().fields[0].field, "photos[1]");
  }
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM files WHERE owner_kind <> '' AND id = " +
                        std::to_string(a)),
            0);
  // Another company's id for the same uploader is refused too.
  Status cross = db.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    return files::Attach(tx, app_->other_company_id(), {a}, owner_id, "test_thing", 7, actor,
                         app_->clock().Now());
  });
  EXPECT_FALSE(cross.ok());

  ASSERT_TRUE(attach({a, b}, 7).ok());
  Status again = attach({b}, 8);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().fields[0].field, "photos[0]");
  auto listed = db.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return files::ListFor(tx, app_->company_id(), "test_thing", 7);
  });
  EXPECT_EQ(json::serialize(files::ToJson(listed)),
            json::serialize(json::array{
                json::object{{"id", a}, {"content_type", "image/jpeg"},
                             {"url", "/api/v1/files/" + std::to_string(a)}},
                json::object{{"id", b}, {"content_type", "image/png"},
                             {"url", "/api/v1/files/" + std::to_string(b)}}}));

  // Attached, with no rule for its kind: nobody reads it, the uploader included.
  std::string url = "/api/v1/files/" + std::to_string(a);
  EXPECT_EQ(owner->Get(url).status, 404);
  // A rule: staff of the company only, for thing 7.
  app_->app().files().RegisterOwnerAccess(
      "test_thing", [](db::Tx& tx, const TenantContext& ctx, int64_t thing) {
        return thing == 7 && !ctx.IsResident() &&
               tx.QueryOne("SELECT 1 FROM users WHERE id = ? AND company_id = ?",
                           {ctx.user_id, ctx.company_id}).has_value();
      });
  EXPECT_EQ(app_->LoginAs("engineer")->Get(url).status, 200);
  EXPECT_EQ(owner->Get(url).status, 404);
  EXPECT_EQ(app_->LoginAs("other.admin")->Get(url).status, 404);  // never across companies
  EXPECT_EQ(app_->Count("SELECT COUNT(*) FROM audit_log WHERE action = 'files.file.attach'"), 2);
}

TEST_F(FilesApiTest, ACookieSessionNeedsTheCsrfHeader) {
  std::string csrf;
  auto browser = app_->LoginWithCookie("service", &csrf);
  int64_t rows = Rows();
  Reply forged = Upload(*browser, Jpeg(), "image/jpeg");
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(Code(forged), "CSRF_TOKEN_INVALID");
  EXPECT_EQ(Rows(), rows);
  EXPECT_EQ(Upload(*browser, Jpeg(), "image/jpeg", {{"X-CSRF-Token", csrf}}).status, 201);
  EXPECT_EQ(app_->Anonymous()->Send("POST", "/api/v1/files", Jpeg(), {{"Content-Type", "image/jpeg"}})
                .status,
            401);
}

TEST_F(FilesApiTest, UploadsAreRateLimitedPerUser) {
  auto cashier = app_->LoginAs("cashier");
  int64_t user = UserId("cashier");
  // The window already holds the limit's worth of this user's uploads.
  app_->app().db().Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    for (int64_t i = 0; i < files::kUploadRateLimit; ++i)
      tx.Exec("INSERT INTO files (company_id, uploader_id, content_type, size_bytes, sha256, "
              "storage_name, created_at) VALUES (?, ?, 'image/jpeg', 1, 'x', ?, ?)",
              {app_->company_id(), user, "rate" + std::to_string(i), app_->clock().Now()});
  });
  size_t files = FilesUnder(Store()).size();
  Reply limited = Upload(*cashier, Jpeg(), "image/jpeg");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(Code(limited), "FILE_UPLOAD_RATE_LIMITED");
  EXPECT_EQ(FilesUnder(Store()).size(), files);
  EXPECT_EQ(Upload(*app_->LoginAs("finance"), Jpeg(), "image/jpeg").status, 201);  // others may
  app_->clock().Advance(files::kUploadRateWindow + 1);
  EXPECT_EQ(Upload(*cashier, Jpeg(), "image/jpeg").status, 201);
}

}  // namespace
}  // namespace anju::testing
