#!/usr/bin/env bash
# End to end in Emacs 28 + eglot (Debian's emacs-nox and elpa-eglot), loading the README's init.el snippet:
# diagnostics reach flymake and hover decodes SmtpInboundCommandSupportOptions="7697601".
# Prints "E2E PASS|FAIL|SKIP" lines (counted by tests/run-all.sh).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if ! command -v emacs >/dev/null 2>&1 || [ ! -d /usr/share/emacs/site-lisp/elpa ] || ! ls /usr/share/emacs/site-lisp/elpa | grep -q '^eglot'; then
  echo "E2E SKIP emacs: emacs and eglot are not installed (apt-get install emacs-nox elpa-eglot)"; exit 0
fi
source "$HERE/lib/smtplsp-on-path.sh" emacs
cp "$HERE/fixtures/MetaBase.xml" "$WORK/MetaBase.xml"
export HOME="$WORK"
cd "$WORK"
SMTPLSP_SNIPPET=$HERE/emacs/smtplsp.el LSP_FILE=MetaBase.xml LSP_OUT=$WORK/out.jsonl LSP_HOVER=9:38 \
  timeout 120 emacs --batch -Q -l "$HERE/emacs/lsp-drive.el" > "$WORK/emacs.log" 2>&1
rc=$?
node "$HERE/emacs/check.js" "$WORK/out.jsonl" "$FLAVOUR" "$rc" || { tail -20 "$WORK/emacs.log"; exit 1; }
