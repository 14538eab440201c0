#!/usr/bin/env bash
# Browser tests of the dashboard (test/browser/, `npm run test:browser`) in Debian's
# headless Chromium. Idempotent: installs the chromium package only when it is missing
# (playwright-core never downloads a browser), then runs the suite.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
    exit 1
  fi
  echo "== installing Debian's chromium"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  # A font with Vietnamese glyphs, so the screenshots are readable (fonts are only a Recommends of chromium).
  $sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi
echo "== $("$chromium_path" --version 2>/dev/null || echo "chromium at $chromium_path")"

if [ ! -d node_modules/playwright-core ]; then
  echo "== installing node modules"
  npm install --no-audit --no-fund
fi

echo "== browser tests (npm run test:browser)"
npm run test:browser
