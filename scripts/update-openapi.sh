#!/usr/bin/env bash
# Rewrites the web client's copy of the OpenAPI document (src/Api/ClientApp/openapi/v1.json) from the API as
# it is now, then regenerates the client's types from it and type-checks them. Run it after changing a
# route or a request/response shape; OpenApiSnapshotTests fails until you do, and the type-check then shows
# which hand-written types in src/api/types.ts must follow. Review the snapshot's diff: a renamed or removed
# field breaks clients (docs/API.md says when that is allowed), and update docs/API.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/WebApi.Tests
# The snapshot is written by the test itself, so it is normalised exactly as the test compares it.
PROCTORWISE_UPDATE_OPENAPI=1 dotnet test --project tests/WebApi.Tests --no-build -- \
  --filter-class 'ProctorWise.WebApi.Tests.Features.OpenApiSnapshotTests'
cd src/Api/ClientApp
[ -d node_modules ] || npm ci --no-audit --no-fund
git --no-pager diff --stat -- openapi/v1.json || true
npm run typecheck   # regenerates src/api/openapi.gen.ts first (pretypecheck)
