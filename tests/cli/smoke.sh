#!/usr/bin/env bash
# Command-line smoke test: migrate, demo, user add/passwd/lock, backup, audit verify
# (including a tampered copy that must fail and name the row), version.
set -euo pipefail
anju="$1"
dir="$(mktemp -d /tmp/anju-cli.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
export ANJU_DATA_DIR="$dir/data"
db="sqlite:$dir/anju.db"
fail() { echo "FAIL: $*"; exit 1; }

"$anju" version | grep -q '^anju ' || fail "version"
"$anju" migrate --db "$db" | grep -q 'applied 0001_foundation' || fail "migrate applies"
"$anju" migrate --db "$db" | grep -q 'up to date' || fail "migrate is idempotent"
[ "$(stat -c %a "$dir/data/secret.key" 2>/dev/null || echo none)" = "none" ] || true
"$anju" demo --db "$db" --password 'Demo#2026' | grep -q 'houses' || fail "demo"
[ "$(stat -c %a "$dir/data/secret.key")" = "600" ] || fail "secret.key mode"
houses=$(sqlite3 "$dir/anju.db" "SELECT COUNT(*) FROM houses")
[ "$houses" -ge 200 ] || fail "demo houses: $houses"
"$anju" demo --db "$db" --password 'Demo#2026' >/dev/null 2>&1 && fail "second demo must refuse"
"$anju" user add --db "$db" --company anju-demo --login clerk1 --name 'Clerk' --password 'short' \
  >/dev/null 2>&1 && fail "weak password accepted"
"$anju" user add --db "$db" --company anju-demo --login clerk1 --name '文员' \
  --password 'Clerk#2026x' --role cashier --project JHY | grep -q created || fail "user add"
ANJU_PASSWORD='Other#2026y' "$anju" user passwd --db "$db" --login clerk1 | grep -q changed \
  || fail "user passwd"
"$anju" user lock --db "$db" --login clerk1 | grep -q locked || fail "user lock"
[ "$(sqlite3 "$dir/anju.db" "SELECT status FROM users WHERE login='clerk1'")" = disabled ] \
  || fail "lock status"
"$anju" company add --db "$db" --code acme --name '示例物业' | grep -q 'created company acme' \
  || fail "company add"
"$anju" company add --db "$db" --code acme --name 'again' >/dev/null 2>&1 && fail "duplicate company"
"$anju" user add --db "$db" --company acme --login acme.admin --name '管理员' \
  --password 'Acme#2026pw' --role hq_admin | grep -q created || fail "user add in new company"
"$anju" backup --db "$db" --to "$dir/copy.db" | grep -q written || fail "backup"
[ "$(sqlite3 "$dir/copy.db" "SELECT COUNT(*) FROM houses")" = "$houses" ] || fail "backup content"
"$anju" audit verify --db "$db" | grep -q '"ok":true' || fail "audit verify clean"
# Tamper with a copy: change one audit row; verify must fail and name it.
row=$(sqlite3 "$dir/copy.db" "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 3")
sqlite3 "$dir/copy.db" "UPDATE audit_log SET actor_login='mallory' WHERE id=$row"
out=$("$anju" audit verify --db "sqlite:$dir/copy.db" 2>&1) && fail "tampered chain passed"
echo "$out" | grep -q "row id $row" || fail "verify does not name row $row: $out"
"$anju" ledger check --db "$db" | grep -q 'sound' || fail "ledger check on a fresh demo"
# A posting whose lines do not balance must be found (on an account of its own: the demo has
# taken cash already).
sqlite3 "$dir/anju.db" "INSERT INTO ledger_accounts (company_id, code, kind, balance) VALUES (1, 'clearing:smoke', 'asset', 5);
  INSERT INTO journal_entries (company_id, at, kind, ref_type, ref_id) VALUES (1, 0, 'payment', 'payment', 1);
  INSERT INTO journal_lines (company_id, entry_id, account_id, debit, credit) VALUES (1, last_insert_rowid(), (SELECT id FROM ledger_accounts WHERE code='clearing:smoke'), 5, 0);"
out=$("$anju" ledger check --db "$db" 2>&1) && fail "unbalanced ledger passed the check"
echo "$out" | grep -q "does not balance" || fail "ledger check does not say what is wrong: $out"
echo "cli smoke: 1 passed, 0 failed"
