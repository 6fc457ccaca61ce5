#!/usr/bin/env bash
# Installs what Anju needs to build, run and test on Debian 12. Idempotent: installs only
# the packages that are missing. Uses sudo when not run as root.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build ccache pkg-config git
  # libraries (Boost 1.81 by name: Debian 12's plain libboost-dev is 1.74)
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev libsodium-dev libssl-dev
  libspdlog-dev libfmt-dev libcli11-dev libgoogle-perftools-dev
  libhpdf-dev libqrencode-dev fonts-wqy-zenhei poppler-utils  # receipts (PDF, CJK font, QR); poppler in tests
  libharfbuzz-dev  # receipts: hb-subset cuts the font to the glyphs a PDF uses
  libxlsxwriter-dev unzip  # report exports (.xlsx); unzip reads them in tests
  libzip-dev libexpat1-dev  # imports: reading .xlsx (zip + streaming XML)
  # tests and benchmarks: a real PostgreSQL server, GoogleTest, Google Benchmark, wrk, nginx
  postgresql libgtest-dev libgmock-dev libbenchmark-dev wrk nginx-light curl procps iproute2
  faketime  # the suites again at fixed instants (month end in China, leap day, New Year UTC)
  jq  # tests/cli/logs.sh parses every log line
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "install.sh: all packages present"
# The web UI and its browser tests: Node.js, Chromium, a CJK font, and web/'s npm packages.
bash "$(dirname "$0")/install_web.sh"
