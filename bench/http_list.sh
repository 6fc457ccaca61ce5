#!/usr/bin/env bash
# Benchmark: an authenticated list endpoint against nginx serving the same bytes.
#
#   bash bench/http_list.sh [DURATION_SECONDS=10] [ROUNDS=3] [CONNECTIONS=64]
#
# Builds anju, creates a demo database (plus --scale houses) in a temp dir, starts
# `anju serve` and nginx on loopback, and drives both with wrk (2 threads) in alternating
# rounds. For each endpoint it prints the median requests/s, the ratio to nginx's median in
# the same run, and the median p99 latency. Endpoints:
#   owner_houses   GET /api/v1/houses          as `owner` (a resident: one house)
#   houses_page    GET /api/v1/houses?size=20  as `manager` (a page of 20 houses, count)
#   me             GET /api/v1/me              as `manager` (auth + permissions only)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"; rounds="${2:-3}"; conns="${3:-64}"
scale="${BENCH_SCALE:-5000}"
build_log="$(mktemp)"
bash scripts/build.sh anju >"$build_log" 2>&1 || { cat "$build_log"; exit 1; }
rm -f "$build_log"
work="$(mktemp -d /tmp/anju-bench.XXXXXX)"
chmod 755 "$work"  # nginx workers run as an unprivileged user
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 0.3; rm -rf "$work"; }
trap cleanup EXIT

free_port() { local p; for p in $(seq "$1" $(( $1 + 200 ))); do
  (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }; done; }
anju_port=$(free_port 18080); nginx_port=$(free_port 19080)

export ANJU_DATA_DIR="$work/data"
db="sqlite:$work/anju.db"
./build/anju demo --db "$db" --password 'Bench#2026pw' --scale "$scale" >/dev/null
./build/anju serve --db "$db" --listen "127.0.0.1:$anju_port" --log-level warn >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$anju_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

login() { curl -fsS -H 'Content-Type: application/json' \
  -d "{\"login\":\"$1\",\"password\":\"Bench#2026pw\"}" "http://127.0.0.1:$anju_port/api/v1/auth/login" |
  sed -E 's/.*"token":"([^"]+)".*/\1/'; }
owner_token=$(login owner); manager_token=$(login manager)

mkdir -p "$work/www"
curl -fsS -H "Authorization: Bearer $owner_token" "http://127.0.0.1:$anju_port/api/v1/houses" > "$work/www/owner_houses.json"
curl -fsS -H "Authorization: Bearer $manager_token" "http://127.0.0.1:$anju_port/api/v1/houses?size=20" > "$work/www/houses_page.json"
curl -fsS -H "Authorization: Bearer $manager_token" "http://127.0.0.1:$anju_port/api/v1/me" > "$work/www/me.json"

cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  default_type application/json;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
pids+=($!)
sleep 0.5

# wrk prints "Requests/sec: N" and, with --latency, "99% Xms|us|s".
run_wrk() {  # url [token]
  local out
  if [ -n "${2:-}" ]; then
    out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -H "Authorization: Bearer $2" "$1")
  else
    out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency "$1")
  fi
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ -z "$non2xx" ] || { echo "$1: non-2xx answers: $non2xx" >&2; exit 1; }
  echo "$rps $p99"
}
to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n+=0; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

declare -A rps p99
for name in nginx owner_houses houses_page me; do rps[$name]=""; p99[$name]=""; done
for r in $(seq "$rounds"); do
  for name in owner_houses houses_page me; do
    read -r a b <<<"$(run_wrk "http://127.0.0.1:$nginx_port/$name.json")"
    rps[nginx]+="$a "; p99[nginx]+="$(to_ms "$b") "
    case $name in
      owner_houses) url="/api/v1/houses"; tok=$owner_token ;;
      houses_page) url="/api/v1/houses?size=20"; tok=$manager_token ;;
      me) url="/api/v1/me"; tok=$manager_token ;;
    esac
    read -r a b <<<"$(run_wrk "http://127.0.0.1:$anju_port$url" "$tok")"
    rps[$name]+="$a "; p99[$name]+="$(to_ms "$b") "
  done
done

[ -n "${rps[owner_houses]// /}" ] || { echo "a wrk run failed" >&2; exit 1; }
ceiling=$(echo "${rps[nginx]}" | tr ' ' '\n' | grep . | median)
printf '%-14s %12s %10s %12s\n' endpoint "req/s(med)" "vs nginx" "p99 ms(med)"
printf '%-14s %12.0f %10s %12s\n' nginx "$ceiling" "1.00" "$(echo "${p99[nginx]}" | tr ' ' '\n' | grep . | median)"
for name in owner_houses houses_page me; do
  m=$(echo "${rps[$name]}" | tr ' ' '\n' | grep . | median)
  printf '%-14s %12.0f %10.2f %12s\n' "$name" "$m" "$(awk -v a="$m" -v b="$ceiling" 'BEGIN{print a/b}')" \
    "$(echo "${p99[$name]}" | tr ' ' '\n' | grep . | median)"
done
echo "(wrk -t2 -c$conns -d${duration}s, $rounds rounds, demo + $scale houses, $(nproc) cores)"
