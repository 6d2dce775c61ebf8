"""`make bench`: measured figures for import, workspace, report, export and lists.

    make bench                         sizes S, M and L (about 1,000,000 annotations)
    make bench ARGS="--skip-l"         S and M only
    make bench ARGS="--sizes S --repeat 3 --explain"

Starts its own throwaway PostgreSQL (scripts/with_postgres.sh), fills it with
generate_corpus size by size, serves the app with gunicorn (one sync worker),
and prints one table. Every figure is a median of several runs with the
spread; the claims are ratios taken in the same run. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.environment import (  # noqa: E402
    ROOT,
    machine,
    run_inside_throwaway_postgres,
    setup_django,
)

RESULTS = ROOT / "benchmarks" / "results"
# Cumulative sizes (benchmarks/corpus.py fills them).
SIZES = ("S", "M", "L")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default="S,M,L",
        help="comma-separated sizes to load and measure, in order (default S,M,L)",
    )
    parser.add_argument("--skip-l", action="store_true", help="leave out size L")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timed figure (default 5)")
    parser.add_argument(
        "--export-repeat",
        type=int,
        default=3,
        help="runs per export and COPY figure (default 3)",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=40,
        help="requests per list endpoint for p50/p95 (default 40)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="load this fraction of the M and L meetings, to try the harness quickly "
        "(default 1: the issue's sizes; the figures only count at 1)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also write EXPLAIN (ANALYZE, BUFFERS) of the slowest queries to benchmarks/results/",
    )
    args = parser.parse_args(argv)
    sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    if args.skip_l:
        sizes = [s for s in sizes if s != "L"]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}: use {', '.join(SIZES)}")
    if sizes != [s for s in SIZES if s in sizes] or "S" not in sizes:
        parser.error(f"sizes build on each other: give S first, then in the order {SIZES}")
    if args.repeat < 1 or args.export_repeat < 1 or args.requests < 2:
        parser.error("--repeat and --export-repeat must be 1 or more, --requests 2 or more")
    if not 0 < args.scale <= 1:
        parser.error("--scale must be more than 0 and at most 1")
    args.sizes = sizes
    return args


def command(argv: list[str]) -> str:
    return f'make bench ARGS="{" ".join(argv)}"' if argv else "make bench"


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    run_inside_throwaway_postgres(argv)
    setup_django()
    from benchmarks.suite import Suite

    started = time.perf_counter()
    suite = Suite(args)
    suite.prepare()
    about = machine()
    suite.run()
    elapsed = time.perf_counter() - started

    print()
    print("Machine: " + "; ".join(f"{key} {value}" for key, value in about.items()))
    print(f"Command: {command(argv)}  (total {elapsed / 60:.1f} min)")
    print()
    print(suite.table.as_text())
    print()
    for line in suite.notes:
        print(line)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.md").write_text(
        "\n".join(
            [
                "Machine: " + "; ".join(f"{k} {v}" for k, v in about.items()),
                f"Command: `{command(argv)}` ({elapsed / 60:.1f} min)",
                "",
                suite.table.as_markdown(),
                "",
                *suite.notes,
                "",
            ]
        ),
        encoding="utf-8",
    )
    (RESULTS / f"bench-{stamp}.json").write_text(
        json.dumps(
            {"machine": about, "argv": argv, "rows": [asdict(r) for r in suite.table.rows]},
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}/bench-{stamp}.md and .json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
