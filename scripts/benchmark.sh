#!/usr/bin/env bash
# Reruns the performance measurements (Release build): scripts/benchmark.sh [engine|deadlines|list|findings|writers|documents|reviews|all].
# list, findings, writers, documents and reviews need PostgreSQL like the tests do
# (Docker, the server binaries, or MSO_TEST_POSTGRES).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/MsoManager.Benchmarks -- "$@"
