#!/usr/bin/env bash
# Runs every test: unit and API tests on SQLite and on a throw-away PostgreSQL 15 server,
# and the command-line smoke test. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
bash scripts/install.sh
bash scripts/build.sh anju anju_tests

pgdir="$(mktemp -d /tmp/anju-pg.XXXXXX)"
# The trap runs after `cd build`, so it names the script by its absolute path.
cleanup() { bash "$root/scripts/pg_test_cluster.sh" stop "$pgdir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
export ANJU_TEST_PG_URL="$(bash scripts/pg_test_cluster.sh start "$pgdir" | tail -n 1)"
echo "test.sh: PostgreSQL at $ANJU_TEST_PG_URL"

cd build
ctest --output-on-failure -j1 "$@"
