#!/usr/bin/env bash
# Throw-away PostgreSQL 15 cluster for tests.
#
#   scripts/pg_test_cluster.sh start DIR   creates a cluster in DIR (which must not exist or
#                                          be empty), listening on 127.0.0.1 on a free port
#                                          with its unix socket inside DIR, creates database
#                                          anju_test and prints its URL as the last line of
#                                          stdout (also written to DIR/url).
#   scripts/pg_test_cluster.sh stop DIR    stops it (pg_ctl -m fast) and removes DIR.
#
# Trust authentication, fsync off: for tests only. As root, the server runs as the
# `postgres` system user (PostgreSQL refuses root) and DIR is owned by it.
# `start` on a DIR whose cluster is running just prints its URL again; `stop` on a missing
# DIR does nothing. Every failure exits non-zero with a message on stderr.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

die() {
  echo "pg_test_cluster: $*" >&2
  exit 1
}

usage() { die "usage: $0 start|stop DIR"; }

[[ $# -eq 2 ]] || usage
cmd=$1
dir=$2
[[ -n "$dir" && "$dir" != "/" ]] || die "refusing DIR '$dir'"
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL 15 not found in $PG_BIN"

if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user"
  as_pg() { runuser -u postgres -- "$@"; }
  pg_user=postgres
else
  as_pg() { "$@"; }
  pg_user=$(id -un)
fi

port_free() {
  # A port is free when nothing listens on it (ss) and nothing answers on it (/dev/tcp).
  if ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; then return 1; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 1; fi
  return 0
}

running() { [[ -f "$dir/data/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

start() {
  if [[ -d "$dir" ]] && running; then
    [[ -f "$dir/url" ]] || die "$dir has a running cluster but no url file"
    cat "$dir/url"
    return
  fi
  if [[ -e "$dir" ]]; then
    [[ -d "$dir" && -z "$(ls -A "$dir")" ]] || die "$dir exists and is not an empty directory"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    # The postgres user must be able to reach DIR through its parents.
    as_pg test -x "$dir" || die "user postgres cannot reach $dir (check parent permissions)"
  fi

  as_pg "$PG_BIN/initdb" -D "$dir/data" -U "$pg_user" --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  }

  local port="" tries base
  base=$((20000 + RANDOM % 30000))
  for tries in $(seq 0 199); do
    local p=$((base + tries))
    if port_free "$p"; then
      port=$p
      # Another start may race for the same port; pg_ctl then fails and we try the next.
      if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
            -c max_connections=200" start >/dev/null 2>&1; then
        break
      fi
      port=""
      grep -q "could not bind\|already in use" "$dir/server.log" 2>/dev/null || {
        tail -20 "$dir/server.log" >&2 || true
        die "pg_ctl start failed"
      }
    fi
  done
  [[ -n "$port" ]] || {
    tail -20 "$dir/server.log" >&2 || true
    die "could not start PostgreSQL on a free port"
  }

  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$pg_user" anju_test ||
    die "createdb anju_test failed"
  local url="postgresql://$pg_user@127.0.0.1:$port/anju_test"
  echo "$url" | as_pg tee "$dir/url" >/dev/null
  echo "$url"
}

stop() {
  [[ -d "$dir" ]] || return 0
  if running; then
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null ||
      die "pg_ctl stop failed for $dir"
  fi
  # Only remove what start made: a directory holding a cluster (or nothing).
  if [[ -d "$dir/data" || -z "$(ls -A "$dir")" ]]; then
    rm -rf -- "$dir"
  else
    die "$dir does not look like a test cluster; not removing it"
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
