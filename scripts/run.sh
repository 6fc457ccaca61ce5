#!/usr/bin/env bash
# Quick start: installs what is missing, builds, creates the demo database (first time only)
# and serves Anju (API and web UI: /admin, /staff, /owner) on http://127.0.0.1:8080 with SQLite.
#   ANJU_DEMO_PASSWORD  password of every demo login (default Anju@2026)
#   ANJU_DB, ANJU_LISTEN, ANJU_DATA_DIR  as for `anju serve`
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/build.sh anju
(cd web && npm run build --silent) >/dev/null
export ANJU_DB="${ANJU_DB:-sqlite:./data/anju.db}"
export ANJU_DATA_DIR="${ANJU_DATA_DIR:-./data}"
export ANJU_LISTEN="${ANJU_LISTEN:-127.0.0.1:8080}"
export ANJU_WEB_DIR="${ANJU_WEB_DIR:-./web/dist}"
password="${ANJU_DEMO_PASSWORD:-Anju@2026}"
db_file="${ANJU_DB#sqlite:}"
if [[ "$ANJU_DB" == sqlite:* && ! -f "$db_file" ]]; then
  ./build/anju demo --password "$password"
  echo "demo logins (password $password): admin manager service cashier engineer finance owner owner2 owner3"
fi
exec ./build/anju serve
