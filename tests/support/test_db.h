// A fresh, empty database for one test or suite.
//
// With ANJU_TEST_DB unset or "sqlite": a new SQLite file under /tmp. With ANJU_TEST_DB=pg: a
// new database `anju_t_<pid>_<n>` on the server of ANJU_TEST_PG_URL (the test command starts
// a throw-away PostgreSQL cluster); a missing URL fails the test rather than skipping it.
// The destructor removes the file or drops the database.
#pragma once

#include <string>

namespace anju::testing {

bool UsePostgres();

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  bool is_pg() const { return pg_; }
  // A fresh directory for data files (secret.key), removed with the database.
  const std::string& data_dir() const { return data_dir_; }

 private:
  bool pg_ = false;
  std::string url_, name_, admin_url_, data_dir_;
};

}  // namespace anju::testing
