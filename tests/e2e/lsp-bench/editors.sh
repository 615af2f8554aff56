#!/usr/bin/env bash
# Neovim 0.7 and Emacs 28 + eglot (Debian's packages) on a large metabase, timed from the editor's side: open to the
# first diagnostics shown, a keystroke that makes an error to it shown, hover and completion right after. Uses the
# README's snippets and the Native AOT server (SMTPLSP_AOT_BINARY, or the framework-dependent build).
# Not part of the test run. Usage: tests/e2e/lsp-bench/editors.sh FILE [neovim|emacs|emacs-no-hints ...]
set -uo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
FILE=$(realpath "$1"); shift
EDITORS=("${@:-neovim emacs-no-hints emacs}"); EDITORS=(${EDITORS[*]})
source "$HERE/lib/smtplsp-on-path.sh" editors-bench
cp "$FILE" "$WORK/MetaBase.xml"
cd "$WORK"
echo "$(basename "$FILE"): $(( $(stat -c %s "$FILE") / 1000000 )) MB, server $FLAVOUR"
for editor in "${EDITORS[@]}"; do
  out="$WORK/$editor.jsonl"; : > "$out"
  case $editor in
    neovim)
      SMTPLSP_SNIPPET=$HERE/neovim/smtplsp.lua LSP_FILE=MetaBase.xml LSP_OUT=$out \
        timeout 600 nvim --headless --clean -n -c "luafile $HERE/lsp-bench/editors/probe.lua" > "$WORK/$editor.log" 2>&1 ;;
    emacs|emacs-no-hints)
      snippet=$HERE/emacs/smtplsp.el; [ "$editor" = emacs-no-hints ] && snippet=$HERE/lsp-bench/editors/smtplsp-no-hints.el
      HOME=$WORK SMTPLSP_SNIPPET=$snippet LSP_FILE=MetaBase.xml LSP_OUT=$out \
        timeout 900 emacs --batch -Q -l "$HERE/lsp-bench/editors/probe.el" < /dev/null > "$WORK/$editor.log" 2>&1 ;;
    *) echo "unknown editor $editor"; continue ;;
  esac
  echo "$editor (exit $?):"
  node -e '
    const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l.replace(/^\uFEFF/, "")));
    const by = new Map();
    for (const r of rows) by.set(r.kind, [...(by.get(r.kind) || []), r.value]);
    for (const [kind, values] of by) {
      if (typeof values[0] !== "number") { console.log(`  ${kind}: ${values.join("; ")}`); continue; }
      const s = [...values].sort((a, b) => a - b), med = s[Math.floor((s.length - 1) / 2)];
      const f = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
      console.log(`  ${kind}: ${values.length > 1 ? `median ${f(med)} (${f(s[0])}..${f(s[s.length - 1])}, n=${s.length})` : f(values[0])}`);
    }' "$out"
done
