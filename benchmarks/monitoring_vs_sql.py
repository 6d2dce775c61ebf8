"""Corpus search and trends at sizes S/M/L against hand-written SQL, on PostgreSQL.

    .venv/bin/python benchmarks/monitoring_vs_sql.py [--sizes S,M,L] [--repeat 5]

Runs on its own throwaway PostgreSQL (scripts/with_postgres.sh), grows the corpus
with generate_corpus (S 2,000 statements, M 20,000, L 200,000; two annotations a
statement), checks that the ORM's results equal the SQL's and prints median times
with their spread and the ratios. `make bench` measures the same two figures on its
own S/M/L corpus; this is the quick, monitoring-only run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "WB_MONITORING_BENCH_OWN_POSTGRES"
# Cumulative: meetings of 200 statements added to reach each size.
SIZES = {"S": 10, "M": 100, "L": 1000}


def inside_throwaway_postgres() -> None:
    if os.environ.get(MARKER) == "1" and os.environ.get("WB_PG_SOCKET_DIR"):
        return
    script = ROOT / "scripts" / "with_postgres.sh"
    env = {**os.environ, MARKER: "1", "PYTHONDONTWRITEBYTECODE": "1"}
    os.execve(str(script), [str(script), sys.executable, *sys.argv], env)  # noqa: S606


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="S,M,L")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    if any(s not in SIZES for s in sizes):
        parser.error(f"sizes are {', '.join(SIZES)}")
    inside_throwaway_postgres()
    sys.path.insert(0, str(ROOT))
    from benchmarks.environment import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.measure_monitoring import monitoring_times
    from benchmarks.stats import ms, ratio, spread_ms

    call_command("migrate", verbosity=0, interactive=False)
    loaded = 0
    print("| size | statements | figure | ORM | SQL | ratio |\n|---|---|---|---|---|---|")
    for size in sizes:
        started = time.perf_counter()
        call_command(
            "generate_corpus", meetings=SIZES[size] - loaded, statements_per_meeting=200,
            annotations_per_statement=2, analysts=2, seed=len(size) + loaded, verbosity=0,
        )  # fmt: skip
        loaded = SIZES[size]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        load = time.perf_counter() - started
        t = monitoring_times(repeat=args.repeat)
        for name, orm, sql in (
            (f"search ({t.hits:,} hits)", t.search, t.search_sql),
            ("trends by body and year", t.trends, t.trends_sql),
        ):
            print(
                f"| {size} | {t.statements:,} | {name} | {ms(orm.median)} ({spread_ms(orm)}) "
                f"| {ms(sql.median)} ({spread_ms(sql)}) | {ratio(orm, sql):.2f}× |",
                flush=True,
            )
        print(f"<!-- size {size} loaded in {load:.0f} s -->", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
