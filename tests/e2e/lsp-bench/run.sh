#!/usr/bin/env bash
# Publishes the AOT server, generates the 20 MB and 50 MB documents, and runs the LSP-level benchmark.
# Not part of the test run. Usage: tests/e2e/lsp-bench/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=${SMTPLSP_BENCH_DIR:-/tmp/smtplsp-bench}
mkdir -p "$out"
dotnet publish server/SmtpLsp.Server -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" > "$out/publish.log"
dotnet build tests/SmtpLsp.Benchmarks -c Release > "$out/build.log"
bench="dotnet tests/SmtpLsp.Benchmarks/bin/Release/net10.0/SmtpLsp.Benchmarks.dll"
$bench generate 10 "$out/metabase-10mb.xml"
$bench generate 20 "$out/metabase-20mb.xml"
$bench generate 50 "$out/metabase-50mb.xml"
node tests/e2e/lsp-bench/lsp-bench.js "$out/aot/smtplsp" "$out/metabase-20mb.xml" "$out/metabase-50mb.xml" "$out/metabase-10mb.xml" --runs "${1:-5}"
