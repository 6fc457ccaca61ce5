#!/usr/bin/env bash
# Benchmarks of billing at scale (issue 4), on SQLite:
#
#   bash bench/billing.sh [HOUSES=1000000] [ROUNDS=3] [REPORT_MONTHS=12]
#
# 1. Bill run. `anju demo --scale HOUSES` (plus the ~1,850 demo houses), then for each
#    round, on a fresh copy of that database: `anju bills run` for 2026-11 over every
#    project, and the ceiling — bench/raw_bill_insert.cc inserting exactly the rows the run
#    wrote (bills, journal entries and lines, accounts) with bare prepared statements, same
#    pragmas, same commit every 2,000 bills, into another fresh copy. Prints bills/s and the
#    ratio run time / raw time per round and their medians.
# 2. Collection report. On the last round's database, bill runs for the other months of
#    2026 up to REPORT_MONTHS in all, one cashier payment for every 100th house, then the HQ
#    report GET /api/v1/reports/collection?from=2026-01&to=2026-12 (all projects × 12 months)
#    timed 21 times with curl (median), against the plain GROUP BY over the bills it
#    replaces (sqlite3, median of 3).
set -euo pipefail
cd "$(dirname "$0")/.."
houses="${1:-1000000}"; rounds="${2:-3}"; months="${3:-12}"
bash scripts/build.sh anju raw_bill_insert >/dev/null
work="$(mktemp -d /tmp/anju-bench-billing.XXXXXX)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; sleep 0.3; rm -rf "$work"; }
trap cleanup EXIT
# Private copies, so rebuilding during a long run does not change the binaries under it.
cp build/anju build/raw_bill_insert "$work/"
anju="$work/anju"
export ANJU_DATA_DIR="$work/data"
pw='Bench#2026pw'
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "demo with $houses extra houses…"
t0=$(date +%s.%N)
# Without the demo's history (--history 0): the bench bills the months of 2026 itself.
"$anju" demo --db "sqlite:$work/seed.db" --password "$pw" --scale "$houses" --history 0 | head -1
printf 'demo: %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"

ratios=(); rates=()
for r in $(seq "$rounds"); do
  cp "$work/seed.db" "$work/run.db"; cp "$work/seed.db" "$work/raw.db"
  out=$("$anju" bills run --db "sqlite:$work/run.db" --company anju-demo --period 2026-11 | tail -1)
  bills=$(sed -E 's/^total: [0-9]+ houses, ([0-9]+) bills.*/\1/' <<<"$out")
  run_s=$(sed -E 's/.* in ([0-9.]+) s$/\1/' <<<"$out")
  raw_s=$("$work/raw_bill_insert" "$work/run.db" "$work/raw.db" | sed -E 's/.* in ([0-9.]+) s$/\1/')
  ratio=$(echo "scale=3; $run_s / $raw_s" | bc); rate=$(echo "$bills / $run_s" | bc)
  ratios+=("$ratio"); rates+=("$rate")
  echo "round $r: $bills bills in $run_s s ($rate bills/s); raw insert $raw_s s; ratio $ratio"
  [[ $r -lt $rounds ]] && rm -f "$work/run.db"*
  rm -f "$work/raw.db"*
done
echo "bill run median: $(printf '%s\n' "${rates[@]}" | median) bills/s, $(printf '%s\n' "${ratios[@]}" | median)× the raw insert"
"$anju" ledger check --db "sqlite:$work/run.db"

echo "billing the other months of 2026 for the report…"
for m in $(seq 1 "$months"); do
  p=$(printf '2026-%02d' "$m"); [[ "$p" == 2026-11 ]] && continue
  "$anju" bills run --db "sqlite:$work/run.db" --company anju-demo --period "$p" | tail -1
done
port=18480
"$anju" serve --db "sqlite:$work/run.db" --listen "127.0.0.1:$port" --log-level warn --no-jobs >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"login\":\"cashier\",\"password\":\"$pw\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
n=0
for h in $(sqlite3 "$work/run.db" "SELECT h.id FROM houses h JOIN projects p ON p.id = h.project_id WHERE p.code = 'JHY' AND h.id % 100 = 0 LIMIT 300"); do
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: bench-$h" -d "{\"house_id\":$h,\"amount\":50000,\"channel\":\"cash\"}" \
    "http://127.0.0.1:$port/api/v1/payments" && n=$((n + 1))
done
echo "payments taken: $n"
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$pw\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
url="http://127.0.0.1:$port/api/v1/reports/collection?from=2026-01&to=2026-12"
curl -fsS -H "Authorization: Bearer $token" "$url" | head -c 300; echo
report_ms=$(for _ in $(seq 21); do
  curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"; done |
  awk '{print $1 * 1000}' | median)
total_bills=$(sqlite3 "$work/run.db" "SELECT COUNT(*) FROM bills")
groupby_ms=$(for _ in 1 2 3; do
  s=$(date +%s%N)
  sqlite3 "$work/run.db" "SELECT project_id, period, SUM(amount), SUM(paid) FROM bills WHERE company_id = 1 AND period >= '2026-01' AND period <= '2026-12' GROUP BY project_id, period" >/dev/null
  echo "$(( ($(date +%s%N) - s) / 1000000 ))"; done | median)
echo "collection report over $total_bills bills: median ${report_ms} ms (HTTP, all projects × 12 months); plain GROUP BY ${groupby_ms} ms"
