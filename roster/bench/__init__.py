"""Benchmarks of the product's optimiser, apart from the application: they print tables and
assert nothing about time (targets and figures live in docs/benchmarks.md).

- ``network``: every demo shelter's month solved in parallel processes (``roster bench network``);
- ``shelters``: phase 2's roster at a few time limits against each shelter's reference roster;
- ``curtois``: the public Curtois & Qu instances (``roster bench curtois``).
"""

from roster.bench.network import (
    BenchRow,
    bench_network,
    demo_problems,
    machine_line,
    markdown_table,
)

__all__ = ["BenchRow", "bench_network", "demo_problems", "machine_line", "markdown_table"]
