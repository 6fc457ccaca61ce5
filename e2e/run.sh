#!/usr/bin/env bash
# Browser tests of the web UI against a real anju with fresh demo data.
#
#   e2e/run.sh path/to/anju
#
# Builds web/ (npm ci first when node_modules is missing), prints the bundle sizes, creates a
# demo database in a temporary folder, starts `anju serve --web-dir web/dist` on a free port,
# runs e2e/*.test.mjs with node's test runner (TAP on stdout) in headless Debian Chromium,
# stops the server and exits non-zero when a test failed. Screenshots go to
# $SCREENSHOT_DIR (default build/screenshots).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 path/to/anju" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ANJU="$(realpath "$1")"
export SCREENSHOT_DIR="${SCREENSHOT_DIR:-$ROOT/build/screenshots}"
PASSWORD='Anju@2026'

if ! "$ANJU" serve --help | grep -q -- '--web-dir'; then
  echo "e2e: $ANJU has no --web-dir option (static serving is not wired)" >&2
  exit 2
fi
if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "e2e: no chromium at ${CHROMIUM:-/usr/bin/chromium} (run scripts/install_web.sh)" >&2
  exit 2
fi

cd "$ROOT/web"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
npm run build
node "$ROOT/e2e/bundle_size.mjs" "$ROOT/web/dist"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$ANJU" demo --db "sqlite:$WORK/anju.db" --data-dir "$WORK/data" --password "$PASSWORD" >/dev/null
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
"$ANJU" serve --db "sqlite:$WORK/anju.db" --data-dir "$WORK/data" --listen "127.0.0.1:$PORT" \
  --web-dir "$ROOT/web/dist" --log-level warn >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
export BASE_URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -fs "$BASE_URL/healthz" >/dev/null 2>&1 && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/serve.log" >&2; exit 1; fi
  sleep 0.1
done

mkdir -p "$SCREENSHOT_DIR"
cd "$ROOT"
status=0
node --test --test-concurrency=1 --test-reporter=tap e2e/*.test.mjs || status=$?
if [[ $status -ne 0 ]]; then
  echo "e2e: failed; server log:" >&2
  tail -n 50 "$WORK/serve.log" >&2
fi
echo "e2e: screenshots in $SCREENSHOT_DIR"
exit $status
