#!/usr/bin/env bash
# End to end in a real editor nobody here wrote: headless Neovim 0.7 (Debian's package) opens a MetaBase.xml,
# receives diagnostics, hovers SmtpInboundCommandSupportOptions="7697601" and completes inside an IIsSmtpServer key.
# Runs against the Native AOT binary when SMTPLSP_AOT_BINARY is set, else the framework-dependent build.
# Prints "E2E PASS name" / "E2E FAIL name" / "E2E SKIP name" lines (counted by tests/run-all.sh).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null 2>&1; then
  echo "E2E SKIP neovim: nvim is not installed (apt-get install neovim)"; exit 0
fi
source "$HERE/lib/smtplsp-on-path.sh" neovim
cp "$HERE/fixtures/MetaBase.xml" "$WORK/MetaBase.xml"
cd "$WORK"
# Line 9 holds SmtpInboundCommandSupportOptions="7697601"; line 10 is the key's "\t>" (inside the start tag).
cp "$HERE/fixtures/MetaBase.xml" "$WORK/Other.xml"
SMTPLSP_SNIPPET=$HERE/neovim/smtplsp.lua LSP_FILE=MetaBase.xml LSP_OUT=$WORK/out.jsonl LSP_HOVER=9:38 LSP_COMPLETE=10:1 LSP_REOPEN=Other.xml \
  timeout 90 nvim --headless --clean -n -c "luafile $HERE/neovim/lsp-drive.lua" > "$WORK/nvim.log" 2>&1
rc=$?
LSP_REOPEN=Other.xml node "$HERE/neovim/check.js" "$WORK/out.jsonl" "$FLAVOUR" "$rc"
