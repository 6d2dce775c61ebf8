"""Where the CSV and JSON Lines exports lose against raw COPY, step by step (PostgreSQL).

    scripts/with_postgres.sh .venv/bin/python benchmarks/export_profile.py [--annotations N]

In-process, no HTTP: fills the throwaway database with generate_corpus, then
times, turn about and median of 5, each step from the baseline to the export:

  raw COPY        COPY (the export's plain SELECT) TO STDOUT (FORMAT csv), read as bytes
                  (make bench's baseline)
  CSV COPY only   the export's binary COPY of its finished CSV lines
                  (exchange.copy_lines), rows read and dropped
  CSV export      annotations.exchange.tabular.csv_export, every piece it yields
  JSON COPY only  the binary COPY of the database-built JSON lines, read and dropped
  JSONL export    jsonl_export, every piece it yields

and prints each one's rate as a share of raw COPY's, and the CPU time the whole
PostgreSQL server spent on it (every backend and parallel worker, from /proc):
on a shared machine the wall-clock shares move with the load, the CPU seconds
much less, so they show what a change to the SQL saves.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import cpu_ticks  # noqa: E402 (after the path above)


def server_cpu_seconds() -> float:
    """CPU time of the throwaway PostgreSQL so far: the postmaster's children, live
    (backends) and exited (parallel workers, counted in the postmaster's cutime)."""
    socket_dir = os.environ["WB_PG_SOCKET_DIR"]
    with open(f"{socket_dir}/data/postmaster.pid", encoding="ascii") as pid_file:
        postmaster = int(pid_file.readline())
    ticks = cpu_ticks(postmaster)
    with open(f"/proc/{postmaster}/task/{postmaster}/children", encoding="ascii") as kids:
        for child in kids.read().split():
            try:
                ticks += cpu_ticks(child)
            except OSError:  # ended meanwhile: its time is in the postmaster's cutime
                pass
    return ticks / os.sysconf("SC_CLK_TCK")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annotations", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from benchmarks.environment import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from annotations.exchange.copy_lines import csv_lines_sql, jsonl_lines_sql
    from annotations.exchange.streaming import COPY_SETTINGS
    from annotations.exchange.tabular import csv_export, jsonl_export
    from annotations.models import Annotation
    from benchmarks.sql import copy_select, export_select
    from benchmarks.stats import Sample

    if connection.vendor != "postgresql":
        raise SystemExit("Run it under scripts/with_postgres.sh: COPY needs PostgreSQL.")
    call_command("migrate", verbosity=0, interactive=False)
    statements = max(1, args.annotations // 10 // 100)
    call_command(
        "generate_corpus",
        meetings=statements,
        statements_per_meeting=100,
        annotations_per_statement=10,
        analysts=3,
        seed=1,
        verbosity=0,
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    live = Annotation.objects.live()
    rows = live.count()

    from django.db import transaction

    def drain_copy(select: str) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for setting in COPY_SETTINGS:
                cursor.execute(setting)
            with cursor.cursor.copy(f"COPY ({select}) TO STDOUT (FORMAT binary)") as copy:
                for _row in copy:
                    pass

    csv_copy = csv_lines_sql(live)
    json_copy = jsonl_lines_sql(live)
    steps = {
        "raw COPY": lambda: copy_select(*export_select()),
        "CSV COPY only": lambda: drain_copy(csv_copy),
        "CSV export": lambda: sum(map(len, csv_export(live))),
        "JSON COPY only": lambda: drain_copy(json_copy),
        "JSONL export": lambda: sum(map(len, jsonl_export(live))),
    }
    import time

    times: dict[str, list[float]] = {name: [] for name in steps}
    cpu: dict[str, list[float]] = {name: [] for name in steps}
    for step in steps.values():
        step()  # warm the cache
    for _ in range(args.repeat):
        for name, step in steps.items():
            cpu_before = server_cpu_seconds()
            started = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - started)
            cpu[name].append(server_cpu_seconds() - cpu_before)
    baseline = Sample(tuple(times["raw COPY"])).median
    cpu_baseline = Sample(tuple(cpu["raw COPY"])).median
    print(f"{rows:,} annotations, median of {args.repeat}, turn about; load {os.getloadavg()}")
    print("| step | median | rows/s | share of raw COPY | PostgreSQL CPU | raw COPY's CPU / this |")
    print("|---|---|---|---|---|---|")
    for name, values in times.items():
        median = Sample(tuple(values)).median
        seconds = Sample(tuple(cpu[name])).median
        print(
            f"| {name} | {median:.3f} s | {rows / median:,.0f} | {baseline / median:.2f} "
            f"| {seconds:.2f} s | {cpu_baseline / seconds:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
