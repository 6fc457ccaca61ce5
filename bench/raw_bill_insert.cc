// The ceiling for bench/bill_run.sh: inserts, with nothing but prepared SQLite statements,
// exactly the rows a bill run wrote — its bills, their journal entries and lines, and the
// ledger accounts it created or changed — into a copy of the database taken before the run,
// committing every `batch` bills like the run does, with the same pragmas as anju's writer.
//
//   raw_bill_insert AFTER.db BEFORE_COPY.db [batch=2000]
//
// Prints "raw: <bills> bills in <seconds> s" (only the insert phase is timed).
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

struct Value {
  int type;
  sqlite3_int64 i;
  std::string s;
};
using Row = std::vector<Value>;

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

std::vector<Row> Load(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  Check(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), db, sql.c_str());
  std::vector<Row> rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    Row r;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      int t = sqlite3_column_type(st, c);
      Value v{t, 0, {}};
      if (t == SQLITE_INTEGER) v.i = sqlite3_column_int64(st, c);
      else if (t == SQLITE_TEXT) v.s = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
      r.push_back(std::move(v));
    }
    rows.push_back(std::move(r));
  }
  sqlite3_finalize(st);
  return rows;
}

sqlite3_int64 MaxId(sqlite3* db, const char* table) {
  auto rows = Load(db, std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table);
  return rows[0][0].i;
}

void Bind(sqlite3_stmt* st, const Row& r) {
  for (size_t c = 0; c < r.size(); ++c) {
    int i = static_cast<int>(c) + 1;
    if (r[c].type == SQLITE_INTEGER) sqlite3_bind_int64(st, i, r[c].i);
    else if (r[c].type == SQLITE_TEXT) sqlite3_bind_text(st, i, r[c].s.c_str(), -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
  }
}

void Step(sqlite3* db, sqlite3_stmt* st, const Row& r) {
  Bind(st, r);
  Check(sqlite3_step(st), db, "insert");
  sqlite3_reset(st);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s AFTER.db BEFORE_COPY.db [batch]\n", argv[0]);
    return 2;
  }
  size_t batch = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 2000;
  sqlite3 *after = nullptr, *db = nullptr;
  Check(sqlite3_open_v2(argv[1], &after, SQLITE_OPEN_READONLY, nullptr), after, "open after");
  Check(sqlite3_open(argv[2], &db), db, "open copy");
  Check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA "
                         "foreign_keys=ON; PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;",
                     nullptr, nullptr, nullptr), db, "pragmas");

  // What the run added: rows past the copy's last ids; accounts it created or changed.
  std::string b = std::to_string(MaxId(db, "bills")), e = std::to_string(MaxId(db, "journal_entries")),
              l = std::to_string(MaxId(db, "journal_lines")), a = std::to_string(MaxId(db, "ledger_accounts"));
  auto bills = Load(after, "SELECT id, company_id, project_id, building_id, house_id, fee_item_id, "
                           "bill_run_id, period, number, quantity, unit_price, amount, due_date, "
                           "created_at FROM bills WHERE id > " + b + " ORDER BY id");
  auto entries = Load(after, "SELECT id, company_id, project_id, at, kind, ref_type, ref_id, memo "
                             "FROM journal_entries WHERE id > " + e + " ORDER BY id");
  auto lines = Load(after, "SELECT id, company_id, entry_id, account_id, debit, credit FROM "
                           "journal_lines WHERE id > " + l + " ORDER BY id");
  auto accounts = Load(after, "SELECT id, company_id, code, kind, balance FROM ledger_accounts "
                              "WHERE id > " + a + " ORDER BY id");
  auto runs = Load(after, "SELECT id, company_id, project_id, period, status, created_at FROM "
                          "bill_runs WHERE id > " + std::to_string(MaxId(db, "bill_runs")));
  std::vector<Row> changed;  // accounts the copy has, with the run's balances
  {
    std::map<sqlite3_int64, sqlite3_int64> before;
    for (auto& r : Load(db, "SELECT id, balance FROM ledger_accounts")) before[r[0].i] = r[1].i;
    for (auto& r : Load(after, "SELECT balance, id FROM ledger_accounts WHERE id <= " + a))
      if (before[r[1].i] != r[0].i) changed.push_back(r);
  }

  auto prepare = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    Check(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), db, sql);
    return st;
  };
  sqlite3_stmt* ins_bill = prepare(
      "INSERT INTO bills (id, company_id, project_id, building_id, house_id, fee_item_id, "
      "bill_run_id, period, number, quantity, unit_price, amount, due_date, created_at) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_stmt* ins_entry = prepare(
      "INSERT INTO journal_entries (id, company_id, project_id, at, kind, ref_type, ref_id, memo) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_stmt* ins_line = prepare(
      "INSERT INTO journal_lines (id, company_id, entry_id, account_id, debit, credit) VALUES "
      "(?, ?, ?, ?, ?, ?)");
  sqlite3_stmt* ins_account = prepare(
      "INSERT INTO ledger_accounts (id, company_id, code, kind, balance) VALUES (?, ?, ?, ?, ?)");
  sqlite3_stmt* upd_account = prepare("UPDATE ledger_accounts SET balance = ? WHERE id = ?");
  sqlite3_stmt* ins_run = prepare(
      "INSERT INTO bill_runs (id, company_id, project_id, period, status, created_at) VALUES "
      "(?, ?, ?, ?, ?, ?)");

  auto started = std::chrono::steady_clock::now();
  Check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
  for (auto& r : runs) Step(db, ins_run, r);
  for (auto& r : changed) Step(db, upd_account, r);
  size_t bi = 0, ei = 0, li = 0, ai = 0;
  while (bi < bills.size()) {
    size_t end = std::min(bills.size(), bi + batch);
    sqlite3_int64 last_bill = bills[end - 1][0].i;
    for (; bi < end; ++bi) Step(db, ins_bill, bills[bi]);
    // The entries of these bills, their lines, and the accounts those lines need first.
    size_t e_end = ei;
    while (e_end < entries.size() && entries[e_end][6].i <= last_bill) ++e_end;
    if (end == bills.size()) e_end = entries.size();
    sqlite3_int64 last_entry = e_end > 0 ? entries[e_end - 1][0].i : 0;
    size_t l_end = li;
    while (l_end < lines.size() && lines[l_end][2].i <= last_entry) ++l_end;
    sqlite3_int64 max_account = 0;
    for (size_t k = li; k < l_end; ++k) max_account = std::max(max_account, lines[k][3].i);
    for (; ai < accounts.size() && accounts[ai][0].i <= max_account; ++ai) Step(db, ins_account, accounts[ai]);
    for (; ei < e_end; ++ei) Step(db, ins_entry, entries[ei]);
    for (; li < l_end; ++li) Step(db, ins_line, lines[li]);
    Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    Check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
  }
  for (; ai < accounts.size(); ++ai) Step(db, ins_account, accounts[ai]);
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("raw: %zu bills in %.3f s\n", bills.size(), secs);
  for (auto* st : {ins_bill, ins_entry, ins_line, ins_account, upd_account, ins_run}) sqlite3_finalize(st);
  sqlite3_close(db);
  sqlite3_close(after);
  return 0;
}
