#!/usr/bin/env bash
# End to end in Emacs 28 + eglot (Debian's emacs-nox and elpa-eglot), loading the README's init.el snippet:
# diagnostics reach flymake and hover decodes SmtpInboundCommandSupportOptions="7697601".
# Prints "E2E PASS|FAIL|SKIP" lines (counted by tests/run-all.sh).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
if ! command -v emacs >/dev/null 2>&1 || [ ! -d /usr/share/emacs/site-lisp/elpa ] || ! ls /usr/share/emacs/site-lisp/elpa | grep -q '^eglot'; then
  echo "E2E SKIP emacs: emacs and eglot are not installed (apt-get install emacs-nox elpa-eglot)"; exit 0
fi
if [ -n "${SMTPLSP_AOT_BINARY:-}" ] && [ -x "$SMTPLSP_AOT_BINARY" ]; then
  SERVER=("$SMTPLSP_AOT_BINARY"); FLAVOUR=aot
else
  DLL=$(ls "$ROOT"/server/SmtpLsp.Server/bin/*/net10.0/smtplsp.dll 2>/dev/null | head -1)
  [ -n "$DLL" ] || { echo "E2E FAIL emacs: no server build found (run dotnet build first)"; exit 1; }
  SERVER=(dotnet "$DLL"); FLAVOUR=jit
fi
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cp "$HERE/neovim/MetaBase.xml" "$WORK/MetaBase.xml"
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec %s "$@"\n' "$(printf '%q ' "${SERVER[@]}")" > "$WORK/bin/smtplsp"; chmod +x "$WORK/bin/smtplsp"
export PATH="$WORK/bin:$PATH" HOME="$WORK"
cd "$WORK"
SMTPLSP_SNIPPET=$HERE/emacs/smtplsp.el LSP_FILE=MetaBase.xml LSP_OUT=$WORK/out.jsonl LSP_HOVER=9:38 \
  timeout 120 emacs --batch -Q -l "$HERE/emacs/lsp-drive.el" > "$WORK/emacs.log" 2>&1
rc=$?
node "$HERE/emacs/check.js" "$WORK/out.jsonl" "$FLAVOUR" "$rc" || { tail -20 "$WORK/emacs.log"; exit 1; }
