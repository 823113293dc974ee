"""python -m reader.bench: the benchmark against the limits (reader.bench.suite)."""

from reader.bench.suite import main

raise SystemExit(main())
