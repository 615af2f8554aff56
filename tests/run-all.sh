#!/usr/bin/env bash
# Runs every test of SmtpLsp: the .NET unit and protocol tests, the Native AOT end-to-end tests, and the real-editor
# tests (Neovim, Emacs, the VS Code extension in code-server, its webview in Chromium). Prints one closing line "N passed, N failed[, N skipped]" and exits non-zero on any failure.
# Usage (from the repository root): bash tests/run-all.sh
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOG_DIR=${SMTPLSP_TEST_LOGS:-$ROOT/artifacts/test-logs}
mkdir -p "$LOG_DIR"
passed=0; failed=0; skipped=0; status=0

count_dotnet() { # sums "Failed: N, Passed: N, Skipped: N" lines of dotnet test output
  local f=$1 p fl s
  p=$(grep -aoE 'Passed: +[0-9]+' "$f" | awk '{s+=$2} END {print s+0}')
  fl=$(grep -aoE 'Failed: +[0-9]+' "$f" | awk '{s+=$2} END {print s+0}')
  s=$(grep -aoE 'Skipped: +[0-9]+' "$f" | awk '{s+=$2} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + fl)); skipped=$((skipped + s))
}

echo "== building"
if ! dotnet build SmtpLsp.sln -c Release -nologo -v q 2>&1 | tee "$LOG_DIR/build.log" | tail -3; then status=1; fi
if grep -qE 'error [A-Z]+[0-9]+' "$LOG_DIR/build.log"; then echo "build failed"; status=1; failed=$((failed + 1)); fi

echo "== publishing the Native AOT server"
AOT_DIR=$ROOT/artifacts/aot
if dotnet publish server/SmtpLsp.Server -c Release -r linux-x64 -p:PublishAot=true -o "$AOT_DIR" -nologo -v q > "$LOG_DIR/aot.log" 2>&1; then
  export SMTPLSP_AOT_BINARY=$AOT_DIR/smtplsp
else
  echo "AOT publish failed (see $LOG_DIR/aot.log)"; tail -20 "$LOG_DIR/aot.log"; failed=$((failed + 1)); status=1
fi

echo "== dotnet tests"
dotnet test SmtpLsp.sln -c Release --no-build -nologo 2>&1 | tee "$LOG_DIR/dotnet-test.log" | grep -aE 'Passed!|Failed!|\[FAIL\]|error' 
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
count_dotnet "$LOG_DIR/dotnet-test.log"

echo "== client unit tests (node:test)"
if command -v npm >/dev/null 2>&1; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund > "$LOG_DIR/npm-ci.log" 2>&1 || { echo "npm ci failed (see $LOG_DIR/npm-ci.log)"; tail -20 "$LOG_DIR/npm-ci.log"; failed=$((failed + 1)); status=1; }
  fi
  npm test > "$LOG_DIR/npm-test.log" 2>&1 || status=1
  grep -aE '^# (pass|fail)' "$LOG_DIR/npm-test.log"; grep -aE '^not ok' "$LOG_DIR/npm-test.log"
  p=$(grep -aoE '^# pass [0-9]+' "$LOG_DIR/npm-test.log" | awk '{s+=$3} END {print s+0}')
  f=$(grep -aoE '^# fail [0-9]+' "$LOG_DIR/npm-test.log" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$p" -eq 0 ]; then echo "npm test ran no test (see $LOG_DIR/npm-test.log)"; tail -20 "$LOG_DIR/npm-test.log"; failed=$((failed + 1)); status=1; fi
else
  echo "npm is not installed: client tests skipped"; skipped=$((skipped + 1))
fi

for script in tests/e2e/*.sh; do
  [ -e "$script" ] || continue
  echo "== $script"
  out=$(bash "$script" 2>&1); rc=$?
  echo "$out" | tail -15
  p=$(echo "$out" | grep -aoE '^E2E PASS' | wc -l); f=$(echo "$out" | grep -aoE '^E2E FAIL' | wc -l); s=$(echo "$out" | grep -aoE '^E2E SKIP' | wc -l)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ $rc -ne 0 ]; then status=1; [ "$f" -eq 0 ] && failed=$((failed + 1)); fi
done

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
