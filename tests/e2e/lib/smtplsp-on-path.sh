# Sourced by the editor end-to-end scripts: puts an `smtplsp` command on the PATH, as the README tells users to.
# Uses the Native AOT binary when SMTPLSP_AOT_BINARY is set, else the framework-dependent build of the repository.
# Sets FLAVOUR (aot|jit) and WORK (a temporary folder removed on exit); on failure prints "E2E FAIL $1: ..." and exits.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
if [ -n "${SMTPLSP_AOT_BINARY:-}" ] && [ -x "$SMTPLSP_AOT_BINARY" ]; then
  SERVER=("$SMTPLSP_AOT_BINARY"); FLAVOUR=aot
else
  DLL=$(ls "$ROOT"/server/SmtpLsp.Server/bin/*/net10.0/smtplsp.dll 2>/dev/null | head -1)
  [ -n "$DLL" ] || { echo "E2E FAIL $1: no server build found (run dotnet build first)"; exit 1; }
  SERVER=(dotnet "$DLL"); FLAVOUR=jit
fi
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec %s "$@"\n' "$(printf '%q ' "${SERVER[@]}")" > "$WORK/bin/smtplsp"; chmod +x "$WORK/bin/smtplsp"
export PATH="$WORK/bin:$PATH"
