#!/usr/bin/env bash
# fetch-test-photos.sh [dest-dir]   (default: tests/data/photos at the repository root)
# Obtains two test photos from Debian packages and copies them into <dest-dir>:
#   astronaut.png  (python3-imageio: one frontal face)
#   messi5.jpg     (opencv-doc: one small, turned face)
# Idempotent: skips when both files are already in <dest-dir>.
# Work files (~100 MB of .debs, ~400 MB extracted) go to a temporary directory that is removed
# afterwards, unless FETCH_PHOTOS_CACHE=<dir> is set: then .debs and extracted trees are kept
# and re-used there.
# Tools: apt-get download, dpkg -x (no root needed for these; 'apt-get update', run only if the
# first 'apt-get download' fails, does need root).
set -euo pipefail

die() { echo "fetch-test-photos.sh: ERROR: $*" >&2; exit 1; }

[ $# -le 1 ] || { echo "usage: $0 [dest-dir]" >&2; exit 2; }
DEST="${1:-$(cd "$(dirname "$0")/.." && pwd)/tests/data/photos}"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"

if [ -s "$DEST/astronaut.png" ] && [ -s "$DEST/messi5.jpg" ]; then
  echo "fetch-test-photos.sh: astronaut.png and messi5.jpg already in $DEST, skipping."
  exit 0
fi

if [ -n "${FETCH_PHOTOS_CACHE:-}" ]; then
  mkdir -p "$FETCH_PHOTOS_CACHE"
  WORK="$(cd "$FETCH_PHOTOS_CACHE" && pwd)"
else
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
fi

fetch_deb() {  # $1 = package name; prints the .deb path
  local pkg="$1" deb
  deb="$(ls "$WORK"/"${pkg}"_*.deb 2>/dev/null | head -n1 || true)"
  if [ -z "$deb" ]; then
    # apt-get download writes into the current directory.
    if ! (cd "$WORK" && apt-get download "$pkg" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2; exit "${PIPESTATUS[0]}"); then
      echo "fetch-test-photos.sh: apt-get download $pkg failed; running apt-get update and retrying" >&2
      apt-get update >&2 || die "apt-get update failed"
      (cd "$WORK" && apt-get download "$pkg" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2; exit "${PIPESTATUS[0]}") || die "apt-get download $pkg failed"
    fi
    deb="$(ls "$WORK"/"${pkg}"_*.deb 2>/dev/null | head -n1 || true)"
  fi
  [ -n "$deb" ] || die "no .deb for $pkg in $WORK"
  echo "$deb"
}

extract() {  # $1 = package name; prints the extraction dir
  local pkg="$1" deb dir
  deb="$(fetch_deb "$pkg")"
  dir="$WORK/x/$pkg"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    dpkg -x "$deb" "$dir" || die "dpkg -x $deb failed"
    touch "$dir/.done"
  fi
  echo "$dir"
}

find_one() {  # $1 = dir, $2 = file name
  local f
  f="$(find "$1" -type f -name "$2" | head -n1)"
  [ -n "$f" ] || die "$2 not found under $1"
  echo "$f"
}

IMGDIR="$(extract python3-imageio)"
DOCDIR="$(extract opencv-doc)"

cp -f "$(find_one "$IMGDIR" astronaut.png)" "$DEST/astronaut.png"
cp -f "$(find_one "$DOCDIR" messi5.jpg)" "$DEST/messi5.jpg"
echo "fetch-test-photos.sh: copied astronaut.png and messi5.jpg into $DEST"
