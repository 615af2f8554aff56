#!/usr/bin/env bash
# Neovim 0.7 and Emacs 28 + eglot, with the README's snippets, on a 30 MB metabase whose problems sit at its end
# (line 734,000 of 734,442): the diagnostics are shown, an 'x' typed into SmtpInboundCommandSupportOptions there shows
# its error and taking it out removes it, and hover answers right after. Uses the probes of
# tests/e2e/lsp-bench/editors.sh (timed from the editor's side); the times are printed, not judged.
# Prints "E2E PASS name" / "E2E FAIL name" / "E2E SKIP name" lines (counted by tests/run-all.sh).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib/smtplsp-on-path.sh" large-editors
node "$HERE/code-server/large-metabase.js" "$ROOT/tests/samples/MetaBase-with-errors.xml" "$WORK/MetaBase.xml" 30000000 first \
  || { echo "E2E FAIL large-editors: could not write the 30 MB metabase"; exit 1; }
cd "$WORK"
for editor in neovim emacs; do
  out="$WORK/$editor.jsonl"; : > "$out"
  case $editor in
    neovim)
      command -v nvim >/dev/null 2>&1 || { echo "E2E SKIP neovim-30mb: nvim is not installed"; continue; }
      SMTPLSP_SNIPPET=$HERE/neovim/smtplsp.lua LSP_FILE=MetaBase.xml LSP_OUT=$out LSP_KEYSTROKES=1 \
        timeout 300 nvim --headless --clean -n -c "luafile $HERE/lsp-bench/editors/probe.lua" > "$WORK/$editor.log" 2>&1 ;;
    emacs)
      command -v emacs >/dev/null 2>&1 || { echo "E2E SKIP emacs-30mb: emacs is not installed"; continue; }
      HOME=$WORK SMTPLSP_SNIPPET=$HERE/emacs/smtplsp.el LSP_FILE=MetaBase.xml LSP_OUT=$out LSP_KEYSTROKES=1 \
        timeout 300 emacs --batch -Q -l "$HERE/lsp-bench/editors/probe.el" < /dev/null > "$WORK/$editor.log" 2>&1 ;;
  esac
  rc=$?
  verdict=$(node - "$out" "$editor-30mb-$FLAVOUR" "$rc" <<'JS'
const [file, name, rc] = process.argv.slice(2);
const rows = require('fs').readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l.replace(/^\uFEFF/, '')));
const get = (kind) => rows.find((r) => r.kind === kind)?.value;
const ms = (kind) => (typeof get(kind) === 'number' ? `${Math.round(get(kind))} ms` : 'never');
const check = (ok, what) => console.log(`E2E ${ok ? 'PASS' : 'FAIL'} ${name} ${what}`);
check(rc === '0' && get('error') === undefined, `probe ran to its end (exit ${rc}${get('error') ? `, ${get('error')}` : ''})`);
check(get('diagnostics') === 5, `the sample's 5 problems shown at the end of the file: ${get('diagnostics')}, after ${ms('open-to-first-diagnostics-ms')}`);
check(typeof get('keystroke-to-diagnostic-shown-ms') === 'number', `an 'x' typed there shows its error after ${ms('keystroke-to-diagnostic-shown-ms')}`);
check(typeof get('hover-right-after-ms') === 'number', `hover right after answers in ${ms('hover-right-after-ms')}`);
check(typeof get('undo-to-diagnostic-gone-ms') === 'number', `taking the 'x' out removes the error after ${ms('undo-to-diagnostic-gone-ms')}`);
JS
)
  echo "$verdict"
  if ! grep -q "E2E PASS" <<< "$verdict" || grep -q "E2E FAIL" <<< "$verdict"; then tail -20 "$WORK/$editor.log"; fi
done
