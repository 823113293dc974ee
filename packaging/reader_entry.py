"""Entry script for the PyInstaller build (packaging/reader.spec): the same as `python -m reader`."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a worker process is started in a bundle
    sys.exit(main())
