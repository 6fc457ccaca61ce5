#!/usr/bin/env bash
# `anju import` from the shell: templates, a dry run with bad rows (exit 1, nothing written),
# all-or-nothing, a commit, the same file again (skipped), a rollback — and a crash: the
# process killed in the middle of a commit leaves whole batches only, and importing the file
# again completes it without duplicates.
set -euo pipefail
anju="$1"
dir="$(mktemp -d /tmp/anju-import.XXXXXX)"
pid=""
trap '[[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
export ANJU_DATA_DIR="$dir/data"
db="sqlite:$dir/anju.db"
q() { sqlite3 "$dir/anju.db" "$1"; }
fail() { echo "FAIL: $*"; exit 1; }
"$anju" demo --db "$db" --password 'Demo#2026' >/dev/null

"$anju" import template houses --to "$dir/t.xlsx" | grep -q wrote || fail "template xlsx"
unzip -p "$dir/t.xlsx" xl/sharedStrings.xml | grep -q '楼栋编码' || fail "template headers"
"$anju" import template residents --to "$dir/t.csv" >/dev/null
head -c 3 "$dir/t.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "csv template BOM"
"$anju" import template cars --to "$dir/x.csv" >/dev/null 2>&1 && fail "unknown kind accepted"

header='楼栋编码*,楼栋名称,单元*,楼层*,房号*,房屋类型*,状态,建筑面积(㎡)*,套内面积(㎡)*,交付日期'
printf '%s\nQ1,,1,1,0101,住宅,自住,80,70,\nQ1,,1,1,0102,住宅,自住,abc,70,\nQ1,,1,1,0103,商铺,,60,50,\n' \
  "$header" > "$dir/h.csv"
set +e
out=$("$anju" import houses "$dir/h.csv" --db "$db" --project JHY --dry-run 2>/dev/null); rc=$?
set -e
[ "$rc" = 1 ] || fail "dry run with a bad row must exit 1 (got $rc)"
echo "$out" | grep -q 'line 3: 建筑面积' || fail "bad row reported: $out"
echo "$out" | grep -q 'created 2' || fail "dry run counts: $out"
[ "$(q "SELECT COUNT(*) FROM buildings WHERE code='Q1'")" = 0 ] || fail "dry run wrote"
set +e
"$anju" import houses "$dir/h.csv" --db "$db" --project JHY --all-or-nothing >/dev/null 2>&1; rc=$?
set -e
[ "$rc" = 1 ] || fail "all-or-nothing with a bad row must exit 1"
[ "$(q "SELECT COUNT(*) FROM houses WHERE code LIKE 'Q1-%'")" = 0 ] || fail "all-or-nothing wrote"
sed -i 's/,abc,/,81,/' "$dir/h.csv"
"$anju" import houses "$dir/h.csv" --db "$db" --project JHY 2>/dev/null | grep -q 'created 3' || fail "commit"
"$anju" import houses "$dir/h.csv" --db "$db" --project JHY 2>/dev/null | grep -q 'skipped 3' || fail "again: skipped"
batch=$(q "SELECT id FROM import_batches WHERE created = 3 AND dry_run = 0")
"$anju" import rollback "$batch" --db "$db" | grep -q 'rolled back' || fail "rollback"
[ "$(q "SELECT COUNT(*) FROM houses WHERE code LIKE 'Q1-%'")" = 0 ] || fail "rollback left houses"
"$anju" import rollback "$batch" --db "$db" >/dev/null 2>&1 && fail "second rollback accepted"

# The crash: 12,000 houses, killed after the first batches have committed.
awk -v h="$header" 'BEGIN { print h; for (i = 0; i < 12000; i++)
  printf "K%d,,1,%d,%04d,住宅,自住,88.5,70,\n", int(i / 400), int(i % 400 / 10) + 1, i % 400 }' > "$dir/big.csv"
"$anju" import houses "$dir/big.csv" --db "$db" --project JHY >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  n=$(q "SELECT COUNT(*) FROM houses WHERE code LIKE 'K%'" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 1000 ] && break
  sleep 0.1
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=""
n=$(q "SELECT COUNT(*) FROM houses WHERE code LIKE 'K%'")
[ "$(q "SELECT status FROM import_batches WHERE file_name='big.csv'")" = running ] || fail "killed batch state"
# Another process starting now takes it for a live batch (it beat moments ago).
"$anju" jobs work-orders --db "$db" >/dev/null
[ "$(q "SELECT status FROM import_batches WHERE file_name='big.csv'")" = running ] || fail "a live batch was interrupted"
# Two minutes pass (a live batch beats at every committed batch; this one is dead).
q "UPDATE import_batches SET heartbeat_at = heartbeat_at - 180000 WHERE status = 'running'"
[ "$n" -gt 0 ] && [ "$n" -lt 12000 ] || fail "the kill came too late or too early ($n houses)"
[ $((n % 500)) = 0 ] || fail "a batch was half written: $n houses"
"$anju" import houses "$dir/big.csv" --db "$db" --project JHY 2>/dev/null > "$dir/again.txt" || fail "re-import"
echo "killed after $n houses; again: $(head -2 "$dir/again.txt" | tail -1)"
grep -q "skipped $n" "$dir/again.txt" || fail "re-import skipped: $(cat "$dir/again.txt")"
[ "$(q "SELECT COUNT(*) FROM houses WHERE code LIKE 'K%'")" = 12000 ] || fail "not completed"
[ "$(q "SELECT COUNT(DISTINCT code) FROM houses WHERE code LIKE 'K%'")" = 12000 ] || fail "duplicates"
[ "$(q "SELECT status FROM import_batches WHERE file_name='big.csv' ORDER BY id LIMIT 1")" = interrupted ] \
  || fail "the killed batch is not marked interrupted"
"$anju" audit verify --db "$db" | grep -q '"ok":true' || fail "audit chain"
echo "import: ok"
