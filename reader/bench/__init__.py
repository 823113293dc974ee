"""Benchmark tools: a deterministic generator of a national corpus, and the benchmark script."""
