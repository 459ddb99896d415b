#!/usr/bin/env bash
# Runs every test of MSO Manager on a fresh Debian machine with the .NET SDK:
#   1. installs what the tests need when it is missing (Chromium; the PostgreSQL server binaries
#      when no Docker engine is reachable and MSO_TEST_POSTGRES is not set);
#   2. checks formatting (dotnet format --verify-no-changes);
#   3. builds with warnings as errors and runs every test project. The integration and browser
#      tests start their own throwaway PostgreSQL (see tests/MsoManager.Testing/PostgresServer.cs).
set -euo pipefail
cd "$(dirname "$0")"

started=$(date +%s)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

echo "== Prerequisites"
if [ -z "${MSO_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests (Debian package 'chromium')..."
  apt_install chromium
fi
has_docker() { [ -S /var/run/docker.sock ] || [ -n "${DOCKER_HOST:-}" ]; }
has_pg_binaries() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
if ! has_docker && ! has_pg_binaries && [ -z "${MSO_TEST_POSTGRES:-}" ]; then
  echo "Installing the PostgreSQL server binaries for a throwaway test cluster..."
  apt_install postgresql
fi

echo "== Formatting"
dotnet tool restore >/dev/null
dotnet format MsoManager.sln --verify-no-changes

echo "== Build"
dotnet build MsoManager.sln --nologo -v quiet

echo "== Tests"
# One test project at a time: the browser and database tests share two cores.
dotnet test MsoManager.sln --no-build --nologo -m:1 -- RunConfiguration.CollectSourceInformation=false

echo "== All tests passed in $(( $(date +%s) - started )) s"
