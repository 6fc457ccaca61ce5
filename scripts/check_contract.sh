#!/usr/bin/env bash
# The web's contract check (CTest `web_contract`): fails when
#   1. api/openapi.yaml is not valid OpenAPI 3 for the tools partners use
#      (web/scripts/validate-openapi.mjs: @apidevtools/swagger-parser, and keys an unquoted
#      comma split off a flow mapping);
#   2. a generated file of the web is stale: web/src/generated/openapi.ts (from the contract,
#      openapi-typescript) or web/src/generated/permissions.ts (from `anju permissions
#      --json`) differs from what web/scripts/gen.mjs writes now;
#   3. the web does not type-check against them (vue-tsc --noEmit).
# It first proves on small fixtures that steps 1 and 2 catch what they are for.
#
#   scripts/check_contract.sh path/to/anju
#
# Needs web/node_modules (scripts/install_web.sh). Fix a failure with `npm run gen` in web/
# (after changing the contract or the catalogue) or by fixing the page.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 path/to/anju" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ANJU="$(realpath "$1")"
cd "$ROOT/web"
if [[ ! -d node_modules/openapi-typescript || ! -d node_modules/@apidevtools/swagger-parser ]]; then
  echo "check_contract: web/node_modules is missing or old (run scripts/install_web.sh)" >&2
  exit 2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Compares a committed generated file with a fresh one; prints the difference.
same() {
  if ! diff -u "$1" "$2" >"$WORK/diff"; then
    head -n 40 "$WORK/diff" >&2
    return 1
  fi
}

# ---- Self-test: the checks fail on a broken contract and on a stale file.
cat >"$WORK/bad.yaml" <<'EOF'
openapi: 3.0.3
info: { title: fixture, version: "1" }
paths: {}
components:
  schemas:
    RowError:
      type: object
      properties:
        reason: { type: string, description: Chinese, for the person fixing the file., example: 必填 }
EOF
if node scripts/validate-openapi.mjs "$WORK/bad.yaml" >/dev/null 2>&1; then
  echo "check_contract: self-test failed: the validator accepted an unquoted comma in a flow mapping" >&2
  exit 1
fi
{ cat src/generated/permissions.ts; echo '// a stale line'; } >"$WORK/stale.ts"
if same src/generated/permissions.ts "$WORK/stale.ts" 2>/dev/null; then
  echo "check_contract: self-test failed: a changed generated file compared equal" >&2
  exit 1
fi
echo "check_contract: self-test ok (a broken contract and a stale file are caught)"

# ---- 1. The contract is valid.
node scripts/validate-openapi.mjs "$ROOT/api/openapi.yaml"

# ---- 2. The generated files are current.
node scripts/gen.mjs --anju "$ANJU" --out "$WORK/generated" >/dev/null
stale=0
for f in openapi.ts permissions.ts; do
  if ! same "src/generated/$f" "$WORK/generated/$f"; then
    echo "check_contract: web/src/generated/$f is stale: run \`npm run gen\` in web/ and commit it" >&2
    stale=1
  fi
done
[[ $stale -eq 0 ]] || exit 1
echo "check_contract: web/src/generated/ is current"

# ---- 3. The web type-checks against them.
npx --no-install vue-tsc --noEmit
echo "check_contract: ok"
