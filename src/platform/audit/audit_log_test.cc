// The audit chain detects a changed, removed, reordered or truncated log, on both backends.
#include "platform/audit/audit_log.h"

#include <gtest/gtest.h>

#include <thread>

#include "core/crypto.h"
#include "db/migrations.h"
#include "support/seed.h"
#include "support/test_db.h"

namespace anju::audit {
namespace {

namespace json = boost::json;

class AuditStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::Init();
    db_ = db::Open(tdb_.url(), 4);
    db::Migrate(*db_);
    db_->Run(db::TxMode::kWrite, [](db::Tx& tx) {
      ASSERT_EQ(testing::SeedCompany(tx, "a", "A"), 1);
      ASSERT_EQ(testing::SeedCompany(tx, "b", "B"), 2);
    });
    // Interleave two companies' chains: 6 rows for company 1, 3 for company 2.
    for (int i = 1; i <= 9; ++i) {
      int64_t company = i % 3 == 0 ? 2 : 1;
      db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
        Append(tx, {company, i, "user" + std::to_string(i), "req", "127.0.0.1"},
               {"property.house.update", "house", i, 7, json::object{{"status", "vacant"}},
                json::object{{"status", "rented"}, {"note", "出租 \"quoted\""}}},
               1'700'000'000'000 + i);
      });
    }
  }
  std::vector<int64_t> Ids(int64_t company) {
    std::vector<int64_t> ids;
    db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      for (auto& r : tx.Query("SELECT id FROM audit_log WHERE company_id = ? ORDER BY id",
                              {company}))
        ids.push_back(r.Int(0));
    });
    return ids;
  }
  void Exec(const std::string& sql, const db::Params& p = {}) {
    db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) { tx.Exec(sql, p); });
  }
  testing::TestDatabase tdb_;
  std::unique_ptr<db::Database> db_;
};

TEST_F(AuditStorageTest, IntactChainVerifies) {
  VerifyReport r = Verify(*db_);
  EXPECT_TRUE(r.ok) << r.detail;
  EXPECT_EQ(r.rows_checked, 9);
  EXPECT_EQ(r.companies, 2);
  EXPECT_TRUE(Verify(*db_, 2).ok);
}

TEST_F(AuditStorageTest, RowsAreNumberedPerCompanyWithoutGaps) {
  db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto rows = tx.Query("SELECT seq FROM audit_log WHERE company_id = 2 ORDER BY id");
    ASSERT_EQ(rows.size(), 3u);
    for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].Int(0), int64_t(i + 1));
  });
}

TEST_F(AuditStorageTest, EachHashedFieldIsCovered) {
  // A change to any hashed column breaks the chain at that row.
  const char* sets[] = {"after_json = '{}'", "before_json = '{}'", "actor_login = 'x'",
                        "at = at + 1",       "entity_id = 99",    "project_id = NULL",
                        "action = 'x'",      "entity = 'x'",      "request_id = 'x'",
                        "ip = '10.0.0.1'",   "actor_id = NULL"};
  auto ids = Ids(1);
  for (size_t i = 0; i < std::size(sets); ++i) {
    // Save, change, verify, restore.
    std::string cols = "after_json, before_json, actor_login, at, entity_id, project_id, action, "
                       "entity, request_id, ip, actor_id";
    db::Row saved = db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
      return *tx.QueryOne("SELECT " + cols + " FROM audit_log WHERE id = ?", {ids[3]});
    });
    Exec(std::string("UPDATE audit_log SET ") + sets[i] + " WHERE id = ?", {ids[3]});
    VerifyReport r = Verify(*db_);
    EXPECT_FALSE(r.ok) << sets[i];
    EXPECT_EQ(r.problem, "changed") << sets[i];
    EXPECT_EQ(r.row_id.value_or(0), ids[3]) << sets[i];
    Exec("UPDATE audit_log SET after_json = ?, before_json = ?, actor_login = ?, at = ?, "
         "entity_id = ?, project_id = ?, action = ?, entity = ?, request_id = ?, ip = ?, "
         "actor_id = ? WHERE id = ?",
         {saved.at(0), saved.at(1), saved.at(2), saved.at(3), saved.at(4), saved.at(5),
          saved.at(6), saved.at(7), saved.at(8), saved.at(9), saved.at(10), ids[3]});
    ASSERT_TRUE(Verify(*db_).ok) << "restore after " << sets[i];
  }
}

TEST_F(AuditStorageTest, RemovedRowIsNamed) {
  auto ids = Ids(1);
  Exec("DELETE FROM audit_log WHERE id = ?", {ids[2]});
  VerifyReport r = Verify(*db_);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "removed");
  EXPECT_EQ(r.row_id.value_or(0), ids[3]);  // the first row after the gap
  EXPECT_EQ(r.seq, 4);
}

TEST_F(AuditStorageTest, ReorderedRowsAreNamed) {
  auto ids = Ids(1);
  // Swap the contents of rows 2 and 3 (keeping each row's own hash).
  std::string cols = "seq, at, actor_id, actor_login, action, entity, entity_id, project_id, "
                     "before_json, after_json, request_id, ip, prev_hash, hash";
  auto rows = db_->Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return tx.Query("SELECT " + cols + " FROM audit_log WHERE id IN (?, ?) ORDER BY id",
                    {ids[1], ids[2]});
  });
  // Move row ids[1] out of the way first (seq is unique per company).
  Exec("UPDATE audit_log SET seq = -1 WHERE id = ?", {ids[1]});
  auto put = [&](int64_t id, const db::Row& r) {
    Exec("UPDATE audit_log SET seq = ?, at = ?, actor_id = ?, actor_login = ?, action = ?, "
         "entity = ?, entity_id = ?, project_id = ?, before_json = ?, after_json = ?, "
         "request_id = ?, ip = ?, prev_hash = ?, hash = ? WHERE id = ?",
         {r.at(0), r.at(1), r.at(2), r.at(3), r.at(4), r.at(5), r.at(6), r.at(7), r.at(8),
          r.at(9), r.at(10), r.at(11), r.at(12), r.at(13), id});
  };
  put(ids[2], rows[0]);
  put(ids[1], rows[1]);
  VerifyReport r = Verify(*db_);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "removed");  // seq 2 is missing where it is expected
  EXPECT_EQ(r.row_id.value_or(0), ids[1]);
}

TEST_F(AuditStorageTest, RewrittenPrevHashIsReordered) {
  auto ids = Ids(1);
  Exec("UPDATE audit_log SET prev_hash = 'x' WHERE id = ?", {ids[4]});
  VerifyReport r = Verify(*db_);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "reordered");
  EXPECT_EQ(r.row_id.value_or(0), ids[4]);
}

TEST_F(AuditStorageTest, TruncatedTailIsFound) {
  auto ids = Ids(1);
  Exec("DELETE FROM audit_log WHERE id = ?", {ids.back()});
  VerifyReport r = Verify(*db_);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "tail_removed");
  EXPECT_EQ(r.company_id, 1);
}

TEST_F(AuditStorageTest, ConcurrentAppendsKeepOneChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i)
        db_->Run(db::TxMode::kWrite, [&](db::Tx& tx) {
          Append(tx, {1, std::nullopt, "t" + std::to_string(t), "", ""},
                 {"x.y.z", "x", i, std::nullopt, nullptr, nullptr}, 1'700'000'100'000);
        });
    });
  for (auto& th : threads) th.join();
  VerifyReport r = Verify(*db_);
  EXPECT_TRUE(r.ok) << r.detail;
  EXPECT_EQ(r.rows_checked, 109);
}

}  // namespace
}  // namespace anju::audit
