"""Build the one-folder bundle with PyInstaller: packaging/dist/reader/ (and reader.app on macOS).

    python packaging/build.py [--clean]

Run it with an interpreter that has PyInstaller and the program installed, kept apart from the
development environment, e.g.

    python3 -m venv /tmp/venv-pack
    /tmp/venv-pack/bin/pip install pyinstaller -e .
    /tmp/venv-pack/bin/python packaging/build.py

Work files go to packaging/build/, the result to packaging/dist/ (both git-ignored).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's INFO log too (default: warnings)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed in this interpreter (see packaging/README.md)", file=sys.stderr)
        return 2
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "INFO" if args.verbose else "WARN",
        "--workpath",
        str(HERE / "build"),
        "--distpath",
        str(HERE / "dist"),
        str(HERE / "reader.spec"),
    ]
    if args.clean:
        cmd.insert(3, "--clean")
    start = time.monotonic()
    result = subprocess.run(cmd, check=False)
    if result.returncode:
        return result.returncode
    out = HERE / "dist" / "reader"
    print(f"built {out} in {time.monotonic() - start:.0f} s, {dir_size(out) / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
