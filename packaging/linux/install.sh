#!/usr/bin/env bash
# Install the one-folder build with its desktop integration (menu entry, icons, AppStream data).
#
#   bash packaging/linux/install.sh [PREFIX]      # default PREFIX: ~/.local (no root needed)
#
# Copies packaging/dist/reader/ to PREFIX/lib/renda-reader/, links PREFIX/bin/reader to it, and puts
# the .desktop file, the metainfo and the hicolor icons under PREFIX/share.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(dirname "$HERE")"
PREFIX="${1:-$HOME/.local}"
APP_ID=io.github.rendareader.Reader
DIST="$HERE/dist/reader"

[[ -x "$DIST/reader" ]] || { echo "build first: python packaging/build.py" >&2; exit 1; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
rm -rf "$PREFIX/lib/renda-reader"
cp -a "$DIST" "$PREFIX/lib/renda-reader"
ln -sf "$PREFIX/lib/renda-reader/reader" "$PREFIX/bin/reader"
install -m 644 "$HERE/$APP_ID.desktop" "$PREFIX/share/applications/$APP_ID.desktop"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "$ROOT/resources/icons/reader-$size.png" \
        "$PREFIX/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -D -m 644 "$ROOT/resources/icons/reader.svg" "$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
echo "installed to $PREFIX (run: $PREFIX/bin/reader)"
