#!/usr/bin/env bash
# Adds an EF Core migration for both providers (SQLite and PostgreSQL), from the current model.
# Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  echo "== $provider"
  # The app's own host builds the model (Identity options included); no database is contacted.
  dotnet ef migrations add "$name" \
    --project "src/MsoManager.Migrations.$provider" \
    --startup-project src/MsoManager.Web \
    --output-dir Migrations \
    -- --Database:Provider="$provider" --ConnectionStrings:Postgres="Host=design-time-only" --Logging:File:Path=""
done
