#!/usr/bin/env bash
# Regenerates the Orleans contract manifests (OrleansContracts.txt) after a grain interface or grain
# class changed. Review the diff: an identity or signature change can break a rolling upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains/Grains.csproj; do
  dotnet format "$project" analyzers --severity info \
    --diagnostics ORLEANS0016 ORLEANS0017 ORLEANS0018 ORLEANS0019 ORLEANS0020 ORLEANS0022 ORLEANS0023 ORLEANS0024
done
git --no-pager diff --stat -- '*/OrleansContracts.txt' || true
