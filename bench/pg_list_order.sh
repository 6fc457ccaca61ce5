#!/usr/bin/env bash
# The house list's page query on PostgreSQL, with and without the byte-order indexes of
# migration 0018 (db/migrations/postgres/0018_list_order.sql): the server's own execution
# time (EXPLAIN ANALYZE) of the query GET /api/v1/houses runs for a project's manager and for
# HQ, median of ROUNDS runs each.
#
#   bash bench/pg_list_order.sh [HOUSES=5000] [ROUNDS=7]
set -euo pipefail
cd "$(dirname "$0")/.."
houses="${1:-5000}"; rounds="${2:-7}"
work="$(mktemp -d)"; pgdir="$(mktemp -d /tmp/anju-bench-pg.XXXXXX)"
trap 'bash scripts/pg_test_cluster.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url="$(bash scripts/pg_test_cluster.sh start "$pgdir" | tail -1)"
base="${url%/*}"
psql -q "$base/postgres" -c "CREATE DATABASE bench" >/dev/null
db="$base/bench"
./build/anju demo --db "$db" --data-dir "$work/data" --password 'Bench#2026pw' --scale "$houses" --history 0 >/dev/null
psql -q "$db" -c "ANALYZE" >/dev/null
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cols='h.id, h.code, b.name, e.name, f.name, (SELECT COUNT(*) FROM house_residents hr WHERE hr.house_id = h.id)'
from='FROM houses h JOIN buildings b ON b.id = h.building_id JOIN entrances e ON e.id = h.entrance_id JOIN floors f ON f.id = h.floor_id'
project="$(psql -tA "$db" -c "SELECT id FROM projects ORDER BY id LIMIT 1")"
declare -A query=(
  [manager]="SELECT $cols $from WHERE h.company_id = 1 AND h.project_id IN ($project) ORDER BY h.code COLLATE \"C\", h.id LIMIT 20 OFFSET 0"
  [hq]="SELECT $cols $from WHERE h.company_id = 1 ORDER BY h.code COLLATE \"C\", h.id LIMIT 20 OFFSET 0"
)
run() {  # name → median ms
  for _ in $(seq "$rounds"); do
    psql -tA "$db" -c "EXPLAIN (ANALYZE, FORMAT TEXT) ${query[$1]}" | sed -nE 's/^Execution Time: ([0-9.]+) ms/\1/p'
  done | median
}
for name in manager hq; do echo "with indexes    $name: $(run "$name") ms"; done
psql -q "$db" -c "DROP INDEX houses_project_order; DROP INDEX houses_company_order" >/dev/null
for name in manager hq; do echo "without indexes $name: $(run "$name") ms"; done
echo "($houses extra houses, $(psql -tA "$db" -c "SELECT COUNT(*) FROM houses WHERE project_id = $project") in the manager's project, median of $rounds)"
