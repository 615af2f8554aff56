#!/usr/bin/env bash
# Puts the servers the .vsix bundles into server-bin/: the Native AOT binary for linux-x64 (server-bin/linux-x64/smtplsp)
# and the framework-dependent build for every other platform (server-bin/dotnet/smtplsp.dll, run with `dotnet`).
# SMTPLSP_AOT_BINARY, when set to an existing binary (tests/run-all.sh publishes one), is copied instead of republished.
# For another platform's native binary: dotnet publish server/SmtpLsp.Server -c Release -r <rid> -p:PublishAot=true
# -o server-bin/<rid> on that platform (Native AOT does not cross-compile between operating systems).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
rm -rf server-bin
mkdir -p server-bin/linux-x64
if [ -n "${SMTPLSP_AOT_BINARY:-}" ] && [ -x "$SMTPLSP_AOT_BINARY" ]; then
  cp "$SMTPLSP_AOT_BINARY" server-bin/linux-x64/smtplsp
else
  dotnet publish server/SmtpLsp.Server -c Release -r linux-x64 -p:PublishAot=true -p:PublishDir="$ROOT/artifacts/aot-vsix/" -nologo -v q
  cp artifacts/aot-vsix/smtplsp server-bin/linux-x64/smtplsp
fi
# -p:PublishDir, because `-o` without `-r` trips MSB1008 in SDK 10.0.401.
dotnet publish server/SmtpLsp.Server -c Release -p:PublishDir="$ROOT/server-bin/dotnet/" -nologo -v q
rm -f server-bin/dotnet/*.pdb
echo "server-bin: $(du -sh server-bin | cut -f1) ($(ls server-bin/dotnet | wc -l) files in server-bin/dotnet)"
