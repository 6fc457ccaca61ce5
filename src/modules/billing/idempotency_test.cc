// Idempotency-Key: the store (idempotency.h) against a real database (SQLite by default,
// PostgreSQL with ANJU_TEST_DB=pg: the suite names contain "Storage"), and the route wrapper
// (idempotent_route.h) with plain requests and a stand-in for a money-moving service call.
#include "modules/billing/idempotency.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "db/migrations.h"
#include "http/message.h"
#include "modules/billing/idempotent_route.h"
#include "support/test_db.h"

namespace anju::billing {
namespace {

namespace json = boost::json;

constexpr Millis kNow = 1'795'406'400'000;  // 2026-11-23 04:00 UTC
constexpr int64_t kCompany = 1, kOtherCompany = 2;
const std::string kRoute = "/api/v1/payments";
const std::string kBody = R"({"house_id":1,"amount":100,"channel":"cash"})";

class IdempotencyStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::Open(tdb_.url(), 4);
    db::Migrate(*db_);
    store_ = std::make_unique<Idempotency>(*db_, clock_);
  }

  // Begin that must say "proceed".
  void Take(int64_t company, const std::string& key, const std::string& body = kBody) {
    auto begun = store_->Begin(company, key, kRoute, body);
    ASSERT_TRUE(begun.ok()) << begun.error().code;
    ASSERT_FALSE(begun->has_value()) << "expected a fresh key, got a stored answer";
  }
  // The error code of a Begin that must fail.
  std::string Refused(int64_t company, const std::string& key, const std::string& body = kBody,
                      const std::string& route = kRoute) {
    auto begun = store_->Begin(company, key, route, body);
    return begun.ok() ? "(proceeds)" : begun.error().code;
  }
  std::optional<StoredAnswer> Stored(int64_t company, const std::string& key,
                                     const std::string& body = kBody) {
    auto begun = store_->Begin(company, key, kRoute, body);
    EXPECT_TRUE(begun.ok()) << begun.error().code;
    return begun.ok() ? *begun : std::nullopt;
  }

  testing::TestDatabase tdb_;
  ManualClock clock_{kNow};
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<Idempotency> store_;
};

TEST_F(IdempotencyStorageTest, SameKeyAndBodyReplaysTheFirstAnswer) {
  Take(kCompany, "k-1");
  db_->Run(db::TxMode::kWrite,
           [&](db::Tx& tx) { store_->Complete(tx, kCompany, "k-1", 201, R"({"id":7})"); });
  auto again = Stored(kCompany, "k-1");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->status, 201);
  EXPECT_EQ(again->body, R"({"id":7})");
  // And again, later: an answer does not expire.
  clock_.Advance(kDay);
  EXPECT_EQ(Stored(kCompany, "k-1")->body, R"({"id":7})");
}

TEST_F(IdempotencyStorageTest, AnotherBodyOrRouteIsKeyReused) {
  Take(kCompany, "k-1");
  db_->Run(db::TxMode::kWrite,
           [&](db::Tx& tx) { store_->Complete(tx, kCompany, "k-1", 201, "{}"); });
  EXPECT_EQ(Refused(kCompany, "k-1", R"({"house_id":1,"amount":101,"channel":"cash"})"),
            "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(Refused(kCompany, "k-1", kBody, "/api/v1/prepayments"), "IDEMPOTENCY_KEY_REUSED");
  auto reused = store_->Begin(kCompany, "k-1", kRoute, "{}");
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(http::StatusOf(reused.error().kind), 422);
}

TEST_F(IdempotencyStorageTest, InFlightIsConflictUntilTheTimeout) {
  Take(kCompany, "k-1");
  auto busy = store_->Begin(kCompany, "k-1", kRoute, kBody);
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().code, "IDEMPOTENCY_IN_FLIGHT");
  EXPECT_EQ(http::StatusOf(busy.error().kind), 409);
  clock_.Advance(kInFlightTimeout - 1);
  EXPECT_EQ(Refused(kCompany, "k-1"), "IDEMPOTENCY_IN_FLIGHT");
  // A first attempt that died leaves the key in flight; after the timeout it is taken over,
  // and the dead attempt can no longer store an answer (its money would roll back).
  clock_.Advance(1);
  Take(kCompany, "k-1");
  db_->Run(db::TxMode::kWrite,
           [&](db::Tx& tx) { store_->Complete(tx, kCompany, "k-1", 201, "{\"n\":2}"); });
  EXPECT_THROW(db_->Run(db::TxMode::kWrite,
                        [&](db::Tx& tx) { store_->Complete(tx, kCompany, "k-1", 201, "{}"); }),
               db::DbError);
  EXPECT_EQ(Stored(kCompany, "k-1")->body, "{\"n\":2}");
}

TEST_F(IdempotencyStorageTest, AFailedAttemptCanBeRetried) {
  Take(kCompany, "k-1");
  store_->Release(kCompany, "k-1");  // a 5xx or an exception: nothing moved
  Take(kCompany, "k-1");
  // An answer stored in a transaction that rolled back is not stored.
  EXPECT_THROW(db_->Run(db::TxMode::kWrite,
                        [&](db::Tx& tx) {
                          store_->Complete(tx, kCompany, "k-1", 201, "{}");
                          throw std::runtime_error("the money did not move");
                        }),
               std::runtime_error);
  store_->Release(kCompany, "k-1");
  Take(kCompany, "k-1");
  // A 4xx is the answer: stored, and given again. Release does not forget a stored answer.
  store_->Fail(kCompany, "k-1", 404, R"({"error":{"code":"HOUSE_NOT_FOUND"}})");
  store_->Release(kCompany, "k-1");
  auto again = Stored(kCompany, "k-1");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->status, 404);
}

TEST_F(IdempotencyStorageTest, KeysArePerCompany) {
  Take(kCompany, "shared");
  Take(kOtherCompany, "shared");  // not in flight for company 2
  db_->Run(db::TxMode::kWrite,
           [&](db::Tx& tx) { store_->Complete(tx, kCompany, "shared", 201, "{\"c\":1}"); });
  EXPECT_EQ(Refused(kOtherCompany, "shared"), "IDEMPOTENCY_IN_FLIGHT");
  db_->Run(db::TxMode::kWrite,
           [&](db::Tx& tx) { store_->Complete(tx, kOtherCompany, "shared", 201, "{\"c\":2}"); });
  EXPECT_EQ(Stored(kCompany, "shared")->body, "{\"c\":1}");
  EXPECT_EQ(Stored(kOtherCompany, "shared")->body, "{\"c\":2}");
  // Another company's body under the same key is its own request, not a reuse.
  Take(3, "shared", "{}");
}

TEST_F(IdempotencyStorageTest, KeyMustBePresentShortAndPrintable) {
  EXPECT_EQ(Refused(kCompany, ""), "IDEMPOTENCY_KEY_REQUIRED");
  EXPECT_EQ(Refused(kCompany, std::string(kMaxIdempotencyKey + 1, 'a')),
            "IDEMPOTENCY_KEY_REQUIRED");
  EXPECT_EQ(Refused(kCompany, "with space"), "IDEMPOTENCY_KEY_REQUIRED");
  EXPECT_EQ(Refused(kCompany, "caf\xc3\xa9"), "IDEMPOTENCY_KEY_REQUIRED");
  Take(kCompany, std::string(kMaxIdempotencyKey, 'a'));
}

// The route wrapper: a stand-in service call that "moves money" by inserting a counter row.
class IdempotentRouteStorageTest : public IdempotencyStorageTest {
 protected:
  struct Moved {
    int64_t n = 0;
  };
  static json::object Shape(const Moved& m) { return json::object{{"moved", m.n}}; }

  void SetUp() override {
    IdempotencyStorageTest::SetUp();
    ctx_.company_id = kCompany;
  }

  http::Request Post(const std::string& key, const std::string& body = kBody) {
    http::Request req;
    req.method = "POST";
    req.route = kRoute;
    req.body = body;
    req.request_id = "req-" + std::to_string(++requests_);
    if (!key.empty()) req.headers.emplace_back("idempotency-key", key);
    return req;
  }
  // Runs `call` under the request's key, counting how often the service was reached.
  template <class Call>
  http::Response Run(const http::Request& req, Call call) {
    return RunIdempotent<Moved>(
        *store_, ctx_, req, 201,
        [&](const IdempotentAnswer<Moved>& answer) {
          ++calls_;
          return call(answer);
        },
        Shape);
  }
  // A call that moves money and stores its answer in the same transaction.
  Result<Moved> Move(const IdempotentAnswer<Moved>& answer) {
    return db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Moved> {
      Moved m{++moved_};
      answer.Store(tx, m);
      return m;
    });
  }

  TenantContext ctx_;
  int requests_ = 0, calls_ = 0, moved_ = 0;
};

TEST_F(IdempotentRouteStorageTest, ReplaysTheFirstAnswerWithoutCallingAgain) {
  auto move = [&](const auto& answer) { return Move(answer); };
  http::Response first = Run(Post("k-1"), move);
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(first.body, R"({"moved":1})");
  http::Response again = Run(Post("k-1"), move);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  ASSERT_EQ(again.headers.size(), 1u);
  EXPECT_EQ(again.headers[0],
            std::make_pair(std::string("Idempotent-Replayed"), std::string("true")));
  EXPECT_EQ(calls_, 1);
  EXPECT_EQ(moved_, 1);

  http::Response reused = Run(Post("k-1", "{}"), move);
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(reused.error_code, "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(Run(Post(""), move).status, 400);
  EXPECT_EQ(calls_, 1);
}

TEST_F(IdempotentRouteStorageTest, AClientErrorIsTheAnswerAServerErrorIsRetried) {
  http::Response refused =
      Run(Post("k-4xx"), [](const auto&) -> Result<Moved> { return Error(errors::kNotFound); });
  EXPECT_EQ(refused.status, 404);
  http::Response again = Run(Post("k-4xx"), [&](const auto& answer) { return Move(answer); });
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.body, refused.body);  // the first request's reply, request id and all
  EXPECT_EQ(moved_, 0);

  http::Response down =
      Run(Post("k-5xx"), [](const auto&) -> Result<Moved> { return Error(errors::kInternal); });
  EXPECT_EQ(down.status, 500);
  http::Response retried = Run(Post("k-5xx"), [&](const auto& answer) { return Move(answer); });
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(moved_, 1);
}

TEST_F(IdempotentRouteStorageTest, AnExceptionReleasesTheKeyUnlessHeld) {
  EXPECT_THROW(
      Run(Post("k-1"), [](const auto&) -> Result<Moved> { throw std::runtime_error("db down"); }),
      std::runtime_error);
  EXPECT_EQ(Run(Post("k-1"), [&](const auto& answer) { return Move(answer); }).status, 201);

  // Held: something was committed that must not be done twice. The key stays in flight.
  EXPECT_THROW(Run(Post("k-2"),
                   [](const auto& answer) -> Result<Moved> {
                     answer.Hold();
                     throw std::runtime_error("provider call failed");
                   }),
               std::runtime_error);
  http::Response busy = Run(Post("k-2"), [&](const auto& answer) { return Move(answer); });
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(busy.error_code, "IDEMPOTENCY_IN_FLIGHT");
  // And a held call's server error is its answer: stored, not retried.
  http::Response held = Run(Post("k-3"), [](const auto& answer) -> Result<Moved> {
    answer.Hold();
    return Error(errors::kInternal);
  });
  EXPECT_EQ(held.status, 500);
  EXPECT_EQ(Run(Post("k-3"), [&](const auto& answer) { return Move(answer); }).status, 500);
  EXPECT_EQ(moved_, 1);
}

TEST_F(IdempotentRouteStorageTest, AnAnswerNotStoredByTheCallIsStoredAfterwards) {
  // An answer known only after a provider call, outside the service's transaction.
  http::Response first = Run(Post("k-1"), [](const auto&) -> Result<Moved> { return Moved{42}; });
  EXPECT_EQ(first.body, R"({"moved":42})");
  auto stored = Stored(kCompany, "k-1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->status, 201);
  EXPECT_EQ(stored->body, first.body);
}

}  // namespace
}  // namespace anju::billing
