#!/usr/bin/env bash
# fetch-promtool.sh [dest-dir]
#
# ProctorWise dev/test helper (written for this project). Puts Prometheus' `promtool` (it checks the alert rules of
# deploy/prometheus/, a Deployment test) into <dest-dir> (default .cache/tools/bin) from Debian's `prometheus`
# package, unpacked with dpkg -x rather than installed: installing it would also set up a Prometheus service.
set -euo pipefail

[ $# -le 1 ] || { echo "usage: $0 [dest-dir]" >&2; exit 2; }
DEST="${1:-$(cd "$(dirname "$0")/.." && pwd)/.cache/tools/bin}"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
if [ -x "$DEST/promtool" ]; then
  echo "fetch-promtool.sh: $DEST/promtool present, skipping."
  exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
# apt-get download needs the package lists; fetch them once if they are missing.
apt-get download prometheus >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get download prometheus >/dev/null; }
dpkg -x prometheus_*.deb unpacked
install -m 0755 unpacked/usr/bin/promtool "$DEST/promtool"
echo "fetch-promtool.sh: $("$DEST/promtool" --version 2>&1 | head -n1) in $DEST"
