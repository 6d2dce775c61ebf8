"""The benchmark suite behind `make bench` (see benchmarks/README.md)."""
