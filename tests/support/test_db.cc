#include "support/test_db.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace anju::testing {

namespace {

std::atomic<int> g_counter{0};

void AdminExec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string err = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot connect to " + url + ": " + err);
  }
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string err = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + err);
}

// Replaces the database name (the path) of a postgresql:// URL.
std::string WithDatabase(const std::string& url, const std::string& db) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme + 3);
  auto query = url.find('?', scheme + 3);
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + db + rest;
}

}  // namespace

// Where SQLite files and data folders go: RAM (/dev/shm) where the machine has it, so the
// suites' tens of thousands of commits (each an fsync: the server runs synchronous=FULL) do
// not wait for a disk; else /tmp. ANJU_TEST_TMP overrides both.
const std::string& ScratchDir() {
  static const std::string dir = [] {
    if (const char* v = std::getenv("ANJU_TEST_TMP"); v && *v) return std::string(v);
    std::error_code ec;
    if (std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0)
      return std::string("/dev/shm");
    return std::string("/tmp");
  }();
  return dir;
}

bool UsePostgres() {
  const char* v = std::getenv("ANJU_TEST_DB");
  return v && std::string(v) == "pg";
}

TestDatabase::TestDatabase() {
  int n = ++g_counter;
  name_ = "anju_t_" + std::to_string(::getpid()) + "_" + std::to_string(n);
  data_dir_ = ScratchDir() + "/" + name_ + "_data";
  std::filesystem::remove_all(data_dir_);
  pg_ = UsePostgres();
  if (pg_) {
    const char* admin = std::getenv("ANJU_TEST_PG_URL");
    if (!admin || !*admin)
      throw std::runtime_error("ANJU_TEST_DB=pg needs ANJU_TEST_PG_URL (run scripts/test.sh)");
    admin_url_ = admin;
    AdminExec(admin_url_, "CREATE DATABASE " + name_);
    url_ = WithDatabase(admin_url_, name_);
  } else {
    url_ = "sqlite:" + ScratchDir() + "/" + name_ + ".db";
  }
}

TestDatabase::~TestDatabase() {
  std::error_code ec;
  std::filesystem::remove_all(data_dir_, ec);
  if (pg_) {
    try {
      AdminExec(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
    }
  } else {
    std::string path = ScratchDir() + "/" + name_ + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
  }
}

}  // namespace anju::testing
