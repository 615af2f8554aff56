#!/usr/bin/env bash
# End to end in a real editor nobody here wrote: headless Neovim 0.7 (Debian's package) opens a MetaBase.xml,
# receives diagnostics, hovers SmtpInboundCommandSupportOptions="7697601" and completes inside an IIsSmtpServer key.
# Runs against the Native AOT binary when SMTPLSP_AOT_BINARY is set, else the framework-dependent build.
# Prints "E2E PASS name" / "E2E FAIL name" / "E2E SKIP name" lines (counted by tests/run-all.sh).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
if ! command -v nvim >/dev/null 2>&1; then
  echo "E2E SKIP neovim: nvim is not installed (apt-get install neovim)"; exit 0
fi
if [ -n "${SMTPLSP_AOT_BINARY:-}" ] && [ -x "$SMTPLSP_AOT_BINARY" ]; then
  SERVER=("$SMTPLSP_AOT_BINARY"); FLAVOUR=aot
else
  DLL=$(ls "$ROOT"/server/SmtpLsp.Server/bin/*/net10.0/smtplsp.dll 2>/dev/null | head -1)
  [ -n "$DLL" ] || { echo "E2E FAIL neovim: no server build found (run dotnet build first)"; exit 1; }
  SERVER=(dotnet "$DLL"); FLAVOUR=jit
fi
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cp "$HERE/neovim/MetaBase.xml" "$WORK/MetaBase.xml"
# `smtplsp` on the PATH, as the README tells users to install it.
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec %s "$@"\n' "$(printf '%q ' "${SERVER[@]}")" > "$WORK/bin/smtplsp"; chmod +x "$WORK/bin/smtplsp"
export PATH="$WORK/bin:$PATH"
cd "$WORK"
# Line 9 holds SmtpInboundCommandSupportOptions="7697601"; line 10 is the key's "\t>" (inside the start tag).
SMTPLSP_SNIPPET=$HERE/neovim/smtplsp.lua LSP_FILE=MetaBase.xml LSP_OUT=$WORK/out.jsonl LSP_HOVER=9:38 LSP_COMPLETE=10:1 \
  timeout 90 nvim --headless --clean -n -c "luafile $HERE/neovim/lsp-drive.lua" > "$WORK/nvim.log" 2>&1
rc=$?
node "$HERE/neovim/check.js" "$WORK/out.jsonl" "$FLAVOUR" "$rc"
