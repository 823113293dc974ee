#!/usr/bin/env bash
# Smoke test of the PyInstaller build (the CI step for release builds; not part of pytest).
#
#   bash packaging/smoke_test.sh [--build]
#
# --build first runs packaging/build.py with $PYTHON (default: python3; it needs PyInstaller and
# the program installed, see packaging/README.md). Then, on packaging/dist/reader/reader:
#   1. --version prints the version kept in reader/__init__.py;
#   2. --help exits 0;
#   3. --screenshot FILE, offscreen, with READER_HOME in a fresh temporary folder, writes a PNG
#      with a PNG signature, larger than 400x300 and not a single colour (packaging/check_png.py);
#   4. the user guide (帮助 ▸ 使用说明) is in the bundle in both languages, and renders:
#      --screenshot FILE --view guide.
#   5. importing 20 files (enough for the import worker processes, which a frozen build must be
#      able to start) imports all 20, and `reader outline` reads them back;
#   6. a picture (rendered here with $PYTHON) is read by the bundle's OCR processes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
PYTHON="${PYTHON:-python3}"
EXE="$HERE/dist/reader/reader"

if [[ "${1:-}" == "--build" ]]; then
    "$PYTHON" "$HERE/build.py"
fi
if [[ ! -x "$EXE" ]]; then
    echo "FAIL: $EXE not found; build it first (bash packaging/smoke_test.sh --build)" >&2
    exit 1
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export READER_HOME="$TMP/home" QT_QPA_PLATFORM=offscreen
mkdir -p "$READER_HOME"

want="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' "$ROOT/reader/__init__.py")"
got="$(timeout 120 "$EXE" --version 2>/dev/null)"
if [[ "$got" != *"$want"* ]]; then
    echo "FAIL: reader --version printed '$got', expected it to contain '$want'" >&2
    exit 1
fi
echo "ok: reader --version -> $got"

timeout 120 "$EXE" --help >"$TMP/help.txt"
echo "ok: reader --help"

shot="$TMP/screenshot.png"
start=$SECONDS
timeout 180 "$EXE" --screenshot "$shot"
echo "ok: reader --screenshot exited 0 after $((SECONDS - start)) s"
"$PYTHON" "$HERE/check_png.py" "$shot" --min-width 401 --min-height 301

for lang in zh_CN en; do
    page="$(dirname "$EXE")/_internal/resources/guide/$lang/index.html"
    [[ -f "$page" ]] || { echo "FAIL: the guide is not in the bundle: $page" >&2; exit 1; }
done
[[ -f "$(dirname "$EXE")/_internal/resources/guide/guide.css" ]] || { echo "FAIL: the guide's stylesheet is not in the bundle" >&2; exit 1; }
echo "ok: the guide is bundled (resources/guide/zh_CN/index.html, resources/guide/en/index.html)"
timeout 180 "$EXE" --screenshot "$TMP/guide.png" --view guide --lang en
"$PYTHON" "$HERE/check_png.py" "$TMP/guide.png" --min-width 401 --min-height 301
mkdir -p "$TMP/reports"
for i in $(seq 1 20); do  # 20 different reports: the same text twice would be one document
    printf '第%s号县人民代表大会常务委员会工作报告\n\n一、监督工作\n\n听取审议专项工作报告%s项。\n\n二、代表工作\n\n建设代表联络站%s个。\n' \
        "$i" "$i" "$i" >"$TMP/reports/report-$i.txt"
done
timeout 300 "$EXE" import --project "$TMP/smoke.renda" "$TMP/reports" >"$TMP/import.txt" 2>"$TMP/import-errors.txt"
if grep -qi "worker process" "$TMP/import-errors.txt"; then  # ingest logs a fallback to one process
    echo "FAIL: the bundle's import worker processes did not start:" >&2
    cat "$TMP/import-errors.txt" >&2
    exit 1
fi
if ! grep -q "20 imported" "$TMP/import.txt"; then
    echo "FAIL: importing 20 files with the bundle:" >&2
    cat "$TMP/import.txt" >&2
    exit 1
fi
units="$(timeout 120 "$EXE" outline --project "$TMP/smoke.renda" | grep -c '^unit ')"
[[ "$units" == 20 ]] || { echo "FAIL: reader outline lists $units units after importing 20 files" >&2; exit 1; }
echo "ok: 20 files imported by the bundle (its import worker processes start) and read back"

# 6. a picture read by OCR in the bundle (its OCR processes, onnxruntime, OpenCV and the models)
"$PYTHON" - "$TMP/scan.png" <<'PY'
import sys
from pathlib import Path

from reader.bench.scanpages import Layout, render_pages, to_png

text = "县人民代表大会常务委员会工作报告\n一、监督工作\n听取审议专项工作报告十二项，开展执法检查五次。\n二、代表工作\n建设代表联络站四十个。"
Path(sys.argv[1]).write_bytes(to_png(render_pages(text, Layout(header=None))[0]))
PY
timeout 300 "$EXE" import --project "$TMP/scan.renda" "$TMP/scan.png" >"$TMP/scan.txt" 2>&1 \
    || { echo "FAIL: importing a picture with the bundle (OCR):" >&2; cat "$TMP/scan.txt" >&2; exit 1; }
timeout 120 "$EXE" text --unit 1 --project "$TMP/scan.renda" >"$TMP/scan-text.txt"
grep -q "建设代表联络站四十个" "$TMP/scan-text.txt" \
    || { echo "FAIL: the bundle's OCR read:" >&2; cat "$TMP/scan-text.txt" >&2; exit 1; }
echo "ok: a picture read by the bundle's OCR"
echo "smoke test passed"
