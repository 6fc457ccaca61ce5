#!/usr/bin/env bash
# Logs that parse (docs/OPERATIONS.md, "Logs and metrics"): runs `anju serve` on a demo
# database, sends hostile paths, headers, login names and bodies, stops it with SIGTERM and
# checks that every line it wrote to stdout and stderr is one JSON object with ts, level and
# msg, that access lines carry their fields at the top level, and that no secret it was sent
# (password, tokens, cookie, login name) reached the log. Then the same for a second server
# that cannot start (its port is taken). Needs curl and jq.
set -euo pipefail
anju="$1"
dir="$(mktemp -d /tmp/anju-logs.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
export ANJU_DATA_DIR="$dir/data"
db="sqlite:$dir/anju.db"
fail() {
  echo "FAIL: $*"
  for f in "$dir"/*.out "$dir"/*.err; do
    [ -s "$f" ] && { echo "--- $f (last 20 lines)"; tail -n 20 "$f" | cut -c1-400; }
  done
  exit 1
}

# Prints each line of file $1 that is not a log line of the contract: one JSON object whose
# "ts" (2026-11-23T04:00:00.123Z), "level" and "msg" are strings. Also catches invalid UTF-8
# (jq would quietly replace it) and a missing final newline.
bad_lines() {
  local f="$1"
  [ -s "$f" ] || return 0
  iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || echo "$f: not valid UTF-8"
  [ "$(tail -c1 "$f" | od -An -c | tr -d ' ')" = '\n' ] || echo "$f: last line not ended"
  jq -R -r '. as $line | try (fromjson
      | if type == "object" and (.ts | type) == "string"
           and (.ts | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$"))
           and (.level | type) == "string" and (.msg | type) == "string"
        then empty else "not a log line: \($line)" end)
    catch "not JSON: \($line)"' "$f"
}

# The checker itself must catch what the log looked like before (an access line wrapped
# unescaped inside "msg") and a raw newline inside a message.
printf '%s\n' '{"ts":"2026-11-23T04:00:00.123Z","level":"info","msg":"{"type":"access","path":"/"}"}' \
  >"$dir/fixture.wrapped"
printf '{"ts":"2026-11-23T04:00:00.123Z","level":"info","msg":"a\nb"}\n' >"$dir/fixture.newline"
printf '{"ts":"2026-11-23T04:00:00.123Z","level":"info","msg":"\xff"}\n' >"$dir/fixture.bytes"
printf '%s\n' '{"ts":"2026-11-23T04:00:00.123Z","level":"info","msg":"ok"}' >"$dir/fixture.good"
for f in wrapped newline bytes; do
  [ -n "$(bad_lines "$dir/fixture.$f")" ] || fail "checker misses the $f fixture"
done
[ -z "$(bad_lines "$dir/fixture.good")" ] || fail "checker rejects a good line"

"$anju" migrate --db "$db" >/dev/null
"$anju" demo --db "$db" --password 'Demo#2026' >/dev/null
mkdir -p "$dir/web"

"$anju" serve --db "$db" --listen 127.0.0.1:0 --web-dir "$dir/web" --no-jobs \
  >"$dir/serve.out" 2>"$dir/serve.err" &
pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(grep -o 'serving on http://127.0.0.1:[0-9]*' "$dir/serve.out" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || fail "server did not start"
  sleep 0.1
done
[ -n "$port" ] || fail "server did not say its port"
base="http://127.0.0.1:$port"

# Sends a request; prints the status. Extra arguments go to curl.
req() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 --path-as-is "$@" || true; }
expect() {  # expect STATUS DESCRIPTION CURL-ARGS…
  local want="$1" what="$2"
  shift 2
  local got
  got=$(req "$@")
  [ "$got" = "$want" ] || fail "$what: status $got, expected $want"
}

long=$(printf '%%22%%5C%%0A%%E5%%AE%%89%.0s' $(seq 1 300))  # quote, backslash, LF, 安 × 300
expect 404 'quotes and backslashes' "$base/api/v1/%22quoted%22%5Cback%5Cslash"
expect 404 'a forged line after a newline' \
  "$base/api/v1/x%0D%0A%7B%22type%22:%22forged%22,%22level%22:%22error%22%7D"
expect 404 'control characters' "$base/api/v1/%01%02%07%08%09%0B%0C%1B%1F%7F"
expect 404 'invalid UTF-8' "$base/api/v1/%FF%FE%C0%AF%ED%A0%80%E5%AE"
expect 404 'Chinese' "$base/api/v1/%E5%AE%89%E5%B1%85%E7%89%A9%E4%B8%9A"
expect 404 'a script tag' "$base/api/v1/%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E"
expect 404 'line separators' "$base/api/v1/%E2%80%A8%E2%80%A9"
expect 404 'a long hostile path' "$base/api/v1/$long"
expect 400 'a NUL' "$base/api/v1/%00nul"
# The server refuses control characters in a header (400, before routing: no access line).
expect 400 'control characters in a header' -H $'User-Agent: UA-MARKER-5b1d \x01\x1b[31m' "$base/api/v1/me"
expect 401 'a hostile user agent, request id and bogus bearer token' \
  -H $'User-Agent: evil "agent" \\ \t\xff\xfe 安居 </script> UA-MARKER-5b1d' \
  -H 'X-Request-Id: "},{"forged":1' \
  -H 'Authorization: Bearer BOGUS-TOKEN-3e8f"\' "$base/api/v1/me"
expect 401 'a bogus session cookie' -H 'Cookie: anju_session=BOGUS-COOKIE-a41c"\' "$base/api/v1/me"
expect 401 'a hostile login name' -H 'Content-Type: application/json' \
  --data-binary '{"login":"PWNED-LOGIN-7f3a \"\\ 安居 </script>","password":"PWNED-PASS-9c1e\"\\x"}' \
  "$base/api/v1/auth/login"
expect 400 'a login name with control characters' -H 'Content-Type: application/json' \
  --data-binary '{"login":"PWNED-LOGIN-7f3a\u0000\n","password":"PWNED-PASS-9c1e"}' \
  "$base/api/v1/auth/login"
expect 400 'a bad JSON body' -H 'Content-Type: application/json' \
  --data-binary $'{"login":"PWNED-LOGIN-7f3a\x01' "$base/api/v1/auth/login"
# Tokens in a path (a receipt's verify link) are capabilities: logged as the route pattern.
[ "$(req "$base/api/v1/receipts/verify/RECEIPT-TOKEN-6d2b")" != 000 ] || fail "verify link"
expect 404 'a 404' "$base/api/v1/no-such-thing"
expect 401 'a 401' "$base/api/v1/me"
# A real login and a call with its token: the token must not reach the log either.
token=$(curl -s --max-time 10 -H 'Content-Type: application/json' \
  --data-binary '{"login":"admin","password":"Demo#2026"}' "$base/api/v1/auth/login" | jq -r .token)
[ -n "$token" ] && [ "$token" != null ] || fail "demo admin cannot log in"
expect 200 'a call with a token' -H "Authorization: Bearer $token" "$base/api/v1/me"

# A second server on the taken port fails to start: what it writes must be log lines too.
if "$anju" serve --db "$db" --listen "127.0.0.1:$port" --web-dir "$dir/web" --no-jobs \
  >"$dir/second.out" 2>"$dir/second.err"; then
  fail "a second server started on a taken port"
fi

kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=""
[ "$rc" = 0 ] || fail "server exited $rc after SIGTERM"

for f in serve.out serve.err second.out second.err; do
  bad=$(bad_lines "$dir/$f")
  [ -z "$bad" ] || fail "$f has lines that are not log lines:
$(echo "$bad" | head -n 5 | cut -c1-400)"
done
[ -s "$dir/second.out" ] || [ -s "$dir/second.err" ] || fail "the failed start said nothing"
log() { cat "$dir/serve.out" "$dir/serve.err"; }
log | jq -e -s 'any(.msg == "anju stopped")' >/dev/null || fail "no 'anju stopped' line"

# Access lines: fields at the top level, with their types.
access=$(log | jq -c 'select(.type == "access")')
[ "$(echo "$access" | wc -l)" -ge 18 ] || fail "expected 18 access lines, got: $access"
echo "$access" | jq -e -s 'all(.[]; .msg == "access" and .level == "info"
    and (.method | type) == "string" and (.route | type) == "string"
    and (.path | type) == "string" and (.status | type) == "number"
    and (.ms | type) == "number" and (.request_id | type) == "string"
    and (.ip | type) == "string")' >/dev/null || fail "access line fields"
# Hostile paths come back as the server decoded them (invalid bytes as U+FFFD).
has_path() { echo "$access" | jq -e -s --arg p "$1" 'any(.path == $p)' >/dev/null; }
has_path '/api/v1/"quoted"\back\slash' || fail "quoted path not logged as sent"
has_path $'/api/v1/x\r\n{"type":"forged","level":"error"}' || fail "newline path not logged as sent"
has_path $'/api/v1/\x01\x02\x07\x08\x09\x0b\x0c\x1b\x1f\x7f' || fail "control characters"
has_path '/api/v1/安居物业' || fail "Chinese path"
has_path '/api/v1/</script><script>alert(1)</script>' || fail "script path"
has_path $'/api/v1/\u2028\u2029' || fail "line separators"
has_path "/api/v1/$(printf '"\\\n安%.0s' $(seq 1 300))" || fail "long path"
echo "$access" | jq -e -s 'any(.path | startswith("/api/v1/\ufffd"))' >/dev/null \
  || fail "invalid UTF-8 not replaced"
echo "$access" | jq -e -s 'any(.path == "/api/v1/me" and .status == 401)' >/dev/null \
  || fail "the 401 has no access line"
echo "$access" | jq -e -s 'any(.route == "/api/v1/auth/login" and .status == 401
    and .error == "INVALID_CREDENTIALS")' >/dev/null || fail "the failed login has no access line"
has_path '/api/v1/receipts/verify/{token}' || fail "verify link not logged as its pattern"
log | jq -e -s 'all(.type != "forged" and .forged == null)' >/dev/null \
  || fail "a forged field reached the top level"

# No secrets: not the login name or password sent, nor tokens, cookies or the user agent.
for secret in PWNED-LOGIN-7f3a PWNED-PASS-9c1e BOGUS-TOKEN-3e8f BOGUS-COOKIE-a41c \
  UA-MARKER-5b1d RECEIPT-TOKEN-6d2b 'Demo#2026' "$token"; do
  if grep -qF -- "$secret" "$dir"/*.out "$dir"/*.err; then fail "the log holds $secret"; fi
done
echo "cli logs: $(log | wc -l) lines parsed, $(echo "$access" | wc -l) access lines"
