#!/usr/bin/env bash
# fetch-haar-cascade.sh [dest-dir]   (default: models/ at the repository root; used by bench/ only)
# Copies OpenCV's haarcascade_frontalface_default.xml out of the Debian package opencv-data
# (apt-get download + dpkg -x; nothing is installed) and checks its sha256.
# Idempotent: skips when the file is already there with the expected hash.
set -euo pipefail
NAME=haarcascade_frontalface_default.xml
SHA256=0f7d4527844eb514d4a4948e822da90fbb16a34a0bbbbc6adc6498747a5aafb0  # opencv-data 4.6.0+dfsg-12 (bookworm)
die() { echo "fetch-haar-cascade.sh: ERROR: $*" >&2; exit 1; }
[ $# -le 1 ] || { echo "usage: $0 [dest-dir]" >&2; exit 2; }
TARGET="${1:-$(cd "$(dirname "$0")/.." && pwd)/models}"
mkdir -p "$TARGET"; DEST="$(cd "$TARGET" && pwd)"; OUT="$DEST/$NAME"
if [ -f "$OUT" ]; then
  h="$(sha256sum "$OUT" | cut -d' ' -f1)"
  [ "$h" = "$SHA256" ] || die "$OUT exists with sha256 $h, expected $SHA256"
  echo "fetch-haar-cascade.sh: $OUT present, skipping."; exit 0
fi
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && apt-get download opencv-data) || { apt-get update && (cd "$WORK" && apt-get download opencv-data); } || die "apt-get download opencv-data failed"
dpkg -x "$WORK"/opencv-data_*.deb "$WORK/x"
SRC="$(find "$WORK/x" -name "$NAME" | head -n1)"; [ -n "$SRC" ] || die "$NAME not in opencv-data"
h="$(sha256sum "$SRC" | cut -d' ' -f1)"; [ "$h" = "$SHA256" ] || die "sha256 mismatch: got $h, expected $SHA256"
cp "$SRC" "$OUT"; echo "fetch-haar-cascade.sh: wrote $OUT"
