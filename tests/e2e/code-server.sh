#!/usr/bin/env bash
# A real VS Code end to end: code-server 4.100.3 (Code 1.100.3, from npm) driven by headless Chromium installs the
# built .vsix, opens a MetaBase.xml with errors, and checks the Problems panel, a hover with the decoded verbs, the
# status bar, the Metabase Explorer and the property sheet; then a metabase over the 50 MiB characters VS Code shares
# with extensions, read from disk, and one opened alone in another folder; and one of 30 MB, served as any document.
# Screenshots go to artifacts/code-server/shots/.
# Prints "E2E PASS name" / "E2E FAIL name" / "E2E SKIP name" lines (counted by tests/run-all.sh).
# SMTPLSP_E2E_SERVER_PATH runs another server build (smtpLsp.server.path) instead of the bundled one.
# Downloads only npm and Debian packages; binds 127.0.0.1; ends every process it started (its own process group).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
HERE=$ROOT/tests/e2e/code-server
ART=$ROOT/artifacts/code-server; mkdir -p "$ART"
CS_HOME=${SMTPLSP_CODE_SERVER_HOME:-$ART}   # the code-server install is kept between runs
skip() { echo "E2E SKIP code-server: $1"; exit 0; }
fail() { echo "E2E FAIL code-server: $1"; exit 1; }

command -v node >/dev/null 2>&1 || skip "node is not installed"
command -v dotnet >/dev/null 2>&1 || skip "dotnet is not installed"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || skip "missing ${need[*]} (apt-get install ${need[*]})"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") > "$ART/apt.log" 2>&1 \
    || fail "apt-get install ${need[*]} failed (see $ART/apt.log)"
fi

CS=$CS_HOME/cs/node_modules/.bin/code-server
if ! "$CS" --version 2>/dev/null | grep -q '^4.100.3'; then
  # The 4 workarounds of shared/research/real-clients.md §3: ripgrep from Debian seeded into vscode-ripgrep's cache,
  # Node headers from /usr, --unsafe-perm for root, npx allowed to fetch node-gyp. 4.100.3 is the last line on Node 20.
  rm -rf "$CS_HOME/cs" "$CS_HOME/tmp"
  mkdir -p "$CS_HOME/tmp/vscode-ripgrep-cache-1.15.11" "$CS_HOME/rgtar" "$CS_HOME/cs"
  cp "$(command -v rg)" "$CS_HOME/rgtar/rg"
  tar -czf "$CS_HOME/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$CS_HOME/rgtar" rg
  echo '{"name":"code-server-e2e","private":true}' > "$CS_HOME/cs/package.json"
  (cd "$CS_HOME/cs" && TMPDIR=$CS_HOME/tmp npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true \
    npm_config_dangerously_allow_all_scripts=true timeout 900 npm install code-server@4.100.3 --no-audit --no-fund --foreground-scripts) \
    > "$ART/install.log" 2>&1 || fail "npm install code-server@4.100.3 failed (see $ART/install.log)"
fi

# The .vsix under test (bundles the AOT server; reuses SMTPLSP_AOT_BINARY when tests/run-all.sh published one).
if [ ! -d node_modules/@vscode/vsce ]; then
  npm ci --no-audit --no-fund > "$ART/npm-ci.log" 2>&1 || fail "npm ci failed (see $ART/npm-ci.log)"
fi
if [ -z "${SMTPLSP_VSIX:-}" ]; then
  npm run package < /dev/null > "$ART/package.log" 2>&1 || { tail -20 "$ART/package.log"; fail "npm run package failed"; }
  SMTPLSP_VSIX=$ROOT/artifacts/smtplsp.vsix
fi

R=$(mktemp -d /tmp/smtplsp-code-server.XXXXXX)
mkdir -p "$R/ud/User" "$R/ext" "$R/ws" "$R/xdg"
export XDG_CONFIG_HOME=$R/xdg XDG_DATA_HOME=$R/xdg XDG_CACHE_HOME=$R/xdg   # else it writes ~/.config, ~/.local/share
PGID=""
cleanup() {
  if [ -n "$PGID" ]; then kill -TERM -- "-$PGID" 2>/dev/null; sleep 1; kill -KILL -- "-$PGID" 2>/dev/null; fi
  cp -r "$R/ud/logs" "$ART/logs" 2>/dev/null; rm -rf "$R"
}
trap cleanup EXIT
rm -rf "$ART/logs" "$ART/shots"; mkdir -p "$ART/shots"

if timeout 60 "$CS" --user-data-dir "$R/ud" --extensions-dir "$R/ext" --install-extension "$SMTPLSP_VSIX" > "$ART/install-vsix.log" 2>&1; then
  echo "E2E PASS code-server-install-vsix"
else
  cat "$ART/install-vsix.log"; echo "E2E FAIL code-server-install-vsix"; exit 1
fi
cat > "$R/ud/User/settings.json" <<JSON
{ "workbench.startupEditor": "none", "telemetry.telemetryLevel": "off", "extensions.autoCheckUpdates": false,
  "update.mode": "none", "workbench.tips.enabled": false, "security.workspace.trust.enabled": false,
  "workbench.colorTheme": "Default Dark Modern", "editor.hover.delay": 150, "window.commandCenter": false,
  "chat.commandCenter.enabled": false, "workbench.secondarySideBar.defaultVisibility": "hidden",
  "smtpLsp.server.path": "${SMTPLSP_E2E_SERVER_PATH:-}" }
JSON
cp tests/samples/MetaBase-with-errors.xml "$R/ws/MetaBase.xml"
node "$HERE/large-metabase.js" tests/samples/MetaBase-with-errors.xml "$R/ws/MetaBase-large.xml" || fail "could not write MetaBase-large.xml"
# A second folder with only a large metabase under another name: nothing there activates the extension but the tab.
mkdir -p "$R/ws-large" && cp "$R/ws/MetaBase-large.xml" "$R/ws-large/export.xml"
# And one of 30 MB, which VS Code shares with extensions but opens with its large-file optimizations.
node "$HERE/large-metabase.js" tests/samples/MetaBase-with-errors.xml "$R/ws-large/MetaBase-30mb.xml" 30000000 || fail "could not write MetaBase-30mb.xml"

PORT=${SMTPLSP_CODE_SERVER_PORT:-$((20000 + RANDOM % 20000))}
setsid "$CS" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$R/ud" --extensions-dir "$R/ext" "$R/ws" > "$ART/server.log" 2>&1 &
PGID=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || { tail -20 "$ART/server.log"; fail "code-server did not start"; }

timeout 300 node "$HERE/drive-code-server.js" "$ROOT" "http://127.0.0.1:$PORT" "$R/ws" "$ART/shots" "$R/ud/logs" "$R/ws-large"
rc=$?
# SMTPLSP_UPDATE_DOCS_IMAGES=1 refreshes the screenshots docs/vscode.md shows.
if [ "${SMTPLSP_UPDATE_DOCS_IMAGES:-}" = 1 ] && [ $rc -eq 0 ]; then
  mkdir -p docs/images
  for f in docs-hover docs-explorer-property-sheet; do
    [ -f "$ART/shots/$f.png" ] && cp "$ART/shots/$f.png" "docs/images/vscode-${f#docs-}.png"
  done
fi
exit $rc
