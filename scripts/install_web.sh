#!/usr/bin/env bash
# Installs what the web UI, its browser tests and the contract check (scripts/check_contract.sh:
# openapi-typescript, swagger-parser, vue-tsc) need: Node.js and npm, Debian's Chromium and a
# CJK font (Debian packages), then the npm packages of web/ from its lockfile.
# Idempotent: installs only what is missing, and re-runs `npm ci` only when node_modules is
# missing or package-lock.json changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

missing=()
# Node.js may come from Debian (nodejs + npm) or from NodeSource (nodejs with npm inside).
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
for pkg in chromium fonts-noto-cjk; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install_web: installing ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# npm packages, from the registry, exactly as locked.
stamp=web/node_modules/.package-lock.sha256
want="$(sha256sum web/package-lock.json | cut -d' ' -f1)"
if [[ ! -d web/node_modules || ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
  echo "install_web: npm ci in web/"
  (cd web && npm ci --no-audit --no-fund)
  echo "$want" >"$stamp"
fi
