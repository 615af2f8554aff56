#!/usr/bin/env bash
# The VS Code extension's property sheet page in headless Chromium: renders a sample payload, unticking 8BITMIME
# shows 3503297 and posts the apply message, it follows text changes, Revert works, and it works from the keyboard.
# Prints "E2E PASS name" / "E2E FAIL name" / "E2E SKIP name" lines (counted by tests/run-all.sh).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
LOG=$ROOT/artifacts/webview; mkdir -p "$LOG"
if ! command -v node >/dev/null 2>&1; then echo "E2E SKIP webview: node is not installed"; exit 0; fi
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) > "$LOG/apt.log" 2>&1
fi
if [ ! -x /usr/bin/chromium ]; then echo "E2E SKIP webview: /usr/bin/chromium is missing (apt-get install chromium)"; exit 0; fi
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund > "$LOG/npm-ci.log" 2>&1 || { echo "E2E FAIL webview: npm ci failed (see $LOG/npm-ci.log)"; exit 1; }
fi
node client/build.mjs > "$LOG/build.log" 2>&1 || { echo "E2E FAIL webview: the client build failed"; cat "$LOG/build.log"; exit 1; }
timeout 120 node client/test/webview/drive-webview.js "$ROOT" "$LOG"
